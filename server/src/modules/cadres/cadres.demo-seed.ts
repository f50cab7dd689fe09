import type { EntityManager } from '@mikro-orm/postgresql';
import { cadres, grants, type RegionLevel } from '@massline/shared';
import { DEMO_ACCOUNTS } from '../../seeders/demo-accounts';
import { demoRegions, type DemoRegion } from '../../seeders/demo-province';
import { seededRandom } from '../../seeders/seeded-random';
import { Organization } from '../accounts/organization.entity';
import { Region } from '../regions/region.entity';
import { Cadre } from './cadre.entity';
import { Post } from './post.entity';
import { Term } from './term.entity';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
];
const GIVEN = [
  '建',
  '国',
  '志',
  '明',
  '华',
  '文',
  '军',
  '平',
  '海',
  '峰',
  '丽',
  '敏',
  '静',
  '强',
  '伟',
  '芳',
  '磊',
  '洋',
  '勇',
  '杰',
  '涛',
  '斌',
  '红',
  '霞',
  '刚',
  '辉',
  '鹏',
  '燕',
  '兰',
  '宁',
  '春',
  '秀',
  '德',
  '忠',
  '林',
  '卫',
  '新',
  '荣',
  '玉',
  '亮',
];
const VILLAGES: [string, string][] = [
  ['刘家', 'Liujia'],
  ['王庄', 'Wangzhuang'],
  ['石岭', 'Shiling'],
  ['杨树', 'Yangshu'],
  ['桥头', 'Qiaotou'],
  ['塘坝', 'Tangba'],
];

/** The posts of a region: its party secretary and its head (and at a county, the executive deputy head). */
interface DemoPost {
  title: string;
  titleZh: string;
  level: cadres.PostLevel;
}

function postsOf(region: DemoRegion, county: DemoRegion | null, village: [string, string]): DemoPost[] {
  const { name, nameEn } = region;
  const level: RegionLevel = region.level;
  switch (level) {
    case 'PROVINCE':
      return [
        { title: `Party Secretary of ${nameEn}`, titleZh: `中共${name}委书记`, level },
        { title: `Governor of ${nameEn}`, titleZh: `${name}省长`, level },
      ];
    case 'CITY':
      return [
        { title: `Party Secretary of ${nameEn}`, titleZh: `中共${name}委书记`, level },
        { title: `Mayor of ${nameEn}`, titleZh: `${name}市长`, level },
      ];
    case 'COUNTY':
      return [
        { title: `Party Secretary of ${nameEn}`, titleZh: `中共${name}委书记`, level },
        { title: `Head of ${nameEn}`, titleZh: `${name}县长`, level },
        { title: `Executive Deputy Head of ${nameEn}`, titleZh: `${name}常务副县长`, level },
      ];
    case 'TOWNSHIP': {
      // Township names repeat across counties ("Chengguan Town"): the county goes into the title.
      const where = { en: `${nameEn}, ${county!.nameEn}`, zh: `${county!.name}${name}` };
      return [
        { title: `Party Secretary of ${where.en}`, titleZh: `${where.zh}党委书记`, level },
        { title: `Head of ${where.en}`, titleZh: `${where.zh}镇长`, level },
        {
          title: `Director, ${village[1]} Village Committee (${where.en})`,
          titleZh: `${where.zh}${village[0]}村村委会主任`,
          level: 'VILLAGE',
        },
      ];
    }
  }
}

/**
 * The township of the demo's verified citizen: its village committee director resigned this autumn, and
 * the grants demo holds the election of a successor in its public notice there (the citizen may object).
 */
export const DEMO_NOTICE_TOWNSHIP = DEMO_ACCOUNTS.find(
  (account) => account.role === 'CITIZEN' && account.citizenStatus === 'VERIFIED',
)!.regionCode;
export const DEMO_NOTICE_VACANCY = '2026-09-01';

