/**
 * Posts (PRODUCT.md, "Mechanism 2" and "Mechanism 3"): a post belongs to an organization and serves a
 * region at a level. The levels are the region tree's, and VILLAGE below them: villages are not regions
 * of the tree, so a village post (a village committee's director) serves the township it lies in.
 */
import { isWithin, REGION_LEVELS, type RegionLevel } from '../region';
import { problemOf, type Problem } from '../../errors/problems';

export const POST_LEVELS = [...REGION_LEVELS, 'VILLAGE'] as const;
export type PostLevel = (typeof POST_LEVELS)[number];

/** Text limits of the cadres module, shared by the server's columns and checks and the console's forms. */
export const CADRE_TEXT_LENGTHS = { name: 100, title: 200 } as const;

/** The region level a post of each level serves. */
export const REGION_LEVEL_OF_POST: Record<PostLevel, RegionLevel> = {
  PROVINCE: 'PROVINCE',
  CITY: 'CITY',
  COUNTY: 'COUNTY',
  TOWNSHIP: 'TOWNSHIP',
  VILLAGE: 'TOWNSHIP',
};

/** The post levels that may serve a region of this level (what the post form offers). */
export function postLevelsFor(regionLevel: RegionLevel): PostLevel[] {
  return POST_LEVELS.filter((level) => REGION_LEVEL_OF_POST[level] === regionLevel);
}

export interface PostFacts {
  title: string;
  titleZh: string;
  level: PostLevel;
  /** The region the post serves. */
  region: { level: RegionLevel; path: string };
  /** The organization the post belongs to: of the post's region or one above it. */
  organization: { regionPath: string };
}

/** What is wrong with a new post, by input field (`title`, `titleZh`, `level`, `organizationId`). */
export function postProblems(post: PostFacts): Record<string, Problem> {
  const found: Record<string, Problem> = {};
  for (const field of ['title', 'titleZh'] as const) {
    const text = post[field].trim();
    if (!text) found[field] = problemOf('REQUIRED');
    else if (text.length > CADRE_TEXT_LENGTHS.title) found[field] = problemOf('TOO_LONG', { max: CADRE_TEXT_LENGTHS.title });
  }
  if (REGION_LEVEL_OF_POST[post.level] !== post.region.level) {
    found.level = problemOf('POST_LEVEL_MISMATCH', { level: post.level, regionLevel: post.region.level });
  }
  if (!isWithin(post.region.path, post.organization.regionPath)) found.organizationId = problemOf('POST_ORGANIZATION_ELSEWHERE');
  return found;
}

/** What is wrong with a cadre's name (field `name`). */
export function cadreProblems(cadre: { name: string }): Record<string, Problem> {
  const name = cadre.name.trim();
  if (!name) return { name: problemOf('REQUIRED') };
  if (name.length > CADRE_TEXT_LENGTHS.name) return { name: problemOf('TOO_LONG', { max: CADRE_TEXT_LENGTHS.name }) };
  return {};
}
