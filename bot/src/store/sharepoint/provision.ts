import type { GraphGateway } from './graph.js';
import { relativeUrl } from './graph.js';
import { resolveSiteId, type SiteRef } from './engine.js';
import { columnDefinition, columnTypeOf, isIndexed, libraryDefinition, listDefinition, type ListSpec } from './schema.js';
import { LIBRARIES, LISTS } from './SharePointStore.js';
import { LEGACY_CHECK_INS, migrateCheckIns } from './migrations.js';

/** One thing provisioning did (or, in a dry run, would do). */
export interface ProvisionAction {
  list: string;
  action: 'create-list' | 'create-column' | 'index-column' | 'create-library' | 'migrate';
  detail: string;
}

export interface ProvisionReport {
  siteId: string;
  actions: ProvisionAction[];
  /** Differences provisioning will not fix by itself (a column of another type). */
  problems: string[];
}

/** Provisioning failed; the message says what and, for 401/403, which permission is missing. */
export class ProvisionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProvisionError';
  }
}

interface Column {
  id: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  [key: string]: unknown;
}

/**
 * Creates or completes the store's lists on the site from the schema, idempotently: a list that is
 * missing is created with all its columns; in a list that exists, missing columns are added and
 * columns that should be indexed (or unique) are made so. The document libraries (the «ActasOKR»
 * of the signed actas, a folder per unit) are created when missing. Nothing is ever deleted, renamed or
 * retyped — a column of another type, or a plain list where the library should be, is reported as
 * a problem for a person to look at. Data of an earlier shape is moved to the current one
 * (migrations.ts: the legacy per-key-result `OkrCheckIns` into `OkrCheckInsMes`), idempotently.
 * Running it again on a provisioned site changes nothing and reports no action.
 */
export async function provision(gateway: GraphGateway, site: SiteRef, options: { dryRun?: boolean } = {}): Promise<ProvisionReport> {
  const siteId = await resolveSiteId(gateway, site);
  const actions: ProvisionAction[] = [];
  const problems: string[] = [];
  const existing = await getAll(gateway, `/sites/${siteId}/lists?$select=id,name,displayName,list`);
  const byName = new Map(existing.map((l) => [String(l.name).toLowerCase(), String(l.id)]));
  const templates = new Map(existing.map((l) => [String(l.name).toLowerCase(), (l.list as { template?: string } | undefined)?.template ?? null]));

  for (const spec of Object.values(LISTS)) {
    let listId = byName.get(spec.name.toLowerCase());
    if (!listId) {
      actions.push({ list: spec.name, action: 'create-list', detail: `${spec.columns.length} columns, ${spec.columns.filter(isIndexed).length} indexed` });
      if (options.dryRun) continue;
      const created = await send(gateway, 'POST', `/sites/${siteId}/lists`, listDefinition(spec), `create list ${spec.name}`);
      listId = String(created.id);
      byName.set(spec.name.toLowerCase(), listId);
    }
    // Also right after creating a list: check that every column came out as defined.
    await completeColumns(gateway, siteId, listId, spec, options, actions, problems);
  }

  for (const spec of LIBRARIES) {
    const library = spec.name.toLowerCase();
    if (!byName.has(library)) {
      actions.push({ list: spec.name, action: 'create-library', detail: `biblioteca de documentos: ${spec.description}` });
      if (!options.dryRun) await send(gateway, 'POST', `/sites/${siteId}/lists`, libraryDefinition(spec), `create document library ${spec.name}`);
    } else if (templates.get(library) !== 'documentLibrary') {
      problems.push(`${spec.name} exists as a list of template ${templates.get(library) ?? 'unknown'}, the schema wants a document library: rename or remove it by hand`);
    }
  }
  // Data of an earlier shape (migrations.ts): a site's per-key-result check-ins become one item per unit and month.
  const migration = await migrateCheckIns(gateway, siteId, byName, { dryRun: Boolean(options.dryRun) });
  if (migration.done) actions.push({ list: LEGACY_CHECK_INS.name, action: 'migrate', detail: migration.done });
  problems.push(...migration.problems);
  return { siteId, actions, problems };
}

