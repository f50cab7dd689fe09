/**
 * The life of a campaign, as one transition table (the shape of the alerts' table): draft → open →
 * closed → published. The server refuses any other move with it; the console offers only the buttons it
 * allows. What a campaign asks (criteria, scale, cadres, k) is editable only while it is a draft.
 */
export const CAMPAIGN_STATUSES = ['DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_ACTIONS = ['OPEN', 'CLOSE', 'PUBLISH'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

/** Status × action → the next status; an action missing from a status's row is not allowed from it. */
export const CAMPAIGN_TRANSITIONS: Readonly<Record<CampaignStatus, Readonly<Partial<Record<CampaignAction, CampaignStatus>>>>> = {
  DRAFT: { OPEN: 'OPEN' },
  OPEN: { CLOSE: 'CLOSED' },
  CLOSED: { PUBLISH: 'PUBLISHED' },
  PUBLISHED: {},
};

/** The actions allowed from a status, in CAMPAIGN_ACTIONS order (what the console shows as buttons). */
export function campaignActionsFrom(status: CampaignStatus): CampaignAction[] {
  return CAMPAIGN_ACTIONS.filter((action) => CAMPAIGN_TRANSITIONS[status][action] !== undefined);
}

/** The status an action leads to from `status`; null when the table does not allow it. */
export function nextCampaignStatus(status: CampaignStatus, action: CampaignAction): CampaignStatus | null {
  return CAMPAIGN_TRANSITIONS[status][action] ?? null;
}

/** Criteria, scale, cadres and k may change only before the campaign opens: frozen from then on. */
export const isCampaignEditable = (status: CampaignStatus): boolean => status === 'DRAFT';

/** Ballots are taken only while open. */
export const acceptsBallots = (status: CampaignStatus): boolean => status === 'OPEN';
