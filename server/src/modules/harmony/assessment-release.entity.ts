import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { Region } from '../regions/region.entity';
import { AssessmentFigureColumns } from './assessment-figure-columns';
import { MethodologyVersion } from './methodology-version.entity';

/** The key of a release with its rank (created by Migration20261202174310PublicRankIndex). */
export const PUBLIC_RANK_INDEX =
  'create index "assessment_release_rank" on "assessment_release" ("methodology_version_id", "period", "region_id", "revision") include ("rank")';

/**
 * A period's releases in rank order (created by Migration20261203211742PublicRankOrder): the public page
 * walks it from the best rank and stops once its rows are found, instead of reading the whole period.
 */
export const PUBLIC_RANK_ORDER_INDEX =
  'create index "assessment_release_rank_order" on "assessment_release" ("methodology_version_id", "period", "rank", "region_id") include ("revision")';

/**
 * An assessment as it was published: the figures the public sees, frozen. Publishing a period again after
 * a correction adds the next revision with the organization's note; a release is never updated or
 * deleted (database trigger), so every figure ever shown stays on record, like a statistics agency's
 * revision history. `assessment.released_revision` points at the one the public sees.
 */
@Entity({ tableName: 'assessment_release' })
@Unique({ name: 'assessment_release_once', properties: ['methodologyVersion', 'period', 'region', 'revision'] })
// The public dashboard orders a period's releases by rank: with the rank beside the key, the page is chosen
// by an index-only scan, without visiting every release of the period (assessment.repository.ts).
@Index({ name: 'assessment_release_rank', expression: PUBLIC_RANK_INDEX })
@Index({ name: 'assessment_release_rank_order', expression: PUBLIC_RANK_ORDER_INDEX })
export class AssessmentRelease extends AssessmentFigureColumns {
  [OptionalProps]?: 'publishedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  // No foreign-key constraints, as for assessments: a change of methodology releases every published
  // region and period at once, and neither a region nor a version can be deleted.
  @ManyToOne(() => MethodologyVersion, { createForeignKeyConstraint: false })
  methodologyVersion!: Rel<MethodologyVersion>;

  @Property({ type: 'string', length: 10 })
  period!: string;

  @ManyToOne(() => Region, { createForeignKeyConstraint: false })
  region!: Rel<Region>;

  /** 1 for the first publication, then 2, 3… for each revision. */
  @Property({ type: 'integer' })
  revision!: number;

  /** What changed, in the organization's words: required for a revision, none for a first publication. */
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  publishedAt: Date = new Date();

  @Property({ type: 'string', length: 254, nullable: true })
  publishedBy?: string | null;
}
