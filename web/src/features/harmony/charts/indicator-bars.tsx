import { useId } from 'react';
import { useHarmonyI18n } from '../harmony-i18n';
import { ChartFigures } from './chart-figures';
import { chartTheme } from './chart-theme';
import { indicatorBarsOption, type IndicatorBar } from './indicator-bars-option';
import { LazyEChart } from './lazy-echart';
import { useChartWidth } from './use-chart-width';

export type { IndicatorBar } from './indicator-bars-option';

interface IndicatorBarsProps {
  title: string;
  description: string;
  bars: readonly IndicatorBar[];
  formatPoints(value: number): string;
  testId?: string;
}

/**
 * Indicator scores and contributions as bars (ECharts), red lines marked; which indicators are past
 * their red line said in words above the chart; every figure in a table folded under it.
 */
export function IndicatorBars({ title, description, bars, formatPoints, testId }: IndicatorBarsProps) {
  const { t, formatNumber } = useHarmonyI18n();
  const id = useId();
  const { ref, width } = useChartWidth<HTMLElement>(560);
  const { option, height } = indicatorBarsOption({ bars, formatPoints, formatTick: formatNumber, t, width, theme: chartTheme() });
  const past = bars.some((bar) => bar.pastRedLine);
  return (
    <figure className="chart breakdown" data-testid={testId} ref={ref} aria-labelledby={`${id}-title`}>
      <figcaption>
        <span id={`${id}-title`} className="visually-hidden">
          {title}
        </span>
        <span className={past ? 'chart-note is-warning' : 'chart-note'}>
          {past && <span aria-hidden="true">⚠ </span>}
          {description}
        </span>
      </figcaption>
      <LazyEChart option={option} height={height} description={t('chart.accessibleName', { title, description })} />
      <ChartFigures
        caption={title}
        headers={[t('harmony.indicator'), t('chart.legend.score'), t('chart.legend.contribution'), t('chart.legend.redLine')]}
        rows={bars.map((bar) => ({
          key: bar.code,
          cells: [
            <div>
              <span className="breakdown-name">
                {bar.name}
                {bar.pastRedLine && (
                  <span className="badge badge-red-line">
                    <span aria-hidden="true">⚠ </span>
                    {t('harmony.pastRedLine')}
                  </span>
                )}
                {bar.winsorised && <span className="badge">{t('harmony.winsorised')}</span>}
              </span>
              <small className="breakdown-details muted">{bar.details}</small>
            </div>,
            bar.score === null ? t('harmony.noValue') : formatPoints(bar.score),
            bar.contribution === null ? '—' : formatPoints(bar.contribution),
            bar.redLineScore === null ? '—' : formatPoints(bar.redLineScore),
          ],
        }))}
      />
    </figure>
  );
}
