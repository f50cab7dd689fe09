/**
 * The seven default indicators of the harmony index (PRODUCT.md, "Mechanism 1"), as data.
 *
 * Organizations may add indicators and change weights, bounds and thresholds; these values are
 * the starting methodology a new jurisdiction gets, so they have to be defensible as they stand.
 * Goalposts follow the OECD/JRC Handbook on Constructing Composite Indicators (2008), section 5
 * ("distance to a reference" / fixed goalposts): a lower and an upper bound fixed in advance, so
 * that scores of different periods are on the same footing — unlike min-max across regions,
 * which moves whenever the best or worst region moves.
 */
import { HarmonyMathError, requireFinite, requireNonNegative } from './errors';

export const INDICATOR_DIRECTIONS = ['LOWER_IS_BETTER', 'HIGHER_IS_BETTER'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/** How a raw count becomes the rate the indicator is defined on. */
export const RATE_BASES = ['NONE', 'PER_1K_RESIDENTS', 'PER_10K_RESIDENTS', 'PER_100K_RESIDENTS', 'PER_1K_HOUSEHOLDS', 'PERCENT'] as const;
export type RateBasis = (typeof RATE_BASES)[number];

export type DefaultIndicatorCode =
  'GINI' | 'PETITIONS' | 'MASS_INCIDENTS' | 'HOT_ISSUES' | 'PARTY_APPLICATIONS' | 'CADRE_TRUST' | 'PAPER_SUBSCRIPTIONS';

export interface LocalizedText {
  readonly en: string;
  readonly zhCN: string;
}

/** Fixed bounds for goalpost normalization, in the indicator's own unit; `lower < upper`. */
export interface Goalposts {
  readonly lower: number;
  readonly upper: number;
}

export interface IndicatorDefinition {
  readonly code: string;
  readonly names: LocalizedText;
  readonly unit: LocalizedText;
  readonly direction: IndicatorDirection;
  readonly rateBasis: RateBasis;
  readonly goalposts: Goalposts;
  /**
   * Value past which an alert is raised whatever the index says (PRODUCT.md: "an indicator past its
   * red line"). Past means above it for LOWER_IS_BETTER, below it for HIGHER_IS_BETTER.
   */
  readonly redLine: number | null;
}

export const DEFAULT_INDICATORS: readonly IndicatorDefinition[] = Object.freeze([
  {
    code: 'GINI',
    names: { en: 'Gini coefficient of household income', zhCN: '基尼系数' },
    unit: { en: '0–1', zhCN: '0–1' },
    direction: 'LOWER_IS_BETTER',
    rateBasis: 'NONE',
    // 0.2 is about the most equal household income distribution observed anywhere (Nordic
    // countries after transfers); 0.6 about the most unequal (southern Africa). Red line 0.45:
    // above the 0.4 "alert line" commonly cited for China, a level that is no longer a warning
    // sign but a breach.
    goalposts: { lower: 0.2, upper: 0.6 },
    redLine: 0.45,
  },
  {
    code: 'PETITIONS',
    names: { en: 'Letters and visits', zhCN: '信访' },
    unit: { en: 'per 10,000 residents', zhCN: '件/万人' },
    direction: 'LOWER_IS_BETTER',
    rateBasis: 'PER_10K_RESIDENTS',
    // Starting points, to be calibrated on the jurisdiction's own history: 50 per 10,000 residents
    // a period is the "worst" goalpost, 30 the red line at which a county is out of the ordinary.
    goalposts: { lower: 0, upper: 50 },
    redLine: 30,
  },
  {
    code: 'MASS_INCIDENTS',
    names: { en: 'Mass incidents', zhCN: '群体性事件' },
    unit: { en: 'per 100,000 residents', zhCN: '起/十万人' },
    direction: 'LOWER_IS_BETTER',
    rateBasis: 'PER_100K_RESIDENTS',
    // Mass incidents are rare events at county level; two per 100,000 residents in one period is
    // already an alert whatever the composite index says.
    goalposts: { lower: 0, upper: 5 },
    redLine: 2,
  },
  {
    code: 'HOT_ISSUES',
    names: {
      en: 'Hot issues of public concern resolved to the public’s satisfaction',
      zhCN: '群众关注热点问题解决满意率',
    },
    unit: { en: '%', zhCN: '%' },
    direction: 'HIGHER_IS_BETTER',
    rateBasis: 'PERCENT',
    goalposts: { lower: 0, upper: 100 },
    redLine: null,
  },
  {
    code: 'PARTY_APPLICATIONS',
    names: { en: 'People applying to join the party', zhCN: '入党申请人数' },
    unit: { en: 'per 1,000 residents', zhCN: '人/千人' },
    direction: 'HIGHER_IS_BETTER',
    rateBasis: 'PER_1K_RESIDENTS',
    // Applicants are a small minority of residents: 10 per 1,000 in one period marks an excellent
    // region; as with every goalpost here, organizations calibrate it on their own history.
    goalposts: { lower: 0, upper: 10 },
    redLine: null,
  },
  {
    code: 'CADRE_TRUST',
    names: { en: 'People’s trust in leading cadres', zhCN: '群众对领导干部信任度' },
    unit: { en: '%', zhCN: '%' },
    direction: 'HIGHER_IS_BETTER',
    rateBasis: 'PERCENT',
    goalposts: { lower: 0, upper: 100 },
    redLine: null,
  },
  {
    code: 'PAPER_SUBSCRIPTIONS',
    names: {
      en: 'Self-funded subscriptions to party newspapers and periodicals',
      zhCN: '自费订阅党报党刊',
    },
    unit: { en: 'per 1,000 households', zhCN: '份/千户' },
    direction: 'HIGHER_IS_BETTER',
    rateBasis: 'PER_1K_HOUSEHOLDS',
    goalposts: { lower: 0, upper: 100 },
    redLine: null,
  },
] satisfies readonly (IndicatorDefinition & { code: DefaultIndicatorCode })[]);

export const DEFAULT_INDICATOR_CODES: readonly DefaultIndicatorCode[] = Object.freeze([
  'GINI',
  'PETITIONS',
  'MASS_INCIDENTS',
  'HOT_ISSUES',
  'PARTY_APPLICATIONS',
  'CADRE_TRUST',
  'PAPER_SUBSCRIPTIONS',
]);

export function findDefaultIndicator(code: string): IndicatorDefinition | undefined {
  return DEFAULT_INDICATORS.find((indicator) => indicator.code === code);
}

/** Denominators of a region and period. `total` is the whole a PERCENT count is a part of. */
export interface RateDenominators {
  readonly population?: number | null;
  readonly households?: number | null;
  readonly total?: number | null;
}

function requirePositiveDenominator(
  value: number | null | undefined,
  name: 'population' | 'households' | 'total',
  basis: RateBasis,
): number {
  if (value === null || value === undefined) {
    throw new HarmonyMathError('MISSING_DENOMINATOR', `a ${basis} rate needs the ${name}`);
  }
  requireFinite(value, name);
  if (value <= 0) {
    throw new HarmonyMathError('INVALID_DENOMINATOR', `${name} must be positive, got ${value}`);
  }
  return value;
}

/**
 * Turns a raw count (petitions, incidents, applications, subscriptions…) into the rate the
 * indicator is defined on, with the region's denominators of that period (PRODUCT.md: "raw counts
 * are turned into rates with the region's population of that period"). Per-capita rates are what
 * makes a county of 300,000 comparable with one of 1.2 million.
 *
 * `NONE` returns the count unchanged: an indicator without a basis is already on its own scale.
 * `PERCENT` needs `total`, the whole of which the count is a part (e.g. hot issues resolved to
 * satisfaction out of all hot issues), and refuses a count above it.
 */
export function rateFromCount(count: number, basis: RateBasis, denominators: RateDenominators = {}): number {
  requireNonNegative(count, 'count');
  switch (basis) {
    case 'NONE':
      return count;
    case 'PER_1K_RESIDENTS':
      return (count / requirePositiveDenominator(denominators.population, 'population', basis)) * 1_000;
    case 'PER_10K_RESIDENTS':
      return (count / requirePositiveDenominator(denominators.population, 'population', basis)) * 10_000;
    case 'PER_100K_RESIDENTS':
      return (count / requirePositiveDenominator(denominators.population, 'population', basis)) * 100_000;
    case 'PER_1K_HOUSEHOLDS':
      return (count / requirePositiveDenominator(denominators.households, 'households', basis)) * 1_000;
    case 'PERCENT': {
      const total = requirePositiveDenominator(denominators.total, 'total', basis);
      if (count > total) {
        throw new HarmonyMathError('COUNT_EXCEEDS_TOTAL', `count ${count} exceeds its total ${total}`);
      }
      return (count / total) * 100;
    }
  }
}

/**
 * Whether a value is past its red line. Being exactly on the line is not past it: a red line is
 * the last tolerable value. A missing value or a missing red line is never past anything.
 */
export function isPastRedLine(value: number | null, redLine: number | null | undefined, direction: IndicatorDirection): boolean {
  if (value === null || redLine === null || redLine === undefined) return false;
  requireFinite(value, 'value');
  requireFinite(redLine, 'red line');
  return direction === 'LOWER_IS_BETTER' ? value > redLine : value < redLine;
}
