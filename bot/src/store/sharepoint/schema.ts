/**
 * How the SharePoint lists that hold the store are defined: which columns with which Graph
 * `columnDefinition` type, which columns are indexed, which lists are audited. Each module's
 * repository (`repositories/`) defines its lists with these; `SharePointStore.ts` puts them
 * together into the one schema that `npm run provision` creates and the adapter checks, reads and
 * writes through, so the two cannot drift apart.
 *
 * Rules the definition follows (SharePoint Online through Microsoft Graph):
 * - Every query filters on ONE indexed column with `eq` and that filter must narrow the list to
 *   fewer than 5,000 items (the list view threshold); a filter on a column that is not indexed is
 *   refused by Graph unless `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` is sent, and
 *   then fails once the list passes 5,000 items. The adapter never sends that header.
 * - So composite keys are stored denormalised in their own indexed column: `UnitQuarter`
 *   ("al-usaquen|2026-Q4") for everything one unit's tree needs, `Quarter` for the entity
 *   dashboard, `Month` / `EntityMonth` to page the audit trail month by month.
 * - `RecordKey` is the natural key of every item (unique, hence indexed): a second create of the
 *   same thing fails instead of duplicating it. `IdempotencyKey` is written once by the create that
 *   made the item, so a retry after a lost response can tell its own item from someone else's.
 * - Single-line text holds at most 255 characters: free text (titles of objectives and key results,
 *   comments, evidence links, JSON) goes to multi-line text ("note") columns, and `Title` (the list
 *   item's built-in column, shown in SharePoint's own views) gets a shortened copy.
 * - Timestamps are ISO strings in text columns, so they come back exactly as written (a dateTime
 *   column would drop the milliseconds).
 * - Column names avoid SharePoint's built-in fields (Order, Version, Author, Created, Modified…).
 * - Multi-line text holds at most 63,999 characters (`NOTE_MAX`): JSON that could outgrow it (an
 *   acta's draft) is checked before it is written and refused with a clear error.
 * - Files are not list items: the signed .docx of an acta goes to the «ActasOKR» document library
 *   (`ACTA_LIBRARY`, repositories/actas.ts), in the folder of its unit, where people find the original; the list
 *   `OkrActasArchivos` says which file belongs to which acta version.
 */
import type { DecidedWrite } from '../freshness.js';

export type ColumnType = 'text' | 'note' | 'number';

export interface ColumnSpec {
  /** Internal name (what Graph's `fields` and `$filter` use). */
  name: string;
  type: ColumnType;
  /** Indexed in SharePoint: the only columns the adapter filters on. */
  indexed?: boolean;
  /** Enforce unique values (SharePoint requires the column to be indexed too). */
  unique?: boolean;
  description: string;
}

export interface ListSpec {
  /** List name (its URL segment) and display name at creation. */
  name: string;
  description: string;
  columns: ColumnSpec[];
  /**
   * The audit entity a change of the list must be recorded under in the same batch (the engine
   * refuses a write without it), or null when the list is not audited (say why).
   */
  audit: string | null;
  /**
   * A list that stays small (the directory's size, not the history's): the read cache holds it
   * whole and answers its filtered reads from memory — who a person is and what they may see
   * costs no request once it is read.
   */
  small?: true;
  /**
   * Filters contained in a wider one, by column: `UnitQuarter` 'al-usaquen|2026-Q4' is within
   * `Quarter` '2026-Q4'. The read cache reads the wider filter instead (the same resource units, one
   * multi-item query) and answers every narrower one from it: 44 units' trees cost one read per list.
   */
  within?: Readonly<Record<string, (value: string) => [column: string, value: string]>>;
  /**
   * The writes this list's items decide (who may make them, whether the set or month takes them,
   * what they must say): inside such a write (`store/freshness.ts`) the read cache checks this list
   * with Graph as usual, and serves the lists that do not decide it as it holds them.
   */
  decides?: readonly DecidedWrite[];
}

/** A document library (files, not list items), e.g. the signed actas. */
export interface LibrarySpec {
  name: string;
  description: string;
}

export const recordKey = (what: string): ColumnSpec => ({ name: 'RecordKey', type: 'text', indexed: true, unique: true, description: `Clave natural: ${what}` });
export const idempotencyKey: ColumnSpec = { name: 'IdempotencyKey', type: 'text', description: 'Identificador de la operación que creó el elemento (reintentos sin duplicados)' };
export const quarter: ColumnSpec = { name: 'Quarter', type: 'text', indexed: true, description: 'Trimestre, p. ej. 2026-Q4' };
export const indexed = (name: string, description: string): ColumnSpec => ({ name, type: 'text', indexed: true, description });
export const text = (name: string, description: string): ColumnSpec => ({ name, type: 'text', description });
export const note = (name: string, description: string): ColumnSpec => ({ name, type: 'note', description });
export const number = (name: string, description: string): ColumnSpec => ({ name, type: 'number', description });

/** Single-line text holds at most 255 characters in SharePoint. */
export const TEXT_MAX = 255;

/** Multiple lines of (plain) text hold at most 63,999 characters in a SharePoint list. */
export const NOTE_MAX = 63_999;

/** The Graph body that creates a document library (a list with the documentLibrary template). */
export function libraryDefinition(library: LibrarySpec): Record<string, unknown> {
  return { displayName: library.name, description: library.description, list: { template: 'documentLibrary' } };
}

/** SharePoint's list view threshold: a query may not touch more items than this. */
export const LIST_VIEW_THRESHOLD = 5000;

export function columnsOf(list: ListSpec): string[] {
  return ['Title', ...list.columns.map((c) => c.name)];
}

export function isIndexed(column: ColumnSpec): boolean {
  return Boolean(column.indexed || column.unique);
}

/** The Graph `columnDefinition` body that creates a column. */
export function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  const type =
    column.type === 'number'
      ? { number: {} }
      : column.type === 'note'
        ? { text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 6 } }
        : { text: { allowMultipleLines: false, maxLength: TEXT_MAX } };
  return {
    name: column.name,
    displayName: column.name,
    description: column.description,
    indexed: isIndexed(column),
    enforceUniqueValues: Boolean(column.unique),
    ...type,
  };
}

/** The Graph body that creates a list with all its columns. */
export function listDefinition(list: ListSpec): Record<string, unknown> {
  return {
    displayName: list.name,
    description: list.description,
    list: { template: 'genericList' },
    columns: list.columns.map(columnDefinition),
  };
}

/** The column type a Graph columnDefinition describes, or null when it is none of ours. */
export function columnTypeOf(definition: Record<string, unknown>): ColumnType | null {
  if (definition.number) return 'number';
  const t = definition.text as { allowMultipleLines?: boolean } | undefined;
  if (t) return t.allowMultipleLines ? 'note' : 'text';
  return null;
}
