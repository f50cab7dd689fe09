import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The database's release state: one row whose `epoch` grows, in the same transaction, with every change
 * of what the public may read (PUBLIC_FIGURE_CHANGES). Public answers are cached under it, so that every
 * server process sees a publication the moment it commits (common/publication-epoch.repository.ts).
 */
@Entity({ tableName: 'publication_epoch' })
export class PublicationEpoch {
  /** Always 1: the one row. */
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  id!: number;

  @Property({ type: 'bigint' })
  epoch!: string;
}
