import { describe, expect, it } from 'vitest';
import { cadreProblems, postLevelsFor, postProblems, type PostFacts } from './posts';

const county: PostFacts = {
  title: 'Party Secretary of Dongshan County',
  titleZh: '东山县委书记',
  level: 'COUNTY',
  region: { level: 'COUNTY', path: '/88/8801/880101/' },
  organization: { regionPath: '/88/8801/880101/' },
};

describe('postProblems', () => {
  it('passes a county post of the county’s own organization, and of an organization above it', () => {
    expect(postProblems(county)).toEqual({});
    expect(postProblems({ ...county, organization: { regionPath: '/88/' } })).toEqual({});
  });

  it('refuses a level that does not serve the region’s level, naming both', () => {
    expect(postProblems({ ...county, level: 'TOWNSHIP' })).toEqual({
      level: { reason: 'POST_LEVEL_MISMATCH', params: { level: 'TOWNSHIP', regionLevel: 'COUNTY' } },
    });
  });

  it('puts village posts in their township (villages are not regions of the tree)', () => {
    const township = { ...county, level: 'VILLAGE' as const, region: { level: 'TOWNSHIP' as const, path: '/88/8801/880101/880101001/' } };
    expect(postProblems(township)).toEqual({});
    expect(postLevelsFor('TOWNSHIP')).toEqual(['TOWNSHIP', 'VILLAGE']);
    expect(postLevelsFor('COUNTY')).toEqual(['COUNTY']);
  });

  it('refuses an organization of a sibling or lower region', () => {
    expect(postProblems({ ...county, organization: { regionPath: '/88/8801/880102/' } })).toEqual({
      organizationId: { reason: 'POST_ORGANIZATION_ELSEWHERE', params: {} },
    });
    expect(postProblems({ ...county, organization: { regionPath: '/88/8801/880101/880101001/' } })).toHaveProperty('organizationId');
  });

  it('refuses empty and over-long titles in either language', () => {
    expect(postProblems({ ...county, title: '  ', titleZh: '书'.repeat(201) })).toEqual({
      title: { reason: 'REQUIRED', params: {} },
      titleZh: { reason: 'TOO_LONG', params: { max: 200 } },
    });
    expect(postProblems({ ...county, titleZh: '书'.repeat(200) })).toEqual({});
  });
});

describe('cadreProblems', () => {
  it('wants a name of 1 to 100 characters', () => {
    expect(cadreProblems({ name: '李明' })).toEqual({});
    expect(cadreProblems({ name: ' ' })).toEqual({ name: { reason: 'REQUIRED', params: {} } });
    expect(cadreProblems({ name: 'x'.repeat(100) })).toEqual({});
    expect(cadreProblems({ name: 'x'.repeat(101) })).toEqual({ name: { reason: 'TOO_LONG', params: { max: 100 } } });
  });
});
