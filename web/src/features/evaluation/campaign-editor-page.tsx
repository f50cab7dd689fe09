import { evaluation } from '@massline/shared';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { useSession } from '../../app/session-provider';
import { problemText, useFieldMessages } from '../../lib/error-message';
import { FormAlert, FormField } from '../../lib/form-field';
import { ErrorState, Loading } from '../../lib/states';
import { NotFoundPage } from '../../lib/status-pages';
import { useApiMutation } from '../../lib/use-api-mutation';
import { RegionSelect, type RegionOption } from '../regions/region-select';
import { campaignDraftProblems, campaignInputOf, draftFromCampaign, newCampaignDraft, type CampaignDraft } from './campaign-draft';
import { CampaignQuery, CreateCampaignMutation, UpdateCampaignMutation } from './campaign.operations';
import { CriteriaEditor } from './criteria-editor';
import { useEvaluationI18n } from './evaluation-i18n';
import { scaleName } from './evaluation-words';
import { TermPicker } from './term-picker';
import './evaluation.css';

type LoadedCampaign = NonNullable<ResultOf<typeof CampaignQuery>['campaign']>;

/** A new campaign (`/campaigns/new`), or a draft edited (`/campaigns/:id/edit`): once open, nothing it asks can change. */
export function CampaignEditorPage() {
  const { id } = useParams();
  const { t } = useEvaluationI18n();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: CampaignQuery, variables: { id: id ?? '' }, pause: !id });
  if (!id) return <CampaignForm campaign={null} />;
  if (!data && fetching) return <Loading />;
  if (error && !data?.campaign) return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data?.campaign) return <NotFoundPage />;
  if (!evaluation.isCampaignEditable(data.campaign.status)) {
    return (
      <section className="page">
        <h1>{t('title.editCampaign')}</h1>
        <p className="alert alert-warning" role="alert">
          {t('reason.CAMPAIGN_FROZEN')}
        </p>
      </section>
    );
  }
  return <CampaignForm campaign={data.campaign} />;
}

function CampaignForm({ campaign }: { campaign: LoadedCampaign | null }) {
  const i18n = useEvaluationI18n();
  const { t, locale, regionName } = i18n;
  const navigate = useNavigate();
  const { user } = useSession();
  const [draft, setDraft] = useState<CampaignDraft>(() =>
    campaign ? draftFromCampaign(campaign) : newCampaignDraft(user?.region.id ?? ''),
  );
  const [region, setRegion] = useState<RegionOption | null>(campaign ? campaign.region : (user?.region ?? null));
  const [checks, setChecks] = useState<Record<string, string>>({});
  const create = useApiMutation(CreateCampaignMutation);
  const update = useApiMutation(UpdateCampaignMutation);
  const failure = campaign ? update.error : create.error;
  const fields = { ...useFieldMessages(failure), ...checks };
  const set = <K extends keyof CampaignDraft>(key: K, value: CampaignDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = Object.entries(campaignDraftProblems(draft)).map(([field, problem]) => [
      field,
      problemText(problem, i18n) ?? t('problem.INVALID'),
    ]);
    setChecks(Object.fromEntries(found));
    const input = campaignInputOf(draft);
    if (found.length > 0 || !input.opensAt || !input.closesAt) return;
    const sent = { ...input, opensAt: input.opensAt, closesAt: input.closesAt };
    if (campaign) {
      // A campaign stays in the region it was drafted for: the update takes everything else.
      const { regionId: _region, ...changes } = sent;
      const saved = await update.run({ id: campaign.id, input: changes });
      if (saved) void navigate(`/campaigns/${saved.updateCampaign.id}`);
    } else {
      const created = await create.run({ input: sent });
      if (created) void navigate(`/campaigns/${created.createCampaign.id}`);
    }
  };

  return (
    <section className="page">
      <header className="page-header">
        <h1>{campaign ? t('title.editCampaign') : t('title.newCampaign')}</h1>
        <p className="page-intro">{t('evaluation.editor.intro')}</p>
      </header>
      <form className="form card campaign-form" onSubmit={onSubmit} noValidate data-testid="campaign-form">
        <FormAlert error={failure} />
        <div className="form-grid">
          <FormField label={t('evaluation.editor.titleEn')} error={fields.title}>
            {(control) => (
              <input
                {...control}
                data-testid="campaign-title-en"
                value={draft.title}
                onChange={(event) => set('title', event.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('evaluation.editor.titleZh')} error={fields.titleZh}>
            {(control) => (
              <input
                {...control}
                data-testid="campaign-title-zh"
                value={draft.titleZh}
                onChange={(event) => set('titleZh', event.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('field.region')} hint={t('evaluation.editor.regionHint')} error={fields.regionId}>
            {(control) =>
              campaign ? (
                // A draft stays in the region it was created for.
                <input {...control} readOnly value={regionName(campaign.region)} data-testid="campaign-region-fixed" />
              ) : (
                <RegionSelect
                  control={control}
                  value={region}
                  onChange={(chosen) => {
                    setRegion(chosen);
                    // The cadres picked serve the region: another region, another list.
                    setDraft((current) => ({ ...current, regionId: chosen?.id ?? '', termIds: [] }));
                  }}
                  withinId={user?.region.id}
                  testId="campaign-region"
                />
              )
            }
          </FormField>
          <FormField label={t('evaluation.campaign.period')} hint={t('form.periodHint')} error={fields.period}>
            {(control) => (
              <input
                {...control}
                data-testid="campaign-period"
                value={draft.period}
                onChange={(event) => set('period', event.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('evaluation.campaign.scale')} error={fields.scale}>
            {(control) => (
              <select
                {...control}
                data-testid="campaign-scale"
                value={draft.scale}
                onChange={(event) => set('scale', event.target.value as evaluation.AnswerScaleCode)}
              >
                {evaluation.ANSWER_SCALE_CODES.map((code) => (
                  <option key={code} value={code}>
                    {scaleName(locale, code)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            label={t('evaluation.campaign.threshold')}
            hint={t('evaluation.editor.thresholdHint')}
            error={fields.publicationThreshold}
          >
            {(control) => (
              <input
                {...control}
                inputMode="numeric"
                data-testid="campaign-threshold"
                value={draft.publicationThreshold}
                onChange={(event) => set('publicationThreshold', event.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('evaluation.editor.opensAt')} error={fields.opensAt}>
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                data-testid="campaign-opens-at"
                value={draft.opensAt}
                onChange={(event) => set('opensAt', event.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('evaluation.editor.closesAt')} error={fields.closesAt}>
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                data-testid="campaign-closes-at"
                value={draft.closesAt}
                onChange={(event) => set('closesAt', event.target.value)}
              />
            )}
          </FormField>
        </div>
        <CriteriaEditor criteria={draft.criteria} onChange={(criteria) => set('criteria', criteria)} errors={fields} />
        <TermPicker
          regionId={draft.regionId}
          termIds={draft.termIds}
          onChange={(termIds) => set('termIds', termIds)}
          error={fields.termIds}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="campaign-save" disabled={create.fetching || update.fetching}>
            {campaign ? t('action.save') : t('evaluation.editor.create')}
          </button>
          <button type="button" className="button" onClick={() => void navigate(campaign ? `/campaigns/${campaign.id}` : '/campaigns')}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
