import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { Term } from '../cadres/term.entity';
import { Campaign } from './campaign.entity';

/**
 * One ballot: anonymous by construction. No user, no timestamp, no sequence — a random key, the campaign,
 * the term, the answers (the step index per criterion, in the campaign's frozen order), an optional
 * comment and the SHA-256 of its receipt code. Sealed: the server's runtime role may INSERT and nothing
 * else (app/database-roles.ts); it is read only through the owner's functions of the migration, as
 * aggregates. At close the campaign's ballots are rewritten in random order.
 */
@Entity({ tableName: 'ballot' })
@Index({ properties: ['campaign', 'term'] })
export class Ballot {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Campaign, { deleteRule: 'restrict' })
  campaign!: Rel<Campaign>;

  @ManyToOne(() => Term, { deleteRule: 'restrict' })
  term!: Rel<Term>;

  @Property({ columnType: 'smallint[]', type: 'unknown' })
  answers!: number[];

  @Property({ type: 'string', length: 500, nullable: true })
  comment!: string | null;

  @Property({ type: 'blob' })
  @Unique()
  receiptHash!: Buffer;
}

/**
 * That someone took part for one term of one campaign, under a nullifier = HMAC(BALLOT_SECRET, campaign ‖
 * term ‖ citizen): the primary key makes a second ballot impossible, and without the secret nobody can
 * tell whose it is. Written in the same transaction as the ballot: one exists iff the other does.
 */
@Entity({ tableName: 'participation' })
@Index({ properties: ['campaign', 'term'] })
export class Participation {
  @PrimaryKey({ type: 'blob' })
  nullifier!: Buffer;

  @ManyToOne(() => Campaign, { deleteRule: 'restrict' })
  campaign!: Rel<Campaign>;

  @ManyToOne(() => Term, { deleteRule: 'restrict' })
  term!: Rel<Term>;
}
