import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from './sql';
import { startsWithPattern } from './text-search';

/** A condition on a `path` column: the region itself and every region under it. */
export interface SubtreeCondition {
  path: { $like: string };
}

/** "In the subtree of the region with this path", as a filter on a region's `path`. */
export const subtreeOf = (path: string): SubtreeCondition => ({ path: { $like: startsWithPattern(path) } });

/**
 * "Within this region's subtree", the filter that lists of regions, users, organizations, observations and
 * alerts share: a condition on the region's `path` (put it on `region` for a record that belongs to one).
 * Null when there is no such region: the list is then empty. Every jurisdiction is a subtree of the one
 * region tree (`region.path`, as in shared's permission rules), so the lookup lives here, not in a module.
 */
export async function withinSubtree(em: EntityManager, regionId: string): Promise<SubtreeCondition | null> {
  const [region] = await sql<{ path: string }>(em, 'select path from region where id = ?', [regionId]);
  return region ? subtreeOf(region.path) : null;
}
