/**
 * The verdict on a cadre's term (PRODUCT.md, "Mechanism 2"): mass satisfaction is the main body (50 %),
 * organizational inspection 30 %, special audit 20 %, giving a score and a grade, with tendency flags
 * that each say which figures raised them against which threshold. The thresholds are versioned
 * settings, like the harmony methodology: a verdict names the version it was made with.
 */
import type { LocalizedText } from '../harmony/indicators';
import type { MeanInterval, Satisfaction } from './satisfaction';
import { WORK_STYLE_CRITERION } from './scales';

export const CADRE_GRADE_CODES = ['EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT'] as const;
export type CadreGradeCode = (typeof CADRE_GRADE_CODES)[number];

export const CADRE_GRADE_NAMES: Readonly<Record<CadreGradeCode, LocalizedText>> = {
  EXCELLENT: { en: 'Excellent', zhCN: '优秀' },
  COMPETENT: { en: 'Competent', zhCN: '称职' },
  BASICALLY_COMPETENT: { en: 'Basically competent', zhCN: '基本称职' },
  INCOMPETENT: { en: 'Incompetent', zhCN: '不称职' },
};

export const TENDENCY_FLAGS = ['OFFICIAL_ORIENTED', 'GDP_ORIENTED', 'DEBT_FINANCED', 'INDIVIDUAL_ORIENTED'] as const;
export type TendencyFlagCode = (typeof TENDENCY_FLAGS)[number];

export interface VerdictSettings {
  version: number;
  weights: { mass: number; inspection: number; audit: number };
  /** Smallest combined score of each grade, best first (the last is 0). */
  bands: readonly { code: CadreGradeCode; minimum: number }[];
  /** Official-oriented: inspection score at least this many points above mass satisfaction. */
  officialGap: number;
  /** GDP-oriented: reported growth (%) at least this … */
  gdpGrowth: number;
  /** … while livelihood satisfaction (every criterion but work style) is below this. */
  livelihoodFloor: number;
  /** Debt-financed: debt growth over the term at least this share (0.5 = +50 %). */
  debtGrowth: number;
  /** Individual-oriented: showcase ("image") project spending at least this share of the term's spending … */
  showcaseShare: number;
  /** … or the work-style criterion at least this many points below the mean of the cadre's other criteria. */
  workStyleGap: number;
  /** The audit component: full penalty at these values (debt growth share, irregular funds share, showcase share, findings). */
  auditPenalties: { debtGrowth: number; irregularShare: number; showcaseShare: number; findings: number };
}

/** Version 1 of the thresholds: the demo's, and the default until an organization of the root region makes another. */
export const DEFAULT_VERDICT_SETTINGS: VerdictSettings = Object.freeze({
  version: 1,
  weights: { mass: 0.5, inspection: 0.3, audit: 0.2 },
  bands: [
    { code: 'EXCELLENT', minimum: 90 },
    { code: 'COMPETENT', minimum: 75 },
    { code: 'BASICALLY_COMPETENT', minimum: 60 },
    { code: 'INCOMPETENT', minimum: 0 },
  ],
  officialGap: 20,
  gdpGrowth: 7,
  livelihoodFloor: 70,
  debtGrowth: 0.5,
  showcaseShare: 0.1,
  workStyleGap: 15,
  auditPenalties: { debtGrowth: 1, irregularShare: 0.05, showcaseShare: 0.2, findings: 10 },
}) as VerdictSettings;

/** What the special audit found for a term (money in one currency unit, e.g. 10,000 yuan). */
export interface AuditFigures {
  debtAtStart: number;
  debtAtEnd: number;
  irregularFunds: number;
  showcaseSpending: number;
  /** The term's total spending, against which irregular funds and showcase spending are shares. */
  totalSpending: number;
  findings: number;
}

/** Debt growth over the term as a share (0.5 = +50 %); from no debt, any debt is unbounded growth. */
export function debtGrowth(audit: AuditFigures): number {
  if (audit.debtAtStart <= 0) return audit.debtAtEnd > 0 ? Infinity : 0;
  return (audit.debtAtEnd - audit.debtAtStart) / audit.debtAtStart;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : part > 0 ? Infinity : 0);
const capped = (value: number, full: number) => Math.min(1, Math.max(0, value / full));

export interface AuditScore {
  score: number;
  /** Points taken off, per cause: debt growth (up to 40), irregular funds (30), showcase spending (20), findings (10). */
  penalties: { debtGrowth: number; irregularFunds: number; showcaseSpending: number; findings: number };
}

/**
 * The audit component on 0–100, documented: 100 less up to 40 points for debt growth (in proportion up
 * to +100 %), 30 for irregular funds (up to 5 % of spending), 20 for showcase spending (up to 20 %) and
 * 10 for findings (up to 10).
 */
export function auditScore(audit: AuditFigures, settings: VerdictSettings = DEFAULT_VERDICT_SETTINGS): AuditScore {
  const full = settings.auditPenalties;
  const penalties = {
    debtGrowth: 40 * capped(debtGrowth(audit), full.debtGrowth),
    irregularFunds: 30 * capped(share(audit.irregularFunds, audit.totalSpending), full.irregularShare),
    showcaseSpending: 20 * capped(share(audit.showcaseSpending, audit.totalSpending), full.showcaseShare),
    findings: 10 * capped(audit.findings, full.findings),
  };
  const score = 100 - penalties.debtGrowth - penalties.irregularFunds - penalties.showcaseSpending - penalties.findings;
  return { score, penalties };
}

