import { describe, expect, it } from 'vitest';
import { problemMessage } from '../../errors/problems';
import { DEFAULT_VERDICT_SETTINGS } from '../evaluation/verdict';
import { verdictSettingsProblems } from './verdict-settings';

const { version: _version, ...settings } = DEFAULT_VERDICT_SETTINGS;

describe('verdictSettingsProblems', () => {
  it('accepts version 1', () => {
    expect(verdictSettingsProblems(settings)).toEqual({});
  });

  it('refuses weights that do not sum to 1, saying the sum', () => {
    const problems = verdictSettingsProblems({ ...settings, weights: { mass: 0.5, inspection: 0.3, audit: 0.3 } });
    expect(problems['weights.mass']).toEqual({ reason: 'WEIGHTS_SUM', params: { sum: 1.1 } });
    expect(problemMessage(problems['weights.mass'])).toBe('The weights must sum to 1, they sum to 1.1');
    expect(verdictSettingsProblems({ ...settings, weights: { mass: 0.5, inspection: 0.25, audit: 0.25 } })).toEqual({});
  });

  it('refuses a weight outside 0–1 and a mass weight of 0 (mass evaluation is the main body)', () => {
    expect(verdictSettingsProblems({ ...settings, weights: { mass: 1.2, inspection: -0.1, audit: -0.1 } })['weights.mass']?.reason).toBe(
      'SCORE_RANGE',
    );
    expect(verdictSettingsProblems({ ...settings, weights: { mass: 0, inspection: 0.5, audit: 0.5 } })['weights.mass']).toEqual({
      reason: 'NOT_POSITIVE',
      params: { got: 0 },
    });
  });

  it('refuses bands that are not the four grades, best first, strictly falling to 0', () => {
    expect(verdictSettingsProblems({ ...settings, bands: settings.bands.slice(1) }).bands?.reason).toBe('GRADE_BANDS');
    const falling = settings.bands.map((band, index) => (index === 2 ? { ...band, minimum: 75 } : band));
    expect(verdictSettingsProblems({ ...settings, bands: falling })['bands.2.minimum']).toEqual({
      reason: 'BANDS_ORDER',
      params: { above: 75, got: 75 },
    });
    const lowest = settings.bands.map((band, index) => (index === 3 ? { ...band, minimum: 10 } : band));
    expect(verdictSettingsProblems({ ...settings, bands: lowest })['bands.3.minimum']?.reason).toBe('LOWEST_BAND_ZERO');
  });

  it('refuses thresholds that are not positive or out of range', () => {
    const problems = verdictSettingsProblems({
      ...settings,
      officialGap: 0,
      livelihoodFloor: 101,
      showcaseShare: 1.5,
      workStyleGap: Number.NaN,
      auditPenalties: { ...settings.auditPenalties, findings: -1 },
    });
    expect(problems.officialGap).toEqual({ reason: 'NOT_POSITIVE', params: { got: 0 } });
    expect(problems.livelihoodFloor?.reason).toBe('SCORE_RANGE');
    expect(problems.showcaseShare).toEqual({ reason: 'SCORE_RANGE', params: { min: 0, max: 1, got: 1.5 } });
    expect(problems.workStyleGap?.reason).toBe('NOT_FINITE');
    expect(problems['auditPenalties.findings']?.reason).toBe('NOT_POSITIVE');
    expect(verdictSettingsProblems({ ...settings, showcaseShare: 0 }).showcaseShare?.reason).toBe('NOT_POSITIVE');
  });
});
