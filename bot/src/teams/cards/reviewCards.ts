import {
  formatDateTime,
  formatPercent,
  periodLabel,
  quarterLabel,
  reviewActionLabels,
  reviewBotText,
  statusLabels,
  unitMonthStateLabels,
  UNIT_MONTH_STATES,
  type QuarterSnapshot,
  type ReviewQueueResponse,
  type SnapshotUnit,
  type UnitMonthReview,
  type UnitMonthReviewResponse,
} from '@okr/core';
import { attention, card, container, executeAction, facts, heading, openUrl, preview, subtle, text, type AdaptiveCard, type CardElement, statusColor } from './elements.js';
import { formatValue } from './format.js';
import { CHECK_IN_OPEN } from './simpleCards.js';

/** The queue of a month. */
export const REVIEW_QUEUE = 'review.queue';
/** One unit's month. */
export const REVIEW_OPEN = 'review.open';
export const REVIEW_CLOSE = 'review.close';
export const REVIEW_REQUEST = 'review.request';
/** «Cerrar N meses consistentes»: the confirmation, then the close. */
export const REVIEW_BULK = 'review.bulk';
export const REVIEW_BULK_CONFIRM = 'review.bulkConfirm';

/** Input ids of the unit card: one observation per key result and the general one. */
export const observationInput = (keyResultId: string) => `obs:${keyResultId}`;
export const NOTE_INPUT = 'note';

const t = reviewBotText;
/** Rows of the queue the card lists; the tab lists them all. */
const QUEUE_ROWS = 8;
/**
 * How much of a long text the unit's card shows (the tab shows everything): nine key results with
 * every text at its limit stay under 28 KB (testing/longestCards.ts builds that card).
 */
const CLIP = 160;
const TITLE_CLIP = 120;
const NAME_CLIP = 60;
const FLAGS_SHOWN = 2;
/** How much of an evidence link the card shows, as text: links typed by people are opened from the tab, never from a card. */
const LINK_SHOWN = 80;

const clip = (s: string, n = CLIP) => preview(s, n);
const day = (iso: string) => formatDateTime(iso, 'shortNoYear');

/** `revisión`: the month's queue — counts, what waits for the ETI (oldest first), the bulk close and the other months. */
export function reviewQueueCard(queue: ReviewQueueResponse, tabUrl: string): AdaptiveCard {
  const counts = UNIT_MONTH_STATES.filter((s) => queue.counts[s] > 0).map((s) => t.queue.count(unitMonthStateLabels[s], queue.counts[s]));
  const body: CardElement[] = [heading(t.queue.title(periodLabel(queue.period))), subtle(t.queue.counts(counts), { isSubtle: false, spacing: 'Small' })];
  const waiting = queue.rows.filter((r) => r.state === 'por_revisar' || r.state === 'corregido');
  if (waiting.length === 0) body.push(text(t.queue.nothingWaiting, { color: 'Good' }));
  else body.push(text(t.queue.waiting, { weight: 'Bolder', spacing: 'Medium' }));
  for (const r of waiting.slice(0, QUEUE_ROWS)) {
    const detail = [r.waitingSince ? t.queue.since(day(r.waitingSince)) : null, r.flagCount > 0 ? t.queue.flags(r.flagCount) : null].filter((x) => x !== null).join(' · ');
    body.push(
      container(
        [
          text(t.queue.row(r.unitName, unitMonthStateLabels[r.state], r.reported, r.total), { weight: 'Bolder', spacing: 'None' }),
          ...(detail ? [subtle(detail, { color: r.flagCount > 0 ? 'Attention' : 'Default' })] : []),
          { type: 'ActionSet', actions: [executeAction(t.queue.open, REVIEW_OPEN, { unitId: r.unitId, period: queue.period })] },
        ],
        { separator: true, spacing: 'Small' },
      ),
    );
  }
  if (waiting.length > QUEUE_ROWS) body.push(subtle(t.queue.more(waiting.length - QUEUE_ROWS)));
  if (queue.withoutSet.length > 0) body.push(subtle(t.queue.withoutSet(queue.withoutSet.length), { spacing: 'Medium' }));
  const actions: CardElement[] = [];
  const consistent = queue.rows.filter((r) => r.consistent).length;
  if (consistent > 0 && queue.canAct) actions.push(executeAction(t.queue.closeConsistent(consistent), REVIEW_BULK, { period: queue.period }, { style: 'positive' }));
  const other = queue.periods.find((p) => p !== queue.period && p < queue.period);
  if (other) actions.push(executeAction(t.queue.otherMonth(periodLabel(other)), REVIEW_QUEUE, { period: other }));
  actions.push(openUrl(t.queue.openTab, tabUrl));
  return card(body, actions);
}

/**
 * One unit's month: each key result with its report, last month, flags, the ETI's observation; and
 * the decisions. The evidence link shows as text (the only links on a card are the app's own): the
 * ETI opens it from the tab, which `tabUrl` leads to (that unit's month there, `reviewMonthLink`).
 */
