import { appraisal, evaluation } from '@massline/shared';
import { describe, expect, it } from 'vitest';
import { draftOf, valuesOf, VERDICT_SETTINGS_FIELDS } from './verdict-settings-draft';

describe('the verdict settings form as text boxes', () => {
  const { version: _version, ...inForce } = evaluation.DEFAULT_VERDICT_SETTINGS;

  it('prefills every box from a version and reads back the same settings, which the shared rules accept', () => {
    const draft = draftOf(inForce);
    expect(Object.keys(draft)).toEqual([...VERDICT_SETTINGS_FIELDS]);
    expect(draft['weights.mass']).toBe('0.5');
    expect(draft['bands.1.minimum']).toBe('75');
    expect(draft['auditPenalties.irregularShare']).toBe('0.05');
    expect(valuesOf(draft)).toEqual(inForce);
    expect(appraisal.verdictSettingsProblems(valuesOf(draft))).toEqual({});
  });

  it("puts each of shared's problems on the box it names: a box that is not a number, weights off 1, bands out of order", () => {
    const draft = { ...draftOf(inForce), 'weights.inspection': '0.4', 'bands.2.minimum': '80', workStyleGap: 'lots' };
    const problems = appraisal.verdictSettingsProblems(valuesOf(draft));
    expect(problems).toEqual({
      'weights.mass': { reason: 'WEIGHTS_SUM', params: { sum: 1.1 } },
      'bands.2.minimum': { reason: 'BANDS_ORDER', params: { above: 75, got: 80 } },
      workStyleGap: { reason: 'NOT_FINITE', params: {} },
    });
    expect(Object.keys(problems).every((path) => (VERDICT_SETTINGS_FIELDS as readonly string[]).includes(path))).toBe(true);
  });
});
