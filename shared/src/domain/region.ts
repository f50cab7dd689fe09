/**
 * Regions form a tree: province > city > county > township.
 *
 * Each region carries a materialized path of the codes from the root down to itself, `/44/4401/440103/`,
 * so "inside this jurisdiction" is a prefix test — in SQL one indexed `path LIKE '/44/4401/%'`.
 */
export const REGION_LEVELS = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Region codes are digits (as in GB/T 2260 administrative division codes), 2 to 12 of them. */
export const REGION_CODE_PATTERN = /^\d{2,12}$/;

export function childLevelOf(level: RegionLevel): RegionLevel | null {
  const i = REGION_LEVELS.indexOf(level);
  return i < REGION_LEVELS.length - 1 ? REGION_LEVELS[i + 1] : null;
}

export function regionPath(parentPath: string | null, code: string): string {
  return `${parentPath ?? '/'}${code}/`;
}

/** Is the region at `path` the jurisdiction itself or below it? */
export function isWithin(path: string, jurisdictionPath: string): boolean {
  return path.startsWith(jurisdictionPath);
}

/** The paths of a region and of every region above it, from the root down: those whose subtree holds it. */
export function ancestorPaths(path: string): string[] {
  const codes = path.split('/').filter((code) => code !== '');
  return codes.map((_, i) => `/${codes.slice(0, i + 1).join('/')}/`);
}

/** The root of the tree has a one-code path, `/88/`: its organization administers the platform. */
export function isRootPath(path: string): boolean {
  return /^\/[^/]+\/$/.test(path);
}

/** The CASL/Mongo-style condition "path starts with jurisdictionPath", as an anchored, escaped regex. */
export function subtreePattern(jurisdictionPath: string): string {
  return `^${jurisdictionPath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`;
}

/** Inverse of subtreePattern: the literal prefix of an anchored pattern, or null if it is anything else. */
export function prefixOfSubtreePattern(pattern: string): string | null {
  if (!pattern.startsWith('^')) return null;
  let prefix = '';
  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      if (i >= pattern.length) return null;
      prefix += pattern[i];
    } else if ('.*+?^${}()|[]'.includes(ch)) {
      return null;
    } else {
      prefix += ch;
    }
  }
  return prefix;
}

/** The languages a region's name is shown in (the console's two). */
export type RegionLabelLanguage = 'en' | 'zh-cn';

/**
 * How a region is named on screen: its own name, followed by its parent's where the name alone is
 * ambiguous (four townships are called "Chengguan Town"): "Chengguan Town (Gucheng County)",
 * "城关镇（古城县）". A region whose name is its own, or that has no parent, is shown by its name.
 */
export function regionLabel(
  name: string,
  parentName: string | null | undefined,
  nameRepeats: boolean,
  language: RegionLabelLanguage,
): string {
  if (!nameRepeats || !parentName) return name;
  return language === 'zh-cn' ? `${name}（${parentName}）` : `${name} (${parentName})`;
}
