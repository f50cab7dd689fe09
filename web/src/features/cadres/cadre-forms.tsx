import { cadres, type Problem } from '@massline/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../../app/session-provider';
import { problemText, useFieldMessages } from '../../lib/error-message';
import { FormAlert, FormField } from '../../lib/form-field';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { RegionSelect, type RegionOption } from '../regions/region-select';
import { postTitle, useCadresI18n } from './cadres-i18n';
import {
  CreateCadreMutation,
  CreatePostMutation,
  CreateTermMutation,
  EndTermMutation,
  PostFormOptionsQuery,
  PostsQuery,
} from './cadres.operations';

/** A form's buttons: send it, or close it unsent. */
function FormActions({ submit, testId, busy, onCancel }: { submit: string; testId: string; busy: boolean; onCancel(): void }) {
  const { t } = useCadresI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" data-testid={testId} disabled={busy}>
        {submit}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('action.cancel')}
      </button>
    </div>
  );
}

/** Shared's problems of a form, in the reader's language, by field. */
function useProblemMessages(): (problems: Record<string, Problem>) => Record<string, string> {
  const i18n = useCadresI18n();
  return (problems) =>
    Object.fromEntries(
      Object.entries(problems).map(([field, problem]) => [field, problemText(problem, i18n) ?? i18n.t('problem.INVALID')]),
    );
}

interface FormProps<Created> {
  onCreated(created: Created): void;
  onCancel(): void;
}

/** A cadre: a name and the region of the jurisdiction that keeps the record (checked by shared's cadreProblems). */
export function CadreCreateForm({ onCreated, onCancel }: FormProps<string>) {
  const { t } = useCadresI18n();
  const { user: me } = useSession();
  const [name, setName] = useState('');
  const [region, setRegion] = useState<RegionOption | null>(null);
  const [checks, setChecks] = useState<Record<string, string>>({});
  const create = useApiMutation(CreateCadreMutation);
  const messages = useProblemMessages();
  const fields = { ...useFieldMessages(create.error), ...checks };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = messages(cadres.cadreProblems({ name }));
    if (!region) found.regionId = t('form.chooseRegion');
    setChecks(found);
    if (!region || Object.keys(found).length > 0) return;
    const created = await create.run({ input: { name: name.trim(), regionId: region.id } });
    if (created) onCreated(created.createCadre.name);
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="cadre-create-title">
      <h2 id="cadre-create-title">{t('cadres.createTitle')}</h2>
      <FormAlert error={create.error} />
      <div className="form-grid">
        <FormField label={t('field.cadreName')} error={fields.name}>
          {(control) => <input {...control} data-testid="cadre-name" value={name} onChange={(event) => setName(event.target.value)} />}
        </FormField>
        <FormField label={t('field.region')} hint={t('cadres.regionHint')} error={fields.regionId}>
          {(control) => (
            <RegionSelect control={control} value={region} onChange={setRegion} withinId={me?.region.id} testId="cadre-region" />
          )}
        </FormField>
      </div>
      <FormActions submit={t('cadres.create')} testId="cadre-create-submit" busy={create.fetching} onCancel={onCancel} />
    </form>
  );
}

/**
 * A post: its titles, the region it serves, a level that fits the region (shared's postLevelsFor) and an
 * organization of the jurisdiction, of that region or above it (postProblems checks both before sending).
 */
