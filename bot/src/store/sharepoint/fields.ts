import { NOTE_MAX, TEXT_MAX } from './schema.js';

/**
 * Domain objects ↔ SharePoint list item `fields`: the reading and writing helpers every
 * repository's mappers use. SharePoint stores an empty text as no value and leaves empty fields out
 * of `fields`, so reading turns a missing text back into '' (or null where the domain allows null)
 * and a missing number into null.
 */

export type Fields = Record<string, unknown>;

export const str = (f: Fields, name: string): string => (typeof f[name] === 'string' ? (f[name] as string) : f[name] === undefined || f[name] === null ? '' : String(f[name]));
export const strOrNull = (f: Fields, name: string): string | null => {
  const v = str(f, name);
  return v === '' ? null : v;
};
export const num = (f: Fields, name: string): number => Number(f[name] ?? 0);
export const numOrNull = (f: Fields, name: string): number | null => (f[name] === undefined || f[name] === null || f[name] === '' ? null : Number(f[name]));

/** Title is single-line text: a shortened copy of a longer text, for SharePoint's own views. */
export function title(text: string): string {
  return text.length <= TEXT_MAX ? text : `${text.slice(0, TEXT_MAX - 1)}…`;
}

/** JSON for a multi-line text column, refused with a clear message when SharePoint could not hold it. */
export function noteJson(value: unknown, what: string): string {
  const json = JSON.stringify(value);
  if (json.length > NOTE_MAX) throw new Error(`${what}: ${json.length} caracteres, más de los ${NOTE_MAX} que admite una columna de texto de SharePoint`);
  return json;
}

/** Whether the stored fields already hold these values (SharePoint's empty = null = ''). */
export function sameFields(stored: Fields, wanted: Fields): boolean {
  const norm = (v: unknown) => (v === undefined || v === null || v === '' ? null : v);
  return Object.entries(wanted).every(([k, v]) => norm(stored[k]) === norm(v));
}
