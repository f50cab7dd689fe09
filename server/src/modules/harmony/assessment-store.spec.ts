import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { useTestOrm } from '../../../../test/support/test-orm';
import { sql } from '../../common/sql';
import { loadVersion, observedPeriods, recomputeAssessments, type RecomputeTimings } from './assessment-store';

interface Stored {
  key: string;
  index: number | null;
  rank: number | null;
  figures: Buffer;
  published: boolean;
  computed_at: string;
}

/** The bulk write of a recomputation against the demo province: insert, update in place, remove. */
describe('recomputeAssessments (storage)', () => {
  // Two transactions at once and a third connection to watch them (the last test).
  const orm = useTestOrm(3);

  const stored = (versionId: string | null = null) =>
    sql<Stored>(
      orm().em.fork(),
      `select a.region_id || '|' || a.period as key, a.index, a.rank, a.figures, a.published, a.computed_at::text
         from assessment a join methodology_version v on v.id = a.methodology_version_id
        where ${versionId ? 'v.id = ?' : 'v.active'} order by 1`,
      versionId ? [versionId] : [],
    );
  const recompute = (versionId: string | null, periods?: string[]) =>
    orm()
      .em.fork()
      .transactional(async (em) => {
        const timings: RecomputeTimings = { read: 0, compute: 0, stage: 0, merge: 0, alerts: 0 };
        const count = await recomputeAssessments(em, (await loadVersion(em, versionId))!, periods ?? (await observedPeriods(em)), timings);
        return { count, timings };
      });
  const figuresOf = (rows: Stored[]) =>
    rows.map(({ key, index, rank, figures }) => ({ key, index, rank, figures: figures.toString('hex') }));

  it('recomputes in place: the same figures, what was published stays published, a new computation time', async () => {
    const before = await stored();
    expect(before.length).toBeGreaterThan(500);
    expect(before.some((row) => row.published) && before.some((row) => !row.published)).toBe(true);
    const { count, timings } = await recompute(null);
    const after = await stored();
    expect(count).toBe(before.length);
    expect(figuresOf(after)).toEqual(figuresOf(before));
    expect(after.map((row) => row.published)).toEqual(before.map((row) => row.published));
    expect(after.every((row, i) => row.computed_at > before[i].computed_at)).toBe(true);
    expect(Object.values(timings).every((ms) => ms >= 0)).toBe(true);
  });

  it('inserts every assessment of a version computed for the first time, unpublished', async () => {
    const [{ id }] = await sql<{ id: string }>(
      orm().em.fork(),
      `insert into methodology_version (id, version, name, settings, alert_rules, winsorise)
       select gen_random_uuid(), (select max(version) + 1 from methodology_version), 'Same method', settings, alert_rules, winsorise
         from methodology_version where active returning id`,
    );
    const { count } = await recompute(id);
    const fresh = await stored(id);
    expect(count).toBe(fresh.length);
    expect(figuresOf(fresh)).toEqual(figuresOf(await stored()));
    expect(fresh.some((row) => row.published)).toBe(false);
  });

  it('adds an assessment that was missing and removes one that can no longer be computed, leaving the rest', async () => {
    const [{ period }] = await sql<{ period: string }>(orm().em.fork(), 'select max(period) as period from observation');
    const [gone] = await sql<{ region_id: string }>(
      orm().em.fork(),
      `select o.region_id from observation o join region r on r.id = o.region_id
        where o.period = ? and r.level = 'TOWNSHIP' order by r.code limit 1`,
      [period],
    );
    const [missing] = await sql<{ region_id: string }>(
      orm().em.fork(),
      `select a.region_id from assessment a join methodology_version v on v.id = a.methodology_version_id and v.active
        where a.period = ? and a.region_id <> ? order by a.region_id limit 1`,
      [period, gone.region_id],
    );
    const before = await stored();
    await sql(orm().em.fork(), 'delete from assessment where region_id = ? and period = ?', [missing.region_id, period]);
    await sql(
      orm().em.fork(),
      'delete from observation_revision where observation_id in (select id from observation where region_id = ? and period = ?)',
      [gone.region_id, period],
    );
    await sql(orm().em.fork(), 'delete from observation where region_id = ? and period = ?', [gone.region_id, period]);

    await recompute(null, [period]);
    const after = await stored();
    const goneKey = `${gone.region_id}|${period}`;
    expect(after.map((row) => row.key)).toEqual(before.map((row) => row.key).filter((key) => key !== goneKey));
    // Its siblings are ranked without it; everything outside the period is untouched.
    const untouched = (rows: Stored[]) => figuresOf(rows.filter((row) => !row.key.endsWith(period)));
    expect(untouched(after)).toEqual(untouched(before));
    expect(after.find((row) => row.key === `${missing.region_id}|${period}`)).toBeDefined();
  });

  it('runs one recomputation at a time: a second one waits for the first to commit', async () => {
    let commitFirst = () => {};
    const firstMayCommit = new Promise<void>((resolve) => (commitFirst = resolve));
    let firstRecomputed = () => {};
    const firstHasRecomputed = new Promise<void>((resolve) => (firstRecomputed = resolve));
    const first = orm()
      .em.fork()
      .transactional(async (em) => {
        await recomputeAssessments(em, (await loadVersion(em, null))!, await observedPeriods(em));
        firstRecomputed();
        await firstMayCommit;
      });
    await firstHasRecomputed;
    let secondDone = false;
    const second = recompute(null).then(() => (secondDone = true));
    // The second waits before it reads anything (on the recomputation lock), not later on the rows the
    // first one wrote, when it would already have computed from a snapshot without them.
    const waitingOn = async () =>
      (
        await sql<{ locktype: string }>(
          orm().em.fork(),
          `select l.locktype from pg_locks l join pg_stat_activity a on a.pid = l.pid
          where not l.granted and a.datname = current_database()`,
        )
      ).map((lock) => lock.locktype);
    let locks: string[] = [];
    try {
      while (!secondDone && (locks = await waitingOn()).length === 0) await new Promise((resolve) => setImmediate(resolve));
      expect(locks).toEqual(['advisory']);
    } finally {
      commitFirst();
      await Promise.all([first, second]);
    }
    expect(secondDone).toBe(true);
    expect(await waitingOn()).toEqual([]);
  });
});
