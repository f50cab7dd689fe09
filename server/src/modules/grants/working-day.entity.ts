import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { WORKING_DAY_KINDS, type WorkingDayKind } from './grants-enums';

/**
 * The official holiday schedule, which changes every year: public holidays and make-up working days,
 * kept by the root region's organization (a year is replaced as a whole). Public notices count working
 * days by it (shared `workingDaysBetween`).
 */
@Entity({ tableName: 'working_calendar_day' })
export class WorkingCalendarDay {
  @PrimaryKey({ type: 'date' })
  day!: string;

  @Enum({ items: () => WORKING_DAY_KINDS })
  kind!: WorkingDayKind;

  @Property({ type: 'string', length: 100 })
  note!: string;
}
