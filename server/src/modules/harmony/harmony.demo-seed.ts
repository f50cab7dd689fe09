import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { harmony } from '@massline/shared';
import { sql } from '../../common/sql';
import { AssessmentRepository } from './assessment.repository';
import { loadVersion, observedPeriods, recomputeAssessments } from './assessment-store';
import { seededRandom } from '../../seeders/seeded-random';

/**
 * Quarterly observations of the seven indicators for every city, county and township of the demo
 * province, 2023-Q1 to 2026-Q3 (the province itself is rolled up from its cities). Deterministic. A few
 * regions tell a story: Hekou Town (880302002) slides into trouble — mass incidents past the red line,
 * trust falling — and Pinghu County (880401) drops sharply in 2026-Q2. Everything is published but the
 * last quarter, which waits for an organization to publish it.
 */
export const DEMO_QUARTERS = Array.from({ length: 15 }, (_, i) => `${2023 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
export const TROUBLED_TOWNSHIP = '880302002';
export const FALLING_COUNTY = '880401';

interface Profile {
  quality: number; // 0 (poor) … 1 (excellent)
  drift: number; // per quarter
}

export async function seedDemoHarmony(em: EntityManager): Promise<void> {
  const random = seededRandom(7);
  const regions = await sql<{ id: string; code: string; level: string }>(
    em,
    `select id, code, level from region where level <> 'PROVINCE' order by code`,
  );
  const statistics = await sql<{ region_id: string; period: string; population: number; households: number }>(
    em,
    'select region_id, period, population, households from region_statistics',
  );
  const denominators = new Map(statistics.map((s) => [`${s.region_id}|${s.period}`, s]));
  const indicators = new Map((await sql<{ id: string; code: string }>(em, 'select id, code from indicator')).map((i) => [i.code, i.id]));
  const profiles = new Map<string, Profile>(regions.map((r) => [r.id, { quality: 0.35 + random() * 0.6, drift: (random() - 0.4) * 0.01 }]));
  const rows: Record<string, unknown>[] = [];
  const lerp = (poor: number, good: number, q: number) => poor + (good - poor) * q;

  for (const region of regions) {
    const profile = profiles.get(region.id)!;
    DEMO_QUARTERS.forEach((period, t) => {
      let q = Math.min(1, Math.max(0, profile.quality + profile.drift * t + (random() - 0.5) * 0.06));
      if (region.code === TROUBLED_TOWNSHIP) q = Math.max(0.05, 0.75 - t * 0.05);
      if (region.code === FALLING_COUNTY && period >= '2026-Q2') q = Math.max(0.1, q - 0.35);
      const year = period.slice(0, 4);
      const d = denominators.get(`${region.id}|${year}`)!;
      const noise = () => 1 + (random() - 0.5) * 0.1;
      const rates: Record<string, number> = {
        GINI: lerp(0.47, 0.29, q) * noise(),
        PETITIONS: lerp(38, 4, q) * noise(),
        MASS_INCIDENTS: lerp(3.2, 0.1, q) * noise(),
        HOT_ISSUES: Math.min(99, lerp(52, 95, q) * noise()),
        PARTY_APPLICATIONS: lerp(1.2, 6.5, q) * noise(),
        CADRE_TRUST: Math.min(99, lerp(48, 93, q) * noise()),
        PAPER_SUBSCRIPTIONS: lerp(12, 68, q) * noise(),
      };
      const add = (code: string, value: number, method: string, rawCount: number | null, rawTotal: number | null, source: string) =>
        rows.push({
          id: randomUUID(),
          region_id: region.id,
          period,
          indicator_id: indicators.get(code),
          value,
          raw_count: rawCount,
          raw_total: rawTotal,
          method,
          source,
        });
      add('GINI', Number(rates.GINI.toFixed(3)), 'DIRECT', null, null, 'Statistics bureau, household survey');
      add('CADRE_TRUST', Number(rates.CADRE_TRUST.toFixed(1)), 'DIRECT', null, null, 'Mass satisfaction survey');
      // Counts are what offices record; the platform turns them into rates with the year's population.
      const perCapita: [string, number, 'population' | 'households', string][] = [
        ['PETITIONS', 10_000, 'population', 'Letters and visits bureau'],
        ['MASS_INCIDENTS', 100_000, 'population', 'Public security bureau'],
        ['PARTY_APPLICATIONS', 1_000, 'population', 'Organization department'],
        ['PAPER_SUBSCRIPTIONS', 1_000, 'households', 'Post office subscription records'],
      ];
      for (const [code, per, base, source] of perCapita) {
        // The count of the year to date, annualised: a township of 30,000 sees about one incident a year.
        const count = Math.round((rates[code] * d[base]) / per);
        const value = harmony.rateFromCount(
          count,
          code === 'PAPER_SUBSCRIPTIONS'
            ? 'PER_1K_HOUSEHOLDS'
            : code === 'PETITIONS'
              ? 'PER_10K_RESIDENTS'
              : code === 'MASS_INCIDENTS'
                ? 'PER_100K_RESIDENTS'
                : 'PER_1K_RESIDENTS',
          { population: d.population, households: d.households },
        );
        add(code, value, 'FROM_COUNT', count, null, `${source} (annualised)`);
      }
      const total = 20 + Math.floor(random() * 60);
      const resolved = Math.min(total, Math.round((rates.HOT_ISSUES / 100) * total));
      add('HOT_ISSUES', (resolved / total) * 100, 'FROM_COUNT', resolved, total, 'Hot-issue tracking office');
    });
  }
  for (let start = 0; start < rows.length; start += 5000) {
    await sql(
      em,
      `insert into observation (id, region_id, period, indicator_id, value, raw_count, raw_total, method, source)
       select x.id, x.region_id, x.period, x.indicator_id, x.value, x.raw_count, x.raw_total, x.method, x.source
         from jsonb_to_recordset(?::jsonb) as x(id uuid, region_id uuid, period varchar, indicator_id uuid, value double precision,
              raw_count double precision, raw_total double precision, method text, source varchar)`,
      [JSON.stringify(rows.slice(start, start + 5000))],
    );
  }
  const version = await loadVersion(em, null);
  if (version) await recomputeAssessments(em, version, await observedPeriods(em));
}

/**
 * The demo's release, once every module has seeded: the quarters the other modules feed (CADRE_TRUST from
 * the published campaigns of 2025-Q4) were published after those campaigns, as they would have been.
 */
export async function releaseDemoHarmony(em: EntityManager): Promise<void> {
  const version = await loadVersion(em, null);
  if (!version) return;
  await new AssessmentRepository(em).release(
    { versionId: version.id, periods: DEMO_QUARTERS.slice(0, -1), regionPath: '/' },
    null,
    'demo@massline.demo',
  );
}
