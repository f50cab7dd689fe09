import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import type { Filter } from '../../common/ability-filter';
import { sql } from '../../common/sql';
import { MethodologyVersion } from './methodology-version.entity';

/** The query side of methodology versions, on the entity manager it is given. */
export class MethodologyRepository {
  constructor(private readonly em: EntityManager) {}

  /** A page of versions, the latest first. */
  page(where: Filter | null, page: PageArgs): Promise<Connection<MethodologyVersion>> {
    return paginate(this.em, MethodologyVersion, where, page, { version: 'desc' });
  }

  /** The version with this id, or the active one when no id is given. */
  findByIdOrActive(id: string | null): Promise<MethodologyVersion | null> {
    return this.em.findOne(MethodologyVersion, id ? { id } : { active: true });
  }

  findActive(): Promise<MethodologyVersion | null> {
    return this.em.findOne(MethodologyVersion, { active: true });
  }

  /** The number the next version gets. */
  async nextVersionNumber(): Promise<number> {
    const [{ next }] = await this.em
      .getConnection()
      .execute<{ next: number }[]>('select coalesce(max(version), 0) + 1 as next from methodology_version');
    return next;
  }

  /** Publishes under `versionId` every assessment (region and period) that was published under `previousId`. */
  async carryPublication(previousId: string, versionId: string): Promise<void> {
    await sql(
      this.em,
      `update assessment a set published = true from assessment p
        where p.methodology_version_id = ? and p.published and a.methodology_version_id = ?
          and a.region_id = p.region_id and a.period = p.period`,
      [previousId, versionId],
    );
  }
}
