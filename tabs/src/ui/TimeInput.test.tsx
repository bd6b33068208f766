import { describe, expect, it } from 'vitest';
import { normalizeTime } from './TimeInput.js';

describe('a typed clock time', () => {
  it('becomes the stored 24-hour «HH:MM»', () => {
    expect(normalizeTime('9:00')).toBe('09:00');
    expect(normalizeTime('930')).toBe('09:30');
    expect(normalizeTime(' 14.30 ')).toBe('14:30');
    expect(normalizeTime('14:30')).toBe('14:30');
    expect(normalizeTime('tarde')).toBe('tarde');
  });
});
