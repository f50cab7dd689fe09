/**
 * Reporting periods: years (`2026`), quarters (`2026-Q3`) and months (`2026-07`).
 *
 * A period is a value, identified by its canonical code; everything else (kind, bounds, order) is
 * derived from the code, so the database stores only the code.
 */
export type PeriodKind = 'YEAR' | 'QUARTER' | 'MONTH';

export interface Period {
  readonly code: string;
  readonly kind: PeriodKind;
  readonly year: number;
  /** Quarter 1–4 or month 1–12; absent for a year. */
  readonly index?: number;
  /** First day, ISO date (inclusive). */
  readonly start: string;
  /** Last day, ISO date (inclusive). */
  readonly end: string;
}

export class InvalidPeriodError extends Error {
  readonly reason = 'INVALID_PERIOD' as const;
  constructor(readonly input: string) {
    super(`"${input}" is not a period: write a year (2026), a quarter (2026-Q3) or a month (2026-07)`);
    this.name = 'InvalidPeriodError';
  }
}

const PATTERN = /^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$/;
const MIN_YEAR = 1949;
const MAX_YEAR = 2200;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function build(kind: PeriodKind, year: number, index?: number): Period {
  if (kind === 'YEAR') return { code: String(year), kind, year, start: `${year}-01-01`, end: `${year}-12-31` };
  if (kind === 'QUARTER') {
    const q = index as number;
    const firstMonth = (q - 1) * 3 + 1;
    const lastMonth = firstMonth + 2;
    return {
      code: `${year}-Q${q}`,
      kind,
      year,
      index: q,
      start: `${year}-${pad(firstMonth)}-01`,
      end: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
    };
  }
  const m = index as number;
  return {
    code: `${year}-${pad(m)}`,
    kind,
    year,
    index: m,
    start: `${year}-${pad(m)}-01`,
    end: `${year}-${pad(m)}-${pad(lastDayOfMonth(year, m))}`,
  };
}

/** Parses a period code; throws InvalidPeriodError for anything else (surrounding blanks are tolerated). */
export function parsePeriod(input: string): Period {
  const match = PATTERN.exec(input.trim());
  if (!match) throw new InvalidPeriodError(input);
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) throw new InvalidPeriodError(input);
  if (match[2]) return build('QUARTER', year, Number(match[2]));
  if (match[3]) return build('MONTH', year, Number(match[3]));
  return build('YEAR', year);
}

export function isPeriod(input: string): boolean {
  try {
    parsePeriod(input);
    return true;
  } catch {
    return false;
  }
}

/** The period of the same kind just before this one (2026-Q1 → 2025-Q4). */
export function previousPeriod(period: Period | string): Period {
  const p = typeof period === 'string' ? parsePeriod(period) : period;
  if (p.kind === 'YEAR') return build('YEAR', p.year - 1);
  const count = p.kind === 'QUARTER' ? 4 : 12;
  const index = p.index as number;
  return index === 1 ? build(p.kind, p.year - 1, count) : build(p.kind, p.year, index - 1);
}

/** Orders periods by start date, then longer periods first (2026 < 2026-Q1 < 2026-01). */
export function comparePeriods(a: Period | string, b: Period | string): number {
  const pa = typeof a === 'string' ? parsePeriod(a) : a;
  const pb = typeof b === 'string' ? parsePeriod(b) : b;
  if (pa.start !== pb.start) return pa.start < pb.start ? -1 : 1;
  const length = { YEAR: 0, QUARTER: 1, MONTH: 2 } as const;
  return length[pa.kind] - length[pb.kind];
}

/** Does `outer` cover every day of `inner`? (2026 contains 2026-Q3 and 2026-07.) */
export function periodContains(outer: Period | string, inner: Period | string): boolean {
  const po = typeof outer === 'string' ? parsePeriod(outer) : outer;
  const pi = typeof inner === 'string' ? parsePeriod(inner) : inner;
  return po.start <= pi.start && pi.end <= po.end;
}

/**
 * The periods whose statistics (population, households) stand for `period`, most specific first:
 * a month is described by itself, then its quarter, then its year.
 */
export function statisticsFallbackChain(period: Period | string): string[] {
  const p = typeof period === 'string' ? parsePeriod(period) : period;
  if (p.kind === 'YEAR') return [p.code];
  if (p.kind === 'QUARTER') return [p.code, String(p.year)];
  const quarter = Math.ceil((p.index as number) / 3);
  return [p.code, `${p.year}-Q${quarter}`, String(p.year)];
}

/** Today's date as the period rules read it (ISO, UTC): the one clock shared by the console and the server. */
export function isoDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Has this period not begun yet on `today` (an ISO date)? Nothing can have been observed in it. */
export function isFuturePeriod(period: Period | string, today: string): boolean {
  const p = typeof period === 'string' ? parsePeriod(period) : period;
  return p.start > today;
}

/**
 * The last period of `kind` that is over on `today`: what a form proposes, since figures describe a
 * finished period (on 2026-11-29: 2026-Q3, 2026-10, 2025), not the running one.
 */
export function lastFinishedPeriod(kind: PeriodKind, today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const running =
    kind === 'YEAR' ? build('YEAR', year) : kind === 'QUARTER' ? build('QUARTER', year, Math.ceil(month / 3)) : build('MONTH', year, month);
  return previousPeriod(running);
}

/** Why a period typed into a form or a CSV row is refused: not a period, or one that has not begun. */
export type PeriodProblem = 'INVALID_PERIOD' | 'FUTURE_PERIOD';

/** The problem of a period given for data that must already exist (an observation), or null if it is fine. */
export function periodProblems(input: string, today: string): PeriodProblem | null {
  if (!isPeriod(input)) return 'INVALID_PERIOD';
  return isFuturePeriod(input, today) ? 'FUTURE_PERIOD' : null;
}
