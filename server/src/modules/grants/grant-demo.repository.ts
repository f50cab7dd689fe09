import type { EntityManager } from '@mikro-orm/postgresql';
import type { cadres, RegionLevel } from '@massline/shared';
import { sql } from '../../common/sql';

/** A demo term with what its grant needs: the cadre, the post and its region (and that region's parent). */
export interface DemoTermRow {
  id: string;
  cadreId: string;
  cadreName: string;
  postId: string;
  title: string;
  titleZh: string;
  level: cadres.PostLevel;
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
  endReason: cadres.TermEndReason | null;
  regionId: string;
  regionCode: string;
  regionPath: string;
  regionLevel: RegionLevel;
  regionName: string;
  regionNameEn: string;
  parentName: string | null;
  parentNameEn: string | null;
}

/** The SQL of the grants demo (owner only: it ties the demo's terms to the grants that created them). */
export class GrantDemoRepository {
  constructor(private readonly em: EntityManager) {}

  /** Every term, oldest first, with its cadre, post and region: one statement. */
  terms(): Promise<DemoTermRow[]> {
    return sql<DemoTermRow>(
      this.em,
      `select t.id, t.cadre_id as "cadreId", c.name as "cadreName", t.post_id as "postId", p.title, p.title_zh as "titleZh", p.level,
              t.starts_on::text as "startsOn", t.ends_on::text as "endsOn", t.ended_on::text as "endedOn", t.end_reason as "endReason",
              r.id as "regionId", r.code as "regionCode", r.path as "regionPath", r.level as "regionLevel", r.name as "regionName",
              r.name_en as "regionNameEn", pr.name as "parentName", pr.name_en as "parentNameEn"
         from term t join cadre c on c.id = t.cadre_id join post p on p.id = t.post_id join region r on r.id = p.region_id
         left join region pr on pr.id = r.parent_id
        order by t.starts_on, p.title`,
    );
  }

  /** Names each term's grant (`term.grant_id`), as GrantService's taking effect does when it creates the term: one statement. */
  async tieTerms(ties: readonly { termId: string; grantId: string }[]): Promise<void> {
    await sql(this.em, `update term set grant_id = x.g from unnest(?::uuid[], ?::uuid[]) as x(t, g) where term.id = x.t`, [
      ties.map((tie) => tie.termId),
      ties.map((tie) => tie.grantId),
    ]);
  }
}
