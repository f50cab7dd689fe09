import type { EntityManager } from '@mikro-orm/postgresql';
import { grants } from '@massline/shared';
import { DEMO_ACCOUNTS } from '../../seeders/demo-accounts';
import { seededRandom } from '../../seeders/seeded-random';
import { User } from '../accounts/user.entity';
import { Cadre } from '../cadres/cadre.entity';
import { DEMO_NOTICE_TOWNSHIP } from '../cadres/cadres.demo-seed';
import { LedgerSigner } from '../ledger/ledger-signer';
import { LedgerService, type LedgerRecord } from '../ledger/ledger.service';
import { NotificationService } from '../notifications/notification.service';
import { GrantAnswer } from './grant-answer.entity';
import { GrantCorrection } from './grant-correction.entity';
import { GrantDemoRepository, type DemoTermRow } from './grant-demo.repository';
import { GrantEnding } from './grant-ending.entity';
import { GrantObjection } from './grant-objection.entity';
import { GrantStep } from './grant-step.entity';
import { Grant } from './grant.entity';
import { GrantRepository } from './grant.repository';
import { today } from './grant.service';
import { GRANTS_LEDGER_RECORDS } from './grants.ledger-records';
import { DemoProcedure, type DemoTerm } from './grants.demo-procedure';

const span = (from: string, days: number, note: string) =>
  Array.from({ length: days }, (_, i) => ({
    day: new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
    note,
  }));

/**
 * The official holiday schedule of the demo years, as the State Council published it: public holidays
 * (a whole break, weekend days included) and the make-up working days (Saturdays and Sundays worked).
 */
