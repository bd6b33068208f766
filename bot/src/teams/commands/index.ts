import type { Command } from '../BotDeps.js';
import { checkInCommand } from './checkInCommand.js';
import { helpCommand } from './helpCommand.js';
import { myOkrCommand } from './myOkrCommand.js';
import { pendingCommand } from './pendingCommand.js';
import { reviewCommand } from './reviewCommand.js';
import { normalizeCommand } from './normalize.js';
import { commitmentsCommand } from './commitmentsCommand.js';
import { actasCommand } from './actasCommand.js';
import { remindersAdminCommand, remindersCommand } from './remindersCommand.js';

export const commands: readonly Command[] = [checkInCommand, pendingCommand, myOkrCommand, reviewCommand, actasCommand, commitmentsCommand, remindersCommand, remindersAdminCommand, helpCommand];

export function findCommand(text: string): Command | undefined {
  const normalized = normalizeCommand(text);
  return commands.find((c) => c.phrases.includes(normalized));
}
