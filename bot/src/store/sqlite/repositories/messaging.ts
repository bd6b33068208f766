import type { CardMessage, MessagingPort } from '../../ports/messaging.js';
import type { SqliteDb, SqliteModule } from '../db.js';

/** Conversation references and the cards to update in place: technical data, last writer wins. */
export const messagingSqlite: SqliteModule<MessagingPort> = {
  name: 'messaging',
  migrations: [
    {
      version: 1,
      legacy: 1,
      name: 'conversation references',
      sql: `
      CREATE TABLE conversation_refs (
        person_id TEXT PRIMARY KEY REFERENCES people(id),
        reference TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );`,
    },
    {
      version: 2,
      legacy: 3,
      name: 'cards to update about a set',
      sql: `
      CREATE TABLE card_messages (
        set_id TEXT NOT NULL REFERENCES okr_sets(id),
        purpose TEXT NOT NULL,
        person_id TEXT NOT NULL REFERENCES people(id),
        activity_id TEXT NOT NULL,
        reference TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (set_id, purpose, person_id)
      );`,
    },
    {
      version: 3,
      legacy: 5,
      name: 'cards about a set or an acta',
      sql: `
      -- A card is about a set or (acta:<plenariaId>) an acta: the subject no longer references okr_sets.
      CREATE TABLE card_messages_v5 (
        subject_id TEXT NOT NULL,
        purpose TEXT NOT NULL,
        person_id TEXT NOT NULL REFERENCES people(id),
        activity_id TEXT NOT NULL,
        reference TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (subject_id, purpose, person_id)
      );
      INSERT INTO card_messages_v5 (subject_id, purpose, person_id, activity_id, reference, at)
        SELECT set_id, purpose, person_id, activity_id, reference, at FROM card_messages;
      DROP TABLE card_messages;
      ALTER TABLE card_messages_v5 RENAME TO card_messages;`,
    },
  ],
  // Not audited: how to reach a person and which Teams message shows a card, replaced at will.
  tables: { conversation_refs: null, card_messages: null },

  repository: (db: SqliteDb): MessagingPort => ({
    async saveConversationReference(personId, reference) {
      db.run(
        'INSERT INTO conversation_refs (person_id, reference, updated_at) VALUES (?, ?, ?) ON CONFLICT(person_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at',
        personId, JSON.stringify(reference), db.now().toISOString(),
      );
    },
    async getConversationReference(personId) {
      const row = db.get('SELECT reference FROM conversation_refs WHERE person_id = ?', personId);
      return row ? JSON.parse(row.reference as string) : null;
    },
    async listConversationPersonIds() {
      return db.all('SELECT person_id FROM conversation_refs ORDER BY person_id').map((r) => r.person_id as string);
    },
    async saveCardMessage(card) {
      db.run(
        `INSERT INTO card_messages (subject_id, purpose, person_id, activity_id, reference, at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(subject_id, purpose, person_id) DO UPDATE SET activity_id = excluded.activity_id, reference = excluded.reference, at = excluded.at`,
        card.subjectId, card.purpose, card.personId, card.activityId, JSON.stringify(card.reference), db.now().toISOString(),
      );
    },
    async listCardMessages(subjectId) {
      return db.all('SELECT * FROM card_messages WHERE subject_id = ? ORDER BY at, rowid', subjectId).map(
        (r): CardMessage => ({
          subjectId: r.subject_id as string,
          purpose: r.purpose as string,
          personId: r.person_id as string,
          activityId: r.activity_id as string,
          reference: JSON.parse(r.reference as string),
        }),
      );
    },
  }),
};
