import type { KeyResult } from './types.js';
import { fieldLabels, msg } from './i18n/es-CO.js';
import { isPlainSiteLink, unsafeTextProblem } from './safeText.js';
import { readNumber, typedNumber } from './numbers.js';

/** Limits of a check-in's text fields. */
export const CHECK_IN_LIMITS = { commentMax: 2000, evidenceUrlMax: 2048 } as const;

/**
 * How far above the larger of baseline and target a number KR may be reported before we call it a
 * typo. Over-achievement is real (seed 002 shows 144,52 %) so the bound is generous.
 */
export const NUMBER_OVERSHOOT_FACTOR = 10;

/** A check-in as it arrives from a card, a REST body or the tab: every field still untrusted. */
export interface CheckInDraft {
  keyResultId: string;
  value: unknown;
  comment: unknown;
  evidenceUrl: unknown;
  /**
   * The version of this month's check-in the person edited (compare-and-set), null when there was
   * none yet. A save based on an older one is refused with the current value and who wrote it.
   */
  version?: number | null;
}

export interface ValidCheckIn {
  keyResultId: string;
  value: number;
  comment: string;
  evidenceUrl: string;
  /** The version it was based on (null: the month had no check-in for this key result). */
  version: number | null;
}

export type CheckInField = 'value' | 'comment' | 'evidenceUrl';

export interface CheckInError {
  keyResultId: string;
  field: CheckInField;
  /** Full sentence naming the KR and the field, ready to show. */
  message: string;
}

export type CheckInValidation = { ok: true; checkIn: ValidCheckIn } | { ok: false; errors: CheckInError[] };

/** HTML tags (event handlers live inside them) and script URLs; plain text such as "ONGs = 12" passes. */
const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|javascript\s*:/i;

/**
 * A number typed by a person in Colombia, by the one es-CO rule (`readNumber`): "45", "45,5",
 * "45.5", "1.234,5", "80 %"; null when it is not a number or could mean two («1.234»).
 */
export function parseLocaleNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const reading = readNumber(raw);
  return reading.kind === 'number' ? reading.value : null;
}

function parseMilestone(raw: unknown): number | null {
  if (raw === true || raw === 1) return 1;
  if (raw === false || raw === 0) return 0;
  if (typeof raw !== 'string') return null;
  const s = raw.trim().toLowerCase();
  if (['1', 'true', 'si', 'sí', 'cumplido'].includes(s)) return 1;
  if (['0', 'false', 'no', 'no cumplido', 'pendiente'].includes(s)) return 0;
  return null;
}

function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/** Validates the value against the KR's kind and sensible range; returns the number or the problem. */
function checkValue(kr: KeyResult, raw: unknown): number | string {
  if (kr.kind === 'milestone') {
    const v = parseMilestone(raw);
    return v === null ? msg.checkIn.milestoneChoice : v;
  }
  if (isBlank(raw)) return msg.checkIn.valueRequired;
  const reading = typeof raw === 'string' ? readNumber(raw) : null;
  if (reading?.kind === 'ambiguous') return msg.checkIn.valueAmbiguous(raw as string, typedNumber(reading.readings[0]), typedNumber(reading.readings[1]));
  const v = parseLocaleNumber(raw);
  if (v === null) return msg.checkIn.valueNotNumber(String(raw).slice(0, 40));
  if (kr.kind === 'percentage') return v < 0 || v > 100 ? msg.checkIn.percentageRange : v;
  const floor = Math.min(0, kr.baseline, kr.target);
  if (v < floor) return msg.checkIn.numberNegative;
  const max = Math.max(Math.abs(kr.baseline), Math.abs(kr.target), 1) * NUMBER_OVERSHOOT_FACTOR;
  if (v > max) return msg.checkIn.numberTooLarge(max.toLocaleString('es-CO'));
  return v;
}

function checkComment(raw: unknown): string | { problem: string } {
  if (isBlank(raw) || typeof raw !== 'string') return { problem: msg.checkIn.commentRequired };
  const text = raw.trim();
  if (text.length > CHECK_IN_LIMITS.commentMax) return { problem: msg.checkIn.commentTooLong(CHECK_IN_LIMITS.commentMax) };
  if (MARKUP.test(text)) return { problem: msg.checkIn.noMarkup };
  const unsafe = unsafeTextProblem(text);
  if (unsafe) return { problem: unsafe };
  return text;
}

function checkEvidence(raw: unknown): string | { problem: string } {
  if (isBlank(raw) || typeof raw !== 'string') return { problem: msg.checkIn.evidenceRequired };
  const text = raw.trim();
  if (text.length > CHECK_IN_LIMITS.evidenceUrlMax) return { problem: msg.checkIn.evidenceTooLong(CHECK_IN_LIMITS.evidenceUrlMax) };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: msg.checkIn.evidenceNotHttps };
  }
  if (url.protocol !== 'https:' || /\s/.test(text)) return { problem: msg.checkIn.evidenceNotHttps };
  if (!isPlainSiteLink(url) || unsafeTextProblem(text)) return { problem: msg.checkIn.evidenceNotASite };
  return text;
}

/** The one validation of a check-in, used by the bot's card, the REST API and the tab. */
export function validateCheckIn(kr: KeyResult, draft: CheckInDraft): CheckInValidation {
  const errors: CheckInError[] = [];
  const fail = (field: CheckInField, problem: string) =>
    errors.push({ keyResultId: kr.id, field, message: msg.checkIn.fieldError(kr.title, fieldLabels[field], problem) });

  const value = checkValue(kr, draft.value);
  if (typeof value === 'string') fail('value', value);
  const comment = checkComment(draft.comment);
  if (typeof comment !== 'string') fail('comment', comment.problem);
  const evidenceUrl = checkEvidence(draft.evidenceUrl);
  if (typeof evidenceUrl !== 'string') fail('evidenceUrl', evidenceUrl.problem);

  if (errors.length > 0 || typeof value !== 'number' || typeof comment !== 'string' || typeof evidenceUrl !== 'string') {
    return { ok: false, errors };
  }
  const version = typeof draft.version === 'number' && Number.isInteger(draft.version) && draft.version > 0 ? draft.version : null;
  return { ok: true, checkIn: { keyResultId: kr.id, value, comment, evidenceUrl, version } };
}

/** Validates a whole card: every KR's draft; all-or-nothing. */
export function validateCheckIns(
  keyResults: readonly KeyResult[],
  drafts: readonly CheckInDraft[],
): { ok: true; checkIns: ValidCheckIn[] } | { ok: false; errors: CheckInError[] } {
  const byId = new Map(keyResults.map((k) => [k.id, k]));
  const checkIns: ValidCheckIn[] = [];
  const errors: CheckInError[] = [];
  for (const draft of drafts) {
    const kr = byId.get(draft.keyResultId);
    if (!kr) {
      errors.push({ keyResultId: draft.keyResultId, field: 'value', message: msg.checkIn.unknownKeyResult });
      continue;
    }
    const result = validateCheckIn(kr, draft);
    if (result.ok) checkIns.push(result.checkIn);
    else errors.push(...result.errors);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, checkIns };
}
