import { useState } from 'react';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import { ConfirmButton } from '../../lib/confirm-button';
import { DataTable, type Column } from '../../lib/data-table';
import { errorMessage } from '../../lib/error-message';
import { FormNotice } from '../../lib/form-field';
import { ErrorState, Loading } from '../../lib/states';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useAppraisalI18n } from './appraisal-i18n';
import { draftOf, VERDICT_SETTINGS_FIELDS, type VerdictSettingsValues } from './verdict-settings-draft';
import { fieldLabel, VerdictSettingsForm } from './verdict-settings-form';
import { ActivateVerdictSettingsMutation, VerdictSettingsVersionsQuery } from './verdict-settings.operations';

interface VersionRow {
  id: string;
  version: number;
  active: boolean;
  note: string | null;
  createdAt: string;
  activatedAt: string | null;
  settings: VerdictSettingsValues;
}

/**
 * The verdict settings, public: every version (the one in force marked) and its thresholds. The root
 * organization drafts a new version (prefilled from the one in force) and puts a draft in force; each
 * verdict names the version it was reached with.
 */
export function VerdictSettingsPage() {
  const i18n = useAppraisalI18n();
  const { t, formatDateTime } = i18n;
  const ability = useAppAbility();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: VerdictSettingsVersionsQuery });
  const activate = useApiMutation(ActivateVerdictSettingsMutation);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // The settings are the server's own JSON of shared's VerdictSettings (less the version).
  const versions: VersionRow[] = (data?.verdictSettingsVersions.edges ?? []).map(({ node }) => ({
    ...node,
    settings: node.settings as VerdictSettingsValues,
  }));
  const inForce = versions.find((version) => version.active);
  const selected = versions.find((version) => version.id === selectedId) ?? inForce;
  const canCreate = ability.can('create', 'VerdictSettings');
  const canActivate = ability.can('update', 'VerdictSettings');
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  const onActivate = async (version: VersionRow) => {
    setNotice(null);
    const done = await activate.run({ id: version.id });
    if (done) setNotice(t('appraisal.settings.activatedNotice', { version: done.activateVerdictSettings.version }));
    reload();
  };

  const columns: Column<VersionRow>[] = [
    { id: 'version', header: t('appraisal.settings.version'), className: 'numeric', cell: (version) => `v${version.version}` },
    {
      id: 'state',
      header: t('appraisal.settings.state'),
      cell: (version) =>
        version.active ? (
          <span className="badge badge-active" data-testid="verdict-settings-in-force">
            ✓ {t('appraisal.settings.inForce')}
          </span>
        ) : (
          <span className="badge">{version.activatedAt ? t('appraisal.settings.replaced') : t('appraisal.settings.draft')}</span>
        ),
    },
    { id: 'note', header: t('appraisal.settings.note'), cell: (version) => version.note ?? '—' },
    { id: 'created', header: t('appraisal.settings.created'), cell: (version) => formatDateTime(version.createdAt) },
    {
      id: 'actions',
      header: t('table.actions'),
      className: 'cell-actions',
      cell: (version) => (
        <div className="row-actions">
          <button
            type="button"
            className="button button-small"
            aria-pressed={selected?.id === version.id}
            data-testid="verdict-settings-view"
            onClick={() => setSelectedId(version.id)}
          >
            {t('appraisal.settings.view')}
          </button>
          {canActivate && !version.active && (
            <ConfirmButton
              label={t('appraisal.settings.activate')}
              question={t('appraisal.settings.activateQuestion', { version: version.version })}
              confirmLabel={t('appraisal.settings.activate')}
              disabled={activate.fetching}
              testId="verdict-settings-activate"
              onConfirm={() => onActivate(version)}
            />
          )}
        </div>
      ),
    },
  ];

  return (
    <section className="page" data-testid="verdict-settings-page">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('appraisal.settings.title')}</h1>
          <p className="page-intro">{t('appraisal.settings.intro')}</p>
        </div>
        {canCreate && !creating && (
          <button
            type="button"
            className="button button-primary"
            data-testid="verdict-settings-new"
            disabled={!inForce}
            onClick={() => {
              setCreating(true);
              setNotice(null);
            }}
          >
            {t('appraisal.settings.new')}
          </button>
        )}
      </header>
      {notice && <FormNotice>{notice}</FormNotice>}
      {activate.error && (
        <div className="alert alert-error" role="alert" data-testid="verdict-settings-activate-error">
          {errorMessage(activate.error, i18n)}
        </div>
      )}
      {creating && inForce && (
        <VerdictSettingsForm
          from={inForce.settings}
          onCancel={() => setCreating(false)}
          onCreated={(version) => {
            setCreating(false);
            setNotice(t('appraisal.settings.createdNotice', { version }));
            reload();
          }}
        />
      )}
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={reload} />}
      {data && (
        <section className="card" aria-labelledby="verdict-settings-versions">
          <h2 id="verdict-settings-versions">{t('appraisal.settings.versions')}</h2>
          <DataTable
            caption={t('appraisal.settings.versions')}
            columns={columns}
            rows={versions}
            rowKey={(version) => version.id}
            rowTestId="verdict-settings-row"
            stale={fetching}
            emptyMessage={t('appraisal.settings.none')}
          />
        </section>
      )}
      {selected && <VerdictSettingsDetails version={selected} />}
    </section>
  );
}

/** What a version fixes: every weight and threshold, labelled as in the form. */
function VerdictSettingsDetails({ version }: { version: VersionRow }) {
  const { t, formatNumber } = useAppraisalI18n();
  const values = draftOf(version.settings);
  return (
    <section className="card" aria-labelledby="verdict-settings-details" data-testid="verdict-settings-details">
      <h2 id="verdict-settings-details">{t('appraisal.settings.details', { version: version.version })}</h2>
      <dl className="details-list">
        {VERDICT_SETTINGS_FIELDS.map((field) => (
          <div key={field}>
            <dt>{t(fieldLabel(field))}</dt>
            <dd data-field={field}>{values[field] === '' ? '—' : formatNumber(Number(values[field]))}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
