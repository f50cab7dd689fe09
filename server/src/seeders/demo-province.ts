import type { RegionLevel } from '@massline/shared';
import { seededRandom } from './seeded-random';

/**
 * The demo province, Qinghe (清河省, code 88, fictional): 4 cities, 3 counties each, 4 townships each —
 * 65 regions — with yearly population and households for 2022–2026. Deterministic: same on every machine.
 */
export interface DemoRegion {
  code: string;
  name: string;
  nameEn: string;
  level: RegionLevel;
  parentCode: string | null;
}

const CITIES: [string, string][] = [
  ['江川', 'Jiangchuan'],
  ['云岭', 'Yunling'],
  ['石门', 'Shimen'],
  ['安澜', 'Anlan'],
];
const COUNTIES: [string, string][] = [
  ['东山', 'Dongshan'],
  ['西河', 'Xihe'],
  ['南屏', 'Nanping'],
  ['北塘', 'Beitang'],
  ['青石', 'Qingshi'],
  ['白沙', 'Baisha'],
  ['桃源', 'Taoyuan'],
  ['松溪', 'Songxi'],
  ['清泉', 'Qingquan'],
  ['平湖', 'Pinghu'],
  ['长乐', 'Changle'],
  ['新丰', 'Xinfeng'],
];
const TOWNSHIPS: [string, string][] = [
  ['城关', 'Chengguan'],
  ['河口', 'Hekou'],
  ['柳营', 'Liuying'],
  ['马坪', 'Maping'],
  ['龙潭', 'Longtan'],
  ['杏花', 'Xinghua'],
  ['石桥', 'Shiqiao'],
  ['枫林', 'Fenglin'],
  ['双溪', 'Shuangxi'],
  ['高庄', 'Gaozhuang'],
  ['梅岭', 'Meiling'],
  ['竹园', 'Zhuyuan'],
];

export const DEMO_PROVINCE_CODE = '88';
export const DEMO_YEARS = [2022, 2023, 2024, 2025, 2026];

export function demoRegions(): DemoRegion[] {
  const regions: DemoRegion[] = [
    { code: DEMO_PROVINCE_CODE, name: '清河省', nameEn: 'Qinghe Province', level: 'PROVINCE', parentCode: null },
  ];
  CITIES.forEach(([zh, en], c) => {
    const cityCode = `${DEMO_PROVINCE_CODE}${String(c + 1).padStart(2, '0')}`;
    regions.push({ code: cityCode, name: `${zh}市`, nameEn: `${en} City`, level: 'CITY', parentCode: DEMO_PROVINCE_CODE });
    for (let k = 0; k < 3; k++) {
      const [czh, cen] = COUNTIES[c * 3 + k];
      const countyCode = `${cityCode}${String(k + 1).padStart(2, '0')}`;
      regions.push({ code: countyCode, name: `${czh}县`, nameEn: `${cen} County`, level: 'COUNTY', parentCode: cityCode });
      for (let t = 0; t < 4; t++) {
        const [tzh, ten] = TOWNSHIPS[(c * 3 + k + t * 5) % TOWNSHIPS.length];
        regions.push({
          code: `${countyCode}${String(t + 1).padStart(3, '0')}`,
          name: `${tzh}镇`,
          nameEn: `${ten} Town`,
          level: 'TOWNSHIP',
          parentCode: countyCode,
        });
      }
    }
  });
  return regions;
}

export interface DemoStatistics {
  code: string;
  period: string;
  population: number;
  households: number;
}

/** Townships get a seeded population and growth; every level above sums its children. */
export function demoStatistics(regions: DemoRegion[]): DemoStatistics[] {
  const random = seededRandom(20261126);
  const byCode = new Map<string, Map<number, { population: number; households: number }>>();
  const add = (code: string, year: number, population: number, households: number) => {
    const years = byCode.get(code) ?? new Map<number, { population: number; households: number }>();
    const current = years.get(year) ?? { population: 0, households: 0 };
    years.set(year, { population: current.population + population, households: current.households + households });
    byCode.set(code, years);
  };
  const parentOf = new Map(regions.map((r) => [r.code, r.parentCode]));
  for (const township of regions.filter((r) => r.level === 'TOWNSHIP')) {
    let population = Math.round(18_000 + random() * 42_000);
    const growth = -0.012 + random() * 0.03;
    const householdSize = 2.5 + random() * 0.7;
    for (const year of DEMO_YEARS) {
      const households = Math.round(population / householdSize);
      for (let code: string | null = township.code; code; code = parentOf.get(code) ?? null) add(code, year, population, households);
      population = Math.round(population * (1 + growth));
    }
  }
  const rows: DemoStatistics[] = [];
  for (const region of regions) {
    for (const [year, s] of byCode.get(region.code) ?? []) rows.push({ code: region.code, period: String(year), ...s });
  }
  return rows;
}