const DEMO_CALENDAR: Record<number, { holidays: { day: string; note: string }[]; makeUpDays: { day: string; note: string }[] }> = {
  2022: {
    holidays: [
      ...span('2022-01-01', 3, "New Year's Day 元旦"),
      ...span('2022-01-31', 7, 'Spring Festival 春节'),
      ...span('2022-04-03', 3, 'Qingming 清明节'),
      ...span('2022-04-30', 5, 'Labour Day 劳动节'),
      ...span('2022-06-03', 3, 'Dragon Boat Festival 端午节'),
      ...span('2022-09-10', 3, 'Mid-Autumn 中秋节'),
      ...span('2022-10-01', 7, 'National Day 国庆节'),
    ],
    makeUpDays: [
      { day: '2022-01-29', note: 'Spring Festival make-up 春节调休' },
      { day: '2022-01-30', note: 'Spring Festival make-up 春节调休' },
      { day: '2022-04-02', note: 'Qingming make-up 清明节调休' },
      { day: '2022-04-24', note: 'Labour Day make-up 劳动节调休' },
      { day: '2022-05-07', note: 'Labour Day make-up 劳动节调休' },
      { day: '2022-10-08', note: 'National Day make-up 国庆节调休' },
      { day: '2022-10-09', note: 'National Day make-up 国庆节调休' },
    ],
  },
  2023: {
    holidays: [
      ...span('2023-01-01', 2, "New Year's Day 元旦"),
      ...span('2023-01-21', 7, 'Spring Festival 春节'),
      ...span('2023-04-05', 1, 'Qingming 清明节'),
      ...span('2023-04-29', 5, 'Labour Day 劳动节'),
      ...span('2023-06-22', 3, 'Dragon Boat Festival 端午节'),
      ...span('2023-09-29', 8, 'Mid-Autumn and National Day 中秋节、国庆节'),
    ],
    makeUpDays: [
      { day: '2023-01-28', note: 'Spring Festival make-up 春节调休' },
      { day: '2023-01-29', note: 'Spring Festival make-up 春节调休' },
      { day: '2023-04-23', note: 'Labour Day make-up 劳动节调休' },
      { day: '2023-05-06', note: 'Labour Day make-up 劳动节调休' },
      { day: '2023-06-25', note: 'Dragon Boat make-up 端午节调休' },
      { day: '2023-10-07', note: 'National Day make-up 国庆节调休' },
      { day: '2023-10-08', note: 'National Day make-up 国庆节调休' },
    ],
  },
  2024: {
    holidays: [
      ...span('2024-01-01', 1, "New Year's Day 元旦"),
      ...span('2024-02-10', 8, 'Spring Festival 春节'),
      ...span('2024-04-04', 3, 'Qingming 清明节'),
      ...span('2024-05-01', 5, 'Labour Day 劳动节'),
      ...span('2024-06-08', 3, 'Dragon Boat Festival 端午节'),
      ...span('2024-09-15', 3, 'Mid-Autumn 中秋节'),
      ...span('2024-10-01', 7, 'National Day 国庆节'),
    ],
    makeUpDays: [
      { day: '2024-02-04', note: 'Spring Festival make-up 春节调休' },
      { day: '2024-02-18', note: 'Spring Festival make-up 春节调休' },
      { day: '2024-04-07', note: 'Qingming make-up 清明节调休' },
      { day: '2024-04-28', note: 'Labour Day make-up 劳动节调休' },
      { day: '2024-05-11', note: 'Labour Day make-up 劳动节调休' },
      { day: '2024-09-14', note: 'Mid-Autumn make-up 中秋节调休' },
      { day: '2024-09-29', note: 'National Day make-up 国庆节调休' },
      { day: '2024-10-12', note: 'National Day make-up 国庆节调休' },
    ],
  },
  2025: {
    holidays: [
      ...span('2025-01-01', 1, "New Year's Day 元旦"),
      ...span('2025-01-28', 8, 'Spring Festival 春节'),
      ...span('2025-04-04', 3, 'Qingming 清明节'),
      ...span('2025-05-01', 5, 'Labour Day 劳动节'),
      ...span('2025-05-31', 3, 'Dragon Boat Festival 端午节'),
      ...span('2025-10-01', 8, 'National Day and Mid-Autumn 国庆节、中秋节'),
    ],
    makeUpDays: [
      { day: '2025-01-26', note: 'Spring Festival make-up 春节调休' },
      { day: '2025-02-08', note: 'Spring Festival make-up 春节调休' },
      { day: '2025-04-27', note: 'Labour Day make-up 劳动节调休' },
      { day: '2025-09-28', note: 'National Day make-up 国庆节调休' },
      { day: '2025-10-11', note: 'National Day make-up 国庆节调休' },
    ],
  },
  2026: {
    holidays: [
      ...span('2026-01-01', 3, "New Year's Day 元旦"),
      ...span('2026-02-15', 9, 'Spring Festival 春节'),
      ...span('2026-04-04', 3, 'Qingming 清明节'),
      ...span('2026-05-01', 5, 'Labour Day 劳动节'),
      ...span('2026-06-19', 3, 'Dragon Boat Festival 端午节'),
      ...span('2026-09-25', 3, 'Mid-Autumn 中秋节'),
      ...span('2026-10-01', 7, 'National Day 国庆节'),
    ],
    makeUpDays: [
      { day: '2026-01-04', note: "New Year's Day make-up 元旦调休" },
      { day: '2026-02-14', note: 'Spring Festival make-up 春节调休' },
      { day: '2026-02-28', note: 'Spring Festival make-up 春节调休' },
      { day: '2026-05-09', note: 'Labour Day make-up 劳动节调休' },
      { day: '2026-09-20', note: 'National Day make-up 国庆节调休' },
      { day: '2026-10-10', note: 'National Day make-up 国庆节调休' },
    ],
  },
};

/** The seed's clock: a date at an hour of Beijing time (UTC+8), as the records' own times. */
const at = (date: string, hour: number) => new Date(`${date}T${String(hour - 8).padStart(2, '0')}:00:00.000Z`);

