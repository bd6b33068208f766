/** An instant as people in Bogotá read it: "27 de noviembre de 2026, 3:05 p. m.". */
export function formatInstant(iso: string): string {
  return new Date(iso).toLocaleString('es-CO', { timeZone: 'America/Bogota', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' });
}

/** A short instant for tables: "27 nov, 3:05 p. m.". */
export function formatShortInstant(iso: string): string {
  return new Date(iso).toLocaleString('es-CO', { timeZone: 'America/Bogota', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
}
