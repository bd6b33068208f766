import type { Person } from '@okr/core';
import type { Logger } from 'pino';
import type { CheckInService } from '../services/checkIns.js';
import type { FormulationService } from '../services/formulation.js';
import type { ActaService } from '../services/actas.js';
import type { Clock } from '../services/clock.js';
import type { ReminderService } from '../services/reminders.js';
import type { Store } from '../store/Store.js';
import type { AdaptiveCard } from './cards/elements.js';
import type { TabLinkTarget } from './initialize.js';

/** What commands and card actions need; built once in `initialize.ts`. */
export interface BotDeps {
  store: Store;
  checkIns: CheckInService;
  formulation: FormulationService;
  /** Plenarias, actas (sign-off cards) and commitments. */
  actas: ActaService;
  clock: Clock;
  /** `recordatorios`, the reminder card's buttons and the ETI's reminders view. */
  reminders: ReminderService;
  /** Link to the OKR tab, optionally on one unit, a view or one acta. */
  tabUrl(unitId?: string, target?: TabLinkTarget): string;
  log: Logger;
}

/** Who is acting: the directory person behind the Teams user. */
export interface Actor {
  person: Person;
  deps: BotDeps;
}

/** A text command typed in chat. One file per command under `commands/`. */
export interface Command {
  /** Normalised phrases (lower case, no accents) that trigger it. */
  phrases: readonly string[];
  /** One card, or several (each sent as its own message). */
  run(actor: Actor): Promise<AdaptiveCard | AdaptiveCard[]>;
}

/**
 * What a card action answers: the card for the person who clicked, and optionally the card everyone
 * else in the conversation should now see on the original message (`updateActivity`): an invoke
 * response only changes the clicker's view.
 */
export type CardReply = AdaptiveCard | { card: AdaptiveCard; everyone: AdaptiveCard };

/** A card button, matched by its `Action.Execute` verb (or the `action` of its `Action.Submit` fallback). */
export interface CardAction {
  verb: string;
  run(actor: Actor, data: Record<string, unknown>): Promise<CardReply>;
}
