/** Counted words and joined phrases, as people read them in es-CO. */

const numbers = new Intl.NumberFormat('es-CO');

/** «1 reconocimiento», «2 reconocimientos», «1.250 personas»: a count with its noun in the right number. */
export function counted(count: number, one: string, many: string): string {
  return `${numbers.format(count)} ${count === 1 ? one : many}`;
}

/** Only the noun, in the right number: «abierto» / «abiertos». */
export function inNumber(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/**
 * Parts joined by a separator, leaving out the empty ones: «Sesión de diálogo · 1 dic 2026», never
 * «Sesión de diálogo ·» nor «… — · Abrir la reunión».
 */
export function joinParts(separator: string, ...parts: ReadonlyArray<string | null | undefined | false>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(separator);
}
