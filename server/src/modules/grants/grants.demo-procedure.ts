import { cadres, grants, problemMessage } from '@massline/shared';

/** A step as the demo records it: its kind, date and facts (the facts as a client would send them). */
export interface DemoStep {
  step: grants.GrantRecordStep;
  date: string;
  facts: Record<string, unknown>;
}

/** A term as the tenure rules read it, with its own id (to leave it out of its own history). */
export interface DemoTerm extends cadres.TermRecord {
  id: string;
  cadreId: string;
}

const refuse = (what: string, problems: readonly { message: string }[]): never => {
  throw new Error(`demo grant ${what} breaks a rule: ${problems.map((problem) => problem.message).join('; ')}`);
};

/**
 * One demo grant's procedure, every record checked by shared's rules as GrantService checks the same
 * record through the API (order, facts, dates, the notice's working days, objections before taking
 * effect, probation, the tenure of the term it creates, the end of that term). A demo grant that breaks
 * a rule is a bug: it throws, and the demo is not seeded.
 */
export class DemoProcedure {
  readonly steps: DemoStep[] = [];
  private readonly objections: grants.ObjectionState[] = [];

  constructor(
    private readonly label: string,
    private readonly method: grants.GrantMethod,
    private readonly calendar: grants.WorkingDayCalendar,
  ) {}

  private stepOf(kind: grants.GrantRecordStep): DemoStep | undefined {
    return this.steps.find((step) => step.step === kind);
  }

  /** Records the next step: the facts as shared reads them (what the row stores). */
  record(step: grants.GrantRecordStep, date: string, raw: Record<string, unknown>): DemoStep {
    const what = `${this.label}, ${step} of ${date}`;
    if (this.objections.some((objection) => objection.upheld)) refuse(what, [{ message: 'an upheld objection stopped the grant' }]);
    const procedure = this.steps.filter((s) => s.step !== 'PROBATION_END').map((s) => s.step as grants.GrantStep);
    if (step === 'PROBATION_END') {
      if (!this.stepOf('TAKING_EFFECT') || this.stepOf('PROBATION_END')) refuse(what, [{ message: 'no probation to end' }]);
    } else {
      const order = grants.stepOrderProblems(procedure, step);
      if (order.length > 0) refuse(what, order);
    }
    const { facts, problems } = grants.stepFactsProblems(step, this.method, date, raw);
    const found = [...grants.stepDateProblems(this.steps.at(-1)?.date ?? null, date), ...problems];
    if (step === 'NOTICE')
      found.push(...grants.noticeProblems({ start: date, end: String(raw.end) }, this.stepOf('DECISION')!.date, this.calendar));
    if (step === 'TAKING_EFFECT')
      found.push(...grants.takingEffectProblems(date, String(this.stepOf('NOTICE')!.facts.end), this.objections));
    if (step === 'PROBATION_END') {
      found.push(
        ...grants.probationProblems(this.method, this.stepOf('TAKING_EFFECT')!.date, date, (facts as grants.ProbationFacts).outcome),
      );
    }
    if (found.length > 0) refuse(what, found);
    const recorded = { step, date, facts: facts as Record<string, unknown> };
    this.steps.push(recorded);
    return recorded;
  }

  /** A correction of a recorded step: its new facts checked as the step's, its date between its neighbours'. */
  correct(step: grants.GrantRecordStep, raw: Record<string, unknown>): Record<string, unknown> {
    const at = this.steps.findIndex((s) => s.step === step);
    const { date } = this.steps[at];
    const { facts, problems } = grants.stepFactsProblems(step, this.method, date, raw);
    const found = [
      ...grants.stepDateProblems(this.steps[at - 1]?.date ?? null, date),
      ...(this.steps[at + 1] ? grants.stepDateProblems(date, this.steps[at + 1].date) : []),
      ...problems,
    ];
    if (found.length > 0) refuse(`${this.label}, correction of ${step}`, found);
    this.steps[at] = { step, date, facts: facts as Record<string, unknown> };
    return facts as Record<string, unknown>;
  }

  /** An objection filed on `day`: only while the notice is open. */
  object(day: string): void {
    const notice = this.stepOf('NOTICE');
    const open = notice && !this.stepOf('TAKING_EFFECT') && notice.date <= day && day <= String(notice.facts.end);
    if (!open) refuse(`${this.label}, objection of ${day}`, [{ message: 'the notice is not open' }]);
    this.objections.push({ answered: false, upheld: false });
  }

  answer(index: number, upheld: boolean): void {
    if (this.objections[index].answered) refuse(`${this.label}, answer`, [{ message: 'the objection is answered already' }]);
    this.objections[index] = { answered: true, upheld };
  }

  /** The term the grant creates when it takes effect, checked as createTerm checks it against the other terms. */
  checkTerm(term: DemoTerm, others: readonly DemoTerm[]): void {
    const history = others.filter((other) => other.id !== term.id && other.cadreId === term.cadreId);
    const holders = others.filter((other) => other.id !== term.id && other.postId === term.postId);
    const found = cadres.termProblems({ ...term, endedOn: null }, history, holders);
    if (found.length > 0)
      refuse(
        `${this.label}, its term`,
        found.map((problem) => ({ message: problemMessage(problem.problem) })),
      );
  }

  /** The end of the grant: it took effect, was not removed in probation, and its term may end that day. */
  end(term: DemoTerm, endedOn: string, today: string): void {
    const removed = this.stepOf('PROBATION_END')?.facts.outcome === 'REMOVED';
    if (!this.stepOf('TAKING_EFFECT') || removed) refuse(`${this.label}, its end`, [{ message: 'not in effect' }]);
    const found = Object.values(cadres.termEndProblems(term, endedOn, today));
    if (found.length > 0)
      refuse(
        `${this.label}, its end on ${endedOn}`,
        found.map((problem) => ({ message: problemMessage(problem) })),
      );
  }
}
