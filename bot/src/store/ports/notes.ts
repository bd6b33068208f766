/** SPIKE (issue 12): a note someone left on a unit. */
export interface UnitNote {
  id: string;
  unitId: string;
  text: string;
  authorId: string;
  at: string;
}

export interface NotesPort {
  addNote(note: UnitNote): Promise<void>;
  listNotes(unitId: string): Promise<UnitNote[]>;
}
