/**
 * How a verdict's tendency flags are explained in words: each flag's figures and thresholds (named
 * numbers from the server, shared's `tendencyFlags`) become sentences with the numbers filled in, so
 * that a reader sees which figure passed which threshold. Pure, so it is tested without a browser.
 */
import type { AppraisalMessageKey } from './messages/en';

export interface NamedFigure {
  name: string;
  value: number | null;
}

export interface FlagInput {
  code: 'OFFICIAL_ORIENTED' | 'GDP_ORIENTED' | 'DEBT_FINANCED' | 'INDIVIDUAL_ORIENTED';
  figures: readonly NamedFigure[];
  thresholds: readonly NamedFigure[];
}

export interface Sentence {
  key: AppraisalMessageKey;
  params: Record<string, string>;
}

/** How numbers are written: scores and points with one decimal, shares as percentages. */
export interface NumberWords {
  points(value: number): string;
  percent(share: number): string;
  amount(value: number): string;
}

const valuesOf = (figures: readonly NamedFigure[]) => new Map(figures.map((figure) => [figure.name, figure.value]));

/** The sentences that explain one flag (one for most; for individual-oriented, one per cause that passed its threshold). */
export function flagSentences(flag: FlagInput, words: NumberWords): Sentence[] {
  const figure = valuesOf(flag.figures);
  const threshold = valuesOf(flag.thresholds);
  const points = (value: number | null | undefined) => (value === null || value === undefined ? '—' : words.points(value));
  const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : words.percent(value));
  const amount = (value: number | null | undefined) => (value === null || value === undefined ? '—' : words.amount(value));
  switch (flag.code) {
    case 'OFFICIAL_ORIENTED':
      return [
        {
          key: 'appraisal.flagWhy.OFFICIAL_ORIENTED',
          params: {
            inspection: points(figure.get('inspection')),
            massSatisfaction: points(figure.get('massSatisfaction')),
            gap: points(figure.get('gap')),
            gapThreshold: points(threshold.get('gap')),
          },
        },
      ];
    case 'GDP_ORIENTED':
      return [
        {
          key: 'appraisal.flagWhy.GDP_ORIENTED',
          params: {
            reportedGrowth: points(figure.get('reportedGrowth')),
            growth: points(threshold.get('growth')),
            livelihoodSatisfaction: points(figure.get('livelihoodSatisfaction')),
            livelihoodFloor: points(threshold.get('livelihoodFloor')),
          },
        },
      ];
    case 'DEBT_FINANCED': {
      const growth = figure.get('debtGrowth');
      // From no debt, growth is unbounded (the server sends null): say so rather than print a percentage.
      if (growth === null || growth === undefined) {
        return [{ key: 'appraisal.flagWhy.DEBT_FINANCED_FROM_NONE', params: { debtAtEnd: amount(figure.get('debtAtEnd')) } }];
      }
      return [
        {
          key: 'appraisal.flagWhy.DEBT_FINANCED',
          params: {
            debtAtStart: amount(figure.get('debtAtStart')),
            debtAtEnd: amount(figure.get('debtAtEnd')),
            debtGrowth: percent(growth),
            debtGrowthThreshold: percent(threshold.get('debtGrowth')),
          },
        },
      ];
    }
    case 'INDIVIDUAL_ORIENTED': {
      const sentences: Sentence[] = [];
      const showcase = figure.get('showcaseShare');
      const showcaseThreshold = threshold.get('showcaseShare');
      if (
        showcase !== null &&
        showcase !== undefined &&
        showcaseThreshold !== null &&
        showcaseThreshold !== undefined &&
        showcase >= showcaseThreshold
      ) {
        sentences.push({
          key: 'appraisal.flagWhy.SHOWCASE',
          params: { showcaseShare: percent(showcase), showcaseThreshold: percent(showcaseThreshold) },
        });
      }
      const gap = figure.get('workStyleGap');
      const gapThreshold = threshold.get('workStyleGap');
      if (gap !== null && gap !== undefined && gapThreshold !== null && gapThreshold !== undefined && gap >= gapThreshold) {
        sentences.push({
          key: 'appraisal.flagWhy.WORK_STYLE',
          params: {
            workStyle: points(figure.get('workStyle')),
            otherCriteria: points(figure.get('otherCriteria')),
            workStyleGap: points(gap),
            workStyleThreshold: points(gapThreshold),
          },
        });
      }
      return sentences;
    }
  }
}
