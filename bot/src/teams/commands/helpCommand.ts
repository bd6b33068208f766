import { shellBotText } from '@okr/core';
import type { Command } from '../handlers.js';
import { helpCard } from '../cards/simpleCards.js';

/** `ayuda`: what the bot understands. */
export const helpCommand: Command = {
  phrases: ['ayuda', 'help', 'menu', 'comandos', 'hola'],
  help: shellBotText.help.command,
  run: async (actor) => helpCard(actor.deps.help),
};
