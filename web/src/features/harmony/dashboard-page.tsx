import { subject } from '@casl/ability';
import { comparePeriods } from '@massline/shared';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import { plural } from '../../app/i18n/plural';
import { useHarmonyI18n } from './harmony-i18n';
import { useSession } from '../../app/session-provider';
import { ConfirmButton } from '../../lib/confirm-button';
import type { SortState } from '../../lib/data-table';
import { errorMessage } from '../../lib/error-message';
import { FormField, FormNotice } from '../../lib/form-field';
import { EmptyState, ErrorState, Loading } from '../../lib/states';
import { useApiMutation } from '../../lib/use-api-mutation';
import { AlertsPanel } from './alerts-panel';
import { LineChart } from './charts/line-chart';
import { DashboardBreakdown } from './dashboard-breakdown';
import { DashboardSummary } from './dashboard-summary';
import { DashboardTable, type AssessmentOrderField } from './dashboard-table';
import { DashboardLatestPeriodQuery, DashboardRootQuery, DashboardViewQuery, PublishAssessmentsMutation } from './dashboard.operations';
import { catalogueOf, formatIndex, gradeName } from './harmony-format';
import { RegionBreadcrumb } from '../../lib/region-breadcrumb';

const DEFAULT_SORT: SortState<AssessmentOrderField> = { field: 'RANK', direction: 'ASC' };

/**
 * The harmony index dashboard, public. The address holds the view (`?region=…&period=…`), so that a view
 * can be shared and the browser's back button walks back up the drill-down. Without them the dashboard
 * starts at the caller's own region (jurisdiction, or a citizen's residence) or the root region, in the
 * latest period in which that region has an assessment the caller may see; a period without figures
 * lists the periods that have some.
 */
