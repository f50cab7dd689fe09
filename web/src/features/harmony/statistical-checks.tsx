import { useState } from 'react';
import { useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { useHarmonyI18n } from './harmony-i18n';
import { useSession } from '../../app/session-provider';
import { DataTable, type Column } from '../../lib/data-table';
import { ErrorState, Loading } from '../../lib/states';
import { formatFixed, formatShare, indicatorName } from './harmony-format';
import { StatisticalChecksQuery } from './methodology.operations';
import { useAssessedPeriods, type IndicatorCatalogue } from './use-harmony-data';

type IndicatorCheck = NonNullable<ResultOf<typeof StatisticalChecksQuery>['statisticalChecks']>['indicators'][number];
const LEVELS = ['CITY', 'COUNTY', 'TOWNSHIP'] as const;
type CheckedLevel = (typeof LEVELS)[number];

/**
 * The statistical checks of the OECD/JRC handbook on a period's raw data among the regions of one level:
 * outliers (|skew| > 2 and kurtosis > 3.5), pairs correlated above 0.9 (double counting), and coverage
 * below the methodology's threshold. For organizations and auditors (they read raw data).
 */
export function StatisticalChecks({ catalogue }: { catalogue: IndicatorCatalogue }) {
  const { t, locale } = useHarmonyI18n();
  const { user } = useSession();
  const { periods } = useAssessedPeriods(user?.region.id);
  const [chosenPeriod, setChosenPeriod] = useState('');
  const [level, setLevel] = useState<CheckedLevel>('TOWNSHIP');
  const period = chosenPeriod || periods[0]?.period || '';
  const [{ data, fetching, error }, reexecute] = useQuery({ query: StatisticalChecksQuery, variables: { period, level }, pause: !period });
  const checks = data?.statisticalChecks;
  const name = (code: string) => indicatorName(catalogue.byCode, code, locale);

  const columns: Column<IndicatorCheck>[] = [
    { id: 'indicator', header: t('harmony.indicator'), cell: (check) => name(check.code) },
    {
      id: 'coverage',
      header: t('harmony.coverage'),
      cell: (check) =>
        t('harmony.checks.coverageOf', { share: formatShare(locale, check.coverage), observed: check.observed, regions: check.regions }),
    },
    { id: 'skewness', header: t('harmony.checks.skewness'), className: 'numeric', cell: (check) => formatFixed(locale, check.skewness, 2) },
    { id: 'kurtosis', header: t('harmony.checks.kurtosis'), className: 'numeric', cell: (check) => formatFixed(locale, check.kurtosis, 2) },
    {
      id: 'flags',
      header: t('harmony.checks.flags'),
      cell: (check) => (
        <span className="badges">
          {check.outliers && <span className="badge badge-unverified">⚑ {t('harmony.checks.outliers')}</span>}
          {check.lowCoverage && <span className="badge badge-rejected">⚑ {t('harmony.checks.lowCoverage')}</span>}
          {!check.outliers && !check.lowCoverage && <span className="badge badge-active">✓ {t('harmony.checks.ok')}</span>}
        </span>
      ),
    },
  ];

  return (
    <section className="card" aria-labelledby="checks-title" data-testid="statistical-checks">
      <h2 id="checks-title">{t('harmony.checks.title')}</h2>
      <p className="muted">{t('harmony.checks.intro')}</p>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label className="filter">
          <span>{t('harmony.period')}</span>
          <select data-testid="checks-period" value={period} onChange={(event) => setChosenPeriod(event.target.value)}>
            {periods.map((entry) => (
              <option key={entry.period} value={entry.period}>
                {entry.period}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{t('harmony.checks.level')}</span>
          <select
            data-testid="checks-level"
            value={level}
            onChange={(event) => setLevel(LEVELS.find((candidate) => candidate === event.target.value) ?? 'TOWNSHIP')}
          >
            {LEVELS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`level.${candidate}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {checks && (
        <>
          <DataTable
            caption={t('harmony.checks.title')}
            columns={columns}
            rows={checks.indicators}
            rowKey={(check) => check.code}
            rowTestId="check-row"
            stale={fetching}
            emptyMessage={t('harmony.checks.none')}
          />
          <h3>{t('harmony.checks.correlatedTitle')}</h3>
          {checks.correlatedPairs.length === 0 ? (
            <p className="muted">{t('harmony.checks.noCorrelated')}</p>
          ) : (
            <ul className="plain-list">
              {checks.correlatedPairs.map((pair) => (
                <li key={`${pair.first}-${pair.second}`}>
                  ⚑ {name(pair.first)} ↔ {name(pair.second)}:{' '}
                  {t('harmony.checks.correlation', { r: formatFixed(locale, pair.correlation, 2), n: pair.observations })}
                </li>
              ))}
            </ul>
          )}
          <p className="muted">{t('harmony.checks.version', { version: checks.methodologyVersion })}</p>
        </>
      )}
    </section>
  );
}
