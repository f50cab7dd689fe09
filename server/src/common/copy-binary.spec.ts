import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { useTestOrm } from '../../../test/support/test-orm';
import { BinaryCopyReader, BinaryCopyWriter, uuidBytes } from './copy-binary';
import { copyIn, copyOut, sql } from './sql';

/** The binary COPY format, written and read against a real PostgreSQL. */
describe('binary COPY', () => {
  const orm = useTestOrm();

  const id = '0b7c6a43-4f0e-4d3a-9b1e-3f2d5c6e7a81';

  it('writes every field type, NULLs and NaN included, in chunks that never split a field', async () => {
    const rows = await orm()
      .em.fork()
      .transactional(async (em) => {
        await sql(em, 'create temp table t (u uuid, s text, f float8, n int4, b bool, y bytea) on commit drop');
        // Tiny chunks: every field lands near a chunk boundary at least once.
        const writer = new BinaryCopyWriter(64);
        for (let i = 0; i < 50; i++) {
          writer
            .row(6)
            .uuid(uuidBytes(id))
            .text(i % 2 === 0 ? `ligne ${i} — 第${i}行` : null)
            .float8(i % 3 === 0 ? Number.NaN : i / 4)
            .int4(i % 5 === 0 ? null : -i)
            .bool(i % 2 === 1)
            .bytea(3, (target, offset) => target.set([i, 0xff, 0x00], offset));
        }
        const copied = await copyIn(em, 'copy t from stdin (format binary)', async (send) => {
          for (const chunk of writer.finish()) await send(chunk);
        });
        expect(copied).toBe(50);
        return sql<{ u: string; s: string | null; f: number | null; n: number | null; b: boolean; y: Buffer }>(em, 'select * from t');
      });
    expect(rows).toHaveLength(50);
    expect(rows[0]).toEqual({ u: id, s: 'ligne 0 — 第0行', f: null, n: null, b: false, y: Buffer.from([0, 0xff, 0]) });
    expect(rows[7]).toEqual({ u: id, s: null, f: 7 / 4, n: -7, b: true, y: Buffer.from([7, 0xff, 0]) });
  });

  it('reads text, integers, doubles and one-dimensional arrays (NULL elements as NaN) back', async () => {
    const data = await orm()
      .em.fork()
      .transactional((em) =>
        copyOut(
          em,
          `copy (select s, n, f, a, d from (values ('a', 1, 0.5::float8, array[1, 2, 3], array[1.5, null, -2]::float8[]),
                                                 (null, null, null, array[]::int[], null)) as v(s, n, f, a, d))
         to stdout (format binary)`,
        ),
      );
    const reader = new BinaryCopyReader(data);
    expect(reader.nextRow()).toBe(5);
    expect([reader.text(), reader.int4(), reader.float8(), Array.from(reader.int4Array()!), Array.from(reader.float8Array()!)]).toEqual([
      'a',
      1,
      0.5,
      [1, 2, 3],
      [1.5, Number.NaN, -2],
    ]);
    expect(reader.nextRow()).toBe(5);
    expect([reader.text(), reader.int4(), reader.float8(), Array.from(reader.int4Array()!), reader.float8Array()]).toEqual([
      null,
      null,
      null,
      [],
      null,
    ]);
    expect(reader.nextRow()).toBe(-1);
  });

  it('rolls a failed COPY back with its transaction, and refuses to run outside one', async () => {
    await expect(
      orm()
        .em.fork()
        .transactional(async (em) => {
          await sql(em, 'create table t_rollback (n int4 not null)');
          const writer = new BinaryCopyWriter().row(1).int4(null);
          await copyIn(em, 'copy t_rollback from stdin (format binary)', async (send) => {
            for (const chunk of writer.finish()) await send(chunk);
          });
        }),
    ).rejects.toThrow(/null value/);
    expect(await sql(orm().em.fork(), "select to_regclass('t_rollback') as t")).toEqual([{ t: null }]);
    await expect(copyOut(orm().em.fork(), 'copy (select 1) to stdout')).rejects.toThrow(/inside a transaction/);
    expect(() => new BinaryCopyReader(Buffer.from('not copy data at all'))).toThrow(/not binary COPY data/);
    expect(() => uuidBytes('nope')).toThrow(/not a uuid/);
  });
});