export function unitReviewCard(view: UnitMonthReviewResponse, tabUrl: string): AdaptiveCard {
  const u = t.unit;
  const body: CardElement[] = [
    heading(u.title(view.unit.name, periodLabel(view.period))),
    text(u.state(unitMonthStateLabels[view.state], view.reported, view.total), { weight: 'Bolder', spacing: 'None' }),
  ];
  const last = view.history.at(-1);
  if (last) body.push(subtle(u.historyLine(reviewActionLabels[last.action], clip(last.actorName, NAME_CLIP), day(last.at))));
  if (view.review?.note) body.push(subtle(u.observation(clip(view.review.note)), { color: 'Warning', isSubtle: false }));
  const flags = view.keyResults.reduce((n, k) => n + k.flags.length, 0);
  body.push(text(flags === 0 ? u.noFlags : u.flagsTitle(flags), { color: flags === 0 ? 'Good' : 'Attention', spacing: 'Small' }));
  let objective: string | null = null;
  for (const k of view.keyResults) {
    // Key results come grouped by their tactical objective: its title once, above the group.
    if (k.objectiveTitle !== objective) {
      objective = k.objectiveTitle;
      body.push(text(clip(objective, TITLE_CLIP), { weight: 'Bolder', isSubtle: true, separator: true, spacing: 'Large' }));
    }
    const items: CardElement[] = [text(clip(k.title, TITLE_CLIP), { weight: 'Bolder' })];
    if (k.checkIn) {
      const c = k.checkIn;
      items.push(
        text(u.value(formatValue(k, c.value), formatPercent(k.progress ?? 0), statusLabels[k.status]), { color: statusColor[k.status], size: 'Small', spacing: 'Small' }),
        subtle(`${u.reportedBy(clip(c.authorName, NAME_CLIP), day(c.updatedAt))}${c.version > 1 ? u.edited(c.version - 1) : ''}`),
        text(clip(c.comment), { size: 'Small', spacing: 'Small' }),
      );
    } else items.push(text(u.notReported, { color: 'Warning', size: 'Small' }));
    items.push(subtle(k.previous ? u.last(periodLabel(k.previous.period), formatValue(k, k.previous.value)) : u.noLast));
    for (const f of k.flags.slice(0, FLAGS_SHOWN)) items.push(attention(`⚠ ${clip(f.message, 120)}`, { spacing: 'None' }));
    if (k.flags.length > FLAGS_SHOWN) items.push(subtle(u.moreFlags(k.flags.length - FLAGS_SHOWN)));
    if (k.observation) items.push(text(u.observation(clip(k.observation, 160)), { color: 'Warning', size: 'Small' }));
    if (k.corrected) items.push(text(u.corrected, { color: 'Good', size: 'Small' }));
    if (k.checkIn) items.push(subtle(k.checkIn.evidenceUrl.trim() ? u.evidence(clip(k.checkIn.evidenceUrl, LINK_SHOWN)) : u.noEvidence));
    if (view.canAct) items.push({ type: 'Input.Text', id: observationInput(k.id), label: u.observationLabel, isMultiline: true, maxLength: 1000 });
    body.push(container(items, { separator: true, spacing: 'Medium', id: `kr:${k.id}`, ...(k.flags.length > 0 ? { style: 'attention' } : {}) }));
  }
  const data = { unitId: view.unit.id, period: view.period, version: view.version };
  const actions: CardElement[] = [];
  if (view.canAct) {
    body.push({ type: 'Input.Text', id: NOTE_INPUT, label: u.noteLabel, placeholder: u.notePlaceholder, isMultiline: true, maxLength: 2000, separator: true, spacing: 'Large' });
    if (view.state !== 'cerrado' && view.reported === view.total && view.total > 0) actions.push(executeAction(u.close, REVIEW_CLOSE, data, { style: 'positive' }));
    if (view.state !== 'sin_reportar') actions.push(executeAction(u.requestCorrection, REVIEW_REQUEST, data));
    actions.push(executeAction(u.back, REVIEW_QUEUE, { period: view.period }));
  }
  actions.push(openUrl(u.openTab, tabUrl));
  return card(body, actions);
}

/** After «Cerrar el mes». */
export function monthClosedCard(review: UnitMonthReview): AdaptiveCard {
  return card([heading(t.closed.title(review.unit.name, periodLabel(review.period))), text(t.closed.text)], [executeAction(t.unit.back, REVIEW_QUEUE, { period: review.period })]);
}

/** After «Pedir corrección»: who was told. */
export function correctionRequestedCard(review: UnitMonthReview, notified: readonly string[]): AdaptiveCard {
  return card(
    [heading(t.requested.title(review.unit.name, periodLabel(review.period))), text(notified.length > 0 ? t.requested.text(notified.join(', ')) : t.requested.nobody)],
    [executeAction(t.unit.back, REVIEW_QUEUE, { period: review.period })],
  );
}