/** How a post's history runs in the demo: who held it before its current holder, if anyone. */
type History = 'FIRST_TERM' | 'SUCCEEDED' | 'SECOND_TERM' | 'PREDECESSOR_LEFT_EARLY';

/**
 * Cadres, posts and terms across the demo province: every region's party secretary and head (and
 * each county's executive deputy head, each township's village committee director), bilingual titles,
 * current terms begun 2022–2024, and the terms before them — expired, a cadre in their second term,
 * predecessors who resigned, were dismissed or recalled, and a few posts left vacant this year (by a
 * resignation, one by a recall). Deterministic (a seeded generator), and within the tenure rules that createTerm applies.
 */
export async function seedDemoCadres(em: EntityManager): Promise<void> {
  const random = seededRandom(20261129);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const used = new Set<string>();
  const nameOf = (): string => {
    for (;;) {
      const name = pick(SURNAMES) + pick(GIVEN) + (random() < 0.75 ? pick(GIVEN) : '');
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const regions = new Map((await em.find(Region, {})).map((region) => [region.code, region]));
  const organizations = new Map((await em.find(Organization, {}, { populate: ['region'] })).map((o) => [o.region.code, o]));
  const demo = demoRegions();
  const byCode = new Map(demo.map((region) => [region.code, region]));
  const month = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}-01`;

  let index = 0;
  let recalled = false;
  for (const r of demo) {
    const region = regions.get(r.code)!;
    const organization = organizations.get(r.code)!;
    const county = r.level === 'TOWNSHIP' ? byCode.get(r.parentCode!)! : null;
    for (const p of postsOf(r, county, VILLAGES[index % VILLAGES.length])) {
      index++;
      const post = em.create(Post, { ...p, region, organization });
      const cadreOf = () => em.create(Cadre, { name: nameOf(), region });
      const history: History = pick(['FIRST_TERM', 'SUCCEEDED', 'SUCCEEDED', 'SECOND_TERM', 'PREDECESSOR_LEFT_EARLY'] as const);
      const starts = month(2022 + Math.floor(random() * 3), 1 + Math.floor(random() * 12));
      const ends = grants.addYears(starts, grants.MAX_TERM_YEARS);
      const holder = cadreOf();
      // Every 23rd post: its holder left this year and nobody has taken office since — resigned, but the
      // first village committee director among them was recalled by the villagers. And the demo
      // citizen's village, whose director resigned this autumn (its successor's election is in notice).
      const noticeVillage = r.code === DEMO_NOTICE_TOWNSHIP && p.level === 'VILLAGE';
      const vacant: boolean = index % 23 === 0 || noticeVillage;
      const recall: boolean = vacant && !noticeVillage && p.level === 'VILLAGE' && !recalled;
      recalled ||= recall;
      const term = (cadre: Cadre, startsOn: string, endsOn: string, ended?: { on: string; reason: cadres.TermEndReason }) =>
        em.create(Term, { cadre, post, startsOn, endsOn, endedOn: ended?.on ?? null, endReason: ended?.reason ?? null });
      const left = noticeVillage ? DEMO_NOTICE_VACANCY : month(2026, 1 + (index % 9));
      term(holder, starts, ends, vacant ? { on: left, reason: recall ? 'RECALL' : 'RESIGNATION' } : undefined);
      const before = grants.addYears(starts, -grants.MAX_TERM_YEARS);
      if (history === 'SUCCEEDED') term(cadreOf(), before, starts, { on: starts, reason: 'EXPIRY' });
      if (history === 'SECOND_TERM') term(holder, before, starts, { on: starts, reason: 'EXPIRY' });
      if (history === 'PREDECESSOR_LEFT_EARLY') {
        const earlier = grants.addYears(starts, -3);
        term(cadreOf(), earlier, grants.addYears(earlier, grants.MAX_TERM_YEARS), {
          on: starts,
          reason: pick(['RESIGNATION', 'DISMISSAL', 'RECALL'] as const),
        });
      }
    }
  }
  await em.flush();
}
