import type { Logger } from 'pino';
import type { Person } from '@okr/core';
import type { Clock } from '../services/clock.js';
import type { Store } from '../store/Store.js';
import type { DecidedWrite } from '../store/freshness.js';
import type { AdaptiveCard } from './cards/elements.js';
import type { TabLinks } from './tabLinks.js';

/**
 * What a module's bot commands and card actions are (docs/adr/0007-app-modules.md): plain objects
 * that answer with Adaptive Cards, typed by the services they use. No botbuilder here: `OkrBot`
 * runs them once `app.ts` has bound them to their module's services.
 */

/** A line of the `ayuda` card: a command and what it does. */
export interface HelpLine {
  command: string;
  description: string;
}

/** What every command, card action and route may use, whatever its module. */
export interface SharedDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  /** Link to the OKR tab, optionally on one unit, a view or one acta. */
  tabUrl: TabLinks;
  /** The commands' help lines, in module order (the `ayuda` card). */
  help: readonly HelpLine[];
}

/** The shared dependencies plus the services `S` a handler uses (e.g. `{ checkIns: CheckInService }`). */
export type Deps<S = unknown> = SharedDeps & S;

/** Who is acting: the directory person behind the Teams user, and what the handler may use. */
export interface Actor<S = unknown> {
  person: Person;
  deps: Deps<S>;
}

/** A text command typed in chat. */
export interface Command<S = unknown> {
  /** Normalised phrases (lower case, no accents) that trigger it; the first is the one `ayuda` shows. */
  phrases: readonly string[];
  /** What it does, for the `ayuda` card (from the module's strings); without it the command is not listed. */
  help?: string;
  /** One card, or several (each sent as its own message). */
  run: (actor: Actor<S>) => Promise<AdaptiveCard | AdaptiveCard[]>;
}

/**
 * What a card action answers: the card for the person who clicked, and optionally the card everyone
 * else in the conversation should now see on the original message (`updateActivity`): an invoke
 * response only changes the clicker's view.
 */
export type CardReply = AdaptiveCard | { card: AdaptiveCard; everyone: AdaptiveCard };

/** A card button, matched by its `Action.Execute` verb (or the `action` of its `Action.Submit` fallback). */
export interface CardAction<S = unknown> {
  verb: string;
  run: (actor: Actor<S>, data: Record<string, unknown>) => Promise<CardReply>;
  /** A write whose freshness checks cover only what decides it (store/freshness.ts): the whole turn runs as it. */
  write?: DecidedWrite;
}
