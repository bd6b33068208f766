import { quarterMonths, type QuarterId } from '@okr/core';
import type { DirectoryNotices } from '../services/directory.js';
import type { ProactiveCards } from '../services/proactiveCards.js';
import { today } from '../services/clock.js';
import type { SharedDeps } from './handlers.js';
import { enlaceWelcomeCard } from './cards/directoryCards.js';

/** The bot's side of the directory: a new enlace gets a welcome card in their personal chat, with what is pending. */
export function directoryNotices(deps: Pick<SharedDeps, 'store' | 'clock' | 'tabUrl'>, cards: ProactiveCards): DirectoryNotices {
  return {
    async welcomeEnlace(personId, unitId, from) {
      const { store } = deps;
      const [person, unit] = await Promise.all([store.getPerson(personId), store.getUnit(unitId)]);
      if (!person || !unit) return false;
      const now = today(deps.clock);
      const quarter: QuarterId = now.quarter;
      const { bundle, checkIns } = await store.loadUnitQuarter(unitId, quarter);
      const active = bundle && bundle.set.state === 'active' ? bundle : null;
      const reported = new Set(checkIns.filter((c) => c.period === now.period).map((c) => c.keyResultId));
      const missingCheckIns = active && quarterMonths(quarter).includes(now.period) ? { missing: active.keyResults.filter((k) => !reported.has(k.id)).length, total: active.keyResults.length } : null;
      const card = enlaceWelcomeCard(person, unit.name, from, { quarter, setState: bundle?.set.state ?? null, period: now.period, missingCheckIns }, deps.tabUrl(unitId));
      return (await cards.send(personId, card)) !== null;
    },
  };
}
