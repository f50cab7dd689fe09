/**
 * The rules of a version of the verdict thresholds (shared/src/domain/evaluation/verdict.ts holds the
 * settings' shape and version 1): the root organization writes a new version in the console, which checks
 * it with these before sending; the server refuses the same things with the same codes.
 */
import { problemOf, type Problem } from '../../errors/problems';
import { CADRE_GRADE_CODES, type VerdictSettings } from '../evaluation/verdict';

/** Weights sum to 1 within this (they are typed with 4 decimals). */
const WEIGHT_TOLERANCE = 1e-9;

/** What must be fixed, by path into the settings (`weights.mass`, `bands.1.minimum`, `officialGap`); empty when acceptable. */
export function verdictSettingsProblems(settings: Omit<VerdictSettings, 'version'>): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  const positive = (path: string, value: number) => {
    if (!Number.isFinite(value)) problems[path] = problemOf('NOT_FINITE');
    else if (value <= 0) problems[path] = problemOf('NOT_POSITIVE', { got: value });
  };
  const within = (path: string, value: number, min: number, max: number) => {
    if (!Number.isFinite(value)) problems[path] = problemOf('NOT_FINITE');
    else if (value < min || value > max) problems[path] = problemOf('SCORE_RANGE', { min, max, got: value });
  };

  const weights = Object.entries(settings.weights) as [keyof VerdictSettings['weights'], number][];
  for (const [name, weight] of weights) within(`weights.${name}`, weight, 0, 1);
  const sum = weights.reduce((total, [, weight]) => total + weight, 0);
  if (weights.every(([name]) => !problems[`weights.${name}`]) && Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
    problems['weights.mass'] = problemOf('WEIGHTS_SUM', { sum: Math.round(sum * 1e6) / 1e6 });
  }
  if (settings.weights.mass <= 0 && !problems['weights.mass']) problems['weights.mass'] = problemOf('NOT_POSITIVE', { got: 0 });

  const codes = settings.bands.map((band) => band.code);
  if (codes.length !== CADRE_GRADE_CODES.length || CADRE_GRADE_CODES.some((code, index) => codes[index] !== code)) {
    problems.bands = problemOf('GRADE_BANDS', { grades: CADRE_GRADE_CODES.join(', ') });
  } else {
    settings.bands.forEach((band, index) => {
      const path = `bands.${index}.minimum`;
      within(path, band.minimum, 0, 100);
      if (problems[path]) return;
      if (index === settings.bands.length - 1 && band.minimum !== 0) problems[path] = problemOf('LOWEST_BAND_ZERO');
      const above = settings.bands[index - 1];
      if (above && Number.isFinite(above.minimum) && band.minimum >= above.minimum)
        problems[path] = problemOf('BANDS_ORDER', { above: above.minimum, got: band.minimum });
    });
  }

  positive('officialGap', settings.officialGap);
  positive('gdpGrowth', settings.gdpGrowth);
  within('livelihoodFloor', settings.livelihoodFloor, 0, 100);
  positive('debtGrowth', settings.debtGrowth);
  within('showcaseShare', settings.showcaseShare, 0, 1);
  if (!problems.showcaseShare) positive('showcaseShare', settings.showcaseShare);
  positive('workStyleGap', settings.workStyleGap);
  for (const [name, full] of Object.entries(settings.auditPenalties)) positive(`auditPenalties.${name}`, full);
  return problems;
}
