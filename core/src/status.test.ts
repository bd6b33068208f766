import { describe, expect, it } from 'vitest';
import { statusFor, STATUS_THRESHOLDS, type Status } from './status.js';
import { statusLabels } from './i18n/es-CO.js';

describe('status from progress against expected', () => {
  it('is no iniciado without a check-in, whatever is expected', () => {
    expect(statusFor(null, 0)).toBe('no_iniciado');
    expect(statusFor(null, 0.9)).toBe('no_iniciado');
  });

  it('is completado from 100 % on, even early or late in the quarter', () => {
    expect(statusFor(1, 0.1)).toBe('completado');
    expect(statusFor(1, 1)).toBe('completado');
    expect(statusFor(1.45, 1)).toBe('completado'); // over-achievement
    expect(statusFor(0.999, 0.5)).toBe('en_curso');
  });

  it('gives each status in its band', () => {
    expect(statusFor(0.6, 0.5)).toBe('en_curso'); // ahead
    expect(statusFor(0.45, 0.5)).toBe('en_curso'); // 5 points behind
    expect(statusFor(0.35, 0.5)).toBe('atrasado'); // 15 points behind
    expect(statusFor(0.2, 0.5)).toBe('en_riesgo'); // 30 points behind
    expect(statusFor(0, 0.05)).toBe('en_curso'); // nothing expected yet
    expect(statusFor(-0.2, 0.5)).toBe('en_riesgo'); // regression below the baseline
  });

  it('puts the exact threshold boundaries on the better side', () => {
    expect(STATUS_THRESHOLDS).toEqual({ onTrackMaxGap: 0.1, behindMaxGap: 0.25 });
    expect(statusFor(0.5, 0.6)).toBe('en_curso'); // exactly 10 points behind
    expect(statusFor(0.49, 0.6)).toBe('atrasado');
    expect(statusFor(0.5, 0.75)).toBe('atrasado'); // exactly 25 points behind
    expect(statusFor(0.49, 0.75)).toBe('en_riesgo');
  });

  it('is not fooled by binary fractions at the boundaries', () => {
    // 0.8 − 0.7 is 0.10000000000000009 and 0.55 − 0.3 is 0.25000000000000006 in floating point.
    expect(statusFor(0.7, 0.8)).toBe('en_curso');
    expect(statusFor(0.3, 0.55)).toBe('atrasado');
    expect(statusFor(0.7 - 1e-6, 0.8)).toBe('atrasado');
    expect(statusFor(0.3 - 1e-6, 0.55)).toBe('en_riesgo');
  });

  it('has a Spanish label for every status', () => {
    const all: Status[] = ['no_iniciado', 'en_curso', 'atrasado', 'en_riesgo', 'completado'];
    expect(all.map((s) => statusLabels[s])).toEqual(['No iniciado', 'En curso', 'Atrasado', 'En riesgo', 'Completado']);
  });
});