export function PostCreateForm({ onCreated, onCancel }: FormProps<string>) {
  const { t, locale } = useCadresI18n();
  const { user: me } = useSession();
  const [title, setTitle] = useState('');
  const [titleZh, setTitleZh] = useState('');
  const [region, setRegion] = useState<RegionOption | null>(null);
  const [level, setLevel] = useState<cadres.PostLevel | ''>('');
  const [organizationId, setOrganizationId] = useState('');
  const [checks, setChecks] = useState<Record<string, string>>({});
  const create = useApiMutation(CreatePostMutation);
  const messages = useProblemMessages();
  const fields = { ...useFieldMessages(create.error), ...checks };
  const [{ data: options }] = useQuery({
    query: PostFormOptionsQuery,
    variables: { regionId: region?.id ?? '', withinId: me?.region.id ?? '' },
    pause: !region || !me,
  });
  const chosen = options?.region;
  const levels = chosen ? cadres.postLevelsFor(chosen.level) : [];
  // The organizations of the region or above it: the only ones a post of the region may belong to.
  const organizations = (options?.organizations.edges ?? [])
    .map((edge) => edge.node)
    .filter((o) => chosen && chosen.path.startsWith(o.region.path));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const organization = organizations.find((candidate) => candidate.id === organizationId);
    const found: Record<string, string> = {};
    if (!region || !chosen) found.regionId = t('form.chooseRegion');
    if (!level) found.level = t('form.required');
    if (!organization) found.organizationId = t('form.required');
    if (!title.trim()) found.title = t('form.required');
    if (!titleZh.trim()) found.titleZh = t('form.required');
    if (chosen && level && organization) {
      const problems = cadres.postProblems({
        title,
        titleZh,
        level,
        region: chosen,
        organization: { regionPath: organization.region.path },
      });
      Object.assign(found, messages(problems));
    }
    setChecks(found);
    if (!region || !level || !organization || Object.keys(found).length > 0) return;
    const created = await create.run({
      input: { title: title.trim(), titleZh: titleZh.trim(), level, regionId: region.id, organizationId },
    });
    if (created) onCreated(postTitle(created.createPost, locale));
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="post-create-title">
      <h2 id="post-create-title">{t('posts.createTitle')}</h2>
      <FormAlert error={create.error} />
      <div className="form-grid">
        <FormField label={t('field.postTitle')} error={fields.title}>
          {(control) => <input {...control} data-testid="post-title" value={title} onChange={(event) => setTitle(event.target.value)} />}
        </FormField>
        <FormField label={t('field.postTitleZh')} error={fields.titleZh}>
          {(control) => (
            <input
              {...control}
              lang="zh-CN"
              data-testid="post-title-zh"
              value={titleZh}
              onChange={(event) => setTitleZh(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('field.region')} hint={t('posts.regionHint')} error={fields.regionId}>
          {(control) => (
            <RegionSelect
              control={control}
              value={region}
              onChange={(next) => {
                setRegion(next);
                setLevel('');
                setOrganizationId('');
              }}
              withinId={me?.region.id}
              testId="post-region"
            />
          )}
        </FormField>
        <FormField label={t('field.level')} error={fields.level}>
          {(control) => (
            <select
              {...control}
              data-testid="post-level"
              value={level}
              onChange={(event) => setLevel(levels.find((l) => l === event.target.value) ?? '')}
            >
              <option value="">{t('form.choose')}</option>
              {levels.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {t(`postLevel.${candidate}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('field.organization')} hint={t('posts.organizationHint')} error={fields.organizationId}>
          {(control) => (
            <select
              {...control}
              data-testid="post-organization"
              value={organizationId}
              onChange={(event) => setOrganizationId(event.target.value)}
            >
              <option value="">{t('form.choose')}</option>
              {organizations.map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormActions submit={t('posts.create')} testId="post-create-submit" busy={create.fetching} onCancel={onCancel} />
    </form>
  );
}

/** A term of a cadre in a post of the jurisdiction: dates checked by shared's termProblems (length, order) before sending. */
export function TermCreateForm({ cadreName, cadreId, onCreated, onCancel }: FormProps<null> & { cadreName: string; cadreId: string }) {
  const { t, locale } = useCadresI18n();
  const { user: me } = useSession();
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText).trim();
  const [postId, setPostId] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [checks, setChecks] = useState<Record<string, string>>({});
  const create = useApiMutation(CreateTermMutation);
  const messages = useProblemMessages();
  const fields = { ...useFieldMessages(create.error), ...checks };
  const filter = useMemo(() => ({ regionId: me?.region.id ?? null, search: search || null }), [me, search]);
  const [{ data }] = useQuery({ query: PostsQuery, variables: { first: 50, filter }, pause: !me });
  const posts = data?.posts.edges.map((edge) => edge.node) ?? [];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const post = posts.find((candidate) => candidate.id === postId);
    const found: Record<string, string> = {};
    if (!post) found.postId = t('form.required');
    for (const problem of cadres.termProblems({ postId, level: post?.level ?? '', startsOn, endsOn }, [], [])) {
      found[problem.field] ??= messages({ [problem.field]: problem.problem })[problem.field];
    }
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    if (await create.run({ input: { cadreId, postId, startsOn, endsOn } })) onCreated(null);
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="term-create-title">
      <h2 id="term-create-title">{t('term.createTitle', { name: cadreName })}</h2>
      <FormAlert error={create.error} />
      <div className="form-grid">
        <FormField label={t('term.postSearch')}>
          {(control) => (
            <input
              {...control}
              type="search"
              data-testid="term-post-search"
              value={searchText}
              onChange={(event) => setSearchText(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('field.post')} hint={t('term.postHint')} error={fields.postId}>
          {(control) => (
            <select {...control} data-testid="term-post" value={postId} onChange={(event) => setPostId(event.target.value)}>
              <option value="">{t('form.choose')}</option>
              {posts.map((post) => (
                <option key={post.id} value={post.id}>
                  {postTitle(post, locale)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('field.startsOn')} error={fields.startsOn}>
          {(control) => (
            <input
              {...control}
              type="date"
              data-testid="term-starts-on"
              value={startsOn}
              onChange={(event) => setStartsOn(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('field.endsOn')} error={fields.endsOn}>
          {(control) => (
            <input {...control} type="date" data-testid="term-ends-on" value={endsOn} onChange={(event) => setEndsOn(event.target.value)} />
          )}
        </FormField>
      </div>
      <FormActions submit={t('term.create')} testId="term-create-submit" busy={create.fetching} onCancel={onCancel} />
    </form>
  );
}

/** Ends a term on a day and for a reason (shared's termEndProblems checks the day). */
export function TermEndForm({ term, onEnded, onCancel }: { term: cadres.TermDates & { id: string }; onEnded(): void; onCancel(): void }) {
  const { t } = useCadresI18n();
  const today = new Date().toISOString().slice(0, 10);
  const [endedOn, setEndedOn] = useState(today);
  const [reason, setReason] = useState<cadres.TermEndReason>('RESIGNATION');
  const [checks, setChecks] = useState<Record<string, string>>({});
  const end = useApiMutation(EndTermMutation);
  const messages = useProblemMessages();
  const fields = { ...useFieldMessages(end.error), ...checks };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = messages(cadres.termEndProblems(term, endedOn, today));
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    if (await end.run({ id: term.id, endedOn, reason })) onEnded();
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby={`term-end-${term.id}`}>
      <h3 id={`term-end-${term.id}`}>{t('term.endTitle')}</h3>
      <FormAlert error={end.error} />
      <div className="form-grid">
        <FormField label={t('field.endedOn')} error={fields.endedOn}>
          {(control) => (
            <input
              {...control}
              type="date"
              data-testid="term-ended-on"
              value={endedOn}
              onChange={(event) => setEndedOn(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('field.endReason')}>
          {(control) => (
            <select
              {...control}
              data-testid="term-end-reason"
              value={reason}
              onChange={(event) => setReason(cadres.TERM_END_REASONS.find((r) => r === event.target.value) ?? 'RESIGNATION')}
            >
              {cadres.TERM_END_REASONS.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {t(`endReason.${candidate}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormActions submit={t('term.endSubmit')} testId="term-end-submit" busy={end.fetching} onCancel={onCancel} />
    </form>
  );
}
