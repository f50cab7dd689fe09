import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { Grant } from './grant.entity';

/**
 * An objection to a grant during its public notice, by a citizen of the region. Named: the citizen's
 * name is shown with it; anonymous: nothing links it to the citizen (no user id is stored), only the
 * SHA-256 of a random receipt code shown once to its filer, by which they alone can find it again.
 */
@Entity({ tableName: 'grant_objection' })
@Index({ properties: ['filedBy', 'filedAt', 'id'] })
export class GrantObjection {
  [OptionalProps]?: 'filedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Grant, { deleteRule: 'restrict', index: true })
  grant!: Rel<Grant>;

  /** The citizen, when named; null when anonymous. */
  @Property({ type: 'uuid', nullable: true })
  filedBy: string | null = null;

  /** The name shown, when named. */
  @Property({ type: 'string', length: 100, nullable: true })
  filerName: string | null = null;

  @Property({ type: 'string', length: 2000 })
  text!: string;

  @Property({ type: 'string', length: 1000, nullable: true })
  evidence: string | null = null;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  filedAt: Date = new Date();

  /** An anonymous objection's receipt, hashed (the code itself is never stored); null when named. */
  @Property({ type: 'blob', nullable: true })
  @Unique()
  receiptHash: Buffer | null = null;
}
