import type { EntityManager } from '@mikro-orm/postgresql';
import { VerdictSettings } from './verdict-settings.entity';

/** The query side of the verdict settings versions, on the entity manager it is given. */
export class VerdictSettingsRepository {
  constructor(private readonly em: EntityManager) {}

  /** The version in force (the migration writes version 1 in force, so there always is one). */
  active(): Promise<VerdictSettings> {
    return this.em.findOneOrFail(VerdictSettings, { active: true });
  }

  all(): Promise<VerdictSettings[]> {
    return this.em.find(VerdictSettings, {}, { orderBy: { version: 'desc' } });
  }
}
