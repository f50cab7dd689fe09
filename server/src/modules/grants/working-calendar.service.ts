import { grants, problemOf, type Problem } from '@massline/shared';
import { AppError } from '../../common/app-error';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import type { CalendarDayInput, SetWorkingCalendarInput } from './dto/grants.inputs';
import type { WorkingCalendar } from './dto/grants.outputs';
import { GrantRepository } from './grant.repository';
import type { GrantsEvents } from './grants.events';

/** Problems of one year's calendar, by field (`holidays.2`): dates of that year, make-up days on weekends, no day twice. */
export function calendarProblems(input: SetWorkingCalendarInput): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  const seen = new Set<string>();
  const check = (list: readonly CalendarDayInput[], field: string, makeUp: boolean) =>
    list.forEach(({ day }, i) => {
      const at = `${field}.${i}`;
      if (!grants.isIsoDate(day)) problems[at] = problemOf('GRANT_NOT_A_DATE', { got: day });
      else if (!day.startsWith(`${input.year}-`)) problems[at] = problemOf('CALENDAR_DAY_OUTSIDE_YEAR', { day, year: input.year });
      else if (seen.has(day)) problems[at] = problemOf('CALENDAR_DAY_TWICE', { day });
      else if (makeUp && grants.isWorkingDay(day)) problems[at] = problemOf('MAKE_UP_DAY_NOT_WEEKEND', { day });
      seen.add(day);
    });
  check(input.holidays, 'holidays', false);
  check(input.makeUpDays, 'makeUpDays', true);
  return problems;
}

/** The official holiday schedule, year by year: read by anyone, kept by the root region's organization. */
export class WorkingCalendarService {
  constructor(private readonly events: EventPublisher<GrantsEvents>) {}

  async get(context: Pick<RequestContext, 'em'>, year: number): Promise<WorkingCalendar> {
    const days = await new GrantRepository(context.em).calendarDays(year);
    const of = (kind: string) => days.filter((day) => day.kind === kind).map(({ day, note }) => ({ day, note }));
    return { year, holidays: of('HOLIDAY'), makeUpDays: of('MAKE_UP_DAY') };
  }

  async set(context: RequestContext, input: SetWorkingCalendarInput): Promise<WorkingCalendar> {
    authorize(context, 'manage', 'WorkingDayCalendar', {});
    const problems = calendarProblems(input);
    if (Object.keys(problems).length > 0) throw new AppError('INVALID_CALENDAR', `The calendar of ${input.year} is not valid`, problems);
    return inTransaction(this.events, context, async (em) => {
      const repository = new GrantRepository(em);
      const before = await this.get({ em }, input.year);
      await repository.replaceCalendarYear(input.year, [
        ...input.holidays.map(({ day, note }) => ({ day, kind: 'HOLIDAY', note: note.trim() })),
        ...input.makeUpDays.map(({ day, note }) => ({ day, kind: 'MAKE_UP_DAY', note: note.trim() })),
      ]);
      return {
        result: await this.get({ em }, input.year),
        events: [
          {
            action: 'calendar.set',
            subjectType: 'WorkingDayCalendar',
            subjectId: `${input.year}`,
            regionPath: null,
            before: { holidays: before.holidays.length, makeUpDays: before.makeUpDays.length },
            after: { year: input.year, holidays: input.holidays.length, makeUpDays: input.makeUpDays.length },
          },
        ],
      };
    });
  }
}
