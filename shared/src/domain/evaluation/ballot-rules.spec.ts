import { describe, expect, it } from 'vitest';
import { defineRulesFor, createAbility } from '../../permissions/rules';
import { subject } from '@casl/ability';
import { ballotProblems, ballotSteps, campaignProblems, type CampaignDraft } from './ballot-rules';
import { selfAndAncestorPaths } from './permissions';
import { formatReceiptCode, normalizeReceiptCode } from './receipt';

const criteria = [{ code: 'HOUSING' }, { code: 'WORK_STYLE' }];

describe('ballotProblems', () => {
  it('accepts every criterion answered once, "don\'t know" included, and a short comment', () => {
    const answers = [
      { criterion: 'HOUSING', step: 'SATISFIED' },
      { criterion: 'WORK_STYLE', step: 'DONT_KNOW' },
    ];
    expect(ballotProblems(criteria, 'PROVINCIAL_FOUR_STEP', answers, 'Roads fixed.')).toEqual({});
    expect(ballotSteps(criteria, 'PROVINCIAL_FOUR_STEP', answers)).toEqual([0, 3]);
    expect(ballotSteps(criteria, 'NATIONAL_FIVE_STEP', [...answers].reverse())).toEqual([1, 5]);
  });

  it('names each refused answer by its criterion', () => {
    const problems = ballotProblems(criteria, 'PROVINCIAL_FOUR_STEP', [
      { criterion: 'HOUSING', step: 'VERY_SATISFIED' },
      { criterion: 'EDUCATION', step: 'SATISFIED' },
    ]);
    expect(problems).toEqual({
      'answers.HOUSING': { reason: 'BALLOT_UNKNOWN_STEP', params: { criterion: 'HOUSING', step: 'VERY_SATISFIED' } },
      'answers.EDUCATION': { reason: 'BALLOT_UNKNOWN_CRITERION', params: { criterion: 'EDUCATION' } },
      'answers.WORK_STYLE': { reason: 'BALLOT_ANSWER_MISSING', params: { criterion: 'WORK_STYLE' } },
    });
    expect(
      ballotProblems(criteria, 'NATIONAL_FIVE_STEP', [
        { criterion: 'HOUSING', step: 'SATISFIED' },
        { criterion: 'HOUSING', step: 'DISSATISFIED' },
        { criterion: 'WORK_STYLE', step: 'VERY_SATISFIED' },
      ]),
    ).toEqual({ 'answers.HOUSING': { reason: 'BALLOT_ANSWER_TWICE', params: { criterion: 'HOUSING' } } });
  });

  it('refuses a comment past 500 characters or with control characters', () => {
    const answers = criteria.map(({ code }) => ({ criterion: code, step: 'DONT_KNOW' }));
    expect(ballotProblems(criteria, 'PROVINCIAL_FOUR_STEP', answers, 'x'.repeat(500))).toEqual({});
    expect(ballotProblems(criteria, 'PROVINCIAL_FOUR_STEP', answers, 'x'.repeat(501)).comment).toEqual({
      reason: 'TOO_LONG',
      params: { max: 500 },
    });
    expect(ballotProblems(criteria, 'PROVINCIAL_FOUR_STEP', answers, 'a\u0000b').comment?.reason).toBe('CONTROL_CHARACTER');
  });

  it('ballotSteps refuses an answer the rules would refuse', () => {
    expect(() => ballotSteps(criteria, 'PROVINCIAL_FOUR_STEP', [{ criterion: 'HOUSING', step: 'SATISFIED' }])).toThrow(RangeError);
  });
});

