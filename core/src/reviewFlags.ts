/**
 * Consistency flags of a monthly report (seed 000, activity 7: "completo y consistente en términos
 * de evidencias y avances porcentuales"): what the ETI should look at in a key result's check-in,
 * each with one Spanish sentence saying why. A flag is a hint for the reviewer, never a refusal —
 * the enlace's report is stored as typed, and the ETI decides.
 *
 * THE THRESHOLDS AND WORD LISTS LIVE HERE AND NOWHERE ELSE (`REVIEW_THRESHOLDS`). Progress is the
 * key result's progress (0..1, from its baseline to its target, direction included), so a drop is
 * a drop whether the KR increases or decreases. "Last month" is the previous month of the same
 * quarter: a new quarter's set has new key results.
 *
 *   flag                        when
 *   evidence_missing            the evidence link is empty
 *   evidence_unreachable        it is not an https address of a real host with a path (local,
 *                               internal or example hosts, a bare site, placeholder text)
 *   evidence_repeated           it is last month's link again (compared without case, trailing / or #)
 *   percent_mismatch            the comment writes percentages and none is within
 *                               `percentTolerancePoints` of the reported value (percentage KRs) or of
 *                               its progress; percentages in the KR's own title do not count
 *   drop_unexplained            progress fell more than `dropMinPoints` since last month and the
 *                               comment has none of the `explanationStems`
 *   jump                        progress rose more than `jumpPoints` since last month (since 0 when
 *                               there is no earlier report this quarter); not for milestones
 *   progress_without_work       progress rose and the comment says nothing was done (`noWorkPhrases`)
 *   comment_too_short           the comment has fewer than `minCommentWords` words
 *   milestone_without_evidence  a milestone marked done whose evidence is missing or not reachable
 *                               (it replaces the two evidence flags for that check-in)
 */
import type { CheckIn, KeyResult } from './types.js';
import { evidenceProblems, reviewFlagMessages } from './i18n/es-CO/review.js';
import { milestoneLabels } from './i18n/es-CO/shared.js';
import { keyResultProgress } from './progress.js';
import { periodLabel } from './quarter.js';

export const REVIEW_THRESHOLDS = {
  /** Largest distance, in percentage points, between a percentage in the comment and the reported value or progress. */
  percentTolerancePoints: 5,
  /** A fall of progress smaller than this (0..1) is rounding, not a drop. */
  dropMinPoints: 0.02,
  /** A rise of progress in one month beyond this (0..1) is worth a second look (the even pace is 0.33 a month). */
  jumpPoints: 0.5,
  /** Fewer words than this and the comment cannot show the progress. */
  minCommentWords: 2,
  /** Word beginnings that explain a drop ("se ajustó la meta", "debido a", "por un error"…). */
  explanationStems: [
    'porque', 'debido', 'ya que', 'a causa', 'motivo', 'razón', 'razon', 'ajust', 'correg', 'corrig', 'disminu', 'baj', 'reduj', 'reduc',
    'error', 'recalcul', 'depur', 'reprogram', 'retras', 'demor', 'cambi', 'anul', 'descont', 'devol', 'rectific',
  ],
  /** Phrases saying nothing was done this month. */
  noWorkPhrases: [
    'sin avance', 'sin avances', 'ningún avance', 'ningun avance', 'no hubo avance', 'no hay avance', 'no se avanzó', 'no se avanzo',
    'no se realizó', 'no se realizo', 'no se realizaron', 'no se hizo', 'no se ejecutó', 'no se ejecuto', 'no se logró', 'no se logro',
    'sin novedad', 'sin novedades', 'nada que reportar', 'no se ha iniciado', 'no se ha avanzado', 'sin gestión', 'sin gestion',
  ],
} as const;

export type ReviewFlagCode =
  | 'evidence_missing'
  | 'evidence_unreachable'
  | 'evidence_repeated'
  | 'percent_mismatch'
  | 'drop_unexplained'
  | 'jump'
  | 'progress_without_work'
  | 'comment_too_short'
  | 'milestone_without_evidence';

export interface ReviewFlag {
  code: ReviewFlagCode;
  keyResultId: string;
  /** One Spanish sentence saying why. */
  message: string;
}

const PLACEHOLDER = /^(n\/?a|na|no aplica|pendiente|por definir|sin evidencia|x+|-+|\.+|tbd|link|enlace|url)$/i;
const EXAMPLE_HOST = /(^|\.)(example\.(com|org|net)|ejemplo\.com)$|\.(example|test|invalid|localhost|local)$/i;
const IP_HOST = /^\d{1,3}(\.\d{1,3}){3}$|^\[[0-9a-f:]+\]$/i;

/** Why an evidence link does not look like something a reviewer can open; null when it does. */
export function evidenceProblem(raw: string): string | null {
  const text = raw.trim();
  if (PLACEHOLDER.test(text) || /ejemplo|placeholder|lorem/i.test(text)) return evidenceProblems.placeholder;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return evidenceProblems.notUrl;
  }
  if (url.protocol !== 'https:') return evidenceProblems.notHttps;
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || !host.includes('.') || IP_HOST.test(host)) return evidenceProblems.localHost;
  if (EXAMPLE_HOST.test(host)) return evidenceProblems.exampleHost;
  if ((url.pathname === '' || url.pathname === '/') && url.search === '') return evidenceProblems.noPath;
  return null;
}

