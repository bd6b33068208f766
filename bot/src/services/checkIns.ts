import {
  msg,
  periodLabel,
  quarterLabel,
  quarterOf,
  validateCheckIns,
  type CheckIn,
  type CheckInDraft,
  type CheckInError,
  type OkrSetBundle,
  type OkrTreeView,
  type Period,
  type Person,
  type Unit,
} from '@okr/core';
import type { SavedCheckIn, Store } from '../store/Store.js';
import { canReportFor, reportingUnitIds } from './access.js';
import { today, type Clock } from './clock.js';
import { loadTree } from './okrTree.js';

/** Everything the monthly check-in form shows for one unit and month. */
export interface CheckInForm {
  unit: Unit;
  period: Period;
  bundle: OkrSetBundle;
  tree: OkrTreeView;
  /** Check-ins already stored for this month, by key result id. */
  thisMonth: Map<string, CheckIn>;
}

export type FormResult = { ok: true; form: CheckInForm } | { ok: false; message: string };

export type SubmitResult =
  | { kind: 'saved'; saved: SavedCheckIn[]; tree: OkrTreeView; period: Period }
  | { kind: 'invalid'; errors: CheckInError[] }
  | { kind: 'refused'; message: string };

/** The monthly check-in use case, shared by the bot's cards and the REST API. */
export class CheckInService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Units the person reports for, in name order. */
  async reportingUnits(person: Person): Promise<Unit[]> {
    const ids = reportingUnitIds(await this.store.rolesOf(person.id));
    const units = await Promise.all(ids.map((id) => this.store.getUnit(id)));
    return units.filter((u): u is Unit => u !== null).sort((a, b) => a.name.localeCompare(b.name, 'es'));
  }

  /** Months a check-in may be written for today: the current one and, as a grace period, the previous one. */
  private openPeriods(): Period[] {
    const { period } = today(this.clock);
    const [y, m] = period.split('-').map(Number) as [number, number];
    const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    return [period, prev];
  }

  async form(person: Person, unitId: string, period: Period = today(this.clock).period): Promise<FormResult> {
    const unit = await this.store.getUnit(unitId);
    if (!unit) return { ok: false, message: msg.errors.notFound };
    if (!canReportFor(await this.store.rolesOf(person.id), unitId)) return { ok: false, message: msg.errors.notAllowedUnit(unit.name) };
    const quarter = quarterOf(`${period}-01`);
    const bundle = await this.store.getSet(unitId, quarter);
    if (!bundle || bundle.set.state !== 'active') return { ok: false, message: msg.errors.noActiveSet(unit.name, quarterLabel(quarter)) };
    const tree = await loadTree(this.store, unit, quarter, today(this.clock).date);
    const monthCheckIns = await this.store.listCheckIns(unitId, [period]);
    return { ok: true, form: { unit, period, bundle, tree, thisMonth: new Map(monthCheckIns.map((c) => [c.keyResultId, c])) } };
  }

  /**
   * Validates and stores a month's check-ins for a unit, all or nothing. Resubmitting the same
   * card (double click, retried invoke, an old card) never duplicates: one check-in per KR and month.
   */
  async submit(person: Person, unitId: string, period: Period, drafts: readonly CheckInDraft[]): Promise<SubmitResult> {
    if (!this.openPeriods().includes(period)) {
      return { kind: 'refused', message: `El periodo de ${periodLabel(period)} ya no recibe reportes desde esta tarjeta. Escribe «check-in» para reportar el mes actual.` };
    }
    const formResult = await this.form(person, unitId, period);
    if (!formResult.ok) return { kind: 'refused', message: formResult.message };
    const { bundle, unit } = formResult.form;
    const validation = validateCheckIns(bundle.keyResults, drafts);
    if (!validation.ok) return { kind: 'invalid', errors: validation.errors };
    const saved = await this.store.saveCheckIns({ actorId: person.id, unitId, period, checkIns: validation.checkIns });
    const tree = await loadTree(this.store, unit, bundle.set.quarter, today(this.clock).date);
    return { kind: 'saved', saved, tree, period };
  }
}
