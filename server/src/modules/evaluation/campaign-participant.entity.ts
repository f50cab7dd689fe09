import { Entity, ManyToOne, type Rel } from '@mikro-orm/core';
import { User } from '../accounts/user.entity';
import { Campaign } from './campaign.entity';

/**
 * "This citizen took part in this campaign" — for the citizen's own list, never tied to a term or a
 * ballot, and without a timestamp. Written with the citizen's first ballot of the campaign.
 */
@Entity({ tableName: 'campaign_participant' })
export class CampaignParticipant {
  @ManyToOne(() => Campaign, { primary: true, deleteRule: 'restrict' })
  campaign!: Rel<Campaign>;

  @ManyToOne(() => User, { primary: true, deleteRule: 'restrict', index: true })
  user!: Rel<User>;
}
