/** What the directory's REST API answers and accepts (shared by the bot and the tab). */
import type { Assignment, DirectoryUnit, StrategicObjective, UnitWarning } from './directory.js';
import type { IsoDate, Role, Unit } from './types.js';

/** A person as the directory view and the pickers show them. */
export interface DirectoryPersonView {
  id: string;
  name: string;
  email: string;
  jobTitle: string;
  phone: string;
  active: boolean;
  /** Signed in at least once (linked to Entra ID). */
  linked: boolean;
}

export interface AssignmentView extends Assignment {
  personName: string;
  unitName: string | null;
  /** In force today. */
  current: boolean;
}

/** GET /api/directory: the hierarchy with who holds what, for the person asking. */
export interface DirectoryView {
  today: IsoDate;
  units: DirectoryUnit[];
  people: DirectoryPersonView[];
  /** Every assignment the person may see, history included. */
  assignments: AssignmentView[];
  /** Units with no enlace or no líder today (ETI and DTI). */
  warnings: UnitWarning[];
  objectives: StrategicObjective[];
  /** ETI and DTI: units, people, roles, imports. */
  canEdit: boolean;
  /** OAP (and DTI): the strategic objectives. */
  canEditObjectives: boolean;
}

/** A person found by the pickers' search (GET /api/people?q=). */
export interface PersonMatch {
  id: string;
  name: string;
  jobTitle: string;
  email: string;
  /** «Enlace OKR · Alcaldía Local de Usaquén», roles in force today. */
  roles: string;
}

/** A person picked in Teams' own people picker (teams-js `people.selectPeople`). */
export interface EntraPick {
  objectId: string;
  displayName: string;
  email: string;
}

/** Who takes a role: a person of the directory, or one picked in Teams (created on first assignment). */
export type PersonChoice = { personId: string } | { entra: EntraPick };

export interface AssignRequest {
  person: PersonChoice;
  role: Role;
  unitId: string | null;
  from: IsoDate;
}

export interface ReplaceRequest {
  person: PersonChoice;
  date: IsoDate;
  version: number;
}

export interface UnitRequest {
  id?: string;
  name: string;
  kind: Unit['kind'];
  level: Unit['level'];
  parentId: string | null;
  version?: number;
}

export interface ObjectiveRequest {
  id?: string;
  vigencia: number;
  code: string;
  title: string;
  active: boolean;
}

/** A directory change's answer: what it ended (a deactivation lists what the person or unit held, for reassignment). */
export interface DirectoryChangeResult {
  view: DirectoryView;
  ended: AssignmentView[];
  /** The welcome card reached the new enlace (false: they have not opened the app in Teams yet). */
  welcomed?: boolean;
}

/** One row of an import's report, in Spanish. */
export interface ImportReportRow {
  sheet: string;
  /** The row of the sheet (1-based, as Excel shows it); 0 for the whole sheet or file. */
  row: number;
  outcome: 'crear' | 'cambiar' | 'terminar' | 'sin cambios' | 'rechazada';
  what: string;
  reason: string;
}

export interface ImportReport {
  kind: 'directorio' | 'viva';
  fileName: string;
  dryRun: boolean;
  /** Whether it was applied (never when something was refused: all or nothing). */
  applied: boolean;
  counts: Record<ImportReportRow['outcome'], number>;
  rows: ImportReportRow[];
  /** Lines of the summary (Viva: objectives, key results, check-ins found and to import; teams to map). */
  summary: string[];
  /** Viva Goals teams that need a unit (the person confirms them, they are saved for the next run). */
  unmappedTeams?: Array<{ team: string; suggestion: string | null }>;
}
