import type { Command } from '../BotDeps.js';
import { helpCard } from '../cards/simpleCards.js';

/** `ayuda`: what the bot understands. */
export const helpCommand: Command = {
  phrases: ['ayuda', 'help', 'menu', 'comandos', 'hola'],
  async run() {
    return helpCard();
  },
};
