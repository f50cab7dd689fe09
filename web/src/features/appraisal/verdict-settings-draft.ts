/**
 * The verdict settings form as text boxes: a draft prefilled from a version, read back into the
 * settings shared's `verdictSettingsProblems` checks (a box that is not a number reads as NaN, which the
 * rules call NOT_FINITE). Field names are the rules' problem paths, so problems land on their boxes.
 * Pure, so it is tested without a browser.
 */
import { evaluation } from '@massline/shared';
import { numberOrNaN } from '../../lib/parse-number';

export type VerdictSettingsValues = Omit<evaluation.VerdictSettings, 'version'>;

/** The boxes of the form, by problem path, in the order shown. */
export const VERDICT_SETTINGS_FIELDS = [
  'weights.mass',
  'weights.inspection',
  'weights.audit',
  ...evaluation.CADRE_GRADE_CODES.map((_code, index) => `bands.${index}.minimum` as const),
  'officialGap',
  'gdpGrowth',
  'livelihoodFloor',
  'debtGrowth',
  'showcaseShare',
  'workStyleGap',
  'auditPenalties.debtGrowth',
  'auditPenalties.irregularShare',
  'auditPenalties.showcaseShare',
  'auditPenalties.findings',
] as const;

export type VerdictSettingsField = (typeof VERDICT_SETTINGS_FIELDS)[number];
export type VerdictSettingsDraft = Record<VerdictSettingsField, string>;

const at = (values: VerdictSettingsValues, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], values);

/** A draft holding a version's values (the one in force, when a new version is begun). */
export function draftOf(values: VerdictSettingsValues): VerdictSettingsDraft {
  return Object.fromEntries(
    VERDICT_SETTINGS_FIELDS.map((field) => {
      const value = at(values, field);
      return [field, typeof value === 'number' ? String(value) : ''];
    }),
  ) as VerdictSettingsDraft;
}

/** The settings a draft says, as the server takes them. */
export function valuesOf(draft: VerdictSettingsDraft): VerdictSettingsValues {
  const n = (field: VerdictSettingsField) => numberOrNaN(draft[field]);
  return {
    weights: { mass: n('weights.mass'), inspection: n('weights.inspection'), audit: n('weights.audit') },
    bands: evaluation.CADRE_GRADE_CODES.map((code, index) => ({
      code,
      minimum: numberOrNaN(draft[`bands.${index}.minimum` as VerdictSettingsField]),
    })),
    officialGap: n('officialGap'),
    gdpGrowth: n('gdpGrowth'),
    livelihoodFloor: n('livelihoodFloor'),
    debtGrowth: n('debtGrowth'),
    showcaseShare: n('showcaseShare'),
    workStyleGap: n('workStyleGap'),
    auditPenalties: {
      debtGrowth: n('auditPenalties.debtGrowth'),
      irregularShare: n('auditPenalties.irregularShare'),
      showcaseShare: n('auditPenalties.showcaseShare'),
      findings: n('auditPenalties.findings'),
    },
  };
}