const SIZES: Record<string, { entitled: number; electors: number; members: number; interviews: number }> = {
  PROVINCE: { entitled: 380, electors: 720, members: 13, interviews: 60 },
  CITY: { entitled: 260, electors: 480, members: 11, interviews: 45 },
  COUNTY: { entitled: 180, electors: 260, members: 11, interviews: 35 },
  TOWNSHIP: { entitled: 90, electors: 75, members: 9, interviews: 22 },
  VILLAGE: { entitled: 60, electors: 1400, members: 0, interviews: 15 },
};
/** The standing committee of a county's people's congress, which appoints the executive deputy head. */
const STANDING_COMMITTEE_MEMBERS = 29;

const FINDINGS = [
  'Firm in principle, close to the people; no complaints on file 政治坚定，联系群众紧密，无信访举报',
  'Sound conduct; the economic responsibility audit found no problems 作风扎实，经济责任审计未发现问题',
  'Capable in rural revitalisation; some colleagues ask for more delegation 乡村振兴工作得力，部分同事希望多放权',
  'Honest and hard-working; assets declared and checked 清正廉洁，个人事项报告经核实',
];

/** How a post is given: appointment by a party or standing committee, or election by a congress or the villagers. */
function bodyOf(term: DemoTermRow): { method: grants.GrantMethod; bodyKind: grants.GrantingBodyKind; bodyName: string; size: string } {
  const size = term.level === 'VILLAGE' ? 'VILLAGE' : term.regionLevel;
  if (term.title.startsWith('Party Secretary of ')) {
    const bodyName = term.parentName
      ? `中共${term.parentName}委员会 CPC ${term.parentNameEn} Committee`
      : '中共中央 Central Committee of the CPC';
    return { method: 'APPOINTMENT', bodyKind: 'PARTY_COMMITTEE', bodyName, size };
  }
  if (term.title.startsWith('Executive Deputy Head of ')) {
    const bodyName = `${term.regionName}人大常委会 Standing Committee of the ${term.regionNameEn} People's Congress`;
    return { method: 'APPOINTMENT', bodyKind: 'STANDING_COMMITTEE', bodyName, size };
  }
  if (term.level === 'VILLAGE') {
    return {
      method: 'ELECTION',
      bodyKind: 'ELECTORATE',
      bodyName: `${term.titleZh.replace(/村委会主任$/, '')}村选民 Villagers (electorate)`,
      size,
    };
  }
  return {
    method: 'ELECTION',
    bodyKind: 'PEOPLES_CONGRESS',
    bodyName: `${term.regionName}人民代表大会 ${term.regionNameEn} People's Congress`,
    size,
  };
}

/** A demo grant as it is being recorded: its row, its procedure so far, who records it. */
interface DemoGrant {
  grant: Grant;
  procedure: DemoProcedure;
  recorder: { userId: string; organizationId: string };
}

interface DemoOptions {
  /** Its inspection first recorded with the interviews' digits swapped, then corrected. */
  inspectionTypo?: boolean;
  /** How many working days its notice lasts (5 to 7 by default). */
  noticeWorkingDays?: number;
  /** What happens while its notice is open (objections), before it takes effect. */
  duringNotice?: (made: DemoGrant) => void;
}

/** The records of the demo grants, as rows to insert and ledger records to append, in order. */
class DemoRecords {
  readonly records: LedgerRecord[] = [];
  readonly ties: { termId: string; grantId: string }[] = [];
  private readonly random = seededRandom(20261130);
  readonly today = today();

  constructor(
    private readonly em: EntityManager,
    private readonly calendar: grants.WorkingDayCalendar,
    private readonly names: readonly string[],
    private readonly recorderOf: (regionPath: string) => { userId: string; organizationId: string },
  ) {}

  /** A whole number near `n` (between `low` and `high` times it). */
  private near(n: number, low: number, high: number): number {
    return Math.round(n * (low + this.random() * (high - low)));
  }