export interface TendencyFlag {
  code: TendencyFlagCode;
  /** The figures that raised it and the thresholds they passed, by name (the console words them). */
  figures: Record<string, number>;
  thresholds: Record<string, number>;
}

export interface VerdictInput {
  satisfaction: Satisfaction;
  /** Organizational inspection score 0–100, if recorded. */
  inspection: number | null;
  audit: AuditFigures | null;
  /** Reported economic growth over the term (%), if recorded. */
  reportedGrowth: number | null;
}

export interface Verdict {
  settingsVersion: number;
  mass: MeanInterval;
  audit: AuditScore | null;
  /** The weights used: those of the components present, scaled to sum to 1. */
  weights: { mass: number; inspection: number; audit: number };
  score: number;
  /** The score's 95 % interval, from mass satisfaction's. */
  low: number;
  high: number;
  grade: CadreGradeCode;
  /** The interval straddles a grade boundary: the grade is shown as uncertain, not asserted. */
  uncertain: boolean;
  flags: TendencyFlag[];
}

export function gradeOf(score: number, settings: VerdictSettings = DEFAULT_VERDICT_SETTINGS): CadreGradeCode {
  return (settings.bands.find((band) => score >= band.minimum) ?? settings.bands[settings.bands.length - 1]).code;
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** The tendency flags a verdict raises, each with its figures and thresholds. */
export function tendencyFlags(input: VerdictInput, settings: VerdictSettings = DEFAULT_VERDICT_SETTINGS): TendencyFlag[] {
  const flags: TendencyFlag[] = [];
  const mass = input.satisfaction.overall.mean;
  if (mass !== null && input.inspection !== null && input.inspection - mass >= settings.officialGap) {
    flags.push({
      code: 'OFFICIAL_ORIENTED',
      figures: { inspection: input.inspection, massSatisfaction: mass, gap: input.inspection - mass },
      thresholds: { gap: settings.officialGap },
    });
  }
  const scored = input.satisfaction.criteria.filter((criterion) => criterion.mean !== null);
  const livelihood = scored.filter((criterion) => criterion.code !== WORK_STYLE_CRITERION).map((criterion) => criterion.mean!);
  if (input.reportedGrowth !== null && livelihood.length > 0) {
    const satisfaction = mean(livelihood);
    if (input.reportedGrowth >= settings.gdpGrowth && satisfaction < settings.livelihoodFloor) {
      flags.push({
        code: 'GDP_ORIENTED',
        figures: { reportedGrowth: input.reportedGrowth, livelihoodSatisfaction: satisfaction },
        thresholds: { growth: settings.gdpGrowth, livelihoodFloor: settings.livelihoodFloor },
      });
    }
  }
  if (input.audit) {
    const growth = debtGrowth(input.audit);
    if (growth >= settings.debtGrowth) {
      flags.push({
        code: 'DEBT_FINANCED',
        figures: { debtAtStart: input.audit.debtAtStart, debtAtEnd: input.audit.debtAtEnd, debtGrowth: growth },
        thresholds: { debtGrowth: settings.debtGrowth },
      });
    }
  }
  const showcase = input.audit ? share(input.audit.showcaseSpending, input.audit.totalSpending) : null;
  const workStyle = scored.find((criterion) => criterion.code === WORK_STYLE_CRITERION)?.mean ?? null;
  const others = livelihood.length > 0 ? mean(livelihood) : null;
  const workStyleGap = workStyle !== null && others !== null ? others - workStyle : null;
  if ((showcase !== null && showcase >= settings.showcaseShare) || (workStyleGap !== null && workStyleGap >= settings.workStyleGap)) {
    flags.push({
      code: 'INDIVIDUAL_ORIENTED',
      figures: {
        ...(showcase !== null ? { showcaseShare: showcase } : {}),
        ...(workStyleGap !== null ? { workStyle: workStyle!, otherCriteria: others!, workStyleGap } : {}),
      },
      thresholds: { showcaseShare: settings.showcaseShare, workStyleGap: settings.workStyleGap },
    });
  }
  return flags;
}

/**
 * The verdict, or null without mass satisfaction (no published result: fewer than k ballots). Missing
 * inspection or audit: the weights of the components present are scaled to sum to 1.
 */
export function verdictOf(input: VerdictInput, settings: VerdictSettings = DEFAULT_VERDICT_SETTINGS): Verdict | null {
  const mass = input.satisfaction.overall;
  if (mass.mean === null || mass.low === null || mass.high === null) return null;
  const audit = input.audit ? auditScore(input.audit, settings) : null;
  const present = {
    mass: settings.weights.mass,
    inspection: input.inspection !== null ? settings.weights.inspection : 0,
    audit: audit ? settings.weights.audit : 0,
  };
  const total = present.mass + present.inspection + present.audit;
  const weights = { mass: present.mass / total, inspection: present.inspection / total, audit: present.audit / total };
  const rest = weights.inspection * (input.inspection ?? 0) + weights.audit * (audit?.score ?? 0);
  const score = weights.mass * mass.mean + rest;
  const low = weights.mass * mass.low + rest;
  const high = weights.mass * mass.high + rest;
  const grade = gradeOf(score, settings);
  return {
    settingsVersion: settings.version,
    mass,
    audit,
    weights,
    score,
    low,
    high,
    grade,
    uncertain: gradeOf(low, settings) !== gradeOf(high, settings),
    flags: tendencyFlags(input, settings),
  };
}
