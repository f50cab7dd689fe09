import { Entity, ManyToOne, OptionalProps, PrimaryKey, PrimaryKeyProp, Property, type Rel } from '@mikro-orm/core';
import { Region } from '../regions/region.entity';
import { AssessmentFigureColumns } from './assessment-figure-columns';
import { MethodologyVersion } from './methodology-version.entity';

/**
 * The harmony index of a region for a period under one methodology version. Written in bulk by the
 * recomputation (never one ORM round trip per row) and read as plain rows on the dashboard; the entity
 * serves the schema generator and the query builder.
 *
 * Keyed by what it is — version, period, region — rather than by a surrogate id: the key orders a
 * period's assessments for the dashboard and makes them unique, so a 60,000-row recomputation keeps two
 * indexes instead of four (measured: the COPY of 60,000 rows went from 1.45 s to 0.9 s).
 */
@Entity({ tableName: 'assessment' })
export class Assessment extends AssessmentFigureColumns {
  [PrimaryKeyProp]?: ['methodologyVersion', 'period', 'region'];
  [OptionalProps]?: 'computedAt' | 'published' | 'releasedRevision';

  // No foreign-key constraints: assessments are derived rows, written only by the recomputation, which
  // reads regions and versions in the same transaction (and neither can be deleted). Measured: the two
  // constraint triggers were half of the bulk write's time.
  @ManyToOne(() => MethodologyVersion, { primary: true, createForeignKeyConstraint: false })
  methodologyVersion!: Rel<MethodologyVersion>;

  @PrimaryKey({ type: 'string', length: 10 })
  period!: string;

  /** Indexed on its own too: a region's trend reads all its periods. */
  @ManyToOne(() => Region, { primary: true, index: true, createForeignKeyConstraint: false })
  region!: Rel<Region>;

  /** Published at least once: the public sees this region and period (as released, see `releasedRevision`). */
  @Property({ type: 'boolean', default: false })
  published: boolean = false;

  /** The release the public sees (assessment_release.revision); the figures above may have moved on since. */
  @Property({ type: 'integer', nullable: true })
  releasedRevision?: number | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  computedAt: Date = new Date();
}
