import type { OkrRoundRow, ValidationItemView } from '@okr/core';
import type { PeiNotices } from '../services/pei.js';
import type { ProactiveCards } from '../services/proactiveCards.js';
import type { Store } from '../store/Store.js';
import { returnedOkrCard, returnedValueCard } from './cards/peiCards.js';
import type { TabLinks } from './tabLinks.js';

/**
 * When the OAP returns a figure, the producing area's enlaces, promotor and líder get its card in
 * their chat (seed 003: the area confirms or adjusts); the OKR results of a quarter go to the
 * unit's enlaces and líder.
 */
export function peiNotices(ctx: { store: Store; tabUrl: TabLinks }, cards: ProactiveCards): PeiNotices {
  const { store, tabUrl } = ctx;
  const areaOf = async (unitId: string, roles: readonly string[]) => [...new Set((await store.listRoles()).filter((r) => r.unitId === unitId && roles.includes(r.role)).map((r) => r.personId))];
  const send = async (subjectId: string, people: string[], card: object) => {
    for (const personId of people) {
      const sent = await cards.send(personId, card);
      if (sent) await store.saveCardMessage({ subjectId, purpose: 'returned', personId, activityId: sent.activityId, reference: sent.reference });
    }
  };
  const link = tabUrl(undefined, { view: 'validacion' });
  return {
    async valueReturned(item: ValidationItemView, planId: string) {
      if (!item.indicator.responsibleUnitId) return;
      await send(`${planId}|${item.indicator.id}|${item.cutoff}`, await areaOf(item.indicator.responsibleUnitId, ['enlace', 'promotor', 'lider']), returnedValueCard({ ...item, canConfirm: true }, { tabUrl: link, canConfirm: true }));
    },
    async okrReturned(row: OkrRoundRow) {
      await send(`okr|${row.unitId}|${row.quarter}`, await areaOf(row.unitId, ['enlace', 'lider']), returnedOkrCard({ ...row, canConfirm: true }, { tabUrl: link, canConfirm: true }));
    },
  };
}
