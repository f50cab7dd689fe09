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
}
