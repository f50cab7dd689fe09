import type { RegionsMessageKey } from './en';

/** 简体中文。键与 en.ts 完全一致（类型检查保证）。 */
export const regionsZhCN: Record<RegionsMessageKey, string> = {
  'regions.title': '行政区划',
  'regions.intro': '省、市、县、乡镇，以及最新的人口和户数。',
  'regions.name': '名称',
  'regions.code': '代码',
  'regions.level': '级别',
  'regions.population': '人口',
  'regions.households': '户数',
  'regions.period': '期间',
  'regions.none': '没有下级地区',
  'regions.expand': '展开{name}的下级地区',
  'regions.collapse': '收起{name}的下级地区',
  'regions.setStatistics': '填报人口户数',
  'regions.statisticsFor': '{name}的人口和户数',
  'regions.trail': '该地区所在位置',
};
