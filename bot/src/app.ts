import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { Api } from './api/routes.js';
import { isProduction, type Config } from './config.js';
import type { Notifier } from './jobs/notifier.js';
import { modules } from './modules/index.js';
import type { AnyModule, Job, ModuleContext, ModulesServices } from './modules/module.js';
import type { Clock } from './services/clock.js';
import type { ProactiveCards } from './services/proactiveCards.js';
import type { Store } from './store/Store.js';
import type { Deps, HelpLine } from './teams/handlers.js';
import { OkrBot, type BotCardAction, type BotCommand } from './teams/OkrBot.js';
import { commandFor } from './teams/commands/normalize.js';
import { tabLinks } from './teams/tabLinks.js';
import { isBotServiceUrl } from './teams/serviceUrls.js';

/** What the app is built from (index.ts, and the test harnesses). */
export interface AppInput {
  store: Store;
  clock: Clock;
  config: Config;
  log: Logger;
  /** Proactive cards; without them nothing is sent outside a turn. */
  proactive?: ProactiveCards;
}

/** Every module built: the services, and the lists the bot, the API and the start-up loop over. */
export interface ComposedModules<S> {
  /** The shared dependencies and every module's services. */
  deps: Deps<S>;
  commands: BotCommand[];
  cardActions: BotCardAction[];
  routes: Array<(server: Server, api: Api) => void>;
  /** Starts every module's jobs (the reminder scheduler). */
  start(ctx: { server: Server; notifier: Notifier }): Job[];
}

export type AppServices = ModulesServices<typeof modules>;

function once(kind: string, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`Two modules declare the ${kind} «${name}».`);
    seen.add(name);
  }
}

/**
 * Builds the modules of `list`: each module's services once, after those of the modules it uses,
 * then its commands, card actions, routes and jobs bound to them. Two modules declaring the same
 * service, phrase or verb, or a module using one that is not in the list, stop the start.
 */
export function composeModules<const L extends readonly AnyModule[]>(input: AppInput, list: L): ComposedModules<ModulesServices<L>> {
  const help: HelpLine[] = list.flatMap((m) => m.commands.flatMap((c) => (c.help ? [{ command: c.phrases[0]!, description: c.help }] : [])));
  const ctx: ModuleContext = { store: input.store, clock: input.clock, log: input.log, config: input.config, proactive: input.proactive ?? null, tabUrl: tabLinks(input.config), help };
  const built: Record<string, unknown> = { ...ctx };
  const done = new Set<AnyModule>();
  const build = (module: AnyModule, path: readonly AnyModule[]): void => {
    if (done.has(module)) return;
    if (path.includes(module)) throw new Error(`The modules ${[...path, module].map((m) => m.name).join(' → ')} use each other.`);
    for (const used of module.uses) {
      if (!list.includes(used)) throw new Error(`The module «${module.name}» uses «${used.name}», which is not in the module list.`);
      build(used, [...path, module]);
    }
    const own = module.services(built as unknown as ModuleContext);
    for (const name of Object.keys(own)) if (name in built) throw new Error(`The service «${name}» of the module «${module.name}» is already defined.`);
    Object.assign(built, own);
    done.add(module);
  };
  for (const module of list) build(module, []);
  once('module', list.map((m) => m.name));
  once('command phrase', list.flatMap((m) => m.commands.flatMap((c) => c.phrases)));
  once('card action verb', list.flatMap((m) => m.cardActions.map((a) => a.verb)));

  const deps = built as Deps<ModulesServices<L>>;
  return {
    deps,
    commands: list.flatMap((m) => m.commands.map((c): BotCommand => ({ phrases: c.phrases, run: (person) => c.run({ person, deps }) }))),
    cardActions: list.flatMap((m) => m.cardActions.map((a): BotCardAction => ({ verb: a.verb, run: (person, data) => a.run({ person, deps }, data), ...(a.write ? { write: a.write } : {}) }))),
    routes: list.flatMap((m) => m.routes.map((routes) => (server: Server, api: Api) => routes(server, api, deps))),
    start: (started) => list.flatMap((m) => m.start?.({ ...ctx, ...started }, deps) ?? []),
  };
}

/** The app: every module of `modules/index.ts` composed, and the Teams bot over their commands and card actions. */
export function createApp(input: AppInput): ComposedModules<AppServices> & { bot: OkrBot } {
  const app = composeModules(input, modules);
  const production = isProduction(input.config);
  const bot = new OkrBot({
    store: input.store,
    log: input.log,
    commands: app.commands,
    cardActions: app.cardActions,
    help: app.deps.help,
    conversations: { anonymous: !input.config.MicrosoftAppId, serviceUrlAllowed: (url) => !production || isBotServiceUrl(url) },
  });
  return { ...app, bot };
}

/** The app's command that answers a typed text, if any. */
export function findCommand(text: string) {
  return commandFor((modules as readonly AnyModule[]).flatMap((m) => m.commands), text);
}
