import { Entity, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Term } from '../cadres/term.entity';
import { Campaign } from './campaign.entity';

/** A cadre evaluated by a campaign (one of its terms), in the order the ballot page shows them; frozen once open. */
@Entity({ tableName: 'campaign_term' })
export class CampaignTerm {
  @ManyToOne(() => Campaign, { primary: true, deleteRule: 'cascade' })
  campaign!: Rel<Campaign>;

  @ManyToOne(() => Term, { primary: true, deleteRule: 'restrict', index: true })
  term!: Rel<Term>;

  @Property({ type: 'smallint' })
  position!: number;
}