/** «Cerrar N meses consistentes»: what will be closed, and the confirmation. */
export function bulkConfirmCard(queue: ReviewQueueResponse): AdaptiveCard {
  const rows = queue.rows.filter((r) => r.consistent);
  return card(
    [
      heading(t.bulk.confirmTitle(rows.length, periodLabel(queue.period))),
      text(t.bulk.confirmText),
      ...rows.map((r) => text(`• ${r.unitName}`, { spacing: 'None', size: 'Small' })),
    ],
    [
      executeAction(t.bulk.confirm, REVIEW_BULK_CONFIRM, { period: queue.period, unitIds: rows.map((r) => r.unitId).join(',') }, { style: 'positive' }),
      executeAction(t.bulk.cancel, REVIEW_QUEUE, { period: queue.period }),
    ],
  );
}

export function bulkDoneCard(period: string, closed: number): AdaptiveCard {
  return card([heading(t.bulk.done(closed, periodLabel(period)))], [executeAction(t.unit.back, REVIEW_QUEUE, { period })]);
}

/** To the enlaces (and, in copy, the líderes) of the unit: what the ETI asks to correct, and the month's check-in one click away. */
export function correctionNoticeCard(review: UnitMonthReview, actorName: string, asLeader: boolean): AdaptiveCard {
  const n = t.correctionNotice;
  const body: CardElement[] = [heading(n.title(periodLabel(review.period))), text(n.intro(review.unit.name, actorName))];
  if (asLeader) body.push(subtle(n.copy));
  if (review.review?.note) body.push(text(n.general(review.review.note), { weight: 'Bolder' }));
  for (const k of review.keyResults.filter((x) => x.observation)) body.push(text(`• ${n.keyResult(clip(k.keyResult.title, TITLE_CLIP), k.observation!)}`, { spacing: 'Small' }));
  body.push(subtle(n.after, { spacing: 'Medium' }));
  return card(body, [executeAction(n.open(periodLabel(review.period)), CHECK_IN_OPEN, { unitId: review.unit.id, period: review.period }, { style: 'positive' })]);
}

/** To the ETI member who asked: the unit corrected the month — to review it here, or in the tab, where `tabUrl` opens that unit's month. */
export function correctedNoticeCard(args: { unitId: string; unitName: string; period: string; correctorName: string; corrected: number }, tabUrl: string): AdaptiveCard {
  const n = t.correctedNotice;
  return card([heading(n.title(args.unitName, periodLabel(args.period))), text(n.text(args.correctorName, args.corrected))], [executeAction(n.open, REVIEW_OPEN, { unitId: args.unitId, period: args.period }), openUrl(n.openTab, tabUrl)]);
}

/** To the Subsecretaría de Gestión Institucional: the close's figures and the report. */
export function quarterSharedCard(snapshot: QuarterSnapshot, reportUrl: string): AdaptiveCard {
  const q = t.quarter;
  const s = snapshot.summary;
  const figures: Array<[string, string]> = [
    ['Unidades', `${s.units} (${s.central} del nivel central, ${s.alcaldias} alcaldías locales)`],
    ['Con set cargado', String(s.withSet)],
    ['Avance promedio', s.averageProgress === null ? '—' : formatPercent(s.averageProgress)],
    ...(['completado', 'en_curso', 'atrasado', 'en_riesgo', 'no_iniciado'] as const).map((st): [string, string] => [statusLabels[st], String(s.byStatus[st])]),
    ['Sin set', String(s.byStatus.sin_set)],
    ['Meses reportados completos', `${s.completeMonths} de ${s.dueMonths}`],
    ['Meses cerrados por el ETI', `${s.monthsByState.cerrado} de ${s.dueMonths}`],
  ];
  return card([heading(q.shareTitle(quarterLabel(snapshot.quarter))), text(q.shareIntro(snapshot.closedByName, day(snapshot.closedAt))), facts(figures)], [openUrl(q.openReport, reportUrl)]);
}

/** To a unit's líder: their unit's result in the closed quarter. */
export function leaderResultCard(snapshot: QuarterSnapshot, unit: SnapshotUnit, treeUrl: string): AdaptiveCard {
  const q = t.quarter;
  const body: CardElement[] = [heading(q.leaderTitle(unit.unitName, quarterLabel(snapshot.quarter)))];
  if (!unit.strategic) body.push(text(q.leaderNoSet));
  else {
    body.push(text(q.leaderIntro));
    const line = (title: string, progress: number | null, status: keyof typeof statusColor, strong: boolean) =>
      text(`${clip(title, 160)} — ${formatPercent(Math.max(0, Math.min(1, progress ?? 0)))} · ${statusLabels[status]}`, { color: statusColor[status], weight: strong ? 'Bolder' : 'Default', spacing: 'Small' });
    body.push(line(unit.strategic.title, unit.strategic.progress, unit.strategic.status, true));
    for (const o of unit.tactical) body.push(line(o.title, o.progress, o.status, false));
    body.push(subtle(q.leaderMonths(unit.months.map((m) => `${periodLabel(m.period)}: ${unitMonthStateLabels[m.state].toLowerCase()} (${m.reported} de ${m.total})`)), { spacing: 'Medium' }));
  }
  return card(body, [openUrl(q.openTree, treeUrl)]);
}
