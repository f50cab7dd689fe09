import type { Change } from '../../common/domain-events';

interface StatisticsFigures {
  period: string;
  population: number;
  households: number;
}

/** The events of the regions module, by type (each named after the audit action it leaves). */
export interface RegionsEvents {
  'region.create': Change<null, { id: string; code: string; name: string; nameEn: string; level: string; parentId: string }>;
  'region.statistics.set': Change<StatisticsFigures | null, StatisticsFigures>;
}
