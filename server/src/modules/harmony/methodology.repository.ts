import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import type { Filter } from '../../common/ability-filter';
import { byId, orderFor, sortKey } from '../../common/list-order';
import { sql } from '../../common/sql';
import { MethodologyVersion } from './methodology-version.entity';

/** The query side of methodology versions, on the entity manager it is given. */
export class MethodologyRepository {
  constructor(private readonly em: EntityManager) {}

  /** A page of versions, the latest first. */
  page(where: Filter | null, page: PageArgs): Promise<Connection<MethodologyVersion>> {
    const order = orderFor<'VERSION', MethodologyVersion>(
      'methodologyVersions',
      null,
      { field: 'VERSION', direction: 'DESC' },
      { VERSION: (direction) => [sortKey('version', direction, 'number', (version) => version.version)] },
      byId,
    );
    return paginate(this.em, MethodologyVersion, where, page, order);
  }

  /** The version with this id, or the active one when no id is given. */
  findByIdOrActive(id: string | null): Promise<MethodologyVersion | null> {
    return this.em.findOne(MethodologyVersion, id ? { id } : { active: true });
  }

  findByNumber(version: number): Promise<MethodologyVersion | null> {
    return this.em.findOne(MethodologyVersion, { version });
  }

  /** A version as the database now holds it (after a guarded write of this transaction). */
  findFresh(id: string): Promise<MethodologyVersion> {
    return this.em.findOneOrFail(MethodologyVersion, { id }, { refresh: true });
  }

  findActive(): Promise<MethodologyVersion | null> {
    return this.em.findOne(MethodologyVersion, { active: true });
  }

  /**
   * The number the next version gets. Numbering is serialized (a transaction-scoped lock, held until the
   * version is stored): two versions created at once get two numbers, not one each.
   */
  async nextVersionNumber(): Promise<number> {
    await sql(this.em, `select pg_advisory_xact_lock(hashtext('massline methodology version number'))`, []);
    const [{ next }] = await this.em
      .getConnection()
      .execute<{ next: number }[]>('select coalesce(max(version), 0) + 1 as next from methodology_version');
    return next;
  }

  /**
   * Guarded writes of an activation: the active version other than `id`, if any, is deactivated (its number
   * returned), then `id` is activated only if it is not active yet (false: a concurrent activation came
   * first). The unique index on the active flag refuses a second version activated at the same time.
   */
  async deactivateOthers(id: string): Promise<number | null> {
    const rows = await sql<{ version: number }>(
      this.em,
      'update methodology_version set active = false where active and id <> ? returning version',
      [id],
    );
    return rows[0]?.version ?? null;
  }

  async activateIf(id: string): Promise<boolean> {
    const affected = await this.em.nativeUpdate(MethodologyVersion, { id, active: false }, { active: true, activatedAt: new Date() });
    return affected === 1;
  }
}
