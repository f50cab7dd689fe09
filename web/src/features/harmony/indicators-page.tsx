import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useAppAbility } from '../../app/access';
import type { ResultOf } from '../../app/graphql';
import { useHarmonyI18n } from './harmony-i18n';
import { DataTable, pageOf, type Column } from '../../lib/data-table';
import { FormNotice } from '../../lib/form-field';
import { ErrorState, Loading } from '../../lib/states';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { formatValue } from './harmony-format';
import { IndicatorForm } from './indicator-form';
import { IndicatorCatalogueQuery } from './indicator.operations';

type IndicatorRow = ResultOf<typeof IndicatorCatalogueQuery>['indicators']['edges'][number]['node'];

const PAGE_SIZE = 50;

/**
 * The indicator catalogue, public: every indicator with its unit, direction, how a count becomes a rate
 * and the defaults a methodology version starts from. The root organization adds indicators.
 */
export function IndicatorsPage() {
  const { t, locale, formatDate } = useHarmonyI18n();
  const ability = useAppAbility();
  const canCreate = ability.can('create', 'Indicator');
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const pages = useCursorPages('indicators', PAGE_SIZE);
  const context = useMemo(() => ({ additionalTypenames: ['Indicator'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: IndicatorCatalogueQuery,
    variables: pages.variables,
    context,
  });

  const columns: Column<IndicatorRow>[] = [
    { id: 'code', header: t('harmony.indicators.code'), cell: (indicator) => <code>{indicator.code}</code> },
    { id: 'name', header: t('field.name'), cell: (indicator) => (locale === 'en' ? indicator.nameEn : indicator.nameZh) },
    { id: 'unit', header: t('harmony.indicators.unit'), cell: (indicator) => (locale === 'en' ? indicator.unitEn : indicator.unitZh) },
    {
      id: 'direction',
      header: t('harmony.methodology.direction'),
      cell: (indicator) => (
        <>
          <span aria-hidden="true">{indicator.direction === 'HIGHER_IS_BETTER' ? '↑ ' : '↓ '}</span>
          {t(`harmony.direction.${indicator.direction}`)}
        </>
      ),
    },
    { id: 'rateBasis', header: t('harmony.indicators.rateBasis'), cell: (indicator) => t(`harmony.rateBasis.${indicator.rateBasis}`) },
    {
      id: 'goalposts',
      header: t('harmony.methodology.goalposts'),
      className: 'numeric',
      cell: (indicator) => `${formatValue(locale, indicator.goalpostLower)} – ${formatValue(locale, indicator.goalpostUpper)}`,
    },
    {
      id: 'redLine',
      header: t('harmony.methodology.redLine'),
      className: 'numeric',
      cell: (indicator) => (indicator.redLine === null ? '—' : formatValue(locale, indicator.redLine)),
    },
    {
      id: 'origin',
      header: t('harmony.indicators.origin'),
      cell: (indicator) =>
        indicator.builtIn ? (
          <span className="badge badge-active" data-testid="indicator-built-in">
            {t('harmony.indicators.builtIn')}
          </span>
        ) : (
          <span className="badge" data-testid="indicator-added">
            {t('harmony.indicators.added', { date: formatDate(indicator.createdAt) })}
          </span>
        ),
    },
  ];

  return (
    <section className="page" data-testid="indicators-page">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('harmony.indicators.title')}</h1>
          <p className="page-intro">{t('harmony.indicators.intro')}</p>
        </div>
        {canCreate && !creating && (
          <button
            type="button"
            className="button button-primary"
            data-testid="indicator-create-open"
            onClick={() => {
              setCreating(true);
              setNotice(null);
            }}
          >
            {t('harmony.indicators.new')}
          </button>
        )}
      </header>
      {notice && <FormNotice>{notice}</FormNotice>}
      {canCreate && creating && (
        <IndicatorForm
          onCancel={() => setCreating(false)}
          onCreated={(indicator) => {
            setCreating(false);
            setNotice(
              t('harmony.indicators.createdNotice', { code: indicator.code, name: locale === 'en' ? indicator.nameEn : indicator.nameZh }),
            );
          }}
        />
      )}
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && (
        <DataTable
          caption={t('harmony.indicators.title')}
          columns={columns}
          rows={data.indicators.edges.map((edge) => edge.node)}
          rowKey={(indicator) => indicator.id}
          rowTestId="indicator-row"
          stale={fetching}
          emptyMessage={t('harmony.indicators.none')}
          page={pageOf(data.indicators, pages)}
        />
      )}
    </section>
  );
}
