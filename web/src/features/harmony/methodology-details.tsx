import type { ResultOf } from '../../app/graphql';
import { useHarmonyI18n } from './harmony-i18n';
import { DataTable, type Column } from '../../lib/data-table';
import { formatShare, formatValue, gradeName, indicatorName, methodologyWords } from './harmony-format';
import type { MethodologyVersionsQuery } from './methodology.operations';
import type { IndicatorCatalogue } from './use-harmony-data';

export type MethodologyVersion = ResultOf<typeof MethodologyVersionsQuery>['methodologyVersions']['edges'][number]['node'];
type IndicatorSetting = MethodologyVersion['indicators'][number];

/** Everything a version fixes, so that any figure computed under it can be reproduced. */
export function MethodologyDetails({ version, catalogue }: { version: MethodologyVersion; catalogue: IndicatorCatalogue }) {
  const { t, locale, formatDateTime } = useHarmonyI18n();
  const columns: Column<IndicatorSetting>[] = [
    { id: 'indicator', header: t('harmony.indicator'), cell: (setting) => indicatorName(catalogue.byCode, setting.code, locale) },
    {
      id: 'direction',
      header: t('harmony.methodology.direction'),
      cell: (setting) => (
        <>
          <span aria-hidden="true">{setting.direction === 'HIGHER_IS_BETTER' ? '↑ ' : '↓ '}</span>
          {t(`harmony.direction.${setting.direction}`)}
        </>
      ),
    },
    {
      id: 'weight',
      header: t('harmony.methodology.weight'),
      className: 'numeric',
      cell: (setting) => formatShare(locale, setting.weight, 1),
    },
    {
      id: 'normalization',
      header: t('harmony.methodology.normalization'),
      cell: (setting) => t(`harmony.normalization.${setting.normalization}`),
    },
    {
      id: 'goalposts',
      header: t('harmony.methodology.goalposts'),
      cell: (setting) =>
        setting.lower === null || setting.upper === null
          ? '—'
          : `${formatValue(locale, setting.lower)} – ${formatValue(locale, setting.upper)}`,
    },
    {
      id: 'redLine',
      header: t('harmony.methodology.redLine'),
      cell: (setting) => (setting.redLine === null ? '—' : formatValue(locale, setting.redLine)),
    },
  ];
  return (
    <section className="card" aria-labelledby="methodology-details-title" data-testid="methodology-details">
      <h2 id="methodology-details-title">
        {t('harmony.methodology.versionTitle', { version: version.version, name: methodologyWords(version, locale).name })}{' '}
        {version.active && <span className="badge badge-active">{t('harmony.methodology.active')}</span>}
      </h2>
      {methodologyWords(version, locale).description && <p>{methodologyWords(version, locale).description}</p>}
      <dl className="details-list">
        <dt>{t('harmony.methodology.created')}</dt>
        <dd>{formatDateTime(version.createdAt)}</dd>
        <dt>{t('harmony.methodology.activated')}</dt>
        <dd>{version.activatedAt ? formatDateTime(version.activatedAt) : '—'}</dd>
        <dt>{t('harmony.methodology.aggregation')}</dt>
        <dd>{t(`harmony.aggregation.${version.aggregation}`)}</dd>
        <dt>{t('harmony.methodology.coverageThreshold')}</dt>
        <dd>{formatShare(locale, version.coverageThreshold)}</dd>
        <dt>{t('harmony.methodology.winsorise')}</dt>
        <dd>{version.winsorise ? t('harmony.yes') : t('harmony.no')}</dd>
        <dt>{t('harmony.methodology.gradeBands')}</dt>
        <dd>
          <ul className="plain-list">
            {version.gradeBands.map((band) => (
              <li key={band.code}>
                {gradeName(band.code, locale)} ≥ {band.minimum}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('harmony.methodology.alertRules')}</dt>
        <dd>
          <ul className="plain-list">
            {version.alertRules.length === 0 && <li>—</li>}
            {version.alertRules.map((rule) => (
              <li key={rule.kind}>
                {t(`harmony.alertRule.${rule.kind}`, { threshold: rule.threshold ?? '—', points: rule.points ?? '—' })}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <h3>{t('harmony.methodology.indicators')}</h3>
      <DataTable
        caption={t('harmony.methodology.indicators')}
        columns={columns}
        rows={version.indicators}
        rowKey={(setting) => setting.code}
        emptyMessage="—"
      />
    </section>
  );
}
