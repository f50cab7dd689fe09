import { describe, expect, it } from 'vitest';
import { methodologyWords } from './harmony-format';

describe('methodologyWords', () => {
  const version = { name: 'Default methodology', nameZh: '默认方法', description: 'Seven indicators', descriptionZh: '七项指标' };

  it("names a version in the reader's language", () => {
    expect(methodologyWords(version, 'zh-CN')).toEqual({ name: '默认方法', description: '七项指标' });
    expect(methodologyWords(version, 'en')).toEqual({ name: 'Default methodology', description: 'Seven indicators' });
  });

  it('falls back to the English words of a version created without Chinese ones (through the API)', () => {
    expect(methodologyWords({ name: 'API version', nameZh: null, description: null, descriptionZh: null }, 'zh-CN')).toEqual({
      name: 'API version',
      description: null,
    });
  });
});
