import { grants } from '@massline/shared';

export interface RecordedStep {
  step: string;
  date: string;
  /** A JSON object (the schema's JSONObject, typed unknown by the console's documents). */
  facts: unknown;
}

/** A step's facts as an object (an answer's JSONObject). */
export const factsObject = (facts: unknown): Record<string, unknown> =>
  facts !== null && typeof facts === 'object' && !Array.isArray(facts) ? (facts as Record<string, unknown>) : {};

/** What the form checks a step against: the grant's method, its steps so far, its objections, the holiday calendar. */
export interface StepContext {
  method: grants.GrantMethod;
  steps: readonly RecordedStep[];
  objections: readonly { upheld: boolean | null }[];
  calendar: grants.WorkingDayCalendar;
}

/** The next step a grant's procedure expects, or null when it is complete. */
export function nextStep(method: grants.GrantMethod, steps: readonly RecordedStep[]): grants.GrantRecordStep | null {
  const done = new Set(steps.map((step) => step.step));
  const next = grants.GRANT_STEPS.find((step) => !done.has(step));
  if (next) return next;
  return method === 'APPOINTMENT' && !done.has('PROBATION_END') ? 'PROBATION_END' : null;
}

/**
 * The rules a step would break, with shared's functions in the server's order (order, facts, date, then
 * the notice's working days, the objections before taking effect, the probation): the form shows the
 * first before anything is sent.
 */
export function stepProblems(step: grants.GrantRecordStep, date: string, raw: unknown, context: StepContext): grants.GrantProblem[] {
  const procedure = context.steps.filter((s) => s.step !== 'PROBATION_END').map((s) => s.step as grants.GrantStep);
  if (step !== 'PROBATION_END') {
    const order = grants.stepOrderProblems(procedure, step);
    if (order.length > 0) return order;
  } else if (!context.steps.some((s) => s.step === 'TAKING_EFFECT')) {
    return grants.stepOrderProblems(procedure, 'TAKING_EFFECT');
  }
  const previous = context.steps[context.steps.length - 1] ?? null;
  const { facts, problems } = grants.stepFactsProblems(step, context.method, date, factsObject(raw));
  const found = [...grants.stepDateProblems(previous?.date ?? null, date), ...problems];
  if (found.length > 0) return found;
  const dateOf = (kind: string) => context.steps.find((s) => s.step === kind);
  if (step === 'NOTICE') {
    return grants.noticeProblems(
      { start: date, end: (facts as grants.NoticeStepFacts).end },
      dateOf('DECISION')?.date ?? date,
      context.calendar,
    );
  }
  if (step === 'TAKING_EFFECT') {
    const objections = context.objections.map((objection) => ({ answered: objection.upheld !== null, upheld: objection.upheld === true }));
    return grants.takingEffectProblems(date, String(factsObject(dateOf('NOTICE')?.facts).end ?? ''), objections);
  }
  if (step === 'PROBATION_END') {
    return grants.probationProblems(context.method, dateOf('TAKING_EFFECT')?.date ?? date, date, (facts as grants.ProbationFacts).outcome);
  }
  return [];
}

/**
 * The rules a correction of the recorded step at `index` would break, as the server checks a correction:
 * the step's facts, its date between its neighbours' (as they stand), and a notice's working days from
 * the decision before it. The same shared functions as a new step's.
 */
export function correctionProblems(index: number, date: string, raw: unknown, context: StepContext): grants.GrantProblem[] {
  const corrected = context.steps[index];
  const step = corrected.step as grants.GrantRecordStep;
  const previous = context.steps[index - 1] ?? null;
  const next = context.steps[index + 1] ?? null;
  const { facts, problems } = grants.stepFactsProblems(step, context.method, date, factsObject(raw));
  const found = [
    ...grants.stepDateProblems(previous?.date ?? null, date),
    ...(next ? grants.stepDateProblems(date, next.date) : []),
    ...problems,
  ];
  if (found.length > 0 || step !== 'NOTICE' || !previous) return found;
  return grants.noticeProblems({ start: date, end: (facts as grants.NoticeStepFacts).end }, previous.date, context.calendar);
}

/** The holiday calendar of the years a notice spans, from the server's `workingCalendar` answers. */
export function calendarOf(
  years: readonly { holidays: readonly { day: string }[]; makeUpDays: readonly { day: string }[] }[],
): grants.WorkingDayCalendar {
  return {
    holidays: new Set(years.flatMap((year) => year.holidays.map((day) => day.day))),
    makeUpDays: new Set(years.flatMap((year) => year.makeUpDays.map((day) => day.day))),
  };
}