  private rival(except: string): string {
    for (;;) {
      const name = this.names[Math.floor(this.random() * this.names.length)];
      if (name !== except) return name;
    }
  }

  /**
   * A grant of the term's post to `cadre`, its procedure up to `until` (a step), each step checked; the
   * last step's date is `effective` for a grant that takes effect, else the decision's date + 2.
   */
  grant(
    term: DemoTermRow,
    cadre: { id: string; name: string },
    effective: string,
    until: grants.GrantStep,
    options: DemoOptions = {},
  ): DemoGrant {
    const { method, bodyKind, bodyName, size } = bodyOf(term);
    const recorder = this.recorderOf(term.regionPath);
    const label = `${term.title} (${cadre.name}, ${effective})`;
    const procedure = new DemoProcedure(label, method, this.calendar);
    const day = (offset: number) => grants.addDays(effective, offset);
    const base = SIZES[size];
    const grant = this.em.create(Grant, {
      post: term.postId,
      cadre: cadre.id,
      region: term.regionId,
      organizationId: recorder.organizationId,
      method,
      bodyName,
      bodyKind,
      termYears: grants.MAX_TERM_YEARS,
      createdBy: recorder.userId,
      createdAt: at(day(-75), 9),
    });
    this.records.push({ type: 'Grant', id: grant.id });
    const verb = method === 'ELECTION' ? ['elect', '选举'] : ['appoint', '任命'];
    const entitled = this.near(base.entitled, 0.9, 1.1);
    const participants = this.near(entitled, 0.86, 0.97);
    const ahead = this.near(participants, 0.55, 0.75);
    const rival = this.rival(cadre.name);
    const interviews = this.near(base.interviews, 0.8, 1.2);
    const facts: [grants.GrantStep, number, Record<string, unknown>][] = [
      ['MOTION', -75, { summary: `提请${verb[1]}${cadre.name}为${term.titleZh} Motion to ${verb[0]} ${cadre.name} as ${term.title}` }],
      [
        'RECOMMENDATION',
        -68,
        {
          entitled,
          participants,
          posts: 1,
          candidates: [
            { name: cadre.name, votes: ahead },
            { name: rival, votes: participants - ahead - this.near(participants, 0, 0.04) },
          ],
        },
      ],
      [
        'INSPECTION',
        -55,
        {
          interviews: options.inspectionTypo ? Number(String(interviews).split('').reverse().join('')) : interviews,
          findings: FINDINGS[Math.floor(this.random() * FINDINGS.length)],
        },
      ],
      [
        'DECISION',
        -40,
        method === 'ELECTION'
          ? this.election(base.electors, size, cadre.name, rival)
          : this.vote(bodyKind === 'STANDING_COMMITTEE' ? STANDING_COMMITTEE_MEMBERS : base.members),
      ],
      [
        'NOTICE',
        -38,
        { end: grants.endAfterWorkingDays(day(-38), options.noticeWorkingDays ?? 5 + Math.floor(this.random() * 3), this.calendar) },
      ],
      ['TAKING_EFFECT', 0, {}],
    ];
    const made: DemoGrant = { grant, procedure, recorder };
    for (const [kind, offset, raw] of facts) {
      const recorded = procedure.record(kind, day(offset), raw);
      const step = this.em.create(GrantStep, {
        grant: grant.id,
        step: kind,
        position: procedure.steps.length - 1,
        date: recorded.date,
        facts: recorded.facts,
        recordedBy: recorder.userId,
        recordedAt: at(recorded.date, 17),
      });
      this.records.push({ type: 'GrantStep', id: step.id });
      if (options.inspectionTypo && kind === 'INSPECTION') {
        const correction = this.em.create(GrantCorrection, {
          grant: grant.id,
          corrects: step.id,
          date: recorded.date,
          facts: procedure.correct('INSPECTION', { ...raw, interviews }),
          reason: `考察报告记载个别谈话${interviews}人，录入${String(raw.interviews)}人系笔误 The inspection report counts ${interviews} interviews: ${String(raw.interviews)} was a typing error`,
          recordedBy: recorder.userId,
          recordedAt: at(grants.addDays(recorded.date, 3), 10),
        });
        this.records.push({ type: 'GrantCorrection', id: correction.id });
      }
      if (kind === 'NOTICE') options.duringNotice?.(made);
      if (kind === until) break;
    }
    return made;
  }

