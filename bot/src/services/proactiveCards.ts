/**
 * Sending a card to a person outside a conversation turn (a "proactive" message), through the
 * conversation reference stored when they last wrote to the bot or installed it. A port: Teams'
 * implementation lives in bot/src/teams/, tests use a recording fake.
 */
export interface SentCard {
  activityId: string;
  reference: unknown;
}

export interface ProactiveCards {
  /** Sends a card to the person's personal chat; null when the bot cannot reach them yet (never installed). */
  send(personId: string, card: object): Promise<SentCard | null>;
  /** Replaces a card sent earlier, so an old card never shows stale buttons. */
  update(sent: SentCard, card: object): Promise<void>;
}

/** Records what would be sent (tests, and the default when nothing can be sent). */
export class RecordingProactiveCards implements ProactiveCards {
  readonly sent: Array<{ personId: string; card: object; activityId: string }> = [];
  readonly updated: Array<{ activityId: string; card: object }> = [];
  constructor(private readonly reachable: (personId: string) => boolean = () => true) {}

  async send(personId: string, card: object): Promise<SentCard | null> {
    if (!this.reachable(personId)) return null;
    const activityId = `proactive-${this.sent.length + 1}`;
    this.sent.push({ personId, card, activityId });
    return { activityId, reference: { personId } };
  }

  async update(sent: SentCard, card: object): Promise<void> {
    this.updated.push({ activityId: sent.activityId, card });
  }
}
