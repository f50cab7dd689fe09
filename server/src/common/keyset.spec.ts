import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import type { Filter } from './ability-filter';
import { afterPosition, decodeCursor, encodeCursor, orderByOf, reversed, type KeysetOrder, type KeyValue, type SortKey } from './keyset';

interface Row {
  id: string;
  score: number | null;
  at: Date;
  region: { code: string };
}

const key = (
  path: string,
  direction: 'asc' | 'desc',
  type: SortKey<Row>['type'],
  value: (row: Row) => KeyValue,
  nulls?: 'first' | 'last',
) => ({ path, direction, type, value, ...(nulls ? { nulls } : {}) }) satisfies SortKey<Row>;
const score = (direction: 'asc' | 'desc', nulls: 'first' | 'last') => key('score', direction, 'number', (row) => row.score, nulls);
const code = (direction: 'asc' | 'desc') => key('region.code', direction, 'string', (row) => row.region.code);
const at = (direction: 'asc' | 'desc') => key('at', direction, 'date', (row) => row.at);
const id = (direction: 'asc' | 'desc') => key('id', direction, 'uuid', (row) => row.id);

/** Reads a property path of a row (`region.code`). */
const read = (row: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, property) => (value as Record<string, unknown> | null)?.[property], row);

const comparable = (value: unknown) => (value instanceof Date ? value.getTime() : value) as number | string | boolean | null;

/** What PostgreSQL answers for a condition on one value (NULL compares as nothing). */
function holds(value: unknown, condition: unknown): boolean {
  const v = comparable(value);
  if (condition === null) return v === null;
  if (typeof condition !== 'object' || condition instanceof Date) return v !== null && v === comparable(condition);
  return Object.entries(condition as Record<string, unknown>).every(([op, operand]) => {
    const o = comparable(operand);
    if (op === '$ne' && operand === null) return v !== null;
    if (v === null || o === null) return false;
    if (op === '$gt') return v > o;
    if (op === '$gte') return v >= o;
    if (op === '$lt') return v < o;
    if (op === '$lte') return v <= o;
    throw new Error(`unexpected operator ${op}`);
  });
}

/** A small evaluator of the filters the builder writes: $and, $or, nested paths, and the raw `false`. */
function matches(row: unknown, filter: Filter, prefix = ''): boolean {
  return Object.entries(filter).every(([name, condition]) => {
    if (name === '$and') return (condition as Filter[]).every((part) => matches(row, part, prefix));
    if (name === '$or') return (condition as Filter[]).some((part) => matches(row, part, prefix));
    if (name.startsWith('[raw]: false')) return false;
    const path = prefix ? `${prefix}.${name}` : name;
    const nested =
      condition !== null &&
      typeof condition === 'object' &&
      !(condition instanceof Date) &&
      !Object.keys(condition).some((k) => k.startsWith('$'));
    return nested ? matches(row, condition as Filter, path) : holds(read(row, path), condition);
  });
}

/** The order as a comparator, NULLs where each key puts them (PostgreSQL's default when it does not say). */
function compare(order: KeysetOrder<Row>) {
  return (a: Row, b: Row) => {
    for (const k of order.keys) {
      const x = comparable(k.value(a));
      const y = comparable(k.value(b));
      if (x === y) continue;
      const nullsLast = (k.nulls ?? (k.direction === 'asc' ? 'last' : 'first')) === 'last';
      if (x === null) return nullsLast ? 1 : -1;
      if (y === null) return nullsLast ? -1 : 1;
      return (x < y ? -1 : 1) * (k.direction === 'asc' ? 1 : -1);
    }
    return 0;
  };
}

