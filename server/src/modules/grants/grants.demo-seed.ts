import type { EntityManager } from '@mikro-orm/postgresql';
import { GrantRepository } from './grant.repository';

const span = (from: string, days: number, note: string) =>
  Array.from({ length: days }, (_, i) => ({
    day: new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
    note,
  }));

/**
 * The official holiday schedule of the demo years, as the State Council published it: public holidays
 * (a whole break, weekend days included) and the make-up working days (Saturdays and Sundays worked).
 */
const DEMO_CALENDAR: Record<number, { holidays: { day: string; note: string }[]; makeUpDays: { day: string; note: string }[] }> = {
  2025: {
    holidays: [
      ...span('2025-01-01', 1, "New Year's Day 元旦"),
      ...span('2025-01-28', 8, 'Spring Festival 春节'),
      ...span('2025-04-04', 3, 'Qingming 清明节'),
      ...span('2025-05-01', 5, 'Labour Day 劳动节'),
      ...span('2025-05-31', 3, 'Dragon Boat Festival 端午节'),
      ...span('2025-10-01', 8, 'National Day and Mid-Autumn 国庆节、中秋节'),
    ],
    makeUpDays: [
      { day: '2025-01-26', note: 'Spring Festival make-up 春节调休' },
      { day: '2025-02-08', note: 'Spring Festival make-up 春节调休' },
      { day: '2025-04-27', note: 'Labour Day make-up 劳动节调休' },
      { day: '2025-09-28', note: 'National Day make-up 国庆节调休' },
      { day: '2025-10-11', note: 'National Day make-up 国庆节调休' },
    ],
  },
  2026: {
    holidays: [
      ...span('2026-01-01', 3, "New Year's Day 元旦"),
      ...span('2026-02-15', 9, 'Spring Festival 春节'),
      ...span('2026-04-04', 3, 'Qingming 清明节'),
      ...span('2026-05-01', 5, 'Labour Day 劳动节'),
      ...span('2026-06-19', 3, 'Dragon Boat Festival 端午节'),
      ...span('2026-09-25', 3, 'Mid-Autumn 中秋节'),
      ...span('2026-10-01', 7, 'National Day 国庆节'),
    ],
    makeUpDays: [
      { day: '2026-01-04', note: "New Year's Day make-up 元旦调休" },
      { day: '2026-02-14', note: 'Spring Festival make-up 春节调休' },
      { day: '2026-02-28', note: 'Spring Festival make-up 春节调休' },
      { day: '2026-05-09', note: 'Labour Day make-up 劳动节调休' },
      { day: '2026-09-20', note: 'National Day make-up 国庆节调休' },
      { day: '2026-10-10', note: 'National Day make-up 国庆节调休' },
    ],
  },
};

/** The grants module's demo step: the holiday calendar of the demo years (one statement per year). */
export async function seedDemoGrants(em: EntityManager): Promise<void> {
  const repository = new GrantRepository(em);
  for (const [year, { holidays, makeUpDays }] of Object.entries(DEMO_CALENDAR)) {
    await repository.replaceCalendarYear(Number(year), [
      ...holidays.map((day) => ({ ...day, kind: 'HOLIDAY' })),
      ...makeUpDays.map((day) => ({ ...day, kind: 'MAKE_UP_DAY' })),
    ]);
  }
}

export { DEMO_CALENDAR };
