import { grants } from '@massline/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import type { ResultOf } from '../../app/graphql';
import { useSession } from '../../app/session-provider';
import { DataTable, pageOf, type Column } from '../../lib/data-table';
import { useFieldMessages } from '../../lib/error-message';
import { FormAlert, FormField } from '../../lib/form-field';
import { ErrorState, Loading } from '../../lib/states';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { RegionSelect, type RegionOption } from '../regions/region-select';
import { CadrePicker, PostPicker, type CadreOption, type PostOption } from './grant-pickers';
import { useGrantsI18n } from './grants-i18n';
import { CreateGrantMutation, GrantsQuery } from './grants.operations';

type GrantRow = ResultOf<typeof GrantsQuery>['grants']['edges'][number]['node'];

const PAGE_SIZE = 25;
export const GRANT_STATUSES = ['PROCEDURE', 'NOTICE', 'STOPPED', 'PROBATION', 'IN_EFFECT', 'ENDED'] as const;
type GrantStatus = (typeof GRANT_STATUSES)[number];

/** A grant's status as a badge. */
export function GrantStatusBadge({ status }: { status: GrantStatus }) {
  const { t } = useGrantsI18n();
  return (
    <span className={`badge badge-${status === 'STOPPED' || status === 'ENDED' ? 'inactive' : 'active'}`} data-testid="grant-status">
      {t(`grantStatus.${status}`)}
    </span>
  );
}