describe('campaignProblems', () => {
  const draft: CampaignDraft = {
    title: 'County cadres 2026',
    titleZh: '2026年县级干部评议',
    period: '2026',
    scale: 'PROVINCIAL_FOUR_STEP',
    criteria: [{ code: 'HOUSING', en: 'Housing', zhCN: '住房' }],
    publicationThreshold: 30,
    opensAt: new Date('2026-12-01T00:00:00Z'),
    closesAt: new Date('2026-12-15T00:00:00Z'),
    termIds: ['a', 'b'],
  };

  it('accepts a complete draft', () => {
    expect(campaignProblems(draft)).toEqual({});
  });

  it('refuses each field by its own code', () => {
    const problems = campaignProblems({
      ...draft,
      title: ' ',
      titleZh: 'x'.repeat(201),
      period: '2026-Q5',
      scale: 'TEN_STEP',
      criteria: [
        { code: 'housing', en: 'Housing', zhCN: '住房' },
        { code: 'HEALTH', en: '', zhCN: '医疗' },
        { code: 'HEALTH', en: 'Health', zhCN: '医疗' },
      ],
      publicationThreshold: 4,
      closesAt: draft.opensAt,
      termIds: ['a', 'a'],
    });
    expect(Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, problem.reason]))).toEqual({
      title: 'REQUIRED',
      titleZh: 'TOO_LONG',
      period: 'INVALID_PERIOD',
      scale: 'REQUIRED',
      'criteria.0.code': 'CRITERION_CODE_FORMAT',
      'criteria.1.en': 'REQUIRED',
      'criteria.2.code': 'CRITERION_CODE_TWICE',
      publicationThreshold: 'PUBLICATION_THRESHOLD_RANGE',
      closesAt: 'CLOSES_BEFORE_OPENS',
      termIds: 'TERM_TWICE',
    });
  });

  it('bounds the number of criteria and terms, and k', () => {
    expect(campaignProblems({ ...draft, criteria: [], termIds: [] })).toEqual({
      criteria: { reason: 'CRITERIA_COUNT', params: { min: 1, max: 20 } },
      termIds: { reason: 'TERMS_COUNT', params: { min: 1, max: 50 } },
    });
    expect(campaignProblems({ ...draft, publicationThreshold: 5 })).toEqual({});
    expect(campaignProblems({ ...draft, publicationThreshold: 30.5 }).publicationThreshold?.reason).toBe('PUBLICATION_THRESHOLD_RANGE');
  });
});

describe('receipt codes', () => {
  it('reads a code as typed: groups, case and look-alike letters', () => {
    const code = '7K2MQ9XD0000ABCDEFGH';
    expect(formatReceiptCode(code)).toBe('7K2M-Q9XD-0000-ABCD-EFGH');
    expect(normalizeReceiptCode(' 7k2m-q9xd-oooo-abcd-efgh ')).toBe(code);
    expect(normalizeReceiptCode('7K2M-Q9XD-0000-ABCD-EFG')).toBeNull();
    expect(normalizeReceiptCode('7K2M-Q9XD-0000-ABCD-EFGU')).toBeNull();
  });
});

describe('who may do what with campaigns', () => {
  const citizen = (citizenStatus: 'VERIFIED' | 'UNVERIFIED') =>
    createAbility(
      defineRulesFor({
        kind: 'USER',
        id: 'c',
        role: 'CITIZEN',
        regionId: 'r',
        regionPath: '/88/8801/880102/',
        organizationId: null,
        citizenStatus,
      }),
    );
  const campaign = (status: string, path: string) => subject('Campaign', { status, region: { path } });

  it('lists a region and every region above it', () => {
    expect(selfAndAncestorPaths('/88/8801/880102/')).toEqual(['/88/', '/88/8801/', '/88/8801/880102/']);
  });

  it('lets a citizen read campaigns of their region and above once opened, and vote in the open ones', () => {
    const ability = citizen('VERIFIED');
    expect(ability.can('read', campaign('OPEN', '/88/8801/'))).toBe(true);
    expect(ability.can('read', campaign('DRAFT', '/88/8801/'))).toBe(false);
    expect(ability.can('read', campaign('CLOSED', '/88/8802/'))).toBe(false);
    expect(ability.can('vote', campaign('OPEN', '/88/8801/880102/'))).toBe(true);
    expect(ability.can('vote', campaign('CLOSED', '/88/8801/880102/'))).toBe(false);
    expect(ability.can('vote', campaign('OPEN', '/88/8801/880103/'))).toBe(false);
  });

  it('reads published campaigns for everyone, and ballots for nobody', () => {
    const anonymous = createAbility(defineRulesFor({ kind: 'ANONYMOUS' }));
    expect(anonymous.can('read', campaign('PUBLISHED', '/88/8802/'))).toBe(true);
    expect(anonymous.can('read', campaign('CLOSED', '/88/8802/'))).toBe(false);
    const organization = createAbility(
      defineRulesFor({
        kind: 'USER',
        id: 'o',
        role: 'ORGANIZATION',
        regionId: 'r',
        regionPath: '/88/',
        organizationId: 'x',
        citizenStatus: null,
      }),
    );
    expect(organization.can('update', campaign('DRAFT', '/88/8801/'))).toBe(true);
    expect(organization.can('read', 'Ballot')).toBe(false);
    expect(citizen('VERIFIED').can('read', 'Ballot')).toBe(false);
  });
});
