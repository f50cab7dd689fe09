import { lazy, Suspense } from 'react';
import { useHarmonyI18n } from '../harmony-i18n';
import { ChartErrorBoundary } from './chart-error-boundary';
import type { EChartProps } from './echart';

/** ECharts is fetched with the first chart drawn, never with the page or the app: its own chunk. */
const EChart = lazy(async () => ({ default: (await import('./echart')).EChart }));

/**
 * An ECharts chart, loaded on demand. Until its code is in, the space it will take is kept (no jump in
 * the layout); should it fail to load, a sentence says so and the rest of the page stays.
 */
export function LazyEChart(props: EChartProps) {
  const { t } = useHarmonyI18n();
  const placeholder = <div className="echart is-loading" style={{ height: props.height }} aria-hidden="true" />;
  return (
    <ChartErrorBoundary fallback={<p className="muted">{t('chart.unavailable')}</p>}>
      <Suspense fallback={placeholder}>
        <EChart {...props} />
      </Suspense>
    </ChartErrorBoundary>
  );
}
