import { describe, expect, it } from 'vitest';
import { ERROR_REASONS } from './errors/error-codes';
import { SHARED_MODULES } from './modules';
import { API_SCOPES, PUBLIC_READS_BY_SCOPE, SUBJECTS } from './permissions/vocabulary';

describe('the shared modules', () => {
  it('declare each subject and each error reason once', () => {
    expect(new Set(SUBJECTS).size).toBe(SUBJECTS.length);
    const moduleReasons = SHARED_MODULES.flatMap((module) => Object.keys(module.errorReasons));
    expect(new Set(moduleReasons).size).toBe(moduleReasons.length);
    expect(Object.keys(ERROR_REASONS)).toEqual(expect.arrayContaining(moduleReasons));
  });

  it('fold into the vocabulary in their order', () => {
    expect(SUBJECTS).toEqual(SHARED_MODULES.flatMap((module) => module.permissions.subjects));
    expect(API_SCOPES).toEqual(['REGIONS', 'HARMONY', 'CADRES', 'EVALUATION', 'GRANTS']);
    expect(PUBLIC_READS_BY_SCOPE.REGIONS.map((read) => read.subject)).toEqual(['Region', 'Organization']);
  });
});
