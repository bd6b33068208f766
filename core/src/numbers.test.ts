import { describe, expect, it } from 'vitest';
import { formatKeyResultValue, readNumber, typedNumber } from './numbers.js';
import { parseLocaleNumber } from './checkInValidation.js';

describe('the one es-CO rule for numbers people type (issue 13, item 7)', () => {
  it('reads decimal commas, thousands dots in groups of three, and a dot that can only be a decimal point', () => {
    const n = (raw: string) => readNumber(raw);
    expect(n('45')).toEqual({ kind: 'number', value: 45 });
    expect(n('45,5')).toEqual({ kind: 'number', value: 45.5 });
    expect(n(' 80 % ')).toEqual({ kind: 'number', value: 80 });
    expect(n('1.234,5')).toEqual({ kind: 'number', value: 1234.5 });
    expect(n('1.234.567')).toEqual({ kind: 'number', value: 1234567 });
    expect(n('12.345.678,25')).toEqual({ kind: 'number', value: 12345678.25 });
    expect(n('45.5')).toEqual({ kind: 'number', value: 45.5 });
    expect(n('1234.567')).toEqual({ kind: 'number', value: 1234.567 });
    expect(n('1,234')).toEqual({ kind: 'number', value: 1.234 });
    expect(n('-3,5')).toEqual({ kind: 'number', value: -3.5 });
  });

  it('does not guess what could mean two numbers: «1.234» and «1,234.5»', () => {
    expect(readNumber('1.234')).toEqual({ kind: 'ambiguous', readings: [1234, 1.234] });
    expect(readNumber('123.456')).toEqual({ kind: 'ambiguous', readings: [123456, 123.456] });
    expect(readNumber('1,234.5')).toEqual({ kind: 'ambiguous', readings: [1234.5, 1.2345] });
    expect(parseLocaleNumber('1.234')).toBeNull();
    expect(parseLocaleNumber('1,234.5')).toBeNull();
  });

  it('refuses what is not a number', () => {
    for (const raw of ['', 'abc', '1.2.3', '1,2,3', '12.34.567', '1e3', '4 5 6x', '1.234,5,6']) expect(readNumber(raw), raw).toEqual({ kind: 'invalid' });
  });

  it('writes numbers back as people type them, so a stored value read again is the same number', () => {
    for (const v of [1234.5, 1.234, 45, 0.75, 1234567]) {
      expect(typedNumber(v)).not.toContain('.');
      expect(readNumber(typedNumber(v))).toEqual({ kind: 'number', value: v });
    }
    expect(formatKeyResultValue({ kind: 'number', unitOfMeasure: 'días' }, 12.5)).toBe('12,5 días');
    expect(formatKeyResultValue({ kind: 'percentage', unitOfMeasure: '%' }, 45)).toBe('45 %');
  });
});
