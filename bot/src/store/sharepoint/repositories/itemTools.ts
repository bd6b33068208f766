import type { Item, Query } from '../engine.js';
import type { ListSpec } from '../schema.js';

/** What the SharePoint repositories share to order, query and group list items. */

/** Items in the order they were created. */
export const byNumericId = (a: Item, b: Item): number => Number(a.id) - Number(b.id);

/** Code-point order of strings (SQLite's default collation, so both stores sort alike). */
export const binary = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `[column, value]` queries of one list, one per value. */
export const queriesOf = (list: ListSpec, column: string, values: Iterable<string>): Query[] => [...values].map((v) => ({ list, where: [column, v] }));

export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
