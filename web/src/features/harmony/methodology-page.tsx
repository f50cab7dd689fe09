import { useState } from 'react';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import { plural } from '../../app/i18n/plural';
import { useHarmonyI18n } from './harmony-i18n';
import { methodologyWords } from './harmony-format';
import { ConfirmButton } from '../../lib/confirm-button';
import { DataTable, type Column } from '../../lib/data-table';
import { errorMessage } from '../../lib/error-message';
import { FormNotice } from '../../lib/form-field';
import { ErrorState, Loading } from '../../lib/states';
import { useApiMutation } from '../../lib/use-api-mutation';
import { MethodologyDetails, type MethodologyVersion } from './methodology-details';
import { MethodologyForm } from './methodology-form';
import { ActivateMethodologyVersionMutation, MethodologyVersionsQuery, RecomputeAssessmentsMutation } from './methodology.operations';
import { StatisticalChecks } from './statistical-checks';
import { useIndicatorCatalogue } from './use-harmony-data';

/**
 * The methodology, public: every version (the active one marked) and what each fixes. The root
 * organization creates versions (prefilled from the active one), activates them and recomputes a
 * version's assessments of every observed period; organizations and auditors also see the statistical
 * checks of the raw data.
 */
export function MethodologyPage() {
  const i18n = useHarmonyI18n();
  const { t, formatDateTime, formatNumber } = i18n;
  const ability = useAppAbility();
  const catalogue = useIndicatorCatalogue();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MethodologyVersionsQuery });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const activate = useApiMutation(ActivateMethodologyVersionMutation);
  const recompute = useApiMutation(RecomputeAssessmentsMutation);
  const [recomputing, setRecomputing] = useState<number | null>(null);
  const busy = activate.fetching || recompute.fetching;
  const versions = data?.methodologyVersions.edges.map((edge) => edge.node) ?? [];
  const active = versions.find((version) => version.active);
  const selected = versions.find((version) => version.id === selectedId) ?? active ?? versions[0];
  const canCreate = ability.can('create', 'MethodologyVersion');
  const canActivate = ability.can('update', 'MethodologyVersion');

  const onActivate = async (version: MethodologyVersion) => {
    const done = await activate.run({ id: version.id });
    if (done) {
      setNotice(t('harmony.methodology.activatedNotice', { version: done.activateMethodologyVersion.version }));
      setSelectedId(done.activateMethodologyVersion.id);
    }
  };

  const onRecompute = async (version: MethodologyVersion) => {
    setNotice(null);
    setRecomputing(version.version);
    const done = await recompute.run({ methodologyVersionId: version.id, period: null });
    setRecomputing(null);
    if (done) {
      const count = done.recomputeAssessments;
      setNotice(plural(i18n, 'harmony.methodology.recomputedNotice', count, { count: formatNumber(count), version: version.version }));
    }
  };

  const columns: Column<MethodologyVersion>[] = [
    { id: 'version', header: t('harmony.methodology.version'), className: 'numeric', cell: (version) => `v${version.version}` },
    {
      id: 'name',
      header: t('field.name'),
      cell: (version) => (
        <>
          {methodologyWords(version, i18n.locale).name}{' '}
          {version.active && (
            <span className="badge badge-active" data-testid="methodology-active">
              ✓ {t('harmony.methodology.active')}
            </span>
          )}
        </>
      ),
    },
    { id: 'aggregation', header: t('harmony.methodology.aggregation'), cell: (version) => t(`harmony.aggregation.${version.aggregation}`) },
    { id: 'created', header: t('harmony.methodology.created'), cell: (version) => formatDateTime(version.createdAt) },
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
            data-testid="methodology-view"
            onClick={() => setSelectedId(version.id)}
          >
            {t('harmony.methodology.view')}
          </button>
          {canActivate && !version.active && (
            <ConfirmButton
              label={t('harmony.methodology.activate')}
              question={t('harmony.methodology.activateQuestion', { version: version.version })}
              confirmLabel={t('harmony.methodology.activate')}
              disabled={busy}
              testId="methodology-activate-version"
              onConfirm={() => onActivate(version)}
            />
          )}
          {canActivate && (
            <ConfirmButton
              label={t('harmony.methodology.recompute')}
              question={t('harmony.methodology.recomputeQuestion', { version: version.version })}
              confirmLabel={recomputing === version.version ? t('harmony.methodology.recomputing') : t('harmony.methodology.recompute')}
              disabled={busy}
              testId="methodology-recompute"
              onConfirm={() => onRecompute(version)}
            />
          )}
        </div>
      ),
    },
  ];

  return (
    <section className="page" data-testid="methodology-page">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('harmony.methodology.title')}</h1>
          <p className="page-intro">{t('harmony.methodology.intro')}</p>
        </div>
        {canCreate && !creating && (
          <button
            type="button"
            className="button button-primary"
            data-testid="methodology-create-open"
            disabled={!data || catalogue.fetching}
            onClick={() => {
              setCreating(true);
              setNotice(null);
            }}
          >
            {t('harmony.methodology.new')}
          </button>
        )}
      </header>
      {notice && <FormNotice>{notice}</FormNotice>}
      {activate.error && (
        <div className="alert alert-error" role="alert">
          {errorMessage(activate.error, i18n)}
        </div>
      )}
      {recompute.error && (
        <div className="alert alert-error" role="alert" data-testid="methodology-recompute-error">
          {errorMessage(recompute.error, i18n)}
        </div>
      )}
      {recomputing !== null && <Loading label={t('harmony.methodology.recomputingStatus', { version: recomputing })} />}
      {creating && (
        <MethodologyForm
          active={active}
          catalogue={catalogue}
          onCancel={() => setCreating(false)}
          onCreated={(version, activated) => {
            setCreating(false);
            setNotice(t(activated ? 'harmony.methodology.createdActiveNotice' : 'harmony.methodology.createdNotice', { version }));
          }}
        />
      )}
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && (
        <section className="card" aria-labelledby="versions-title">
          <h2 id="versions-title">{t('harmony.methodology.versions')}</h2>
          <DataTable
            caption={t('harmony.methodology.versions')}
            columns={columns}
            rows={versions}
            rowKey={(version) => version.id}
            rowTestId="methodology-row"
            stale={fetching}
            emptyMessage={t('harmony.methodology.none')}
          />
        </section>
      )}
      {selected && <MethodologyDetails version={selected} catalogue={catalogue} />}
      {ability.can('read', 'Observation') && <StatisticalChecks catalogue={catalogue} />}
    </section>
  );
}