  private vote(members: number): Record<string, unknown> {
    const present = members - Math.floor(this.random() * 3);
    const votesAgainst = Math.floor(this.random() * 2);
    const abstentions = Math.floor(this.random() * 2);
    return { members, present, votesFor: present - votesAgainst - abstentions, votesAgainst, abstentions };
  }

  private election(base: number, size: string, winner: string, rival: string): Record<string, unknown> {
    const electors = this.near(base, 0.9, 1.1);
    const ballotsCast = size === 'VILLAGE' ? this.near(electors, 0.7, 0.9) : this.near(electors, 0.9, 0.98);
    const votes = this.near(ballotsCast, 0.56, 0.82);
    return {
      electors,
      ballotsCast,
      posts: 1,
      candidates: [
        { name: winner, votes },
        { name: rival, votes: ballotsCast - votes - this.near(ballotsCast, 0, 0.03) },
      ],
      elected: winner,
    };
  }

  /** The demo's current terms: the grants that created them, probation confirmed a year on, endings as the terms ended. */
  tookEffect(term: DemoTermRow, terms: readonly DemoTerm[], options: DemoOptions = {}): DemoGrant {
    const made = this.grant(term, { id: term.cadreId, name: term.cadreName }, term.startsOn, 'TAKING_EFFECT', options);
    const { grant, procedure, recorder } = made;
    const demoTerm = terms.find((other) => other.id === term.id)!;
    procedure.checkTerm(demoTerm, terms);
    this.ties.push({ termId: term.id, grantId: grant.id });
    const confirmed = grants.probationEnd(term.startsOn);
    if (grant.method === 'APPOINTMENT' && confirmed <= this.today && (!term.endedOn || confirmed < term.endedOn)) {
      const recorded = procedure.record('PROBATION_END', confirmed, { outcome: 'CONFIRMED' });
      const step = this.em.create(GrantStep, {
        grant: grant.id,
        step: 'PROBATION_END',
        position: procedure.steps.length - 1,
        date: recorded.date,
        facts: recorded.facts,
        recordedBy: recorder.userId,
        recordedAt: at(recorded.date, 17),
      });
      this.records.push({ type: 'GrantStep', id: step.id });
    }
    if (term.endedOn && term.endReason) {
      procedure.end(demoTerm, term.endedOn, this.today);
      const electors = Number(procedure.steps.find((step) => step.step === 'DECISION')!.facts.electors ?? 0);
      const recall = term.endReason === 'RECALL';
      const turnout = this.near(electors, 0.62, 0.75);
      const ending = this.em.create(GrantEnding, {
        grant: grant.id,
        reason: term.endReason,
        endedOn: term.endedOn,
        decidedBy: recall ? `${grant.bodyName.split(' ')[0]}罢免表决 Villagers' recall vote` : grant.bodyName,
        why: recall
          ? `有选举权的村民${electors}人，投票${turnout}人，赞成罢免${this.near(turnout, 0.6, 0.7)}票：征地补偿款账目长期不公开 — recalled by a vote of the villagers (more than half of ${electors} electors voting, more than half of the votes for): the land compensation accounts were kept from the villagers for two years`
          : '本人因健康原因申请辞职，经同意 Resigned for reasons of health; the resignation was accepted',
        recordedBy: recorder.userId,
        recordedAt: at(term.endedOn, 16),
      });
      this.records.push({ type: 'GrantEnding', id: ending.id });
    }
    return made;
  }

