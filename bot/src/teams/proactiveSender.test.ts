import { describe, expect, it } from 'vitest';
import type { TurnContext } from 'botbuilder';
import { BotFrameworkSender } from './proactiveSender.js';

const message = { id: 'k', personId: 'p', reference: { conversation: { id: 'a:1' } }, card: { type: 'AdaptiveCard', version: '1.5', body: [] } };

describe('BotFrameworkSender', () => {
  it('continues the stored conversation and sends the card as an Adaptive Card attachment', async () => {
    const calls: unknown[] = [];
    const adapter = {
      async continueConversationAsync(appId: string, reference: unknown, logic: (c: TurnContext) => Promise<void>) {
        calls.push({ appId, reference });
        await logic({ sendActivity: async (a: any) => (calls.push(a.attachments[0]), { id: 'act-1' }) } as unknown as TurnContext);
      },
    };
    const sender = new BotFrameworkSender(adapter as never, 'app-id');
    expect(await sender.send(message)).toEqual({ activityId: 'act-1' });
    expect(calls[0]).toEqual({ appId: 'app-id', reference: message.reference });
    expect(calls[1]).toMatchObject({ contentType: 'application/vnd.microsoft.card.adaptive', content: message.card });
  });

  it('turns a 429 from the connector into a throttled SendError with its Retry-After', async () => {
    const adapter = {
      async continueConversationAsync() {
        throw Object.assign(new Error('Too Many Requests'), { statusCode: 429, response: { headers: new Map([['retry-after', '3']]) } });
      },
    };
    await expect(new BotFrameworkSender(adapter as never, '').send(message)).rejects.toMatchObject({ failure: 'throttled', retryAfterMs: 3000 });
  });
});
