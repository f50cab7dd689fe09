import { describe, expect, it } from 'vitest';
import { keyT } from '../../test-support';
import {
  catalogueOf,
  describeAlert,
  detailNumber,
  formatChange,
  formatIndex,
  formatShare,
  formatValue,
  gradeName,
  indicatorName,
} from './harmony-format';

const catalogue = catalogueOf([{ code: 'GINI', nameEn: 'Gini coefficient', nameZh: '基尼系数', unitEn: 'ratio', unitZh: '比值' }]);

describe('harmony formatters', () => {
  it('writes an index with one decimal and a dash for a missing one', () => {
    expect(formatIndex('en', 72.345)).toBe('72.3');
    // Shared's rounding, not Intl's: 84.85 is a binary 84.8499… that Intl would show as 84.8.
    expect(formatIndex('en', 84.85)).toBe('84.9');
    expect(formatIndex('en', 84.98)).toBe('85.0');
    expect(formatIndex('en', 59.95)).toBe('60.0');
    expect(formatIndex('en', null)).toBe('—');
    expect(formatIndex('en', Number.NaN)).toBe('—');
  });

  it('gives a change its sign and arrow, and calls a change that rounds to 0.0 flat', () => {
    expect(formatChange('en', 1.24)).toEqual({ direction: 'up', arrow: '▲', text: '+1.2' });
    expect(formatChange('en', -0.46)).toEqual({ direction: 'down', arrow: '▼', text: '−0.5' });
    expect(formatChange('en', 0.04)).toEqual({ direction: 'flat', arrow: '＝', text: '0.0' });
    expect(formatChange('en', -0.05)).toEqual({ direction: 'down', arrow: '▼', text: '−0.1' });
    expect(formatChange('en', undefined)).toBeNull();
  });

  it('writes shares as percentages and raw values with up to three significant decimals', () => {
    expect(formatShare('en', 0.653)).toBe('65%');
    expect(formatValue('en', 0.35512)).toBe('0.355');
    expect(formatValue('en', 15.834)).toBe('15.83');
    expect(formatValue('en', 1234.56)).toBe('1,234.6');
  });

  it('names grades and indicators in the reader’s language, an unknown indicator by its code', () => {
    expect(gradeName('HARMONIOUS', 'en')).toMatch(/harmonious/i);
    expect(gradeName('HARMONIOUS', 'zh-CN')).toBe('和谐');
    expect(indicatorName(catalogue, 'GINI', 'zh-CN')).toBe('基尼系数');
    expect(indicatorName(catalogue, 'NEW', 'en')).toBe('NEW');
  });

  it('reads only finite numbers from an alert’s details', () => {
    expect(detailNumber({ index: 58.2, note: 'x' }, 'index')).toBe(58.2);
    expect(detailNumber({ note: 'x' }, 'note')).toBeNull();
    expect(detailNumber(null, 'index')).toBeNull();
  });

  it('says why an alert was raised, with its figures', () => {
    const i18n = { t: keyT, locale: 'en' as const };
    expect(describeAlert({ kind: 'INDEX_BELOW', indicatorCode: null, details: { index: 58.24, threshold: 60 } }, i18n, catalogue)).toBe(
      'harmony.alertText.INDEX_BELOW {"index":"58.2","threshold":"60.0"}',
    );
    expect(describeAlert({ kind: 'RED_LINE', indicatorCode: 'GINI', details: { value: 0.4512 } }, i18n, catalogue)).toBe(
      'harmony.alertText.RED_LINE {"indicator":"Gini coefficient","value":"0.451 ratio"}',
    );
  });
});
