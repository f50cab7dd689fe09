import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from './sql';

/**
 * The publication epoch (the one row of `publication_epoch`, owned by the harmony module's migration):
 * read by every cacheable public request, bumped by the listener of PUBLIC_FIGURE_CHANGES in the
 * transaction of the change, so the new epoch and the new figures commit together.
 */
export class PublicationEpochRepository {
  constructor(private readonly em: EntityManager) {}

  /** The current epoch: one primary-key read. */
  async current(): Promise<bigint> {
    const [row] = await sql<{ epoch: string }>(this.em, 'select epoch::text as epoch from publication_epoch where id = 1');
    return BigInt(row?.epoch ?? '0');
  }

  /** Moves the epoch on, in the caller's transaction (the row lock orders concurrent publications). */
  async bump(): Promise<void> {
    await sql(this.em, 'update publication_epoch set epoch = epoch + 1 where id = 1');
  }

  /**
   * Moves the epoch on if any of these periods has a published assessment: a recomputation that rewrites
   * published figures changes what the public reads (until publication is the only way to do that).
   */
  async bumpIfPublishedIn(periods: readonly string[]): Promise<void> {
    if (periods.length === 0) return;
    await sql(
      this.em,
      `update publication_epoch set epoch = epoch + 1
        where id = 1 and exists (select 1 from assessment where published and period = any(?))`,
      [periods],
    );
  }
}
