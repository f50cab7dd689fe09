import { describe, expect, it } from 'vitest';
import { ancestorPaths, childLevelOf, isWithin, prefixOfSubtreePattern, regionLabel, regionPath, subtreePattern } from './region';

describe('region tree', () => {
  it('builds materialized paths from codes', () => {
    expect(regionPath(null, '88')).toBe('/88/');
    expect(regionPath('/88/', '8801')).toBe('/88/8801/');
  });

  it('tells a subtree by prefix, never confusing 8801 with 88010', () => {
    expect(isWithin('/88/8801/880101/', '/88/8801/')).toBe(true);
    expect(isWithin('/88/8801/', '/88/8801/')).toBe(true);
    expect(isWithin('/88/88010/', '/88/8801/')).toBe(false);
    expect(isWithin('/88/', '/88/8801/')).toBe(false);
  });

  it('lists the paths above a region, each of which it is within', () => {
    expect(ancestorPaths('/88/8801/880101/')).toEqual(['/88/', '/88/8801/', '/88/8801/880101/']);
    expect(ancestorPaths('/88/')).toEqual(['/88/']);
    for (const above of ancestorPaths('/88/8801/880101/')) expect(isWithin('/88/8801/880101/', above)).toBe(true);
  });

  it('goes down one level at a time, and not below a township', () => {
    expect(childLevelOf('PROVINCE')).toBe('CITY');
    expect(childLevelOf('COUNTY')).toBe('TOWNSHIP');
    expect(childLevelOf('TOWNSHIP')).toBeNull();
  });

  it('round-trips subtree patterns, which match exactly the subtree', () => {
    const pattern = subtreePattern('/88/8801/');
    expect(new RegExp(pattern).test('/88/8801/880101/')).toBe(true);
    expect(new RegExp(pattern).test('/99/88/8801/')).toBe(false);
    expect(prefixOfSubtreePattern(pattern)).toBe('/88/8801/');
    expect(prefixOfSubtreePattern(subtreePattern('/a.b*/'))).toBe('/a.b*/');
    expect(prefixOfSubtreePattern('/88/')).toBeNull();
    expect(prefixOfSubtreePattern('^/88/.*')).toBeNull();
  });
});

describe('regionLabel', () => {
  it('adds the parent where the name repeats, with the punctuation of the language', () => {
    expect(regionLabel('Chengguan Town', 'Gucheng County', true, 'en')).toBe('Chengguan Town (Gucheng County)');
    expect(regionLabel('城关镇', '古城县', true, 'zh-cn')).toBe('城关镇（古城县）');
  });

  it('shows a name that is its own, or a region without parent, by its name alone', () => {
    expect(regionLabel('Liuying Town', 'Shimen County', false, 'en')).toBe('Liuying Town');
    expect(regionLabel('Hunan', null, true, 'en')).toBe('Hunan');
    expect(regionLabel('湖南', undefined, true, 'zh-cn')).toBe('湖南');
  });
});
