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
  /** Quarters some unit has a set for (the quarter picker offers these besides the current and the next one). */
  quartersWithData?: QuarterId[];
  /**
   * The proposals of the dialogue sessions this person may open (core's `proposalsAccess`): `all`
   * for the OAP and the Despacho, `own` for who takes one; absent for anyone else (no «Propuestas»).
   */
  proposals?: 'all' | 'own';
}

export interface DevPerson {
  id: string;
  name: string;
  jobTitle: string;
  roles: Array<{ role: Role; unitName: string | null }>;
}

/**
 * On every JSON answer of the API: how old the data behind it is, in whole seconds (0 when fresh).
 * Past a minute (`STALE_DATA_SECONDS`) the tab says so: SharePoint could not be reached and the
 * server answered from its read cache.
 */
export const DATA_AGE_HEADER = 'X-Data-Age';
export const STALE_DATA_SECONDS = 60;

/** Every error body of the API: a Spanish sentence for people and a code for programs. */
export interface ApiError {
  code: 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'method_not_allowed' | 'conflict' | 'too_large' | 'unsupported_media_type' | 'internal' | 'unavailable';
  message: string;
  details?: unknown;
}

export type { OkrTreeView, ObjectiveView, KeyResultView } from './tree.js';

/** A month a unit may still report, as the tab's «Reportar avance» offers it. */
export interface OpenMonthView {
  period: string;
  state: import('./review.js').UnitMonthState;
  reported: number;
  total: number;
  /** The ETI's correction request, while one is pending. */
  correction: { note: string | null; observations: import('./review.js').ReviewObservation[] } | null;
  /** Key results corrected since the request. */
  corrected: string[];
  /** What is stored for each key result this month, to start the form from. */
  checkIns: Record<string, { value: number; comment: string; evidenceUrl: string; version: number }>;
}

/** GET /api/units/:unitId/check-in-months — the months the person may report, oldest first, and the one to open. */
export interface CheckInMonthsResponse {
  months: OpenMonthView[];
  /** A correction pending first, else the earliest with something missing, else the latest; null when none is open. */
  suggested: string | null;
}
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
  /** The unit's people, to name each key result's owner. */
  unitPeople?: PersonRef[];
}

// ─── Plenarias, actas, commitments and recognitions (issue 6) ───────────────────────────────────
type Acta = import('./actas.js').Acta;
type ActaState = import('./actas.js').ActaState;
type Commitment = import('./actas.js').Commitment;
type OapCopyStatus = import('./actas.js').OapCopyStatus;
type Plenaria = import('./actas.js').Plenaria;
type PlenariaKind = import('./actas.js').PlenariaKind;
type PlenariaWarning = import('./actas.js').PlenariaWarning;
type SignatureRole = import('./actas.js').SignatureRole;
type IsoDate = import('./types.js').IsoDate;

export interface PersonRef {
  id: string;
  name: string;
  jobTitle: string;
}

/** Where a plenaria's acta stands, for lists: its latest version and the copy to the OAP. */
export interface ActaStatus {
  /** null while nobody has started the acta. */
  documentVersion: number | null;
  state: ActaState | null;
  /** 8 business days after the plenaria. */
  deadline: IsoDate;
  oapStatus: OapCopyStatus;
  sentOn: IsoDate | null;
}

export interface PlenariaSummary {
  plenaria: Plenaria;
  unitName: string;
  presidingName: string;
  secretaryName: string;
  acta: ActaStatus;
  /** The viewer may write this plenaria's acta (enlace or líder of the unit, secretary, presiding). */
  canEdit: boolean;
  /** The viewer may reschedule or cancel it (who may schedule it; not once cancelled or its acta signed). */
  canChange: boolean;
  /**
   * The latest held dialogue session of the series (over all its sessions, not only this quarter's),
   * for who may schedule dialogues, when no later session is scheduled: the next session of its
   * monthly series («Programar la siguiente»), computed here so the tab carries no holiday calendar.
   */
  nextInSeries?: PlenariaInput;
  /** The same session when a later one is already scheduled: that one («Siguiente sesión: …», read-only). */
  followingInSeries?: { date: IsoDate; startTime: string };
}

/** A plenaria stored with a date or time that cannot be (from before dates were checked): left out of the list, with the way out. */
export interface UnreadablePlenaria {
  plenaria: Plenaria;
  unitName: string;
  problem: string;
  canChange: boolean;
}

/** POST /api/plenarias/:id/reschedule */
export interface RescheduleInput {
  date: IsoDate;
  startTime: string;
  modality: import('./actas.js').Modality;
  location: string;
  reason: string;
}

/** POST /api/plenarias/:id/cancel */
export interface CancelInput {
  reason: string;
}