/** Rows with ties on every ordering value but the id, and NULLs. */
const ROWS: Row[] = Array.from({ length: 24 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String((i * 7919) % 1000).padStart(12, '0')}`,
  score: i % 5 === 0 ? null : i % 3,
  at: new Date(Date.UTC(2026, 0, 1 + (i % 4))),
  region: { code: `88010${i % 2}` },
}));

const ORDERS: Record<string, KeysetOrder<Row>> = {
  'score asc nulls last, id asc': { signature: 'a', keys: [score('asc', 'last'), id('asc')] },
  'score desc nulls last, id desc': { signature: 'b', keys: [score('desc', 'last'), id('desc')] },
  'score asc nulls first, id desc': { signature: 'c', keys: [score('asc', 'first'), id('desc')] },
  'score desc nulls first, id asc': { signature: 'd', keys: [score('desc', 'first'), id('asc')] },
  'at desc, region code asc, id desc (mixed, nested)': { signature: 'e', keys: [at('desc'), code('asc'), id('desc')] },
  'region code asc, score desc nulls last, at asc, id asc': {
    signature: 'f',
    keys: [code('asc'), score('desc', 'last'), at('asc'), id('asc')],
  },
};

describe('keyset predicate', () => {
  it.each(Object.entries(ORDERS))('%s: the rows after a position are exactly those the order puts after it', (_, order) => {
    const sorted = [...ROWS].sort(compare(order));
    sorted.forEach((row, i) => {
      const values = order.keys.map((k) => k.value(row));
      const after = ROWS.filter((candidate) => matches(candidate, afterPosition(order, values)));
      expect(after.sort(compare(order))).toEqual(sorted.slice(i + 1));
      // Read backwards: the reversed order's "after" is this order's "before".
      const before = ROWS.filter((candidate) => matches(candidate, afterPosition(reversed(order), values)));
      expect(before.sort(compare(order))).toEqual(sorted.slice(0, i));
      const atOrBefore = ROWS.filter((candidate) => matches(candidate, afterPosition(reversed(order), values, { inclusive: true })));
      expect(atOrBefore.sort(compare(order))).toEqual(sorted.slice(0, i + 1));
    });
  });

  it('finds the rows after a position that no longer exists (a row deleted, or moved since)', () => {
    const order = ORDERS['at desc, region code asc, id desc (mixed, nested)'];
    const gone: Row = {
      id: 'ffffffff-0000-4000-8000-000000000000',
      score: null,
      at: new Date(Date.UTC(2026, 0, 3)),
      region: { code: '880100' },
    };
    const after = ROWS.filter((candidate) =>
      matches(
        candidate,
        afterPosition(
          order,
          order.keys.map((k) => k.value(gone)),
        ),
      ),
    );
    expect(after.length).toBeGreaterThan(0);
    expect(after.sort(compare(order))).toEqual(ROWS.filter((row) => compare(order)(row, gone) > 0).sort(compare(order)));
  });

  it('bounds the first key alone when it is never NULL, so that an index starts at the position', () => {
    const order = ORDERS['at desc, region code asc, id desc (mixed, nested)'];
    const filter = afterPosition(order, [new Date(0), '880100', ROWS[0].id]);
    expect((filter.$and as Filter[])[0]).toEqual({ at: { $lte: new Date(0) } });
    const nullable = afterPosition(ORDERS['score asc nulls last, id asc'], [1, ROWS[0].id]);
    expect(nullable.$and as Filter[]).toHaveLength(1);
  });

  it('orders NULLs where the keys say, flipped when read backwards', () => {
    const order = ORDERS['score desc nulls last, id desc'];
    expect(orderByOf(order)).toEqual([{ score: 'desc nulls last' }, { id: 'desc' }]);
    expect(orderByOf(reversed(order))).toEqual([{ score: 'asc nulls first' }, { id: 'asc' }]);
    expect(orderByOf({ signature: 'x', keys: [code('asc')] })).toEqual([{ region: { code: 'asc' } }]);
    expect(orderByOf({ signature: 'x', keys: [code('asc')] }, { aliased: true })).toEqual([{ 'region.code': 'asc' }]);
  });
});

describe('keyset cursor', () => {
  const order = ORDERS['at desc, region code asc, id desc (mixed, nested)'];
  const row = ROWS[3];

  const refused = (cursor: string, against: KeysetOrder<Row> = order) => {
    try {
      decodeCursor(against, cursor, 'after');
    } catch (error) {
      return error instanceof AppError ? error.reason : 'not an AppError';
    }
    return 'accepted';
  };

  it('round-trips the ordering values and id of a row, dates to the millisecond, NULLs included', () => {
    expect(decodeCursor(order, encodeCursor(order, row), 'after')).toEqual([row.at, row.region.code, row.id]);
    const nullable = ORDERS['score asc nulls last, id asc'];
    const withNull = ROWS.find((r) => r.score === null) as Row;
    expect(decodeCursor(nullable, encodeCursor(nullable, withNull), 'after')).toEqual([null, withNull.id]);
    expect(encodeCursor(order, row)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuses a cursor of another order or list, and one altered by hand', () => {
    const cursor = encodeCursor(order, row);
    expect(refused(cursor, { ...order, signature: 'another list' })).toBe('INVALID_CURSOR');
    expect(refused('not a cursor at all')).toBe('INVALID_CURSOR');
    expect(refused(Buffer.from('{"a":1}').toString('base64url'))).toBe('INVALID_CURSOR');
    const [version, digest, date, regionCode] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    const forge = (payload: unknown[]) => Buffer.from(JSON.stringify(payload)).toString('base64url');
    expect(refused(forge([version, digest, date, regionCode, "1'; drop table audit_entry; --"]))).toBe('INVALID_CURSOR');
    expect(refused(forge([version, digest, { d: 'yesterday' }, regionCode, row.id]))).toBe('INVALID_CURSOR');
    expect(refused(forge([version, digest, date, 42, row.id]))).toBe('INVALID_CURSOR');
    expect(refused(forge([version, digest, null, regionCode, row.id]))).toBe('INVALID_CURSOR');
    expect(refused(forge([2, digest, date, regionCode, row.id]))).toBe('INVALID_CURSOR');
    expect(refused(forge([version, digest, date, regionCode]))).toBe('INVALID_CURSOR');
    expect(refused(forge([version, digest, date, regionCode, row.id]))).toBe('accepted');
  });
});
