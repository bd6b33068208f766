import { okrBotText, type Unit } from '@okr/core';
import type { CardAction, Command } from '../handlers.js';
import { MY_OKR_OPEN, myOkrCard } from '../cards/summaryCards.js';
import { today } from '../../services/clock.js';
import { loadTree } from '../../services/okrTree.js';

/** `mis okr`: a summary of the objectives of each unit the person belongs to, with a link to the tab. */
export const myOkrCommand: Command = {
  phrases: ['mis okr', 'mis okrs', 'okr', 'mi unidad', 'resumen'],
  help: okrBotText.commands.myOkr,
  async run(actor) {
    const { store, clock } = actor.deps;
    const roles = await store.rolesOf(actor.person.id);
    const unitIds = [...new Set(roles.map((r) => r.unitId).filter((u): u is string => u !== null))];
    const units = (await Promise.all(unitIds.map((id) => store.getUnit(id)))).filter((u): u is Unit => u !== null);
    const { quarter, date } = today(clock);
    const trees = await Promise.all(units.map((unit) => loadTree(store, unit, quarter, date)));
    return myOkrCard(trees, actor.deps.tabUrl);
  },
};

/** «Ver la unidad» on `mis okr` for a person of more than six units: that unit's objectives and its link. */
export const openMyOkrUnitAction: CardAction = {
  verb: MY_OKR_OPEN,
  async run(actor, data) {
    const { store, clock } = actor.deps;
    const unitId = String(data.unitId ?? '');
    const roles = await store.rolesOf(actor.person.id);
    const unit = roles.some((r) => r.unitId === unitId) ? await store.getUnit(unitId) : null;
    if (!unit) return myOkrCard([], actor.deps.tabUrl);
    const { quarter, date } = today(clock);
    return myOkrCard([await loadTree(store, unit, quarter, date)], actor.deps.tabUrl);
  },
};
