import type { ActasPort, ActasSeed } from './ports/actas.js';
import type { AuditPort } from './ports/audit.js';
import type { DirectoryPort, DirectorySeed } from './ports/directory.js';
import type { MessagingPort } from './ports/messaging.js';
import type { OkrPort, OkrSeed } from './ports/okr.js';
import type { PeiPort, PeiSeed } from './ports/pei.js';
import type { PlanPort, PlanSeed } from './ports/plan.js';
import type { ProposalsPort, ProposalsSeed } from './ports/proposals.js';
import type { RemindersPort } from './ports/reminders.js';
import type { ReviewPort, ReviewSeed } from './ports/review.js';

export type * from './ports/actas.js';
export type * from './ports/audit.js';
export type * from './ports/directory.js';
export type * from './ports/messaging.js';
export type * from './ports/okr.js';
export type * from './ports/pei.js';
export type * from './ports/plan.js';
export type * from './ports/proposals.js';
export type * from './ports/reminders.js';
export type * from './ports/review.js';
export { REMINDER_MAX_ATTEMPTS } from './ports/reminders.js';
export { ConflictError, StoreUnavailableError, UnauditedChangeError } from './errors.js';
export { checkInsAuditId } from './rules.js';

/** Everything a fresh store is filled with on first start (demo data, or an imported directory). */
export type SeedData = DirectorySeed & OkrSeed & ActasSeed & ReviewSeed & PlanSeed & PeiSeed & ProposalsSeed;

/** What every adapter has besides the modules' ports: its kind, first start, shutdown. */
export interface StoreLifecycle {
  readonly kind: 'sqlite' | 'sharepoint';
  isEmpty(): Promise<boolean>;
  /** Loads a whole directory and its OKRs into an empty store (first start). */
  seed(data: SeedData): Promise<void>;
  close(): Promise<void>;
  /**
   * A token that changes whenever what the store answers may have changed (any write, here or by
   * another process), so a result computed from its reads can be kept until then; null when the
   * adapter cannot tell (then nothing is kept).
   */
  revision(): string | null;
}

/**
 * The persistence port: the intersection of one small port per module (`ports/`), plus the
 * lifecycle. Everything above the store (bot, API, jobs) talks to the ports it needs; the embedded
 * SQLite adapter and the SharePoint (Graph) adapter implement all of them, each as one repository
 * per module (docs/adr/0006-store-modules.md). Every audited change is written together with its
 * audit entry (who, when, entity, before, after) — the adapters refuse one without.
 */
export interface Store extends StoreLifecycle, DirectoryPort, OkrPort, ReviewPort, MessagingPort, ActasPort, RemindersPort, AuditPort, PlanPort, PeiPort, ProposalsPort {}
