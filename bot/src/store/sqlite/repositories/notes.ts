import type { NotesPort, UnitNote } from '../../ports/notes.js';
import type { Row, SqliteModule } from '../db.js';

const toNote = (r: Row): UnitNote => ({ id: r.id as string, unitId: r.unit_id as string, text: r.text as string, authorId: r.author_id as string, at: r.at as string });

/** SPIKE (issue 12). */
export const notesSqlite: SqliteModule<NotesPort> = {
  name: 'notes',
  migrations: [{ version: 1, name: 'notes on units', sql: 'CREATE TABLE unit_notes (id TEXT PRIMARY KEY, unit_id TEXT NOT NULL REFERENCES units(id), text TEXT NOT NULL, author_id TEXT NOT NULL, at TEXT NOT NULL); CREATE INDEX unit_notes_unit ON unit_notes(unit_id);' }],
  tables: { unit_notes: 'unitNote' },
  repository: (db) => ({
    async addNote(note) {
      db.tx(() => {
        db.run('INSERT INTO unit_notes (id, unit_id, text, author_id, at) VALUES (?, ?, ?, ?, ?)', note.id, note.unitId, note.text, note.authorId, note.at);
        db.audit(note.authorId, 'unitNote', note.id, 'create', null, note);
      });
    },
    async listNotes(unitId) {
      return db.all('SELECT * FROM unit_notes WHERE unit_id = ? ORDER BY at, id', unitId).map(toNote);
    },
  }),
};
