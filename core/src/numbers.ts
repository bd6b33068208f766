import type { KeyResult } from './types.js';
import { milestoneLabels } from './i18n/es-CO.js';

/**
 * Numbers as people in Colombia type them (es-CO): THE ONE RULE, used by the check-in card, the
 * tab's forms, the REST API and the imports.
 *
 * - The comma is the decimal separator: «45,5», «0,75».
 * - The dot may group thousands, in groups of three: «1.234.567», «1.234,5».
 * - A dot that cannot be a thousands separator is a decimal point (phones type one): «45.5», «1234.567».
 * - What could mean two numbers is not guessed, it is asked: «1.234» (1234, or 1,234 with the dot
 *   as decimal point) and «1,234.5» (1234,5 written the English way, or 1,2345).
 * - A trailing «%» and spaces are ignored; a leading sign is kept.
 */
export type NumberReading =
  | { kind: 'number'; value: number }
  /** Two readings, the es-CO one first; whoever typed it says which. */
  | { kind: 'ambiguous'; readings: [number, number] }
  | { kind: 'invalid' };

const PLAIN = /^\d+$/;
const DECIMAL_COMMA = /^\d+,\d+$/;
const DECIMAL_DOT = /^\d+\.\d+$/;
/** «1.234», «12.345.678», «1.234,5»: es-CO thousands, with an optional decimal comma. */
const GROUPED = /^\d{1,3}(\.\d{3})+(,\d+)?$/;
/** «1,234.5», «1,234,567.25»: English thousands with a decimal point. */
const ENGLISH = /^\d{1,3}(,\d{3})+\.\d+$/;

export function readNumber(raw: string): NumberReading {
  const compact = raw.trim().replace(/\s+/g, '').replace(/%$/, '');
  const sign = /^[-+]/.test(compact) ? compact.charAt(0) : '';
  const s = compact.slice(sign.length);
  const signed = (n: number) => (sign === '-' && n !== 0 ? -n : n);
  const number = (n: number): NumberReading => ({ kind: 'number', value: signed(n) });
  if (PLAIN.test(s)) return number(Number(s));
  if (DECIMAL_COMMA.test(s)) return number(Number(s.replace(',', '.')));
  if (GROUPED.test(s)) {
    const value = Number(s.replace(/\./g, '').replace(',', '.'));
    // One group of three and no comma: «1.234» may be 1234 or 1,234.
    if (!s.includes(',') && s.split('.').length === 2) return { kind: 'ambiguous', readings: [signed(value), signed(Number(s))] };
    return number(value);
  }
  if (DECIMAL_DOT.test(s)) return number(Number(s));
  if (ENGLISH.test(s)) {
    const english = Number(s.replace(/,/g, ''));
    const [whole, rest] = [s.slice(0, s.indexOf(',')), s.slice(s.indexOf(',') + 1).replace(/[.,]/g, '')];
    return { kind: 'ambiguous', readings: [signed(english), signed(Number(`${whole}.${rest}`))] };
  }
  return { kind: 'invalid' };
}

/** A number as a person in Colombia would type it back: decimal comma, no thousands dots («1234,5»). */
export function typedNumber(n: number): string {
  return String(n).replace('.', ',');
}

/** A value in a key result's own unit, as people read it: "45 %", "1.250 días", "Cumplido". */
export function formatKeyResultValue(kr: Pick<KeyResult, 'kind' | 'unitOfMeasure'>, value: number): string {
  if (kr.kind === 'milestone') return value >= 1 ? milestoneLabels.done : milestoneLabels.notDone;
  const n = value.toLocaleString('es-CO', { maximumFractionDigits: 2 });
  return kr.kind === 'percentage' ? `${n} %` : `${n} ${kr.unitOfMeasure}`;
}