/** What a reschedule or cancellation answers: the plenaria as it is now, and whom the bot told. */
export interface PlenariaChangeResponse {
  plenaria: PlenariaSummary;
  warnings: PlenariaWarning[];
  notified: string[];
  unreachable: string[];
}

/** GET /api/plenarias?quarter=2026-Q4 */
export interface PlenariasResponse {
  quarter: QuarterId;
  plenarias: PlenariaSummary[];
  /** Units without a plenaria menor this quarter (of the units the viewer sees), plenarias mayores outside their window. */
  warnings: PlenariaWarning[];
  /** Plenarias that could not be listed (an impossible stored date): to reschedule or cancel. */
  unreadable: UnreadablePlenaria[];
  /** What the viewer may schedule: unit ids for a plenaria menor; entity-wide mayor and dialogue sessions. */
  /** `validation`: the quarterly validation session of the figures (the OAP). */
  canSchedule: { menorUnitIds: string[]; mayorUnitIds: string[]; entityWide: boolean; validation: boolean };
  /** People to choose the presiding líder and the secretary from (and attendees, commitment owners). */
  people: PersonRef[];
}

/** POST /api/plenarias */
export interface PlenariaInput {
  kind: PlenariaKind;
  unitId: string | null;
  date: IsoDate;
  startTime: string;
  modality: import('./actas.js').Modality;
  location: string;
  presidingId: string;
  secretaryId: string;
}

export interface ScheduleResponse {
  plenaria: PlenariaSummary;
  /** The same plenaria was already scheduled (a repeated request): this is it, nothing new was created. */
  existing?: boolean;
  /** Warnings about this plenaria (outside the mayor window, a second menor in the quarter…): saved anyway. */
  warnings: PlenariaWarning[];
}

export interface ActaVersionSummary {
  documentVersion: number;
  state: ActaState;
  /** When the second signature came (null until signed). */
  signedAt: string | null;
  correctionReason: string | null;
  fileName: string | null;
}

/** GET /api/plenarias/:id/acta — the plenaria with its latest acta version and what the viewer may do. */
export interface ActaView {
  plenaria: Plenaria;
  unitName: string;
  presiding: PersonRef;
  secretary: PersonRef;
  /** The latest version; null until someone starts the acta (POST .../acta). */
  acta: Acta | null;
  versions: ActaVersionSummary[];
  state: ActaState | null;
  canEdit: boolean;
  /** The parts the viewer may sign now. */
  canSign: SignatureRole[];
  canCorrect: boolean;
  canSendToOap: boolean;
  /** The viewer may reschedule or cancel the plenaria. */
  canChange: boolean;
  /** What must be filled in before signing (Spanish sentences); empty when ready. */
  missing: string[];
  /** Why it cannot go to signature yet though its text may be complete — the plenaria has not started, or its OKR results were taken before it — or null. */
  signingClosed: string | null;
  /** The day the acta's OKR results are of (the plenaria's date once taken after it); null without OKR results (dialogues, entity-wide plenarias) or acta. */
  okrResultsOn: IsoDate | null;
  oap: ActaStatus;
  /** The directory to choose attendees and commitment owners from: the unit's people first. */
  people: PersonRef[];
  history: Array<{ at: string; actorName: string; action: string }>;
}

/** PUT /api/plenarias/:id/acta */
export interface ActaSaveRequest {
  documentVersion: number;
  version: number;
  draft: import('./actas.js').ActaDraft;
}

/** GET /api/oap/actas?quarter=2026-Q4 — the OAP's follow-up of the copies it must receive. */
export interface OapActasResponse {
  quarter: QuarterId;
  rows: Array<{ plenariaId: string; kind: PlenariaKind; unitId: string | null; unitName: string; date: IsoDate; acta: ActaStatus }>;
  /** Units with no plenaria menor in the quarter (so no acta will come). */
  missing: Array<{ unitId: string; unitName: string; message: string }>;
  counts: { a_tiempo: number; vencida: number; pendiente: number; missing: number };
}

export interface CommitmentView extends Commitment {
  ownerName: string;
  unitName: string;
  plenariaKind: PlenariaKind;
  plenariaDate: IsoDate;
  /** Open or in progress past its due date. */
  overdue: boolean;
  canUpdate: boolean;
  notes: Array<Commitment['notes'][number] & { byName: string }>;
}

/** GET /api/commitments?scope=mine|unit&unitId=… */
export interface CommitmentsResponse {
  commitments: CommitmentView[];
}

/** POST /api/commitments/:id */
export interface CommitmentUpdateRequest {
  version: number;
  status: Commitment['status'];
  note?: string;
  impact?: string;
}

/** GET /api/units/:unitId/recognitions — from the unit's signed actas, newest first. */
export interface RecognitionView {
  id: string;
  to: string;
  reason: string;
  plenariaId: string;
  kind: PlenariaKind;
  date: IsoDate;
}
