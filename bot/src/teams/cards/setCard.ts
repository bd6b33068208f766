import { formatDateTime, actionLabels, availableActions, formulationBotText, kindLabels, quarterLabel, setEventLabels, setStateLabels, WORKFLOW, type Role, type WorkflowAction } from '@okr/core';
import type { SetView } from '../../services/formulation.js';
import { attention, card, container, executeAction, heading, preview, subtle, text, type AdaptiveCard, type CardElement } from './elements.js';
import { formatValue } from './format.js';

export const SET_ACT = 'set.act';
export const SET_REFRESH = 'set.refresh';
/** Input id of the observations / reason typed on the card. */
export const SET_COMMENT_INPUT = 'setComment';

const HISTORY_SHOWN = 6;
const ALERTS_SHOWN = 8;
/** Titles and comments are previews on the card (the whole set is in the tab): a set of 10 objectives and 30 key results still fits. */
const TITLE_PREVIEW = 160;
const COMMENT_PREVIEW = 240;

/**
 * A unit's OKR set as the coach, the líder or the enlace sees it: its objectives and key results,
 * the form alerts, the history of the workflow, and the buttons this viewer may use now. With
 * `refresh`, Teams asks the bot again whenever someone opens it, so each viewer sees the current
 * state and their own buttons (Universal Actions).
 */
export function setCard(view: SetView, viewerRoles: readonly Role[], opts: { notice?: string; warning?: string; refreshUserIds?: string[] } = {}): AdaptiveCard {
  const { bundle } = view;
  const { set } = bundle;
  const strategic = bundle.objectives.find((o) => o.level === 'strategic');
  const tactical = bundle.objectives.filter((o) => o.level === 'tactical').sort((a, b) => a.order - b.order);
  const t = formulationBotText.card;
  const body: CardElement[] = [
    heading(t.title(quarterLabel(set.quarter))),
    text(view.unitName, { weight: 'Bolder', spacing: 'None' }),
    text(t.state(setStateLabels[set.state]), { color: set.state === 'active' ? 'Good' : set.state === 'rejected' || set.state === 'returned' ? 'Warning' : 'Accent', spacing: 'Small', id: 'setState' }),
  ];
  if (opts.notice) body.push(container([text(opts.notice, { color: 'Good', weight: 'Bolder' })], { style: 'good' }));
  if (opts.warning) body.push(container([text(opts.warning, { color: 'Attention', weight: 'Bolder' })], { style: 'attention' }));
  // What the líder approves it against: the institutional objective it serves.
  if (view.institutionalObjective) body.push(subtle(t.aligned(view.institutionalObjective.code, preview(view.institutionalObjective.title, TITLE_PREVIEW)), { spacing: 'Small', id: 'aligned' }));
  if (strategic) body.push(text(preview(strategic.title, TITLE_PREVIEW), { size: 'Medium', weight: 'Bolder', separator: true }));
  for (const o of tactical) {
    const krs = bundle.keyResults.filter((k) => k.objectiveId === o.id).sort((a, b) => a.order - b.order);
    body.push(
      container(
        [
          text(preview(o.title, TITLE_PREVIEW), { weight: 'Bolder' }),
          ...krs.map((k) =>
            subtle(
              `• ${preview(k.title, TITLE_PREVIEW)} — ${k.kind === 'milestone' ? kindLabels.milestone : `${kindLabels[k.kind]}: ${formatValue(k, k.baseline)} → ${formatValue(k, k.target)}`}`,
              { isSubtle: false },
            ),
          ),
          ...(krs.length === 0 ? [subtle(t.noKeyResults)] : []),
        ],
        { spacing: 'Medium' },
      ),
    );
  }
  if (view.alerts.length > 0) {
    body.push(
      container([text(t.alerts(view.alerts.length), { weight: 'Bolder', color: 'Warning' }), ...view.alerts.slice(0, ALERTS_SHOWN).map((a) => attention(`• ${preview(a.message, 200)}`, { spacing: 'None', color: 'Warning' })), ...(view.alerts.length > ALERTS_SHOWN ? [subtle(t.moreInTab(view.alerts.length - ALERTS_SHOWN))] : [])], {
        style: 'warning',
        separator: true,
      }),
    );
  } else {
    body.push(subtle(t.noAlerts, { separator: true }));
  }
  const history = view.events.slice(-HISTORY_SHOWN);
  if (history.length > 0) {
    body.push(text(t.history, { weight: 'Bolder', spacing: 'Medium' }));
    for (const e of history) {
      body.push(subtle(`${formatDateTime(e.at, 'short')} · ${e.actorName} · ${setEventLabels[e.action] ?? e.action}${e.comment ? `: «${preview(e.comment, COMMENT_PREVIEW)}»` : ''}`));
    }
  }

  const actions = availableActions(set.state, viewerRoles).filter((a) => a !== 'close');
  const data = (action: WorkflowAction) => ({ setId: set.id, workflowAction: action, version: set.version });
  if (actions.some((a) => WORKFLOW[a].needsComment)) {
    body.push({
      type: 'Input.Text',
      id: SET_COMMENT_INPUT,
      label: actions.includes('reject') ? t.reasonLabel : t.observationsLabel,
      isMultiline: true,
      maxLength: 2000,
      placeholder: t.commentPlaceholder,
      separator: true,
    });
  }
  const buttons = actions.map((a) => executeAction(actionLabels[a], SET_ACT, data(a), WORKFLOW[a].needsComment ? {} : { style: 'positive' }));
  const result = card(body, buttons);
  if (opts.refreshUserIds && opts.refreshUserIds.length > 0) {
    result.refresh = { action: { type: 'Action.Execute', verb: SET_REFRESH, data: { setId: set.id } }, userIds: opts.refreshUserIds.slice(0, 60) };
  }
  return result;
}
