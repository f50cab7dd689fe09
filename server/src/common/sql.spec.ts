import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { useTestOrm } from '../../../test/support/test-orm';
import { sql } from './sql';

/** Prepared statements outside a transaction go to the driver on a pooled connection (sql.ts `preparedOnPool`). */
describe('sql with a prepared statement', () => {
  // Two connections: a connection not given back would show within three statements.
  const orm = useTestOrm(2);

  it('binds knex placeholders in order, arrays and byte strings included, and reads the rows', async () => {
    const rows = await sql<{ n: number; list: number[]; hex: string; text: string }>(
      orm().em.fork(),
      `select ?::int + 1 as n, ?::smallint[] as list, encode(?::bytea, 'hex') as hex, ? || '!' as text`,
      [41, [3, 1, 2], Buffer.from([0xca, 0xfe]), 'why'],
      { prepared: 'sql-spec-binds' },
    );
    expect(rows).toEqual([{ n: 42, list: [3, 1, 2], hex: 'cafe', text: 'why!' }]);
    // Again under the same name: the text numbered once, the statement parsed once per connection.
    const again = await sql<{ n: number }>(
      orm().em.fork(),
      `select ?::int + 1 as n, ?::smallint[] as list, encode(?::bytea, 'hex') as hex, ? || '!' as text`,
      [1, [], Buffer.alloc(0), ''],
      { prepared: 'sql-spec-binds' },
    );
    expect(again[0].n).toBe(2);
  });

  it('is seen by knex’s query listeners, as every other statement is', async () => {
    const seen: string[] = [];
    const listener = (query: { sql?: string }) => seen.push(query.sql ?? '');
    const knex = orm().em.getConnection().getKnex();
    knex.on('query', listener);
    try {
      await sql(orm().em.fork(), 'select ?::int as one', [1], { prepared: 'sql-spec-listened' });
    } finally {
      knex.off('query', listener);
    }
    expect(seen).toEqual(['select ?::int as one']);
  });

  it('gives its connection back when the statement fails, and the error is the database’s', async () => {
    for (let i = 0; i < 5; i++) {
      await expect(sql(orm().em.fork(), 'select 1 / ?::int as x', [0], { prepared: 'sql-spec-fails' })).rejects.toMatchObject({
        code: '22012',
      });
    }
    const [row] = await sql<{ x: number }>(orm().em.fork(), 'select 1 / ?::int as x', [1], { prepared: 'sql-spec-fails' });
    expect(row.x).toBe(1);
  });

  it('runs in the entity manager’s transaction when there is one', async () => {
    const inside = await orm()
      .em.fork()
      .transactional(async (em) => {
        const [mine] = await sql<{ xid: string }>(em, 'select txid_current()::text as xid', [], { prepared: 'sql-spec-xid' });
        const [again] = await sql<{ xid: string }>(em, 'select txid_current()::text as xid', [], { prepared: 'sql-spec-xid' });
        return [mine.xid, again.xid];
      });
    expect(inside[0]).toBe(inside[1]);
    const [outside] = await sql<{ xid: string }>(orm().em.fork(), 'select txid_current()::text as xid', [], { prepared: 'sql-spec-xid' });
    expect(outside.xid).not.toBe(inside[0]);
  });
});
