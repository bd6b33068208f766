import type { NotesPort, UnitNote } from '../../ports/notes.js';
import { binary, type SharePointModule } from '../engine.js';
import { str, title, type Fields } from '../fields.js';
import { idempotencyKey, indexed, note, recordKey, text, type ListSpec } from '../schema.js';

export const NOTES_LISTS = {
  unitNotes: {
    name: 'OkrNotas',
    description: 'SPIKE: notas sobre una unidad',
    columns: [recordKey('id de la nota'), idempotencyKey, indexed('UnitId', 'id de la unidad'), note('NoteText', 'texto'), text('AuthorId', 'quién'), text('At', 'cuándo (ISO 8601)')],
    audit: 'unitNote',
  },
} satisfies Record<string, ListSpec>;

const noteFields = (n: UnitNote): Fields => ({ RecordKey: n.id, Title: title(n.text), UnitId: n.unitId, NoteText: n.text, AuthorId: n.authorId, At: n.at });
const toNote = (f: Fields): UnitNote => ({ id: str(f, 'RecordKey'), unitId: str(f, 'UnitId'), text: str(f, 'NoteText'), authorId: str(f, 'AuthorId'), at: str(f, 'At') });

/** SPIKE (issue 12). */
export const notesSharePoint: SharePointModule<NotesPort, typeof NOTES_LISTS> = {
  lists: NOTES_LISTS,
  repository: (engine) => ({
    async addNote(n) {
      await engine.write([engine.create(NOTES_LISTS.unitNotes, noteFields(n)), engine.audit({ actorId: n.authorId, entity: 'unitNote', entityId: n.id, action: 'create', before: null, after: n })]);
    },
    async listNotes(unitId) {
      return (await engine.readOne({ list: NOTES_LISTS.unitNotes, where: ['UnitId', unitId] })).map((i) => toNote(i.fields)).sort((a, b) => binary(a.at, b.at) || binary(a.id, b.id));
    },
  }),
};
