import { Entity, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Term } from '../cadres/term.entity';
import { Campaign } from './campaign.entity';

/**
 * A campaign's tally per term and criterion, written once at close by set-based SQL from the sealed
 * ballots (the migration's `evaluation_close`): scored answers, their sum and sum of squares (shared's
 * meanInterval turns them into a mean and its interval) and the "don't know" count.
 */
@Entity({ tableName: 'campaign_result' })
export class CampaignResult {
  @ManyToOne(() => Campaign, { primary: true, deleteRule: 'restrict' })
  campaign!: Rel<Campaign>;

  @ManyToOne(() => Term, { primary: true, deleteRule: 'restrict' })
  term!: Rel<Term>;

  @PrimaryKey({ type: 'string', length: 40 })
  criterionCode!: string;

  @Property({ type: 'integer' })
  n!: number;

  @Property({ type: 'double' })
  sum!: number;

  @Property({ type: 'double' })
  sumOfSquares!: number;

  @Property({ type: 'integer' })
  dontKnow!: number;
}

/** A campaign's tally per term: its ballots, and the sums of the ballots' mean scores (the overall satisfaction). */
@Entity({ tableName: 'campaign_term_result' })
export class CampaignTermResult {
  @ManyToOne(() => Campaign, { primary: true, deleteRule: 'restrict' })
  campaign!: Rel<Campaign>;

  @ManyToOne(() => Term, { primary: true, deleteRule: 'restrict' })
  term!: Rel<Term>;

  @Property({ type: 'integer' })
  ballots!: number;

  /** Ballots with at least one scored answer. */
  @Property({ type: 'integer' })
  meansN!: number;

  @Property({ type: 'double' })
  meansSum!: number;

  @Property({ type: 'double' })
  meansSumOfSquares!: number;
}
