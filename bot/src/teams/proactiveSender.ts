import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import { toSendError, type ConversationSender, type ProactiveMessage, type SentMessage } from '../jobs/notifier.js';

/**
 * The production sender of proactive cards: `CloudAdapter.continueConversationAsync` with the
 * conversation reference stored when the person last wrote to the bot (or installed it). One attempt;
 * rate limits and 429 retries are the RateLimitedNotifier's job. Errors come back as SendError.
 */
export class BotFrameworkSender implements ConversationSender {
  constructor(
    private readonly adapter: Pick<CloudAdapter, 'continueConversationAsync'>,
    /** The bot's app id; empty in anonymous local mode (Agents Playground). */
    private readonly appId: string,
  ) {}

  async send(message: ProactiveMessage): Promise<SentMessage> {
    let activityId: string | null = null;
    try {
      await this.adapter.continueConversationAsync(this.appId, message.reference as Partial<ConversationReference>, async (context: TurnContext) => {
        const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(message.card)));
        activityId = sent?.id ?? null;
      });
    } catch (error) {
      throw toSendError(error);
    }
    return { activityId };
  }

  async update(message: ProactiveMessage, activityId: string): Promise<void> {
    try {
      await this.adapter.continueConversationAsync(this.appId, message.reference as Partial<ConversationReference>, async (context: TurnContext) => {
        await context.updateActivity({ id: activityId, type: 'message', attachments: [CardFactory.adaptiveCard(message.card)] });
      });
    } catch (error) {
      throw toSendError(error);
    }
  }
}
