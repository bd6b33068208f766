import { compose, type Intersection, type PortsOf } from '../compose.js';
import { seedSummary, SEED_AUDIT_ENTITY } from '../rules.js';
import type { SeedData, Store } from '../Store.js';
import { SharePointEngine, type SharePointStoreOptions } from './engine.js';
import type { ListSpec } from './schema.js';
import { actasSharePoint } from './repositories/actas.js';
import { auditSharePoint, auditTrail } from './repositories/audit.js';
import { DIRECTORY_LISTS, directorySharePoint } from './repositories/directory.js';
import { messagingSharePoint } from './repositories/messaging.js';
import { okrSharePoint } from './repositories/okr.js';
import { peiSharePoint } from './repositories/pei.js';
import { planSharePoint } from './repositories/plan.js';
import { proposalsSharePoint } from './repositories/proposals.js';
import { remindersSharePoint } from './repositories/reminders.js';
import { reviewSharePoint } from './repositories/review.js';
import { MIGRATIONS } from './migrations.js';

export { SharePointSchemaError, type SharePointStoreOptions, type SiteRef } from './engine.js';

/** The modules of the SharePoint store: each brings its lists (and libraries) and its repository. */
const MODULES = [directorySharePoint, okrSharePoint, reviewSharePoint, messagingSharePoint, actasSharePoint, remindersSharePoint, planSharePoint, peiSharePoint, proposalsSharePoint, auditSharePoint] as const;

/** The one schema: every module's lists, by key. `npm run provision` creates them; the store checks them at start. */
export const LISTS = joinLists(MODULES) as Intersection<(typeof MODULES)[number]['lists']>;
export type ListKey = keyof typeof LISTS;

/** Every module's document libraries. */
export const LIBRARIES = MODULES.flatMap((m) => m.libraries ?? []);

export interface SharePointStore extends PortsOf<typeof MODULES> {}

/**
 * The production store: one SharePoint list per entity in the entity's own site, through Microsoft
 * Graph — the engine (`engine.ts`: schema check, batched queries, compare-and-set writes undone on
 * failure, audit refused when missing) under one repository per module (`repositories/`). What
 * makes it cheap: every screen's reads go out as ONE `$batch` of queries on indexed columns, every
 * change as one `$batch` too, the item writes and their audit entries in sequence.
 */
export class SharePointStore implements Store {
  readonly kind = 'sharepoint' as const;
  readonly engine: SharePointEngine;

  constructor(options: SharePointStoreOptions) {
    this.engine = new SharePointEngine(options, { lists: Object.values(LISTS), libraries: LIBRARIES, audit: auditTrail, migrations: MIGRATIONS });
    compose(
      this,
      MODULES.map((m) => m.repository(this.engine)),
    );
  }

  async isEmpty(): Promise<boolean> {
    return (await this.engine.firstItem(DIRECTORY_LISTS.units)) === null;
  }

  /** Units go last: `isEmpty` looks at units, so a seed cut short is simply run again. */
  async seed(data: SeedData): Promise<void> {
    const ops = MODULES.flatMap((m) => m.seed?.(this.engine, data) ?? []);
    await this.engine.seed(ops, { actorId: 'system', entity: SEED_AUDIT_ENTITY, entityId: 'seed', action: 'create', before: null, after: seedSummary(data) }, DIRECTORY_LISTS.units);
  }

  async close(): Promise<void> {
    this.engine.reset();
  }

  /** With the read cache, its count of applied changes (without it every read may differ: null). */
  revision(): string | null {
    return this.engine.cache ? String(this.engine.cache.revision) : null;
  }
}

/** The modules' lists in one record; a key or a list name two modules use is a programming error. */
function joinLists(modules: ReadonlyArray<{ lists: Readonly<Record<string, ListSpec>> }>): Record<string, ListSpec> {
  const lists: Record<string, ListSpec> = {};
  for (const m of modules) {
    for (const [key, spec] of Object.entries(m.lists)) {
      if (key in lists || Object.values(lists).some((l) => l.name === spec.name)) throw new Error(`SharePoint list ${key} (${spec.name}) is defined by two modules`);
      lists[key] = spec;
    }
  }
  return lists;
}
