import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import type { harmony } from '@massline/shared';
import { Region } from '../regions/region.entity';
import { AssessmentMethodEnum, GradeEnum, type AssessmentMethod } from './harmony-enums';
import { MethodologyVersion } from './methodology-version.entity';

/** One indicator's part in an assessment, as stored (jsonb) and served. */
export interface StoredScore {
  code: string;
  rawValue: number | null;
  normalizedScore: number | null;
  weight: number;
  effectiveWeight: number | null;
  contribution: number | null;
  pastRedLine: boolean;
  /** The value was clipped by winsorisation (declared, per value). */
  winsorised: boolean;
}

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

  @ManyToOne(() => MethodologyVersion, { deleteRule: 'restrict' })
  methodologyVersion!: Rel<MethodologyVersion>;

  @ManyToOne(() => Region, { deleteRule: 'restrict', index: true })
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

  @Property({ type: 'jsonb' })
  scores!: StoredScore[];

  @Property({ type: 'text[]' })
  missing!: string[];

  @Property({ type: 'boolean', default: false })
  published: boolean = false;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  computedAt: Date = new Date();
}
