import { createHash, randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { evaluation } from '@massline/shared';
import { sql } from '../../server/src/common/sql';
import { hashPassword } from '../../server/src/modules/accounts/password';
import { ApiClient } from './api-client';
import { DEMO_PASSWORD } from '../../server/src/seeders/demo-accounts';

/**
 * Fixtures of mechanism 2, written straight into the database as its owner (set-based, so that a
 * thousand citizens cost one statement): citizens with open sessions, and cadres holding current terms.
 */
type Sql = <T>(text: string, params?: unknown[]) => Promise<T[]>;

/** Bound parameters as the server binds them (an array is a PostgreSQL array). */
const sqlOf =
  (ownerOrm: MikroORM): Sql =>
  <T>(text: string, params: unknown[] = []) =>
    sql<T>(ownerOrm.em.fork(), text, params);

let passwordHash: Promise<string> | null = null;

export interface FixtureCitizen {
  id: string;
  email: string;
  /** The secret of the session the fixture opened (its cookie's value), for a load generator of its own. */
  sessionSecret: string;
  /** A client signed in as this citizen (a session opened by the fixture), of the test server or of the server at `url`. */
  client(url?: string): ApiClient;
}

/** `count` citizens resident in the region, each with an open session (status VERIFIED unless said). */
export async function insertCitizens(
  ownerOrm: MikroORM,
  url: string,
  { regionCode, count, status = 'VERIFIED', prefix }: { regionCode: string; count: number; status?: string; prefix: string },
): Promise<FixtureCitizen[]> {
  const run = sqlOf(ownerOrm);
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  const users = await run<{ id: string; email: string }>(
    `insert into app_user (id, email, display_name, role, password_hash, region_id, citizen_status, active)
     select gen_random_uuid(), ? || '-' || g || '@massline.test', ? || ' ' || g, 'CITIZEN', ?, r.id, ?, true
       from generate_series(1, ?) g, region r where r.code = ?
     returning id, email`,
    [prefix, prefix, await passwordHash, status, count, regionCode],
  );
  const secrets = users.map(() => randomBytes(32).toString('base64url'));
  await run(
    `insert into session (id_hash, user_id, expires_at)
     select s.hash, s.user_id, now() + interval '1 day' from unnest(?::text[], ?::uuid[]) as s(hash, user_id)`,
    [secrets.map((secret) => createHash('sha256').update(secret).digest('hex')), users.map((user) => user.id)],
  );
  return users.map((user, i) => ({ ...user, sessionSecret: secrets[i], client: (at = url) => new ApiClient(at).withSession(secrets[i]) }));
}

/** `count` cadres, each holding a current term of a post of the region (kept by the region's organization). */
export async function insertTerms(
  ownerOrm: MikroORM,
  { regionCode, count, prefix }: { regionCode: string; count: number; prefix: string },
) {
  const run = sqlOf(ownerOrm);
  const rows = await run<{ id: string }>(
    `with region as (select r.id, o.id as organization_id from region r join organization o on o.region_id = r.id where r.code = ? limit 1),
          cadres as (insert into cadre (id, name, region_id) select gen_random_uuid(), ? || ' ' || g, region.id from generate_series(1, ?) g, region returning id),
          numbered as (select id, row_number() over (order by id) as n from cadres),
          posts as (insert into post (id, title, title_zh, organization_id, region_id, level)
                    select gen_random_uuid(), ? || ' post ' || g, ? || ' 职位 ' || g, region.organization_id, region.id, 'COUNTY'
                      from generate_series(1, ?) g, region returning id),
          numbered_posts as (select id, row_number() over (order by id) as n from posts)
     insert into term (id, cadre_id, post_id, starts_on, ends_on)
     select gen_random_uuid(), c.id, p.id, current_date - 365, current_date + 1000
       from numbered c join numbered_posts p on p.n = c.n
     returning id`,
    [regionCode, prefix, count, prefix, prefix, count],
  );
  return rows.map((row) => row.id);
}

/** The answers of a ballot: every criterion of the campaign given the same step, or the steps listed. */
export function answersOf(criteria: readonly { code: string }[], steps: string | readonly string[]) {
  return criteria.map(({ code }, i) => ({ criterion: code, step: typeof steps === 'string' ? steps : steps[i % steps.length] }));
}

/**
 * A campaign of the region, by the region's organization, written straight in `status` (without the
 * notifications and tally its transitions would make): for tests about who may call what, not about
 * what the transitions do. Returns its id and criteria codes.
 */
export async function insertCampaign(
  ownerOrm: MikroORM,
  { regionCode, status, termIds, title = 'Fixture' }: { regionCode: string; status: string; termIds: readonly string[]; title?: string },
): Promise<{ id: string; criteria: { code: string }[] }> {
  const run = sqlOf(ownerOrm);
  const criteria = evaluation.DEFAULT_CRITERIA.map(({ code, names }) => ({ code, en: names.en, zhCN: names.zhCN }));
  const [campaign] = await run<{ id: string }>(
    `insert into campaign (id, organization_id, region_id, title, title_zh, period, scale, criteria, publication_threshold, opens_at, closes_at, status, opened_at)
     select gen_random_uuid(), o.id, r.id, ?, ?, '2026', 'PROVINCIAL_FOUR_STEP', ?::jsonb, 30, now(), now() + interval '1 day', ?,
            case when ? = 'DRAFT' then null else now() end
       from region r join organization o on o.region_id = r.id where r.code = ? limit 1
     returning id`,
    [title, title, JSON.stringify(criteria), status, status, regionCode],
  );
  await run(
    `insert into campaign_term (campaign_id, term_id, position) select ?, t.id, t.position - 1 from unnest(?::uuid[]) with ordinality as t(id, position)`,
    [campaign.id, [...termIds]],
  );
  return { id: campaign.id, criteria };
}
