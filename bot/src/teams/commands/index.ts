import type { Command } from '../BotDeps.js';
import { checkInCommand } from './checkInCommand.js';
import { helpCommand } from './helpCommand.js';
import { normalizeCommand } from './normalize.js';

export const commands: readonly Command[] = [checkInCommand, helpCommand];

export function findCommand(text: string): Command | undefined {
  const normalized = normalizeCommand(text);
  return commands.find((c) => c.phrases.includes(normalized));
}
