import type { Server } from 'restify';
import type { Routes } from '../api/routes.js';
import type { Config } from '../config.js';
import type { Notifier } from '../jobs/notifier.js';
import type { ProactiveCards } from '../services/proactiveCards.js';
import type { CardAction, Command, Deps, SharedDeps } from '../teams/handlers.js';

/**
 * App modules (docs/adr/0007-app-modules.md). A module is one manifest made with `defineModule`:
 * its services, bot commands, card actions, REST routes and start-up jobs. `app.ts` builds every
 * module of `modules/index.ts` and hands the bot, the API and `index.ts` the lists they loop over.
 */

/** What a module's services are built from. */
export interface ModuleContext extends SharedDeps {
  config: Config;
  /** Proactive cards (sent outside a turn); null where nothing can be sent. */
  proactive: ProactiveCards | null;
}

/** What a start-up job gets besides the module context: the HTTP server and the process's one notifier. */
export interface StartContext extends ModuleContext {
  server: Server;
  notifier: Notifier;
}

/** Something started with the process (a scheduler), stopped when it ends. */
export interface Job {
  stop(): void;
}

/** A module as `app.ts` composes it. `S`: every service its handlers may use (its own and those of the modules it uses). */
export interface AppModule<S = unknown> {
  readonly name: string;
  readonly uses: readonly AnyModule[];
  /** Builds its own services; called once, after the modules it uses. */
  readonly services: (ctx: ModuleContext) => object;
  readonly commands: readonly Command<S>[];
  readonly cardActions: readonly CardAction<S>[];
  readonly routes: readonly Routes<S>[];
  readonly start: ((ctx: StartContext, deps: Deps<S>) => Job | null) | null;
}

/** Any module, whatever its services (the module list; each manifest is checked where it is defined). */
export type AnyModule = AppModule<any>;

/** A module's services; `never` for a module without any (so it adds nothing to an intersection). */
type ServicesOf<M> = M extends AppModule<infer S> ? (unknown extends S ? never : S) : never;
type Intersection<U> = [U] extends [never] ? unknown : (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** The services of a list of modules, together (`unknown`, i.e. none, for an empty list). */
export type ModulesServices<L extends readonly AnyModule[]> = Intersection<ServicesOf<L[number]>>;

/** A module's handlers, each checked against the services `S` the module provides and uses. */
interface Handlers<S, Uses extends readonly AnyModule[]> {
  name: string;
  /** Modules whose services this one uses (built before it, and in the same module list). */
  uses?: Uses;
  commands?: readonly Command<S>[];
  cardActions?: readonly CardAction<S>[];
  routes?: readonly Routes<S>[];
  /** Started with the process, after the server exists (e.g. a scheduler). */
  start?: (ctx: StartContext, deps: Deps<S>) => Job | null;
}

/**
 * A module's manifest. `services` returns the module's own services (an object, e.g.
 * `{ checkIns: new CheckInService(ctx.store, ctx.clock) }`), built from the context and the
 * services of the modules listed in `uses`; every command, card action, route and job is checked
 * against what those provide, so a handler that needs a service nobody builds does not compile.
 */
export function defineModule<const Uses extends readonly AnyModule[] = []>(
  manifest: Handlers<ModulesServices<Uses>, Uses> & { services?: undefined },
): AppModule<ModulesServices<Uses>>;
export function defineModule<Own extends object, const Uses extends readonly AnyModule[] = []>(
  manifest: Handlers<Own & ModulesServices<Uses>, Uses> & { services: (ctx: ModuleContext & ModulesServices<Uses>) => Own },
): AppModule<Own & ModulesServices<Uses>>;
export function defineModule(manifest: Handlers<unknown, readonly AnyModule[]> & { services?: (ctx: ModuleContext) => object }): AnyModule {
  return {
    name: manifest.name,
    uses: manifest.uses ?? [],
    services: manifest.services ?? (() => ({})),
    commands: manifest.commands ?? [],
    cardActions: manifest.cardActions ?? [],
    routes: manifest.routes ?? [],
    start: manifest.start ?? null,
  };
}
