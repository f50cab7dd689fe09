import { evaluation } from '@massline/shared';
import { describe, expect, it } from 'vitest';
import {
  campaignDraftProblems,
  campaignInputOf,
  codeFromName,
  criteriaEdits,
  defaultCriteria,
  draftFromCampaign,
  instantOf,
  localDateTime,
  newCampaignDraft,
  toggleTerm,
} from './campaign-draft';

describe('the campaign draft', () => {
  it('starts from shared’s default scale, criteria (both languages) and k', () => {
    const draft = newCampaignDraft('region-1');
    expect(draft.scale).toBe(evaluation.DEFAULT_ANSWER_SCALE);
    expect(draft.publicationThreshold).toBe(String(evaluation.DEFAULT_PUBLICATION_THRESHOLD));
    expect(draft.criteria.map((criterion) => criterion.code)).toEqual(evaluation.DEFAULT_CRITERIA.map((criterion) => criterion.code));
    expect(draft.criteria.find((criterion) => criterion.code === evaluation.WORK_STYLE_CRITERION)).toMatchObject({
      en: "Cadres' work style",
      zhCN: '干部作风',
    });
    expect(draft.regionId).toBe('region-1');
  });

  it('adds, renames, moves and removes criteria, a new one’s code following its English name until typed', () => {
    let criteria = criteriaEdits.add(defaultCriteria());
    const last = criteria.length - 1;
    criteria = criteriaEdits.update(criteria, last, { en: 'Water supply & drains' });
    expect(criteria[last]).toMatchObject({ code: 'WATER_SUPPLY_DRAINS', en: 'Water supply & drains' });
    criteria = criteriaEdits.update(criteria, last, { zhCN: '供水排水' });
    criteria = criteriaEdits.update(criteria, last, { code: 'water' });
    criteria = criteriaEdits.update(criteria, last, { en: 'Water' });
    expect(criteria[last]).toMatchObject({ code: 'WATER', en: 'Water', zhCN: '供水排水', codeEdited: true });
    // A default criterion keeps its code when renamed.
    expect(criteriaEdits.update(criteria, 0, { en: 'Jobs' })[0].code).toBe('EMPLOYMENT_INCOME');

    const moved = criteriaEdits.move(criteria, last, -1);
    expect(moved[last - 1].code).toBe('WATER');
    expect(criteriaEdits.move(moved, 0, -1)).toEqual(moved);
    expect(criteriaEdits.move(moved, last, 1)).toEqual(moved);
    expect(criteriaEdits.remove(moved, last - 1).map((criterion) => criterion.code)).not.toContain('WATER');
    // The list given is never changed in place.
    expect(criteria[last].code).toBe('WATER');
  });

  it('makes codes from English names', () => {
    expect(codeFromName(' Drinking water ')).toBe('DRINKING_WATER');
    expect(codeFromName('Café & crèche')).toBe('CAFE_CRECHE');
    expect(codeFromName('5G coverage')).toBe('C_5G_COVERAGE');
    expect(codeFromName('饮水')).toBe('');
  });

  it('picks terms in the order chosen, and unpicks them', () => {
    expect(toggleTerm(toggleTerm(['a'], 'b'), 'c')).toEqual(['a', 'b', 'c']);
    expect(toggleTerm(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('reads the schedule in the reader’s time zone, refusing dates the calendar does not have', () => {
    const opens = instantOf('2026-12-01T09:30');
    expect(opens).toBe(new Date(2026, 11, 1, 9, 30).toISOString());
    expect(localDateTime(opens!)).toBe('2026-12-01T09:30');
    expect(instantOf('2026-02-30T09:30')).toBeNull();
    expect(instantOf('')).toBeNull();
    expect(localDateTime('not a date')).toBe('');
  });

  it('gives the API’s input: trimmed text, k as a whole number (NaN otherwise), instants', () => {
    const draft = {
      ...newCampaignDraft('region-1'),
      title: ' Dongshan 2026 ',
      titleZh: ' 东山县2026年度 ',
      period: ' 2026 ',
      termIds: ['t1'],
      opensAt: '2026-12-01T09:00',
      closesAt: '2026-12-15T18:00',
    };
    const input = campaignInputOf(draft);
    expect(input).toMatchObject({
      title: 'Dongshan 2026',
      titleZh: '东山县2026年度',
      period: '2026',
      publicationThreshold: 30,
      termIds: ['t1'],
    });
    expect(input.criteria[0]).toEqual({ code: 'EMPLOYMENT_INCOME', en: 'Employment and income', zhCN: '就业和收入' });
    expect(input.opensAt).toBe(new Date(2026, 11, 1, 9).toISOString());
    expect(campaignInputOf({ ...draft, publicationThreshold: '2.5' }).publicationThreshold).toBeNaN();
    expect(campaignInputOf({ ...draft, publicationThreshold: '' }).publicationThreshold).toBeNaN();
    expect(campaignInputOf({ ...draft, opensAt: '' }).opensAt).toBeNull();
  });

  it('edits a campaign as the API gives it back', () => {
    const draft = draftFromCampaign({
      title: 'T',
      titleZh: '题',
      region: { id: 'r' },
      period: '2026',
      scale: 'NATIONAL_FIVE_STEP',
      criteria: [{ code: 'A', en: 'A', zhCN: '甲' }],
      terms: [{ id: 't2' }, { id: 't1' }],
      publicationThreshold: 12,
      opensAt: new Date(2026, 11, 1, 9).toISOString(),
      closesAt: new Date(2026, 11, 2, 9).toISOString(),
    });
    expect(draft).toMatchObject({
      scale: 'NATIONAL_FIVE_STEP',
      termIds: ['t2', 't1'],
      publicationThreshold: '12',
      opensAt: '2026-12-01T09:00',
    });
    expect(draft.criteria).toEqual([{ code: 'A', en: 'A', zhCN: '甲', codeEdited: true }]);
  });
});

describe('campaignDraftProblems (shared campaignProblems, and what cannot be read)', () => {
  const complete = {
    ...newCampaignDraft('region-1'),
    title: 'Dongshan 2026',
    titleZh: '东山县2026年度',
    period: '2026',
    termIds: ['t1'],
    opensAt: '2026-12-01T09:00',
    closesAt: '2026-12-15T18:00',
  };
  const reasons = (problems: Record<string, { reason: string }>) =>
    Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, problem.reason]));

  it('finds nothing in a complete draft with the default criteria', () => {
    expect(campaignDraftProblems(complete)).toEqual({});
  });

  it('asks for what an empty draft lacks, a time that cannot be read as required rather than out of order', () => {
    expect(reasons(campaignDraftProblems(newCampaignDraft('')))).toEqual({
      title: 'REQUIRED',
      titleZh: 'REQUIRED',
      regionId: 'REQUIRED',
      period: 'REQUIRED',
      termIds: 'TERMS_COUNT',
      opensAt: 'REQUIRED',
      closesAt: 'REQUIRED',
    });
  });

  it('refuses k that is not a whole number in range, times out of order, criteria by their index', () => {
    let criteria = criteriaEdits.add(complete.criteria);
    criteria = criteriaEdits.update(criteria, criteria.length - 1, { en: 'Drinking water', zhCN: '饮水' });
    expect(
      reasons(
        campaignDraftProblems({
          ...complete,
          publicationThreshold: '2.5',
          closesAt: complete.opensAt,
          criteria: [...criteria, criteria[0]],
        }),
      ),
    ).toEqual({
      publicationThreshold: 'PUBLICATION_THRESHOLD_RANGE',
      closesAt: 'CLOSES_BEFORE_OPENS',
      [`criteria.${criteria.length}.code`]: 'CRITERION_CODE_TWICE',
    });
    expect(campaignDraftProblems({ ...complete, publicationThreshold: '4' }).publicationThreshold).toEqual({
      reason: 'PUBLICATION_THRESHOLD_RANGE',
      params: { min: 5, max: 100_000 },
    });
  });
});
