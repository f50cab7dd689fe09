import { grants } from '@massline/shared';
import { AppError } from '../../common/app-error';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import type { SetWorkingCalendarInput } from './dto/grants.inputs';
import type { WorkingCalendar } from './dto/grants.outputs';
import { GrantRepository } from './grant.repository';
import type { GrantsEvents } from './grants.events';

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
    const problems = grants.calendarYearProblems(input);
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
