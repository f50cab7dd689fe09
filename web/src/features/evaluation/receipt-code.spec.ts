import { describe, expect, it } from 'vitest';
import { bareReceipt, groupReceipt } from './receipt-code';

describe('receipt codes', () => {
  it('shows a code in groups of four, the last one shorter', () => {
    expect(groupReceipt('K7QP2M9XH4TD')).toBe('K7QP 2M9X H4TD');
    expect(groupReceipt('K7QP2M9XH4')).toBe('K7QP 2M9X H4');
    expect(groupReceipt('')).toBe('');
  });

  it('takes a code back as typed or pasted, groups and surrounding space removed', () => {
    expect(bareReceipt(' K7QP 2M9X\tH4TD\n')).toBe('K7QP2M9XH4TD');
    expect(bareReceipt(groupReceipt('K7QP2M9XH4TD'))).toBe('K7QP2M9XH4TD');
  });
});
