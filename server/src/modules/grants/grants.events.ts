import type { Change } from '../../common/domain-events';

/** The events of the grants module, by type (each named after the audit action it leaves). */
export interface GrantsEvents {
  'grant.create': Change<null, { postId: string; cadreId: string; method: string; bodyName: string; bodyKind: string; termYears: number }>;
  'grant.step.record': Change<null, { stepId: string; step: string; date: string; facts: Record<string, unknown> }>;
  'grant.step.correct': Change<
    { date: string; facts: Record<string, unknown> },
    { stepId: string; date: string; facts: Record<string, unknown>; reason: string }
  >;
  'grant.objection.file': Change<null, { objectionId: string; named: boolean }>;
  'grant.objection.answer': Change<null, { objectionId: string; upheld: boolean }>;
  'grant.end': Change<null, { reason: string; endedOn: string; decidedBy: string }>;
  'calendar.set': Change<{ holidays: number; makeUpDays: number }, { year: number; holidays: number; makeUpDays: number }>;
}
