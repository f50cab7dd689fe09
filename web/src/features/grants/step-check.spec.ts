import { grants } from '@massline/shared';
import { describe, expect, it } from 'vitest';
import { calendarOf, correctionProblems, nextStep, stepProblems, type StepContext } from './step-check';

const decided: StepContext = {
  method: 'APPOINTMENT',
  steps: [
    { step: 'MOTION', date: '2026-09-01', facts: { summary: 'Appoint a deputy head' } },
    { step: 'RECOMMENDATION', date: '2026-09-04', facts: {} },
    { step: 'INSPECTION', date: '2026-09-08', facts: {} },
    { step: 'DECISION', date: '2026-09-10', facts: {} },
  ],
  objections: [],
  calendar: grants.EMPTY_CALENDAR,
};

describe('the step form’s checks (shared’s rules, as the server applies them)', () => {
  it('names the next step of each procedure', () => {
    expect(nextStep('APPOINTMENT', decided.steps)).toBe('NOTICE');
    expect(nextStep('APPOINTMENT', [])).toBe('MOTION');
    const done = [
      ...decided.steps,
      { step: 'NOTICE', date: '2026-09-11', facts: {} },
      { step: 'TAKING_EFFECT', date: '2026-09-30', facts: {} },
    ];
    expect(nextStep('APPOINTMENT', done)).toBe('PROBATION_END');
    expect(nextStep('ELECTION', done)).toBeNull();
  });

  it('refuses a notice shorter than 5 working days, and passes one of exactly 5 across a weekend', () => {
    // Friday 11 September to Wednesday 16 September 2026: 4 working days.
    const short = stepProblems('NOTICE', '2026-09-11', { end: '2026-09-16' }, decided);
    expect(short.map((p) => p.code)).toEqual(['NOTICE_TOO_SHORT']);
    expect(short[0].params).toMatchObject({ workingDays: 4, required: 5 });
    expect(stepProblems('NOTICE', '2026-09-11', { end: '2026-09-17' }, decided)).toEqual([]);
  });

  it('counts a holiday from the calendar the server gives', () => {
    const calendar = calendarOf([{ holidays: [{ day: '2026-09-14' }], makeUpDays: [] }]);
    expect(stepProblems('NOTICE', '2026-09-11', { end: '2026-09-17' }, { ...decided, calendar }).map((p) => p.code)).toEqual([
      'NOTICE_TOO_SHORT',
    ]);
  });

  it('refuses a step out of order and a date before the previous step', () => {
    expect(stepProblems('TAKING_EFFECT', '2026-10-01', {}, decided).map((p) => p.code)).toEqual(['STEP_MISSING']);
    expect(stepProblems('NOTICE', '2026-09-09', { end: '2026-09-30' }, decided).map((p) => p.code)).toContain('STEP_DATE_BEFORE_PREVIOUS');
  });

  it('refuses taking effect while an objection is unanswered', () => {
    const noticed = { ...decided, steps: [...decided.steps, { step: 'NOTICE', date: '2026-09-11', facts: { end: '2026-09-25' } }] };
    const objected = { ...noticed, objections: [{ upheld: null }] };
    expect(stepProblems('TAKING_EFFECT', '2026-09-28', {}, objected).map((p) => p.code)).toEqual(['OBJECTIONS_UNANSWERED']);
    expect(stepProblems('TAKING_EFFECT', '2026-09-28', {}, { ...noticed, objections: [{ upheld: false }] })).toEqual([]);
  });

  it('checks a correction as the server does: its facts, its date between its neighbours, a notice’s working days', () => {
    const noticed = { ...decided, steps: [...decided.steps, { step: 'NOTICE', date: '2026-09-11', facts: { end: '2026-09-25' } }] };
    // The inspection moved before the recommendation, or after the decision: refused; between them: passes.
    expect(correctionProblems(2, '2026-09-03', { interviews: 42, findings: 'Sound' }, noticed).map((p) => p.code)).toEqual([
      'STEP_DATE_BEFORE_PREVIOUS',
    ]);
    expect(correctionProblems(2, '2026-09-11', { interviews: 42, findings: 'Sound' }, noticed).map((p) => p.code)).toEqual([
      'STEP_DATE_BEFORE_PREVIOUS',
    ]);
    expect(correctionProblems(2, '2026-09-09', { interviews: 42, findings: 'Sound' }, noticed)).toEqual([]);
    // The notice shortened to 4 working days, or made 5 across a holiday that the calendar adds: refused.
    expect(correctionProblems(4, '2026-09-11', { end: '2026-09-16' }, noticed).map((p) => p.code)).toEqual(['NOTICE_TOO_SHORT']);
    expect(correctionProblems(4, '2026-09-11', { end: '2026-09-17' }, noticed)).toEqual([]);
    const calendar = calendarOf([{ holidays: [{ day: '2026-09-14' }], makeUpDays: [] }]);
    expect(correctionProblems(4, '2026-09-11', { end: '2026-09-17' }, { ...noticed, calendar }).map((p) => p.code)).toEqual([
      'NOTICE_TOO_SHORT',
    ]);
  });
});
