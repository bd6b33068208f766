import type { Logger } from 'pino';
import type { Notifier } from '../jobs/notifier.js';
import type { ProactiveCards, SentCard } from '../services/proactiveCards.js';
import type { Store } from '../store/Store.js';

/**
 * Proactive cards (formulation steps, acta sign-off) through the same Notifier as the reminders, so
 * every message of this process shares one budget of Teams' rate limits and 429s are retried after
 * their Retry-After. Sent on the person's stored conversation reference.
 */
export class TeamsProactiveCards implements ProactiveCards {
  private sequence = 0;

  constructor(
    private readonly notifier: Notifier,
    private readonly store: Store,
    private readonly log: Logger,
  ) {}

  async send(personId: string, card: object): Promise<SentCard | null> {
    const reference = await this.store.getConversationReference(personId);
    if (!reference) return null;
    try {
      const { activityId } = await this.notifier.send({ id: `card:${personId}:${++this.sequence}`, personId, reference, card: card as Record<string, unknown> });
      return activityId ? { activityId, reference } : null;
    } catch (error) {
      this.log.warn({ err: error, personId }, 'proactive card not delivered');
      return null;
    }
  }

  async update(sent: SentCard, card: object): Promise<void> {
    try {
      await this.notifier.update({ id: `update:${sent.activityId}`, personId: '', reference: sent.reference, card: card as Record<string, unknown> }, sent.activityId);
    } catch (error) {
      this.log.warn({ err: error, activityId: sent.activityId }, 'proactive card not updated');
    }
  }
}
