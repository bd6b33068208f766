/** A card the bot sent about a set or an acta, to update in place (updateActivity) when it moves on. */
export interface CardMessage {
  /** The set's id, or `acta:<plenariaId>` for an acta's sign-off cards. */
  subjectId: string;
  /** What the card is for: 'coach_review', 'leader_approval', 'returned', 'acta_signature'… */
  purpose: string;
  personId: string;
  activityId: string;
  reference: unknown;
}

/**
 * What the bot needs to reach people proactively and to update its cards in place. Technical data:
 * last writer wins, not audited.
 */
export interface MessagingPort {
  saveConversationReference(personId: string, reference: unknown): Promise<void>;
  getConversationReference(personId: string): Promise<unknown | null>;
  /** People with a stored conversation reference (the bot can reach them proactively). */
  listConversationPersonIds(): Promise<string[]>;
  saveCardMessage(card: CardMessage): Promise<void>;
  listCardMessages(subjectId: string): Promise<CardMessage[]>;
}
