import { harmony } from '@massline/shared';
import type { ResultOf } from '../../app/graphql';
import { useHarmonyI18n } from './harmony-i18n';
import { IndicatorBars, type IndicatorBar } from './charts/indicator-bars';
import type { DashboardViewQuery } from './dashboard.operations';
import { formatIndex, formatShare, formatValue, indicatorName, indicatorUnit, type IndicatorNames } from './harmony-format';

type DashboardView = ResultOf<typeof DashboardViewQuery>;
type Score = DashboardView['current']['edges'][number]['node']['scores'][number];
type Methodology = NonNullable<DashboardView['methodology']>;

/**
 * Where a red line falls on the normalized scale: only goalpost normalization places it (min-max and
 * z-scores move with the regions of the period, so a fixed value has no fixed score).
 */
function redLineScore(methodology: Methodology, code: string): number | null {
  const setting = methodology.indicators.find((indicator) => indicator.code === code);
  if (!setting || setting.redLine === null || setting.normalization !== 'GOALPOSTS' || setting.lower === null || setting.upper === null)
    return null;
  try {
    return harmony.normalizeGoalposts(
      setting.redLine,
      { lower: setting.lower, upper: setting.upper },
      setting.direction,
      harmony.scaleFor(methodology.aggregation),
    );
  } catch {
    return null;
  }
}

interface DashboardBreakdownProps {
  scores: readonly Score[];
  methodology: Methodology;
  catalogue: ReadonlyMap<string, IndicatorNames>;
  regionLabel: string;
}

export function DashboardBreakdown({ scores, methodology, catalogue, regionLabel }: DashboardBreakdownProps) {
  const { t, locale } = useHarmonyI18n();
  const bars: IndicatorBar[] = scores.map((score) => {
    const unit = indicatorUnit(catalogue, score.code, locale);
    const weight = formatShare(locale, score.effectiveWeight ?? score.weight, 1);
    return {
      code: score.code,
      name: indicatorName(catalogue, score.code, locale),
      score: score.normalizedScore,
      contribution: score.contribution,
      redLineScore: redLineScore(methodology, score.code),
      pastRedLine: score.pastRedLine,
      winsorised: score.winsorised,
      details: t('harmony.breakdownDetails', { value: `${formatValue(locale, score.rawValue)} ${unit}`.trim(), weight }),
    };
  });
  const past = bars.filter((bar) => bar.pastRedLine).map((bar) => bar.name);
  return (
    <section className="card" aria-labelledby="breakdown-title">
      <h2 id="breakdown-title">{t('harmony.breakdownTitle')}</h2>
      {bars.length === 0 ? (
        <p className="muted">{t('harmony.noAssessment')}</p>
      ) : (
        <IndicatorBars
          testId="breakdown-chart"
          title={t('harmony.breakdownChartTitle', { region: regionLabel })}
          description={past.length ? t('harmony.breakdownPast', { indicators: past.join(', ') }) : t('harmony.breakdownNonePast')}
          bars={bars}
          formatPoints={(value) => formatIndex(locale, value)}
        />
      )}
    </section>
  );
}