export function DashboardPage() {
  const i18n = useHarmonyI18n();
  const { t, locale, regionName } = i18n;
  const { user } = useSession();
  const ability = useAppAbility();
  const [params, setParams] = useSearchParams();
  const [sort, setSort] = useState<SortState<AssessmentOrderField>>(DEFAULT_SORT);
  // What a publication answered, for the view it was made in: the message goes once the view changes.
  const [published, setPublished] = useState<{ count: number; view: string } | null>(null);
  const [note, setNote] = useState('');
  const publish = useApiMutation(PublishAssessmentsMutation);

  // A signed-in user starts at their own region (jurisdiction, or a citizen's residence); the public at the root.
  const regionParam = params.get('region');
  const periodParam = params.get('period');
  const knownRegionId = regionParam ?? user?.region.id ?? null;
  const [root, reexecuteRoot] = useQuery({ query: DashboardRootQuery, pause: knownRegionId !== null });
  const regionId = knownRegionId ?? root.data?.roots.edges[0]?.node.id ?? null;
  const [start, reexecuteStart] = useQuery({
    query: DashboardLatestPeriodQuery,
    variables: { regionId: regionId ?? '' },
    pause: regionId === null || periodParam !== null,
    // A publication moves the start: ask again on each visit.
    requestPolicy: 'cache-and-network',
  });
  const period = periodParam ?? start.data?.latest.edges[0]?.node.period ?? null;

  const withAlerts = ability.can('read', 'Alert');
  const [view, reexecuteView] = useQuery({
    query: DashboardViewQuery,
    variables: { regionId: regionId ?? '', period: period ?? '', orderBy: sort, withAlerts },
    pause: !regionId || !period,
    // Publication, imports and recomputations change these figures without naming them: look again on
    // every visit, showing what is cached meanwhile.
    requestPolicy: 'cache-and-network',
  });

  const hrefFor = useCallback(
    (id: string, toPeriod: string | null = period) => {
      const next = new URLSearchParams({ region: id });
      if (toPeriod) next.set('period', toPeriod);
      return `/?${next.toString()}`;
    },
    [period],
  );

  const data = view.data;
  const trend = useMemo(() => data?.trend.edges.map((edge) => edge.node) ?? [], [data]);
  const catalogue = useMemo(() => catalogueOf(data?.indicators.edges.map((edge) => edge.node) ?? []), [data]);

  const choosePeriod = (next: string) => {
    setParams(regionId ? { region: regionId, period: next } : { period: next });
  };

  const starting = regionId ? start : root;
  if (starting.error && (!regionId || !period))
    return (
      <PageFrame>
        <ErrorState error={starting.error} onRetry={() => (regionId ? reexecuteStart : reexecuteRoot)({ requestPolicy: 'network-only' })} />
      </PageFrame>
    );
  if (!regionId || !period) {
    if (starting.fetching || !starting.data)
      return (
        <PageFrame>
          <Loading />
        </PageFrame>
      );
    return (
      <PageFrame>
        <EmptyState message={t('harmony.noAssessmentsYet')} />
      </PageFrame>
    );
  }

  const periods = trend.map((point) => point.period);
  if (!periods.includes(period)) periods.push(period);
  periods.sort((a, b) => comparePeriods(b, a));
  const unpublishedPeriods = new Set(trend.filter((point) => !point.published).map((point) => point.period));

  // Nullable lookups: an unknown region (an old link, a mistyped address) or one the caller may not
  // read is null beside the rest of the answer; so is the methodology when none is active.
  const region = data?.region;
  const methodology = data?.methodology;
  const current = data?.current.edges[0]?.node;
  const rows = data?.children.edges.map((edge) => edge.node) ?? [];
  const hasUnpublished = Boolean((current && !current.published) || rows.some((row) => !row.published));
  // Published figures that changed since (a correction): publishing them again is a revision, with a note.
  const hasPending = Boolean(current?.pendingRevision || rows.some((row) => row.pendingRevision));
  const canPublish = region ? ability.can('publish', subject('Assessment', { region: { path: region.path } })) : false;

  const onPublish = async () => {
    if (!region) return;
    const count = await publish.run({ period, regionId: region.id, note: note.trim() || null });
    if (count !== null) {
      setPublished({ count: count.publishAssessments, view: `${region.id}|${period}` });
      setNote('');
      reexecuteView({ requestPolicy: 'network-only' });
    }
  };

  return (
    <PageFrame
      tools={
        <label className="period-picker">
          <span>{t('harmony.period')}</span>
          <select data-testid="period-select" value={period} onChange={(event) => choosePeriod(event.target.value)}>
            {periods.map((code) => (
              <option key={code} value={code}>
                {unpublishedPeriods.has(code) ? t('harmony.periodUnpublished', { period: code }) : code}
              </option>
            ))}
          </select>
        </label>
      }
    >
      {!data && view.fetching && <Loading />}
      {view.error && !data && <ErrorState error={view.error} onRetry={() => reexecuteView({ requestPolicy: 'network-only' })} />}
      {data && !region && !view.fetching && (
        <div data-testid="region-not-found">
          <EmptyState message={t('harmony.regionNotFound')} />
        </div>
      )}
      {data && region && !methodology && view.error && (
        <ErrorState error={view.error} onRetry={() => reexecuteView({ requestPolicy: 'network-only' })} />
      )}
      {data && region && methodology && (
        <div className={view.fetching ? 'dashboard-body is-stale' : 'dashboard-body'} aria-busy={view.fetching || undefined}>
          {view.error && <ErrorState error={view.error} onRetry={() => reexecuteView({ requestPolicy: 'network-only' })} />}
          <RegionBreadcrumb region={region} hrefFor={(id) => hrefFor(id)} label={t('harmony.breadcrumb')} />
          {published?.view === `${region.id}|${period}` && (
            <FormNotice>{plural(i18n, 'harmony.published', published.count, { count: i18n.formatNumber(published.count) })}</FormNotice>
          )}
          {canPublish && (hasUnpublished || hasPending) && (
            <div className="publish-bar">
              {hasPending && (
                <FormField label={t('harmony.revisionNote')} error={publish.error?.fields.note}>
                  {(control) => (
                    <textarea
                      {...control}
                      rows={2}
                      maxLength={500}
                      value={note}
                      data-testid="revision-note-input"
                      onChange={(event) => setNote(event.target.value)}
                    />
                  )}
                </FormField>
              )}
              <ConfirmButton
                label={hasPending ? t('harmony.publishRevision', { period }) : t('harmony.publish', { period })}
                question={
                  hasPending
                    ? t('harmony.revisionQuestion', { period, region: regionName(region) })
                    : t('harmony.publishQuestion', { period, region: regionName(region) })
                }
                confirmLabel={t('harmony.publishConfirm')}
                // A revision is explained before it is published: the public reads the note beside the new figures.
                disabled={publish.fetching || (hasPending && note.trim() === '')}
                testId="publish-assessments"
                onConfirm={onPublish}
              />
              {publish.error && !publish.error.fields.note && (
                <small className="field-error" role="alert">
                  {errorMessage(publish.error, i18n)}
                </small>
              )}
            </div>
          )}
          <div className="dashboard-grid">
            <DashboardSummary
              region={region}
              assessment={current}
              period={period}
              catalogue={catalogue}
              periodsWithData={[...trend].reverse().map((point) => ({ code: point.period, href: hrefFor(region.id, point.period) }))}
            />
            <section className="card" aria-labelledby="trend-title">
              <h2 id="trend-title">{t('harmony.trendTitle')}</h2>
              {trend.length === 0 ? (
                <p className="muted">{t('harmony.noAssessment')}</p>
              ) : (
                <LineChart
                  testId="trend-chart"
                  title={t('harmony.trendChartTitle', { region: regionName(region) })}
                  description={t('harmony.trendChartDescription', {
                    region: regionName(region),
                    first: trend[0].period,
                    last: trend[trend.length - 1].period,
                    from: formatIndex(locale, trend[0].index),
                    to: formatIndex(locale, trend[trend.length - 1].index),
                  })}
                  labelHeader={t('harmony.period')}
                  valueHeader={t('harmony.index')}
                  formatValue={(value) => formatIndex(locale, value)}
                  points={trend.map((point) => ({
                    label: point.period,
                    value: point.index,
                    note: [point.grade ? gradeName(point.grade, locale) : null, point.published ? null : t('harmony.unpublished')]
                      .filter(Boolean)
                      .join(', '),
                    highlighted: point.period === period,
                  }))}
                  thresholds={methodology.gradeBands
                    .filter((band) => band.minimum > 0)
                    .map((band) => ({ value: band.minimum, label: `${gradeName(band.code, locale)} ≥ ${band.minimum}` }))}
                />
              )}
            </section>
          </div>
          {region.level !== 'TOWNSHIP' && (
            <section className="card" aria-labelledby="children-title">
              <h2 id="children-title">{t('harmony.childrenTitle', { region: regionName(region), period })}</h2>
              <DashboardTable
                rows={rows}
                totalCount={data.children.totalCount}
                caption={t('harmony.childrenTitle', { region: regionName(region), period })}
                sort={sort}
                onSortChange={setSort}
                stale={view.fetching}
                hrefFor={(id) => hrefFor(id)}
              />
            </section>
          )}
          <div className="dashboard-grid">
            <DashboardBreakdown
              scores={current?.scores ?? []}
              methodology={methodology}
              catalogue={catalogue}
              regionLabel={regionName(region)}
            />
            {data.alerts && <AlertsPanel alerts={data.alerts} catalogue={catalogue} />}
          </div>
        </div>
      )}
    </PageFrame>
  );
}

function PageFrame({ children, tools }: { children: ReactNode; tools?: ReactNode }) {
  const { t } = useHarmonyI18n();
  return (
    <section className="page dashboard" data-testid="dashboard">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('harmony.dashboardTitle')}</h1>
          <p className="page-intro">{t('harmony.dashboardIntro')}</p>
        </div>
        {tools}
      </header>
      {children}
    </section>
  );
}