  /** An objection on `day` (named when a citizen is given), answered `answerDay`. */
  objection(
    made: DemoGrant,
    filed: { day: string; by: { id: string; name: string } | null; text: string; evidence: string | null },
    answer: { day: string; upheld: boolean; reasons: string },
  ): void {
    made.procedure.object(filed.day);
    const objection = this.em.create(GrantObjection, {
      grant: made.grant.id,
      filedBy: filed.by?.id ?? null,
      filerName: filed.by?.name ?? null,
      text: filed.text,
      evidence: filed.evidence,
      filedAt: at(filed.day, 11),
    });
    this.records.push({ type: 'GrantObjection', id: objection.id });
    made.procedure.answer(0, answer.upheld);
    const answered = this.em.create(GrantAnswer, {
      objection: objection.id,
      upheld: answer.upheld,
      reasons: answer.reasons,
      answeredBy: made.recorder.userId,
      answeredAt: at(answer.day, 15),
    });
    this.records.push({ type: 'GrantAnswer', id: answered.id });
  }
}

/**
 * The grants of the demo (PRODUCT.md, "Mechanism 3"), every record checked by shared's rules and entered
 * in the ledger (one append, in order):
 * - every term begun in the demo years (2022 on) was created by a grant whose procedure ran through
 *   every step — party secretaries and executive deputy heads appointed (probation confirmed a year
 *   on), heads elected by their congress, village directors by the villagers — and names it; the terms
 *   before 2022 predate the register and have none;
 * - the posts left this year: the grant ended as the term did, by resignation or, once, by recall;
 * - one inspection corrected (a typing error), one objection answered and not upheld;
 * - a vacant party secretary's post whose appointment an upheld objection stopped;
 * - the election of the demo citizen's village director in its public notice today (the citizen may object).
 * The terms are the cadres demo's (it runs first, and the evaluation demo reads them before this step).
 */
