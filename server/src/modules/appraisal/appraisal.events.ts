import type { evaluation } from '@massline/shared';
import type { Change } from '../../common/domain-events';

/** An inspection as the audit log keeps it. */
export interface InspectionSnapshot {
  term: string;
  score: number;
  inspector: string;
  inspectedOn: string;
  reportedGrowth: number | null;
}

/** A special audit as the audit log keeps it. */
export interface SpecialAuditSnapshot {
  term: string;
  debtAtStart: number;
  debtAtEnd: number;
  irregularFunds: number;
  showcaseSpending: number;
  totalSpending: number;
  findings: number;
  auditBody: string;
  auditedOn: string;
}

/** The events of the appraisal module, by type (each named after the audit action it leaves). */
export interface AppraisalEvents {
  'inspection.record': Change<null, InspectionSnapshot>;
  'special-audit.record': Change<null, SpecialAuditSnapshot>;
  'verdict-settings.create': Change<null, { version: number; settings: Omit<evaluation.VerdictSettings, 'version'>; note: string | null }>;
  'verdict-settings.activate': Change<{ active: number | null }, { active: number }>;
}
