import { defineModule, resolver } from '../../app/module-manifest';
import { listenersOf } from '../../common/domain-events';
import { PublicationEpochRepository } from '../../common/publication-epoch.repository';
import type { CadreServices } from '../cadres/cadres.module';
import type { HarmonyServices } from '../harmony/harmony.module';
import type { NotificationsServices } from '../notifications/notifications.module';
import { Ballot, Participation } from './ballot.entity';
import { BallotKeys } from './ballot-secrets';
import { BallotService } from './ballot.service';
import { CadreTrustFeed } from './cadre-trust-feed.service';
import { CampaignParticipant } from './campaign-participant.entity';
import { CampaignResult, CampaignTermResult } from './campaign-result.entity';
import { CampaignTerm } from './campaign-term.entity';
import { Campaign } from './campaign.entity';
import { CampaignResolver } from './campaign.resolver';
import { CampaignService } from './campaign.service';
import { seedDemoEvaluation } from './evaluation.demo-seed';
import type { EvaluationEvents } from './evaluation.events';
import { ObservationSourceResolver } from './observation-source.resolver';
import { Migration20261129181000Evaluation } from './migrations/Migration20261129181000Evaluation';
import { Migration20261129213907EvaluationTally } from './migrations/Migration20261129213907EvaluationTally';

export interface EvaluationServices {
  campaigns: CampaignService;
  ballots: BallotService;
  cadreTrust: CadreTrustFeed;
}

/** Mass evaluation of cadres (mechanism 2): campaigns, anonymous ballots with receipts, results. */
export const evaluationModule = defineModule({
  name: 'evaluation',
  dependsOn: ['regions', 'accounts', 'harmony', 'cadres', 'notifications'],
  entities: [Campaign, CampaignTerm, Ballot, Participation, CampaignParticipant, CampaignResult, CampaignTermResult],
  createServices: (
    { events, config },
    { cadres, notifications, harmony }: { cadres: CadreServices; notifications: NotificationsServices; harmony: HarmonyServices },
  ): EvaluationServices => {
    const keys = new BallotKeys(config.ballotSecret);
    const campaigns = new CampaignService(events, cadres.terms, notifications.notifications, keys);
    return { campaigns, ballots: new BallotService(events, campaigns, keys), cadreTrust: new CadreTrustFeed(harmony.observations) };
  },
  resolvers: [
    resolver(CampaignResolver, (s: EvaluationServices) => new CampaignResolver(s.campaigns, s.ballots)),
    resolver(ObservationSourceResolver, (s: EvaluationServices) => new ObservationSourceResolver(s.cadreTrust)),
  ],
  // Closes campaigns whose time is up and sends the "closing tomorrow" reminders (safe in several processes: guarded writes).
  jobs: (s: EvaluationServices) => [{ name: 'evaluation.sweep', everyMs: 60_000, run: (context) => s.campaigns.sweep(context) }],
  // A published campaign feeds CADRE_TRUST of the harmony index (derived in its transaction); and it is public: the
  // public response cache and ETags (keyed by the publication epoch) move with it.
  listeners: (s: EvaluationServices) => [
    s.cadreTrust.listener(),
    listenersOf<EvaluationEvents>().batch('evaluation.publication-epoch', 'react', ['campaign.publish'], async (em) =>
      new PublicationEpochRepository(em).bump(),
    ),
  ],
  nodes: (s: EvaluationServices) => ({ Campaign: (context, id) => s.campaigns.get(context, id) }),
  migrations: [
    { name: 'Migration20261129181000Evaluation', class: Migration20261129181000Evaluation },
    { name: 'Migration20261129213907EvaluationTally', class: Migration20261129213907EvaluationTally },
  ],
  // Participation and results are history: appended, never rewritten. Ballots are sealed: the server
  // writes them and reads them back only through the migration's owner functions.
  appendOnlyTables: ['participation', 'campaign_participant', 'campaign_result', 'campaign_term_result'],
  sealedTables: ['ballot'],
  seedDemo: seedDemoEvaluation,
});