/** The power grants, public: filtered by region, post search, method, status and decision period; organizations record new ones. */
export function GrantsPage() {
  const { t, locale, regionName } = useGrantsI18n();
  const ability = useAppAbility();
  const [region, setRegion] = useState<RegionOption | null>(null);
  const [method, setMethod] = useState<grants.GrantMethod | ''>('');
  const [status, setStatus] = useState<GrantStatus | ''>('');
  const [decidedFrom, setDecidedFrom] = useState('');
  const [decidedTo, setDecidedTo] = useState('');
  const [creating, setCreating] = useState(false);
  const filter = useMemo(
    () => ({
      regionId: region?.id ?? null,
      method: method || null,
      status: status || null,
      decidedFrom: grants.isIsoDate(decidedFrom) ? decidedFrom : null,
      decidedTo: grants.isIsoDate(decidedTo) ? decidedTo : null,
    }),
    [region, method, status, decidedFrom, decidedTo],
  );
  const pages = useCursorPages(JSON.stringify(filter), PAGE_SIZE);
  const context = useMemo(() => ({ additionalTypenames: ['Grant'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: GrantsQuery, variables: { ...pages.variables, filter }, context });

  const columns: Column<GrantRow>[] = [
    {
      id: 'post',
      header: t('grants.column.post'),
      cell: (grant) => (
        <Link to={`/grants/${grant.id}`} data-testid="grant-link">
          {grant.post ? (locale === 'zh-CN' ? grant.post.titleZh : grant.post.title) : '—'}
        </Link>
      ),
    },
    { id: 'cadre', header: t('grants.column.cadre'), cell: (grant) => grant.cadre?.name ?? '—' },
    { id: 'region', header: t('grants.filter.region'), cell: (grant) => (grant.region ? regionName(grant.region) : '—') },
    { id: 'method', header: t('grants.filter.method'), cell: (grant) => t(`grantMethod.${grant.method}`) },
    {
      id: 'decided',
      header: t('grants.column.decided'),
      cell: (grant) => grant.steps.find((step) => step.step === 'DECISION')?.date ?? '—',
    },
    { id: 'status', header: t('grants.filter.status'), cell: (grant) => <GrantStatusBadge status={grant.status} /> },
  ];

  return (
    <section className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('grants.title')}</h1>
          <p className="page-intro">{t('grants.intro')}</p>
        </div>
        {ability.can('create', 'Grant') && !creating && (
          <button type="button" className="button button-primary" data-testid="grant-create-open" onClick={() => setCreating(true)}>
            {t('grants.create')}
          </button>
        )}
      </header>
      {creating && <GrantCreateForm onCancel={() => setCreating(false)} />}
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <FormField label={t('grants.filter.region')}>
          {(control) => <RegionSelect control={control} value={region} onChange={setRegion} testId="grant-filter-region" />}
        </FormField>
        <label className="filter">
          <span>{t('grants.filter.method')}</span>
          <select
            data-testid="grant-filter-method"
            value={method}
            onChange={(event) => setMethod(event.target.value as grants.GrantMethod | '')}
          >
            <option value="">{t('grants.filter.any')}</option>
            {grants.GRANT_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`grantMethod.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{t('grants.filter.status')}</span>
          <select data-testid="grant-filter-status" value={status} onChange={(event) => setStatus(event.target.value as GrantStatus | '')}>
            <option value="">{t('grants.filter.any')}</option>
            {GRANT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`grantStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{t('grants.filter.decidedFrom')}</span>
          <input type="date" data-testid="grant-filter-from" value={decidedFrom} onChange={(event) => setDecidedFrom(event.target.value)} />
        </label>
        <label className="filter">
          <span>{t('grants.filter.decidedTo')}</span>
          <input type="date" data-testid="grant-filter-to" value={decidedTo} onChange={(event) => setDecidedTo(event.target.value)} />
        </label>
      </form>
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && (
        <DataTable
          caption={t('grants.title')}
          columns={columns}
          rows={data.grants.edges.map((edge) => edge.node)}
          rowKey={(grant) => grant.id}
          rowTestId="grant-row"
          stale={fetching}
          emptyMessage={t('grants.none')}
          page={pageOf(data.grants, pages)}
        />
      )}
    </section>
  );
}

/** A new grant: a post and a cadre of the jurisdiction, the method, the granting body and the term; then its page. */
function GrantCreateForm({ onCancel }: { onCancel(): void }) {
  const { t } = useGrantsI18n();
  const { user: me } = useSession();
  const navigate = useNavigate();
  const [post, setPost] = useState<PostOption | null>(null);
  const [cadre, setCadre] = useState<CadreOption | null>(null);
  const [method, setMethod] = useState<grants.GrantMethod>('APPOINTMENT');
  const [bodyName, setBodyName] = useState('');
  const [bodyKind, setBodyKind] = useState<grants.GrantingBodyKind>('PARTY_COMMITTEE');
  const [termYears, setTermYears] = useState('5');
  const within = me?.region.id ?? null;
  const create = useApiMutation(CreateGrantMutation);
  const fields = useFieldMessages(create.error);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await create.run({
      input: {
        postId: post?.id ?? '',
        cadreId: cadre?.id ?? '',
        method,
        bodyName: bodyName.trim(),
        bodyKind,
        termYears: Number(termYears),
      },
    });
    if (created) void navigate(`/grants/${created.createGrant.id}`);
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="grant-create-title">
      <h2 id="grant-create-title">{t('grants.createTitle')}</h2>
      <FormAlert error={create.error} />
      <div className="form-grid">
        <FormField label={t('grants.field.postId')} error={fields.postId}>
          {(control) => <PostPicker control={control} value={post} onChange={setPost} regionId={within} testId="grant-post" />}
        </FormField>
        <FormField label={t('grants.field.cadreId')} error={fields.cadreId}>
          {(control) => <CadrePicker control={control} value={cadre} onChange={setCadre} regionId={within} testId="grant-cadre" />}
        </FormField>
        <FormField label={t('grants.filter.method')} error={fields.method}>
          {(control) => (
            <select
              {...control}
              data-testid="grant-method"
              value={method}
              onChange={(event) => setMethod(event.target.value as grants.GrantMethod)}
            >
              {grants.GRANT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`grantMethod.${m}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('grants.field.bodyName')} error={fields.bodyName}>
          {(control) => (
            <input {...control} data-testid="grant-body-name" value={bodyName} onChange={(event) => setBodyName(event.target.value)} />
          )}
        </FormField>
        <FormField label={t('grants.field.bodyKind')} error={fields.bodyKind}>
          {(control) => (
            <select
              {...control}
              data-testid="grant-body-kind"
              value={bodyKind}
              onChange={(event) => setBodyKind(event.target.value as grants.GrantingBodyKind)}
            >
              {grants.GRANTING_BODY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`bodyKind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('grants.field.termYears')} error={fields.termYears}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={5}
              data-testid="grant-term-years"
              value={termYears}
              onChange={(event) => setTermYears(event.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="grant-create-submit" disabled={create.fetching}>
          {t('grants.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
