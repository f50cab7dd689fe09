import { describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { useTestOrm } from '../../../test/support/test-orm';
import { executeText, StatementCache } from './statement-cache';

describe('statement cache', () => {
  const orm = useTestOrm();
  // A query on a table every database has (the regions), built by knex: common code knows no module's entities.
  const regions = (em: EntityManager) => em.getKnex()('region as r').select('r.code');

  it('builds a statement once per key, and its text is what executing the builder sends', async () => {
    const em = orm().em.fork();
    const cache = new StatementCache(10);
    let builds = 0;
    const build = (code: string) => () => {
      builds++;
      return regions(em).where('r.code', code);
    };
    const key = StatementCache.keyOf({ where: { code: '88' } });
    const kept = cache.statement(em, key, build('88'));
    expect(kept.text).toContain(`'88'`);
    expect(cache.statement(em, key, build('88')).text).toBe(kept.text);
    expect(builds).toBe(1);
    // Another input, another statement.
    const other = cache.statement(em, StatementCache.keyOf({ where: { code: '8801' } }), build('8801'));
    expect(other.text).toContain(`'8801'`);
    expect(builds).toBe(2);
    // The kept text runs and answers what the builder's query answers.
    const viaText = await executeText<{ code: string }>(em, { text: kept.text, name: null });
    const viaBuilder = await em.getConnection().execute<{ code: string }[]>(build('88')());
    expect(viaText).toEqual(viaBuilder);
    expect(viaText.map((row) => row.code)).toEqual(['88']);
  });

  it('never keeps a statement whose inputs are not plain data', () => {
    const em = orm().em.fork();
    const cache = new StatementCache(10);
    class Filter {
      code = '88';
    }
    for (const inputs of [{ at: new Date(0) }, new Filter(), { where: new Filter() }, { n: Number.NaN }, { f: () => 1 }]) {
      expect(StatementCache.keyOf(inputs)).toBeNull();
    }
    let builds = 0;
    const build = () => {
      builds++;
      return regions(em);
    };
    cache.statement(em, null, build);
    cache.statement(em, null, build);
    expect(builds).toBe(2);
    expect(cache.size).toEqual({ kept: 0, named: 0 });
  });

  it('makes room by dropping the oldest statement', () => {
    const em = orm().em.fork();
    const cache = new StatementCache(2);
    let builds = 0;
    const build = () => {
      builds++;
      return regions(em);
    };
    for (const n of [1, 2, 3]) cache.statement(em, StatementCache.keyOf({ n }), build);
    expect(cache.size.kept).toBe(2);
    cache.statement(em, StatementCache.keyOf({ n: 3 }), build);
    expect(builds).toBe(3);
    cache.statement(em, StatementCache.keyOf({ n: 1 }), build);
    expect(builds).toBe(4);
  });

  it('prepares a statement once it is hot, and names no more texts than its budget', async () => {
    const em = orm().em.fork();
    const cache = new StatementCache(10, { prepareAfter: 2, maxPrepared: 1 });
    const build = (code: string) => () => regions(em).where('r.code', code);
    const key = StatementCache.keyOf({ code: '88' });
    expect(cache.statement(em, key, build('88')).name).toBeNull();
    const hot = cache.statement(em, key, build('88'));
    expect(hot.name).toMatch(/^kept_/);
    // Prepared, it answers as the text does, on every run (PostgreSQL parses it once per connection).
    for (let run = 0; run < 3; run++) expect(await executeText<{ code: string }>(em, hot)).toEqual([{ code: '88' }]);
    // Past the budget, another hot statement runs unnamed.
    const otherKey = StatementCache.keyOf({ code: '8801' });
    cache.statement(em, otherKey, build('8801'));
    expect(cache.statement(em, otherKey, build('8801')).name).toBeNull();
    expect(cache.size.named).toBe(1);
  });
});
