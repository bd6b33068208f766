/** JSON shapes of the REST API between the tabs and the server (`/api/...`). */
import type { Person, QuarterId, Role, RoleAssignment, Unit } from './types.js';

export interface MeResponse {
  person: Person;
  roles: RoleAssignment[];
  /** Units the person belongs to (líder, enlace, miembro…); every unit for ETI, OAP and leadership. */
  units: Unit[];
  /** The quarter that is current today in Bogotá. */
  currentQuarter: QuarterId;
  /** The month that check-ins are reported for today ("2026-11"). */
  currentPeriod: string;
  /** True when the server lets a browser pick a seeded identity (local development only). */
  devIdentity: boolean;
  /** True for the ETI team, OAP, coaches and leadership: they see every unit and the entity dashboard. */
  entityWide?: boolean;
}

export interface DevPerson {
  id: string;
  name: string;
  jobTitle: string;
  roles: Array<{ role: Role; unitName: string | null }>;
}

/** Every error body of the API: a Spanish sentence for people and a code for programs. */
export interface ApiError {
  code: 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'internal';
  message: string;
  details?: unknown;
}

export type { OkrTreeView, ObjectiveView, KeyResultView } from './tree.js';
export type { EntityDashboard, DashboardUnitRow, DashboardObjective, Compliance, MonthCompliance, ComplianceBand } from './dashboard.js';

/** A set being formulated, as `/api/units/:unitId/sets/:quarter` returns it (null when there is none). */
export interface SetViewResponse {
  bundle: import('./types.js').OkrSetBundle;
  unitName: string;
  events: Array<{
    id: number;
    at: string;
    actorId: string;
    actorName: string;
    action: string;
    fromState: import('./types.js').OkrSetState;
    toState: import('./types.js').OkrSetState;
    comment: string | null;
  }>;
  alerts: Array<{ code: string; targetId?: string; message: string }>;
}
