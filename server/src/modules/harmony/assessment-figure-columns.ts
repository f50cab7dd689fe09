import { Enum, Property } from '@mikro-orm/core';
import { harmony } from '@massline/shared';
import type { AssessmentMethod } from './harmony-enums';

/**
 * The figures of an assessment, the columns `assessment` (working) and `assessment_release` (as
 * published) both have: one declaration, so that a release always freezes every figure.
 */
export abstract class AssessmentFigureColumns {
  @Property({ type: 'double', nullable: true })
  index?: number | null;

  @Enum({ items: () => harmony.GRADE_CODES, nullable: true })
  grade?: harmony.GradeCode | null;

  @Property({ type: 'double' })
  coverage!: number;

  @Property({ type: 'boolean' })
  complete!: boolean;

  @Enum({ items: () => harmony.ASSESSMENT_METHODS })
  method!: AssessmentMethod;

  @Property({ type: 'integer', nullable: true })
  rank?: number | null;

  @Property({ type: 'integer', nullable: true })
  siblingCount?: number | null;

  @Property({ type: 'double', nullable: true })
  previousIndex?: number | null;

  /** Per indicator, in the order of the version's indicators: values, scores, weights, contributions, flags (assessment-figures.ts). */
  @Property({ type: 'blob' })
  figures!: Buffer;
}
