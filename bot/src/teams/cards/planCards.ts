import {
  formatDateTime,
  formatNumber,
  modificationStateLabels,
  planActionLabels,
  planBotText,
  planStateLabels,
  programmingTypeLabels,
  type Meta,
  type ModificationView,
  type PlanView,
} from '@okr/core';
import { attention, card, container, executeAction, facts, heading, openUrl, preview, subtle, text, type AdaptiveCard, type CardElement } from './elements.js';

export const PLAN_ACT = 'plan.act';
export const PLAN_REFRESH = 'plan.refresh';
export const PLAN_CONSENT = 'plan.consent';
export const PLAN_DECIDE = 'plan.decide';
/** Input ids: the general observation, one per meta, and a request's comment. */
export const PLAN_COMMENT_INPUT = 'planComment';
export const metaObservationInput = (metaId: string) => `obs:${metaId}`;
export const REQUEST_COMMENT_INPUT = 'requestComment';

/** The card shows at most this many metas (the tab shows them all), so it stays far under 28 KB. */
const METAS_SHOWN = 12;
const t = planBotText;

const short = (s: string, n = 160) => preview(s, n);
const quarters = (meta: Meta) => meta.programmed.map((v) => (v === null ? '—' : formatNumber(v))).join(' · ');

/**
 * A unit's plan as the OAP analyst reviews it (activity 4): each meta with its programming and the
 * coherence checks that fail, an observation box per meta and a general one, and «Aprobar» /
 * «Devolver con observaciones» while it is in review and the viewer is the OAP. With `refresh`
 * every viewer sees the current state and their own buttons.
 */
export function planReviewCard(view: PlanView, opts: { canReview: boolean; tabUrl: string; notice?: string; warning?: string; refreshUserIds?: string[] }): AdaptiveCard {
  const plan = view.plan!;
  const body: CardElement[] = [
    heading(t.review.title(view.year)),
    text(view.unit.name, { weight: 'Bolder', spacing: 'None' }),
    text(t.review.state(planStateLabels[plan.state]), { color: plan.state === 'returned' ? 'Warning' : plan.state === 'official' || plan.state === 'endorsed' ? 'Good' : 'Accent', spacing: 'Small', id: 'planState' }),
  ];
  if (opts.notice) body.push(container([text(opts.notice, { color: 'Good', weight: 'Bolder' })], { style: 'good' }));
  if (opts.warning) body.push(container([text(opts.warning, { color: 'Attention', weight: 'Bolder' })], { style: 'attention' }));
  const reviewing = opts.canReview && plan.state === 'in_review';
  for (const meta of view.metas.slice(0, METAS_SHOWN)) {
    const failed = meta.checks.filter((c) => !c.ok);
    body.push(
      container(
        [
          text(t.review.meta(meta.order, short(meta.statement)), { weight: 'Bolder' }),
          subtle(t.review.programming(programmingTypeLabels[meta.programmingType], `${formatNumber(meta.totalMagnitude)} ${meta.indicator.unit}`, quarters(meta))),
          ...failed.map((c) => attention(`• ${c.message}`, { spacing: 'None', color: 'Warning' })),
          ...(reviewing ? [{ type: 'Input.Text', id: metaObservationInput(meta.id), label: t.review.observationLabel(meta.order), isMultiline: true, maxLength: 1000, spacing: 'Small' }] : []),
        ],
        { separator: true, spacing: 'Medium' },
      ),
    );
  }
  if (view.metas.length > METAS_SHOWN) body.push(subtle(t.review.more(view.metas.length - METAS_SHOWN)));
  const failedTotal = view.metas.reduce((n, x) => n + x.checks.filter((c) => !c.ok).length, 0) + (view.weights.ok ? 0 : 1);
  body.push(failedTotal === 0 ? subtle(t.review.checksOk, { separator: true }) : text(`${t.review.issues(failedTotal)}${view.weights.ok ? '' : ` · ${view.weights.message}`}`, { color: 'Warning', weight: 'Bolder', separator: true }));
  const history = view.events.slice(-4);
  if (history.length) {
    body.push(text(t.review.history, { weight: 'Bolder', spacing: 'Medium' }));
    for (const e of history) body.push(subtle(`${formatDateTime(e.at, 'short')} · ${e.actorName} · ${planActionLabels[e.action]}${e.comment ? `: «${short(e.comment, 200)}»` : ''}`));
  }
  const actions: CardElement[] = [];
  if (reviewing) {
    body.push({ type: 'Input.Text', id: PLAN_COMMENT_INPUT, label: t.review.generalLabel, isMultiline: true, maxLength: 2000, separator: true });
    const data = (planAction: 'approve' | 'return') => ({ planId: plan.id, planAction, version: plan.version });
    actions.push(executeAction(t.review.approve, PLAN_ACT, data('approve'), { style: 'positive' }), executeAction(t.review.return, PLAN_ACT, data('return')));
  }
  actions.push(openUrl(t.openTab, opts.tabUrl));
  const result = card(body, actions);
  if (opts.refreshUserIds?.length) result.refresh = { action: { type: 'Action.Execute', verb: PLAN_REFRESH, data: { planId: plan.id } }, userIds: opts.refreshUserIds.slice(0, 60) };
  return result;
}

