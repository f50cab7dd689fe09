import type { evaluation } from '@massline/shared';
import type { Change } from '../../common/domain-events';

/** A campaign as the audit log keeps it: what it asks, of whom, when. */
export interface CampaignSnapshot {
  title: string;
  titleZh: string;
  region: string;
  period: string;
  scale: evaluation.AnswerScaleCode;
  criteria: string[];
  publicationThreshold: number;
  opensAt: string;
  closesAt: string;
  terms: string[];
}

/** The events of the evaluation module, by type (each named after the audit action it leaves). */
export interface EvaluationEvents {
  'campaign.create': Change<null, CampaignSnapshot>;
  'campaign.update': Change<CampaignSnapshot, CampaignSnapshot>;
  /** `notified`: the verified residents told in-app that it opened. */
  'campaign.open': Change<{ status: string }, { status: string; notified: number }>;
  /** `ballots`: how many were tallied; `eligible`: the verified residents who could have voted. */
  'campaign.close': Change<{ status: string }, { status: string; ballots: number; eligible: number }>;
  'campaign.publish': Change<{ status: string }, { status: string }>;
  /** The "closing tomorrow" reminder, sent once to the residents who have not evaluated every cadre. */
  'campaign.remind': Change<null, { notified: number }>;
  /**
   * A citizen took part in the campaign (their first ballot of it): the actor is the citizen; the entry
   * names the campaign only — never the term, the ballot or its receipt.
   */
  'campaign.participate': Change<null, null>;
}
