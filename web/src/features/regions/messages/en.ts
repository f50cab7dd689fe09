/**
 * English messages of the regions page. Loaded with the feature's pages, in the current language only;
 * zh-cn.ts must have exactly these keys (it is typed by them).
 */
export const regionsEn = {
  'regions.title': 'Regions',
  'regions.intro': 'Province, cities, counties and townships, with the latest population and households.',
  'regions.name': 'Name',
  'regions.code': 'Code',
  'regions.level': 'Level',
  'regions.population': 'Population',
  'regions.households': 'Households',
  'regions.period': 'Period',
  'regions.none': 'No regions',
  'regions.expand': 'Show the regions under {name}',
  'regions.collapse': 'Hide the regions under {name}',
  'regions.setStatistics': 'Set statistics',
  'regions.statisticsFor': 'Population and households of {name}',
  'regions.trail': 'Where this region lies',
} as const;

export type RegionsMessageKey = keyof typeof regionsEn;