/** What the líder's team reads when the OAP returns the plan (with its observations) or approves it. */
export function planOutcomeCard(view: PlanView, tabUrl: string): AdaptiveCard {
  const plan = view.plan!;
  if (plan.state === 'returned') {
    const body: CardElement[] = [heading(t.returned.title(view.year)), text(view.unit.name, { weight: 'Bolder', spacing: 'None' }), text(t.returned.text(view.returned?.by ?? ''))];
    if (view.returned?.comment) body.push(facts([[t.returned.general, short(view.returned.comment, 600)]]));
    // Observations are previews here (the tab has them whole), so 30 metas with the longest ones still fit in 28 KB.
    const observed = view.metas.filter((x) => x.observations.length);
    for (const meta of observed.slice(0, METAS_SHOWN)) body.push(container([text(t.review.meta(meta.order, short(meta.statement)), { weight: 'Bolder' }), ...meta.observations.slice(0, 3).map((o) => text(`• ${short(o, 300)}`, { spacing: 'None' }))], { separator: true }));
    if (observed.length > METAS_SHOWN) body.push(subtle(t.review.more(observed.length - METAS_SHOWN)));
    return card(body, [openUrl(t.openTab, tabUrl)]);
  }
  return card([heading(t.endorsed.title(view.year)), text(view.unit.name, { weight: 'Bolder', spacing: 'None' }), text(t.endorsed.text)], [openUrl(t.openTab, tabUrl)]);
}

function requestFacts(r: ModificationView): CardElement {
  const change = r.kind === 'eliminate' ? 'Eliminar la meta' : r.proposed ? `Magnitud ${formatNumber(r.proposed.totalMagnitude)}; T1–T4: ${quarters({ ...r.proposed, eliminated: false, modifiedInVersion: null })}` : '';
  return facts([
    [t.consent.meta, short(r.metaStatement, 200)],
    [t.consent.change, change],
    [t.consent.justification, short(r.justification, 400)],
  ]);
}

/** The prior concept a transversal meta's lead process or an alcaldía's supervising unit gives (policy 9). */
export function consentCard(r: ModificationView, opts: { tabUrl: string; notice?: string; warning?: string }): AdaptiveCard {
  const pending = r.consents.find((c) => c.unitId === r.canConsent);
  const why = pending?.kind === 'supervisor' ? 'dependencia que supervisa a la alcaldía' : 'proceso que lidera la meta';
  const body: CardElement[] = [heading(t.consent.title), text(t.consent.intro(r.unitName, `su plan de gestión ${r.year}`, why)), requestFacts(r)];
  body.push(subtle(modificationStateLabels[r.state]));
  for (const c of r.consents.filter((x) => x.state !== 'pending')) body.push(subtle(t.consent.given(c.state === 'favorable' ? 'favorable' : 'desfavorable', r.consentUnits[c.unitId] ?? c.unitId)));
  if (opts.notice) body.push(container([text(opts.notice, { color: 'Good', weight: 'Bolder' })], { style: 'good' }));
  if (opts.warning) body.push(container([text(opts.warning, { color: 'Attention', weight: 'Bolder' })], { style: 'attention' }));
  const actions: CardElement[] = [];
  if (r.canConsent) {
    body.push({ type: 'Input.Text', id: REQUEST_COMMENT_INPUT, label: t.consent.commentLabel, isMultiline: true, maxLength: 2000 });
    actions.push(
      executeAction(t.consent.favorable, PLAN_CONSENT, { requestId: r.id, favorable: true, version: r.version }, { style: 'positive' }),
      executeAction(t.consent.unfavorable, PLAN_CONSENT, { requestId: r.id, favorable: false, version: r.version }),
    );
  }
  actions.push(openUrl(t.openTab, opts.tabUrl));
  return card(body, actions);
}

/** The OAP's decision on a request whose consents are complete. */
export function decisionCard(r: ModificationView, opts: { tabUrl: string; notice?: string; warning?: string }): AdaptiveCard {
  const body: CardElement[] = [heading(t.decision.title), text(t.decision.intro(r.unitName, r.year)), requestFacts(r), subtle(modificationStateLabels[r.state])];
  if (r.exception) body.push(attention(`${r.exception.ground === 'fuerza_mayor' ? 'Fuerza mayor' : 'Cambio normativo'}: ${short(r.exception.justification, 300)}`));
  if (r.decisionComment) body.push(subtle(r.decisionComment));
  if (opts.notice) body.push(container([text(opts.notice, { color: 'Good', weight: 'Bolder' })], { style: 'good' }));
  if (opts.warning) body.push(container([text(opts.warning, { color: 'Attention', weight: 'Bolder' })], { style: 'attention' }));
  const actions: CardElement[] = [];
  if (r.canDecide) {
    body.push({ type: 'Input.Text', id: REQUEST_COMMENT_INPUT, label: t.decision.commentLabel, isMultiline: true, maxLength: 2000 });
    actions.push(
      executeAction(t.decision.approve, PLAN_DECIDE, { requestId: r.id, approve: true, version: r.version }, { style: 'positive' }),
      executeAction(t.decision.deny, PLAN_DECIDE, { requestId: r.id, approve: false, version: r.version }),
    );
  }
  actions.push(openUrl(t.openTab, opts.tabUrl));
  return card(body, actions);
}

