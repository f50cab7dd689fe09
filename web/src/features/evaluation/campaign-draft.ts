import { evaluation, problemOf, type Problem } from '@massline/shared';

/**
 * The campaign editor's state: text as typed (titles, k, the schedule as the browser's date-time inputs
 * give it), the criteria as an ordered, editable, bilingual list that starts from shared's defaults, the
 * terms picked. Turned into the API's input only when sent.
 */

export interface CriterionDraft {
  /** The code the ballots and results name the criterion by (upper case, digits, underscores). */
  code: string;
  en: string;
  zhCN: string;
  /** A code typed by hand is kept; otherwise a new criterion's code follows its English name. */
  codeEdited: boolean;
}

export interface CampaignDraft {
  title: string;
  titleZh: string;
  regionId: string;
  period: string;
  scale: evaluation.AnswerScaleCode;
  criteria: CriterionDraft[];
  termIds: string[];
  /** k, the publication threshold, as typed. */
  publicationThreshold: string;
  /** `yyyy-mm-ddThh:mm` in the reader's time zone (a datetime-local input), or ''. */
  opensAt: string;
  closesAt: string;
}

/** A campaign as the API gives it back, for editing a draft. */
export interface CampaignForDraft {
  title: string;
  titleZh: string;
  region: { id: string };
  period: string;
  scale: evaluation.AnswerScaleCode;
  criteria: readonly { code: string; en: string; zhCN: string }[];
  terms: readonly { id: string }[];
  publicationThreshold: number;
  opensAt: string;
  closesAt: string;
}

/** The default livelihood criteria of PRODUCT.md, as editable rows. */
export function defaultCriteria(): CriterionDraft[] {
  return evaluation.DEFAULT_CRITERIA.map((criterion) => ({
    code: criterion.code,
    en: criterion.names.en,
    zhCN: criterion.names.zhCN,
    codeEdited: true,
  }));
}

/** A new campaign: the default scale, criteria and k; the region of the organization's jurisdiction until another is chosen. */
export function newCampaignDraft(regionId: string): CampaignDraft {
  return {
    title: '',
    titleZh: '',
    regionId,
    period: '',
    scale: evaluation.DEFAULT_ANSWER_SCALE,
    criteria: defaultCriteria(),
    termIds: [],
    publicationThreshold: String(evaluation.DEFAULT_PUBLICATION_THRESHOLD),
    opensAt: '',
    closesAt: '',
  };
}

export function draftFromCampaign(campaign: CampaignForDraft): CampaignDraft {
  return {
    title: campaign.title,
    titleZh: campaign.titleZh,
    regionId: campaign.region.id,
    period: campaign.period,
    scale: campaign.scale,
    criteria: campaign.criteria.map((criterion) => ({ ...criterion, codeEdited: true })),
    termIds: campaign.terms.map((term) => term.id),
    publicationThreshold: String(campaign.publicationThreshold),
    opensAt: localDateTime(campaign.opensAt),
    closesAt: localDateTime(campaign.closesAt),
  };
}

/** "Water supply & drains" → "WATER_SUPPLY_DRAINS": a code for a criterion named in English. */
export function codeFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 'C_$1');
}

/** The criteria editor's moves: each returns the new list, the old one untouched. */
export const criteriaEdits = {
  add(criteria: readonly CriterionDraft[]): CriterionDraft[] {
    return [...criteria, { code: '', en: '', zhCN: '', codeEdited: false }];
  },
  remove(criteria: readonly CriterionDraft[], index: number): CriterionDraft[] {
    return criteria.filter((_, at) => at !== index);
  },
  /** Moves a criterion up (−1) or down (+1); at either end it stays. */
  move(criteria: readonly CriterionDraft[], index: number, by: -1 | 1): CriterionDraft[] {
    const target = index + by;
    if (index < 0 || index >= criteria.length || target < 0 || target >= criteria.length) return [...criteria];
    const moved = [...criteria];
    [moved[index], moved[target]] = [moved[target], moved[index]];
    return moved;
  },
  /** Edits a criterion; while its code was never typed, it follows the English name. */
  update(
    criteria: readonly CriterionDraft[],
    index: number,
    change: Partial<Pick<CriterionDraft, 'code' | 'en' | 'zhCN'>>,
  ): CriterionDraft[] {
    return criteria.map((criterion, at) => {
      if (at !== index) return criterion;
      const next = { ...criterion, ...change };
      if (change.code !== undefined) return { ...next, code: change.code.toUpperCase(), codeEdited: change.code !== '' };
      if (change.en !== undefined && !criterion.codeEdited) return { ...next, code: codeFromName(change.en) };
      return next;
    });
  },
};

/** Picks a term, or unpicks it; the order picked is kept (it is the order cadres come on the ballot). */
export function toggleTerm(termIds: readonly string[], termId: string): string[] {
  return termIds.includes(termId) ? termIds.filter((id) => id !== termId) : [...termIds, termId];
}

/** A datetime-local input's value (the reader's time zone) as an instant; null for an empty or impossible one. */
export function instantOf(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const date = new Date(year, month - 1, day, hour, minute);
  // 2026-02-30 rolls over to March: a date the calendar does not have is no date.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date.toISOString();
}

/** An instant as a datetime-local input shows it, in the reader's time zone. */
export function localDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * What the API's createCampaign / updateCampaign take, from a draft: a number or a time that cannot be read
 * is NaN / null, for the checks to refuse.
 */
export interface CampaignDraftInput {
  title: string;
  titleZh: string;
  regionId: string;
  period: string;
  scale: evaluation.AnswerScaleCode;
  criteria: { code: string; en: string; zhCN: string }[];
  termIds: string[];
  publicationThreshold: number;
  opensAt: string | null;
  closesAt: string | null;
}

export function campaignInputOf(draft: CampaignDraft): CampaignDraftInput {
  const threshold = draft.publicationThreshold.trim();
  return {
    title: draft.title.trim(),
    titleZh: draft.titleZh.trim(),
    regionId: draft.regionId,
    period: draft.period.trim(),
    scale: draft.scale,
    criteria: draft.criteria.map((criterion) => ({ code: criterion.code.trim(), en: criterion.en.trim(), zhCN: criterion.zhCN.trim() })),
    termIds: [...draft.termIds],
    publicationThreshold: /^\d+$/.test(threshold) ? Number(threshold) : Number.NaN,
    opensAt: instantOf(draft.opensAt),
    closesAt: instantOf(draft.closesAt),
  };
}

/**
 * What must be fixed before sending, per field as the API names them (`title`, `criteria.2.code`,
 * `termIds`…): a region, a period, k or a time that could not even be read, then shared's campaignProblems
 * — the server's own checks, so the form refuses what the server would.
 */
export function campaignDraftProblems(draft: CampaignDraft): Record<string, Problem> {
  const input = campaignInputOf(draft);
  const unreadable: Record<string, Problem> = {};
  if (!input.regionId) unreadable.regionId = problemOf('REQUIRED');
  if (!input.period) unreadable.period = problemOf('REQUIRED');
  if (input.opensAt === null) unreadable.opensAt = problemOf('REQUIRED');
  if (input.closesAt === null) unreadable.closesAt = problemOf('REQUIRED');
  const shared = evaluation.campaignProblems({
    ...input,
    opensAt: new Date(input.opensAt ?? Number.NaN),
    closesAt: new Date(input.closesAt ?? Number.NaN),
  });
  // A time that cannot be read is said as such, not as "closes before it opens".
  if (unreadable.opensAt || unreadable.closesAt) delete shared.closesAt;
  return { ...shared, ...unreadable };
}
