import { describe, expect, it } from 'vitest';
import { useTestOrm } from '../../../test/support/test-orm';
import { Region } from '../modules/regions/region.entity';
import { executeText, StatementCache } from './statement-cache';

describe('statement cache', () => {
  const orm = useTestOrm();

  it('builds a statement once per key, and its text is what executing the builder sends', async () => {
    const em = orm().em.fork();
    const cache = new StatementCache(10);
    let builds = 0;
    const build = (code: string) => () => {
      builds++;
      return em.createQueryBuilder(Region, 'r').select(['r.code']).where({ code }).getKnexQuery();
    };
    const key = StatementCache.keyOf({ where: { code: '88' } });
    const text = cache.text(em, key, build('88'));
    expect(text).toContain(`'88'`);
    expect(cache.text(em, key, build('88'))).toBe(text);
    expect(builds).toBe(1);
    // Another input, another statement.
    const other = cache.text(em, StatementCache.keyOf({ where: { code: '8801' } }), build('8801'));
    expect(other).toContain(`'8801'`);
    expect(builds).toBe(2);
    // The kept text runs and answers what the builder's query answers.
    const viaText = await executeText<{ code: string }>(em, text);
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
      return em.createQueryBuilder(Region, 'r').select(['r.code']).getKnexQuery();
    };
    cache.text(em, null, build);
    cache.text(em, null, build);
    expect(builds).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('makes room by dropping the oldest statement', () => {
    const em = orm().em.fork();
    const cache = new StatementCache(2);
    let builds = 0;
    const build = () => {
      builds++;
      return em.createQueryBuilder(Region, 'r').select(['r.code']).getKnexQuery();
    };
    for (const n of [1, 2, 3]) cache.text(em, StatementCache.keyOf({ n }), build);
    expect(cache.size).toBe(2);
    cache.text(em, StatementCache.keyOf({ n: 3 }), build);
    expect(builds).toBe(3);
    cache.text(em, StatementCache.keyOf({ n: 1 }), build);
    expect(builds).toBe(4);
  });
});
