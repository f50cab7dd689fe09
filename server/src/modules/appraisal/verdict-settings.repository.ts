import type { EntityManager } from '@mikro-orm/postgresql';
import type { Filter } from '../../common/ability-filter';
import { paginate, type Connection, type PageArgs } from '../../common/connection';
import { byId, orderFor, sortKey } from '../../common/list-order';
import { sql } from '../../common/sql';
import { VerdictSettings } from './verdict-settings.entity';

/** The query side of the verdict settings versions, on the entity manager it is given. */
export class VerdictSettingsRepository {
  constructor(private readonly em: EntityManager) {}

  /** The version in force (the migration writes version 1 in force, so there always is one). */
  active(): Promise<VerdictSettings> {
    return this.em.findOneOrFail(VerdictSettings, { active: true });
  }

  /** A page of the versions, the latest first. */
  page(where: Filter | null, page: PageArgs): Promise<Connection<VerdictSettings>> {
    const order = orderFor<'VERSION', VerdictSettings>(
      'verdictSettingsVersions',
      null,
      { field: 'VERSION', direction: 'DESC' },
      { VERSION: (direction) => [sortKey('version', direction, 'number', (row) => row.version)] },
      byId,
    );
    return paginate(this.em, VerdictSettings, where, page, order);
  }

  /** A version as the database now holds it (after a guarded write of this transaction). */
  fresh(id: string): Promise<VerdictSettings> {
    return this.em.findOneOrFail(VerdictSettings, { id }, { refresh: true });
  }

  /**
   * The number the next version gets, serialized by a transaction-scoped lock held until the version is
   * stored: two drafts written at once get two numbers (the unique version key backs it).
   */
  async nextVersionNumber(): Promise<number> {
    await sql(this.em, `select pg_advisory_xact_lock(hashtext('massline verdict settings version number'))`, []);
    const [{ next }] = await sql<{ next: number }>(this.em, 'select coalesce(max(version), 0) + 1 as next from verdict_settings', []);
    return next;
  }

  /**
   * The guarded writes of an activation: the version in force other than `id` is taken out of force (its
   * number returned, null if none was), then `id` is put in force only if it is not yet (false: a
   * concurrent activation of it came first). The unique index on the flag refuses two in force at once.
   */
  async deactivateOthers(id: string): Promise<number | null> {
    const rows = await sql<{ version: number }>(
      this.em,
      'update verdict_settings set active = false where active and id <> ? returning version',
      [id],
    );
    return rows[0]?.version ?? null;
  }

  async activateIf(id: string): Promise<boolean> {
    const affected = await this.em.nativeUpdate(VerdictSettings, { id, active: false }, { active: true, activatedAt: new Date() });
    return affected === 1;
  }
}
