/**
 * A request a service turns down with a Spanish sentence for the person: nothing was changed.
 * The API answers it with the matching status; the bot shows it on the card.
 */
export class Refusal extends Error {
  constructor(
    readonly code: 'invalid' | 'forbidden' | 'not_found' | 'conflict',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}
