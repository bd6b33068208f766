import type { CardMessage, MessagingPort } from '../../ports/messaging.js';
import type { SharePointModule } from '../engine.js';
import { binary, byNumericId } from './itemTools.js';
import { str, title, type Fields } from '../fields.js';
import { idempotencyKey, indexed, note, recordKey, text, type ListSpec } from '../schema.js';

export const MESSAGING_LISTS = {
  conversationRefs: {
    name: 'OkrConversaciones',
    description: 'Referencias de conversación de Teams para mensajes proactivos',
    columns: [recordKey('id de la persona'), idempotencyKey, note('Reference', 'referencia (JSON)'), text('UpdatedAt', 'actualizada (ISO 8601)')],
    // Not audited: how to reach a person, replaced at will (as in the SQLite store).
    audit: null,
    small: true,
  },
  cardMessages: {
    name: 'OkrTarjetas',
    description: 'Tarjetas enviadas sobre un conjunto o un acta, para actualizarlas en su lugar',
    columns: [
      recordKey('asunto|propósito|persona'),
      idempotencyKey,
      indexed('SubjectId', 'id del conjunto de OKR, o acta:<id de la plenaria>'),
      text('Purpose', 'para qué es la tarjeta'),
      text('PersonId', 'a quién se envió'),
      text('ActivityId', 'id de la actividad en Teams'),
      note('Reference', 'referencia de conversación (JSON)'),
      text('At', 'enviada (ISO 8601)'),
    ],
    // Not audited: which Teams message shows a card, replaced at will (as in the SQLite store).
    audit: null,
  },
} satisfies Record<string, ListSpec>;

const cardMessageKey = (c: Pick<CardMessage, 'subjectId' | 'purpose' | 'personId'>): string => `${c.subjectId}|${c.purpose}|${c.personId}`;
const cardMessageFields = (c: CardMessage, at: string): Fields => ({
  RecordKey: cardMessageKey(c),
  Title: title(cardMessageKey(c)),
  SubjectId: c.subjectId,
  Purpose: c.purpose,
  PersonId: c.personId,
  ActivityId: c.activityId,
  Reference: JSON.stringify(c.reference),
  At: at,
});
const toCardMessage = (f: Fields): CardMessage => ({
  subjectId: str(f, 'SubjectId'),
  purpose: str(f, 'Purpose'),
  personId: str(f, 'PersonId'),
  activityId: str(f, 'ActivityId'),
  reference: JSON.parse(str(f, 'Reference') || 'null'),
});

/** Conversation references and the cards to update in place: technical data, last writer wins. */
export const messagingSharePoint: SharePointModule<MessagingPort, typeof MESSAGING_LISTS> = {
  lists: MESSAGING_LISTS,
  repository: (engine): MessagingPort => {
    const { conversationRefs, cardMessages } = MESSAGING_LISTS;
    return {
      async saveConversationReference(personId, reference) {
        const item = await engine.item(conversationRefs, personId);
        const fields = { RecordKey: personId, Title: personId, Reference: JSON.stringify(reference), UpdatedAt: engine.now().toISOString() };
        await engine.write([item ? engine.update(conversationRefs, item, fields, false) : engine.create(conversationRefs, fields)]);
      },
      async getConversationReference(personId) {
        const item = await engine.item(conversationRefs, personId);
        return item && typeof item.fields.Reference === 'string' ? JSON.parse(item.fields.Reference) : null;
      },
      async listConversationPersonIds() {
        return (await engine.readOne({ list: conversationRefs })).map((i) => String(i.fields.RecordKey)).sort(binary);
      },
      async saveCardMessage(card) {
        const item = await engine.item(cardMessages, cardMessageKey(card));
        const fields = cardMessageFields(card, engine.now().toISOString());
        await engine.write([item ? engine.update(cardMessages, item, fields, false) : engine.create(cardMessages, fields)]);
      },
      async listCardMessages(subjectId) {
        return (await engine.readOne({ list: cardMessages, where: ['SubjectId', subjectId] }))
          .sort((a, b) => binary(String(a.fields.At ?? ''), String(b.fields.At ?? '')) || byNumericId(a, b))
          .map((i) => toCardMessage(i.fields));
      },
    };
  },
};
