import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { CheckInService } from '../services/checkIns.js';
import { FormulationService } from '../services/formulation.js';
import type { ProactiveCards } from '../services/proactiveCards.js';
import { formulationNotices } from './formulationNotices.js';
import { actaNotices } from './actaNotices.js';
import { ActaService } from '../services/actas.js';
import type { Clock } from '../services/clock.js';
import { ReminderService } from '../services/reminders.js';
import type { ReminderSettings } from '@okr/core';
import type { Store } from '../store/Store.js';
import type { BotDeps } from './BotDeps.js';
import { OkrBot } from './OkrBot.js';

/** What a link to the tab opens: a unit, and optionally a view (`plenarias`, `compromisos`, `actas-oap`) and one acta. */
export interface TabLinkTarget {
  view?: 'plenarias' | 'compromisos' | 'actas-oap';
  acta?: string;
}

/**
 * Links to the OKR tab: a Teams deep link in a real tenant (the tab reads `unit=…&view=…&acta=…`
 * from its `subEntityId`), the local page with the same query otherwise.
 */
export function tabLinks(config: Pick<Config, 'MicrosoftAppId' | 'TEAMS_APP_ID' | 'PUBLIC_URL'>) {
  return (unitId?: string, target: TabLinkTarget = {}): string => {
    const query = new URLSearchParams();
    if (unitId) query.set('unit', unitId);
    if (target.view) query.set('view', target.view);
    if (target.acta) query.set('acta', target.acta);
    const q = query.toString();
    if (config.MicrosoftAppId) {
      const context = encodeURIComponent(JSON.stringify(q ? { subEntityId: q } : {}));
      return `https://teams.microsoft.com/l/entity/${config.TEAMS_APP_ID}/misokr?context=${context}`;
    }
    return `${config.PUBLIC_URL}/${q ? `?${q}` : ''}`;
  };
}

/** All bot wiring in one place. */
export function createBot(args: { store: Store; clock: Clock; config: Config; log: Logger; proactive?: ProactiveCards; reminderSettings?: ReminderSettings }): { bot: OkrBot; deps: BotDeps } {
  const deps: BotDeps = {
    store: args.store,
    actas: undefined as unknown as ActaService, // set below: its notices need the finished deps

    clock: args.clock,
    checkIns: new CheckInService(args.store, args.clock),
    formulation: new FormulationService(args.store, args.proactive ? formulationNotices(args.store, args.proactive) : undefined),
    reminders: new ReminderService(args.store, args.clock, args.reminderSettings),
    tabUrl: tabLinks(args.config),
    log: args.log,
  };
  deps.actas = new ActaService(args.store, args.clock, args.proactive ? actaNotices(() => deps, args.proactive) : undefined);
  return { bot: new OkrBot(deps), deps };
}
