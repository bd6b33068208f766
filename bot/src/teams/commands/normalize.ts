/** Lower case, no accents, no bot @mention, single spaces: "  Check-In " → "check-in". */
export function normalizeCommand(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[¿?¡!.,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The command one of whose phrases is the typed text, normalised. */
export function commandFor<C extends { phrases: readonly string[] }>(commands: readonly C[], text: string): C | undefined {
  const normalized = normalizeCommand(text);
  return commands.find((c) => c.phrases.includes(normalized));
}
