import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import type { harmony } from '@massline/shared';
import { Region } from '../regions/region.entity';
import { AssessmentMethodEnum, GradeEnum, type AssessmentMethod } from './harmony-enums';
import { MethodologyVersion } from './methodology-version.entity';

/**
 * The harmony index of a region for a period under one methodology version. Written in bulk by the
 * recomputation (never one ORM round trip per row) and read as plain rows on the dashboard; the entity
 * serves the schema generator and the rare single-record write (publication).
 */
@Entity({ tableName: 'assessment' })
@Unique({ properties: ['methodologyVersion', 'region', 'period'] })
@Index({ properties: ['methodologyVersion', 'period'] })
export class Assessment {
  [OptionalProps]?: 'computedAt' | 'published';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  // No foreign-key constraints: assessments are derived rows, written only by the recomputation, which
  // reads regions and versions in the same transaction (and neither can be deleted). Measured: the two
  // constraint triggers were half of the bulk write's time.
  @ManyToOne(() => MethodologyVersion, { createForeignKeyConstraint: false })
  methodologyVersion!: Rel<MethodologyVersion>;

  @ManyToOne(() => Region, { index: true, createForeignKeyConstraint: false })
  region!: Rel<Region>;

  @Property({ type: 'string', length: 10 })
  period!: string;

  @Property({ type: 'double', nullable: true })
  index?: number | null;

  @Enum({ items: () => Object.values(GradeEnum), nullable: true })
  grade?: harmony.GradeCode | null;

  @Property({ type: 'double' })
  coverage!: number;

  @Property({ type: 'boolean' })
  complete!: boolean;

  @Enum({ items: () => Object.values(AssessmentMethodEnum) })
  method!: AssessmentMethod;

  @Property({ type: 'integer', nullable: true })
  rank?: number | null;

  @Property({ type: 'integer', nullable: true })
  siblingCount?: number | null;

  @Property({ type: 'double', nullable: true })
  previousIndex?: number | null;

  // Per indicator, in the order of the version's indicators: arrays rather than a JSON document, so that
  // 60,000 assessments are written in one pass (measured: jsonb rows made the write 10× slower).
  @Property({ columnType: 'double precision[]', type: 'unknown' })
  rawValues!: (number | null)[];

  @Property({ columnType: 'double precision[]', type: 'unknown' })
  normalizedScores!: (number | null)[];

  @Property({ columnType: 'double precision[]', type: 'unknown' })
  effectiveWeights!: (number | null)[];

  @Property({ columnType: 'double precision[]', type: 'unknown' })
  contributions!: (number | null)[];

  @Property({ columnType: 'boolean[]', type: 'unknown' })
  pastRedLines!: boolean[];

  /** The value was clipped by declared winsorisation (per value). */
  @Property({ columnType: 'boolean[]', type: 'unknown' })
  winsorised!: boolean[];

  @Property({ type: 'text[]' })
  missing!: string[];

  @Property({ type: 'boolean', default: false })
  published: boolean = false;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  computedAt: Date = new Date();
}
