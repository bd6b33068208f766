import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import type { ProactiveCards, SentCard } from '../services/proactiveCards.js';
import type { Store } from '../store/Store.js';

/** Proactive cards over Teams: `continueConversationAsync` on the person's stored conversation reference. */
export class TeamsProactiveCards implements ProactiveCards {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly store: Store,
    private readonly log: Logger,
  ) {}

  async send(personId: string, card: object): Promise<SentCard | null> {
    const reference = (await this.store.getConversationReference(personId)) as Partial<ConversationReference> | null;
    if (!reference) return null;
    let activityId: string | undefined;
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
        activityId = (await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))))?.id;
      });
    } catch (error) {
      this.log.warn({ err: error, personId }, 'proactive card not delivered');
      return null;
    }
    return activityId ? { activityId, reference } : null;
  }

  async update(sent: SentCard, card: object): Promise<void> {
    try {
      await this.adapter.continueConversationAsync(this.appId, sent.reference as Partial<ConversationReference>, async (context) => {
        await context.updateActivity({ id: sent.activityId, type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
      });
    } catch (error) {
      this.log.warn({ err: error, activityId: sent.activityId }, 'proactive card not updated');
    }
  }
}