/** The same link, whatever its case in the host, a trailing slash or a fragment. */
function sameLink(a: string, b: string): boolean {
  const norm = (s: string) => {
    const t = s.trim();
    try {
      const u = new URL(t);
      u.hash = '';
      return `${u.protocol}//${u.host.toLowerCase()}${decodeURIComponent(u.pathname).replace(/\/+$/, '')}${u.search}`;
    } catch {
      return t.replace(/\/+$/, '');
    }
  };
  return norm(a) !== '' && norm(a) === norm(b);
}

const PERCENT = /(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:%|por\s*ciento)/giu;

/** The percentages written in a text ("45 %", "45,5%", "80 por ciento"). */
export function percentagesIn(text: string): number[] {
  return [...text.matchAll(PERCENT)].map((m) => Number(m[1]!.replace(',', '.'))).filter((n) => Number.isFinite(n) && n <= 1000);
}

/** Words with a letter or a digit. */
const wordsOf = (text: string) => text.trim().split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w));

const folded = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** A word of the text begins with one of the stems (accents ignored). */
function hasStem(text: string, stems: readonly string[]): boolean {
  const t = ` ${folded(text).replace(/[^\p{L}\d]+/gu, ' ')}`;
  return stems.some((s) => t.includes(` ${folded(s)}`));
}

const pct = (n: number) => `${n.toLocaleString('es-CO', { maximumFractionDigits: 1 })} %`;

function reportedText(kr: Pick<KeyResult, 'kind' | 'unitOfMeasure'>, value: number, progress: number): string {
  const shown =
    kr.kind === 'milestone' ? (value >= 1 ? milestoneLabels.done : milestoneLabels.notDone) : kr.kind === 'percentage' ? pct(value) : `${value.toLocaleString('es-CO', { maximumFractionDigits: 2 })} ${kr.unitOfMeasure}`;
  return kr.kind === 'percentage' ? shown : `${shown} (progreso ${pct(Math.round(progress * 100))})`;
}

/**
 * The flags of one key result's check-in. `previous`: its check-in of the previous month of the
 * same quarter, null when there is none.
 */
export function checkInFlags(kr: KeyResult, current: CheckIn, previous: CheckIn | null): ReviewFlag[] {
  const T = REVIEW_THRESHOLDS;
  const flags: ReviewFlag[] = [];
  const flag = (code: ReviewFlagCode, message: string) => flags.push({ code, keyResultId: kr.id, message });
  const progress = keyResultProgress(kr, current.value);
  const before = previous ? keyResultProgress(kr, previous.value) : null;

  // Evidence.
  const evidence = current.evidenceUrl.trim();
  const problem = evidence === '' ? null : evidenceProblem(evidence);
  if (kr.kind === 'milestone' && current.value >= 1 && (evidence === '' || problem)) flag('milestone_without_evidence', reviewFlagMessages.milestone_without_evidence);
  else if (evidence === '') flag('evidence_missing', reviewFlagMessages.evidence_missing);
  else if (problem) flag('evidence_unreachable', reviewFlagMessages.evidence_unreachable(problem));
  const milestoneStillDone = kr.kind === 'milestone' && current.value >= 1 && (previous?.value ?? 0) >= 1;
  if (previous && evidence !== '' && !milestoneStillDone && sameLink(evidence, previous.evidenceUrl)) {
    flag('evidence_repeated', reviewFlagMessages.evidence_repeated(periodLabel(previous.period)));
  }

  // The comment against the figure.
  const inTitle = new Set(percentagesIn(kr.title));
  const written = percentagesIn(current.comment).filter((p) => !inTitle.has(p));
  if (written.length > 0) {
    const candidates = [Math.round(progress * 1000) / 10, ...(kr.kind === 'percentage' ? [current.value] : [])];
    const agrees = written.some((w) => candidates.some((c) => Math.abs(w - c) <= T.percentTolerancePoints));
    if (!agrees) flag('percent_mismatch', reviewFlagMessages.percent_mismatch(written.map(pct).join(', '), reportedText(kr, current.value, progress)));
  }
  if (before !== null && before - progress > T.dropMinPoints && !hasStem(current.comment, T.explanationStems)) {
    flag('drop_unexplained', reviewFlagMessages.drop_unexplained(reportedText(kr, previous!.value, before), reportedText(kr, current.value, progress)));
  }
  const rise = progress - (before ?? 0);
  if (kr.kind !== 'milestone' && rise > T.jumpPoints) flag('jump', reviewFlagMessages.jump(Math.round(rise * 100), Math.round(T.jumpPoints * 100)));
  if (rise > 0.005 && T.noWorkPhrases.some((p) => folded(current.comment).includes(folded(p)))) flag('progress_without_work', reviewFlagMessages.progress_without_work);
  const words = wordsOf(current.comment).length;
  if (words < T.minCommentWords) flag('comment_too_short', reviewFlagMessages.comment_too_short(words));
  return flags;
}