async function seedDemoGrantRecords(em: EntityManager, repository: GrantRepository): Promise<void> {
  const demo = new GrantDemoRepository(em);
  const rows = await demo.terms();
  const terms: DemoTerm[] = rows.map((row) => ({ ...row, endedOn: row.endedOn }));
  const staff = await em.find(
    User,
    { email: { $in: DEMO_ACCOUNTS.filter((a) => a.role === 'ORGANIZATION').map((a) => a.email) } },
    { populate: ['region'] },
  );
  // The deepest organization whose jurisdiction holds the post records its grant (Dongshan's staff theirs, the province's the rest).
  const recorderOf = (regionPath: string) => {
    const user = staff.filter((u) => regionPath.startsWith(u.region.path)).sort((a, b) => b.region.path.length - a.region.path.length)[0];
    return { userId: user.id, organizationId: user.organization!.id };
  };
  const citizenAccount = DEMO_ACCOUNTS.find((a) => a.role === 'CITIZEN' && a.regionCode === DEMO_NOTICE_TOWNSHIP)!;
  const citizen = await em.findOneOrFail(User, { email: citizenAccount.email });
  const current = rows.filter((row) => row.startsOn >= '2022-01-01');
  const first = (current[0]?.startsOn ?? today()).slice(0, 4);
  const calendar = await repository.calendar(`${first}-01-01`, grants.addDays(today(), 90));
  const records = new DemoRecords(em, calendar, [...new Set(rows.map((row) => row.cadreName))].sort(), recorderOf);

  let corrected = false;
  let objected = false;
  for (const term of current) {
    // One election in the demo citizen's region met an objection of theirs, answered and not upheld.
    const objects: boolean = !objected && DEMO_NOTICE_TOWNSHIP.startsWith(term.regionCode) && bodyOf(term).method === 'ELECTION';
    objected ||= objects;
    records.tookEffect(term, terms, {
      inspectionTypo: !corrected,
      duringNotice: objects
        ? (made) => {
            const notice = made.procedure.steps.find((step) => step.step === 'NOTICE')!;
            records.objection(
              made,
              {
                day: grants.addDays(notice.date, 1),
                by: { id: citizen.id, name: citizen.displayName },
                text: `${term.cadreName}任乡镇长期间拖欠学校工程款 While head of a township, ${term.cadreName} left the builders of the school unpaid`,
                evidence: 'Letter of the builders to the county petition office, 2021 承包商致县信访局信',
              },
              {
                day: String(notice.facts.end),
                upheld: false,
                reasons:
                  '经审计局核实，工程款已于2021年底付清，有银行凭证 The audit office found the builders paid in full by the end of 2021 (bank records): not upheld',
              },
            );
          }
        : undefined,
    });
    corrected = true;
  }

  // A vacant party secretary's post: the appointment of the township's head, stopped by an upheld objection.
  const vacancy = current
    .filter((term) => term.endReason === 'RESIGNATION' && term.title.startsWith('Party Secretary of ') && term.regionLevel === 'TOWNSHIP')
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode))[0];
  if (vacancy) {
    const head = current.find((term) => term.regionId === vacancy.regionId && term.title.startsWith('Head of ') && !term.endedOn)!;
    records.grant(vacancy, { id: head.cadreId, name: head.cadreName }, grants.addDays(vacancy.endedOn!, 75), 'NOTICE', {
      duringNotice: (made) => {
        const notice = made.procedure.steps.find((step) => step.step === 'NOTICE')!;
        records.objection(
          made,
          {
            day: grants.addDays(notice.date, 2),
            by: null,
            text: `被提名人亲属的公司未经招标承接了镇道路工程 A company of the nominee's brother built the town's road in 2025 without a tender`,
            evidence: 'Contract HK-2025-031, posted on the town hall notice board 镇政府公告栏合同公示',
          },
          {
            day: grants.addDays(String(notice.facts.end), 3),
            upheld: true,
            reasons:
              '经县纪委核实，该工程未经招标，反映属实，任命程序终止 The county discipline commission found the road was not tendered: the appointment is stopped',
          },
        );
      },
    });
  }

  // The demo citizen's village: its director resigned; the election of a successor is in its public notice today.
  const village = rows.find((term) => term.regionCode === DEMO_NOTICE_TOWNSHIP && term.level === 'VILLAGE' && term.endedOn);
  if (village) {
    const nominee = em.create(Cadre, { name: '周晓梅', region: village.regionId });
    // Its notice began two days ago and lasts three weeks: the citizen has time to object.
    const open = records.grant(village, nominee, grants.addDays(records.today, 36), 'NOTICE', { noticeWorkingDays: 15 });
    const notice = open.procedure.steps.find((step) => step.step === 'NOTICE')!;
    await new NotificationService().notifyVerifiedResidents(em, {
      regionPath: village.regionPath,
      kind: 'NOTICE_OPENED',
      params: { title: village.title, titleZh: village.titleZh, closesAt: `${String(notice.facts.end)}T23:59:59.999Z` },
      subjectId: open.grant.id,
    });
  }

  await em.flush();
  await demo.tieTerms(records.ties);
  const ledger = new LedgerService(new LedgerSigner(null));
  for (const recordType of GRANTS_LEDGER_RECORDS) ledger.registerRecordType(recordType);
  await ledger.append(em, records.records);
}

/** The grants module's demo step: the holiday calendar of the demo years (one statement per year), then the demo grants. */
export async function seedDemoGrants(em: EntityManager): Promise<void> {
  const repository = new GrantRepository(em);
  for (const [year, { holidays, makeUpDays }] of Object.entries(DEMO_CALENDAR)) {
    await repository.replaceCalendarYear(Number(year), [
      ...holidays.map((day) => ({ ...day, kind: 'HOLIDAY' })),
      ...makeUpDays.map((day) => ({ ...day, kind: 'MAKE_UP_DAY' })),
    ]);
  }
  await seedDemoGrantRecords(em, repository);
}

export { DEMO_CALENDAR };
