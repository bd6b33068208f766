/** Domain types shared by the bot, the store adapters and the tabs. Pure data, no behaviour. */

export type UnitKind = 'central' | 'alcaldia';
export type UnitLevel = 'despacho' | 'subsecretaria' | 'direccion' | 'subdireccion' | 'oficina' | 'alcaldia';

/** A "dependencia" of the SDG: a central-level unit or an alcaldía local. */
export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  level: UnitLevel;
  parentId: string | null;
}

export interface Person {
  id: string;
  /** Entra ID object id: how Teams and SSO tokens identify the person. */
  aadObjectId: string;
  name: string;
  email: string;
  jobTitle: string;
}

/** `promotor`: the process's promotor de mejora, who coordinates its plan de gestión's reports (seed 001). */
export type Role = 'lider' | 'enlace' | 'coach' | 'eti' | 'oap' | 'dti' | 'secretario' | 'miembro' | 'promotor';

/** One role held by one person, for one unit or (unitId null) for the whole entity. */
export interface RoleAssignment {
  personId: string;
  role: Role;
  unitId: string | null;
}

/** One of the entity's institutional strategic objectives (Plan Estratégico Institucional). */
export interface InstitutionalObjective {
  id: string;
  code: string;
  title: string;
}

/** "2026-Q4" */
export type QuarterId = `${number}-Q${1 | 2 | 3 | 4}`;
/** Calendar month of a check-in, "2026-11". */
export type Period = string;
/** Calendar date in America/Bogota, "2026-11-23". */
export type IsoDate = string;

export type OkrSetState =
  | 'draft'
  | 'coach_review'
  | 'returned'
  | 'leader_approval'
  | 'rejected'
  | 'active'
  | 'closed';

/** A unit's OKR set for one quarter: 1 strategic objective, its tactical objectives and their key results. */
export interface OkrSet {
  id: string;
  unitId: string;
  quarter: QuarterId;
  state: OkrSetState;
  institutionalObjectiveId: string;
  /** Bumped by every change of content or state: a card or editor working on an older version is stale. */
  version: number;
}

export type ObjectiveLevel = 'strategic' | 'tactical';

export interface Objective {
  id: string;
  setId: string;
  /** null for the strategic objective; the strategic objective's id for a tactical one. */
  parentId: string | null;
  level: ObjectiveLevel;
  title: string;
  order: number;
  /** Optional weight in the parent's roll-up; equal weights when absent. */
  weight?: number | null;
}

export type KeyResultKind = 'percentage' | 'number' | 'milestone';
export type Direction = 'increase' | 'decrease';

export interface KeyResult {
  id: string;
  setId: string;
  objectiveId: string;
  title: string;
  kind: KeyResultKind;
  /** Unit of measure shown to users ("%", "trámites", "días"…). */
  unitOfMeasure: string;
  baseline: number;
  target: number;
  direction: Direction;
  ownerId: string | null;
  order: number;
  weight?: number | null;
}

/** The check-in of one key result for one month. One per KR and period. */
export interface CheckIn {
  id: string;
  keyResultId: string;
  unitId: string;
  period: Period;
  /** Raw value in the KR's own unit (0/1 for milestones). Kept as reported, never clamped. */
  value: number;
  comment: string;
  evidenceUrl: string;
  authorId: string;
  createdAt: string;
  updatedAt: string;
  /** The compare-and-set counter, as on every record: 1 when first reported, +1 with every edit (earlier values live in the audit trail). */
  version: number;
}

/** The unit's set for a quarter with everything hanging from it. */
export interface OkrSetBundle {
  set: OkrSet;
  objectives: Objective[];
  keyResults: KeyResult[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string;
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete';
  before: unknown;
  after: unknown;
}