async function completeColumns(
  gateway: GraphGateway,
  siteId: string,
  listId: string,
  spec: ListSpec,
  options: { dryRun?: boolean },
  actions: ProvisionAction[],
  problems: string[],
): Promise<void> {
  const columns = (await getAll(gateway, `/sites/${siteId}/lists/${listId}/columns`)) as Column[];
  const byName = new Map(columns.map((c) => [c.name.toLowerCase(), c]));
  for (const column of spec.columns) {
    const found = byName.get(column.name.toLowerCase());
    if (!found) {
      actions.push({ list: spec.name, action: 'create-column', detail: `${column.name} (${column.type}${isIndexed(column) ? ', indexed' : ''}${column.unique ? ', unique' : ''})` });
      if (!options.dryRun) await send(gateway, 'POST', `/sites/${siteId}/lists/${listId}/columns`, columnDefinition(column), `create column ${spec.name}.${column.name}`);
      continue;
    }
    const type = columnTypeOf(found);
    if (type !== column.type) {
      problems.push(`${spec.name}.${column.name} is ${type ?? 'of another type'}, the schema wants ${column.type}: change or remove it by hand`);
      continue;
    }
    const wantIndexed = isIndexed(column);
    const wantUnique = Boolean(column.unique);
    if ((wantIndexed && !found.indexed) || (wantUnique && !found.enforceUniqueValues)) {
      actions.push({ list: spec.name, action: 'index-column', detail: `${column.name}${wantUnique ? ' (unique)' : ''}` });
      if (!options.dryRun) {
        await send(
          gateway,
          'PATCH',
          `/sites/${siteId}/lists/${listId}/columns/${found.id}`,
          { indexed: true, ...(wantUnique ? { enforceUniqueValues: true } : {}) },
          `index column ${spec.name}.${column.name}`,
        );
      }
    }
  }
}

async function getAll(gateway: GraphGateway, url: string): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  let next: string | undefined = url;
  while (next) {
    const answer = await gateway.call({ method: 'GET', url: next });
    if (answer.status !== 200) throw failure(`GET ${url}`, answer.status, answer.body);
    out.push(...((answer.body?.value ?? []) as Array<Record<string, unknown>>));
    const link = answer.body?.['@odata.nextLink'] as string | undefined;
    next = link ? relativeUrl(link) : undefined;
  }
  return out;
}

async function send(gateway: GraphGateway, method: 'POST' | 'PATCH', url: string, body: unknown, what: string): Promise<Record<string, unknown>> {
  const answer = await gateway.call({ method, url, body });
  if (answer.status >= 300) throw failure(what, answer.status, answer.body);
  return (answer.body ?? {}) as Record<string, unknown>;
}

function failure(what: string, status: number, body: unknown): ProvisionError {
  const message = (body as { error?: { message?: string } } | null)?.error?.message ?? '';
  const hint =
    status === 401 || status === 403
      ? ' — the app needs Sites.Selected with the "manage" (or "fullcontrol") role on this site to create lists and columns, or Sites.Manage.All (see README, "SharePoint store")'
      : '';
  return new ProvisionError(`${what}: ${status} ${message}${hint}`);
}

/** The report as lines for a person. */
export function describe(report: ProvisionReport, dryRun = false): string[] {
  const lines = report.actions.map((a) => `${dryRun ? 'haría' : 'hecho'}: ${a.action} ${a.list}${a.detail ? ` — ${a.detail}` : ''}`);
  const libraries = LIBRARIES.map((l) => l.name).join(', ');
  if (report.actions.length === 0) lines.push(`Sin cambios: las ${Object.keys(LISTS).length} listas, sus columnas y ${LIBRARIES.length === 1 ? 'la biblioteca' : 'las bibliotecas'} ${libraries} ya están como define el esquema.`);
  for (const p of report.problems) lines.push(`REVISAR: ${p}`);
  return lines;
}
