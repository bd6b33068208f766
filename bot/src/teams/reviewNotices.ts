import type { ProactiveCards } from '../services/proactiveCards.js';
import type { QuarterNotices } from '../services/quarterClose.js';
import type { ReviewNotices } from '../services/review.js';
import type { Store } from '../store/Store.js';
import { correctedNoticeCard, correctionNoticeCard, leaderResultCard, quarterSharedCard } from './cards/reviewCards.js';
import { reviewMonthLink, type TabLinks } from './tabLinks.js';

/** The unit of the Subsecretaría de Gestión Institucional, who receives the quarter-close report (seed 000, activity 7.1). */
const SGI = /^subsecretar[ií]a de gesti[oó]n institucional$/i;

/**
 * What the review sends in Teams, through the process's one rate-limited notifier: the correction
 * request to the unit's enlaces and, in copy, its líderes; the news of a completed correction to
 * the ETI member who asked; and, when a quarter's close is shared, its figures to the Subsecretaría
 * de Gestión Institucional and each unit's result to its líder.
 */
export function reviewNotices(ctx: { store: Store; tabUrl: TabLinks }, cards: ProactiveCards): ReviewNotices & QuarterNotices {
  const { store, tabUrl } = ctx;
  return {
    async correctionRequested({ review, actorName }) {
      const [roles, people] = await Promise.all([store.listRoles(), store.listPeople()]);
      const of = (role: string) => new Set(roles.filter((r) => r.role === role && r.unitId === review.unit.id).map((r) => r.personId));
      const enlaces = of('enlace');
      const lideres = [...of('lider')].filter((id) => !enlaces.has(id));
      const reached: string[] = [];
      for (const [personId, asLeader] of [...[...enlaces].map((id) => [id, false] as const), ...lideres.map((id) => [id, true] as const)]) {
        if (await cards.send(personId, correctionNoticeCard(review, actorName, asLeader))) reached.push(people.find((p) => p.id === personId)?.name ?? personId);
      }
      return reached;
    },

    async correctionCompleted({ unit, period, requesterId, correctorName, corrected }) {
      await cards.send(requesterId, correctedNoticeCard({ unitId: unit.id, unitName: unit.name, period, correctorName, corrected }, reviewMonthLink(tabUrl, unit.id, period)));
    },

    async quarterShared({ snapshot }) {
      const [roles, units] = await Promise.all([store.listRoles(), store.listUnits()]);
      const lideres = (unitId: string) => [...new Set(roles.filter((r) => r.role === 'lider' && r.unitId === unitId).map((r) => r.personId))];
      let sent = 0;
      let unreachable = 0;
      const send = async (personId: string, card: object) => ((await cards.send(personId, card)) ? sent++ : unreachable++);
      const sgi = units.find((u) => SGI.test(u.name.trim()));
      for (const personId of sgi ? lideres(sgi.id) : []) await send(personId, quarterSharedCard(snapshot, tabUrl(undefined, { view: 'cierre', quarter: snapshot.quarter })));
      for (const unit of snapshot.units) {
        for (const personId of lideres(unit.unitId)) await send(personId, leaderResultCard(snapshot, unit, tabUrl(unit.unitId, { quarter: snapshot.quarter })));
      }
      return { sent, unreachable };
    },
  };
}
