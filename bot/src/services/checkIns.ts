import {
  isVivaSet,
  vivaText,
  buildTree,
  checkInsEditable,
  fieldLabels,
  formatKeyResultValue,
  msg,
  periodLabel,
  quarterLabel,
  quarterOf,
  validateCheckIns,
  type CheckIn,
  type CheckInDraft,
  type CheckInError,
  type KeyResult,
  type MonthReview,
  type OkrSetBundle,
  type OkrTreeView,
  type Period,
  type Person,
  type Unit,
  type ValidCheckIn,
} from '@okr/core';
import { ConflictError, type DirectoryPort, type OkrPort, type ReviewPort, type SavedCheckIn } from '../store/Store.js';
import { canReportFor, reportingUnitIds } from './access.js';
import { today, type Clock } from './clock.js';

/** Everything the monthly check-in form shows for one unit and month. */
export interface CheckInForm {
  unit: Unit;
  period: Period;
  bundle: OkrSetBundle;
  tree: OkrTreeView;
  /** Check-ins already stored for this month, by key result id. */
  thisMonth: Map<string, CheckIn>;
  /** The latest check-in of an earlier month, by key result id ("last month's value and comment"). */
  previous: Map<string, CheckIn>;
  /** The ETI's review of this month, null while open. */
  review: MonthReview | null;
}

export type FormResult = { ok: true; form: CheckInForm } | { ok: false; message: string };

export type SubmitResult =
  | { kind: 'saved'; saved: SavedCheckIn[]; form: CheckInForm }
  | { kind: 'invalid'; errors: CheckInError[] }
  | { kind: 'refused'; message: string }
  /** Someone else saved some of these key results meanwhile: nothing was saved; `form` is the month as it is now. */
  | { kind: 'stale'; errors: CheckInError[]; current: CheckIn[]; form: CheckInForm };

/** What is still missing this month for one unit a person reports for. */
export interface PendingForUnit {
  unit: Unit;
  period: Period;
  missing: KeyResult[];
  total: number;
  /** Set when there is nothing to report: no active set, or the month is closed. */
  note: string | null;
}

function previousPeriod(period: Period): Period {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The monthly check-in use case, shared by the bot's cards and the REST API. */
export class CheckInService {
  constructor(
    private readonly store: OkrPort & DirectoryPort & ReviewPort,
    private readonly clock: Clock,
  ) {}

  /** Units the person reports for (enlace or líder), in name order. */
  async reportingUnits(person: Person): Promise<Unit[]> {
    const ids = reportingUnitIds(await this.store.rolesOf(person.id));
    const units = await Promise.all(ids.map((id) => this.store.getUnit(id)));
    return units.filter((u): u is Unit => u !== null).sort((a, b) => a.name.localeCompare(b.name, 'es'));
  }

  currentPeriod(): Period {
    return today(this.clock).period;
  }

  /** Months a check-in may be written for today: the current one and, as a grace period, the previous one. */
  private isOpenPeriod(period: Period): boolean {
    const current = this.currentPeriod();
    return period === current || period === previousPeriod(current);
  }

  async form(person: Person, unitId: string, period: Period = this.currentPeriod()): Promise<FormResult> {
    const unit = await this.store.getUnit(unitId);
    if (!unit) return { ok: false, message: msg.errors.notFound };
    if (!canReportFor(await this.store.rolesOf(person.id), unitId)) return { ok: false, message: msg.errors.notAllowedUnit(unit.name) };
    const quarter = quarterOf(`${period}-01`);
    // The quarter's set, check-ins and objectives in one read (one request on SharePoint); last
    // month's check-ins need a read of their own only when last month is in the previous quarter.
    const { bundle, checkIns, institutionalObjectives } = await this.store.loadUnitQuarter(unitId, quarter);
    if (!bundle || bundle.set.state !== 'active') return { ok: false, message: msg.errors.noActiveSet(unit.name, quarterLabel(quarter)) };
    const lastMonth = previousPeriod(period);
    const [review, earlier] = await Promise.all([
      this.store.getMonthReview(unitId, period),
      quarterOf(`${lastMonth}-01`) === quarter ? Promise.resolve([]) : this.store.listCheckIns(unitId, [lastMonth]),
    ]);
    const tree = buildTree({ unit, quarter, asOf: today(this.clock).date, bundle, checkIns, institutionalObjectives });
    const months = [...checkIns, ...earlier];
    const thisMonth = new Map(months.filter((c) => c.period === period).map((c) => [c.keyResultId, c]));
    const previous = new Map(months.filter((c) => c.period === lastMonth).map((c) => [c.keyResultId, c]));
    return { ok: true, form: { unit, period, bundle, tree, thisMonth, previous, review } };
  }

  /** The form of a month that still takes reports (the current month, or the previous as grace). */
  async editableForm(person: Person, unitId: string, period: Period): Promise<FormResult> {
    if (!this.isOpenPeriod(period)) return { ok: false, message: msg.checkIn.periodNotOpen(periodLabel(period)) };
    return this.form(person, unitId, period);
  }

  /**
   * Validates and stores check-ins of a unit's month — all the KRs of a card, or just one — all or
   * nothing. Resubmitting (double click, retried invoke, an old card) never duplicates: there is one
   * check-in per KR and month, and identical content changes nothing.
   */
  async submit(person: Person, unitId: string, period: Period, drafts: readonly CheckInDraft[]): Promise<SubmitResult> {
    const formResult = await this.editableForm(person, unitId, period);
    if (!formResult.ok) return { kind: 'refused', message: formResult.message };
    const { bundle, unit, review } = formResult.form;
    // A set imported from Viva Goals keeps its history as it was: it takes no new reports.
    if (isVivaSet(bundle.set.id)) return { kind: 'refused', message: vivaText.readOnly };
    const editable = checkInsEditable(review, unit.name);
    if (!editable.ok) return { kind: 'refused', message: editable.message };
    if (drafts.length === 0) return { kind: 'invalid', errors: [{ keyResultId: '', field: 'value', message: msg.checkIn.nothingTyped }] };
    const validation = validateCheckIns(bundle.keyResults, drafts);
    if (!validation.ok) return { kind: 'invalid', errors: validation.errors };
    let saved: SavedCheckIn[];
    try {
      saved = await this.store.saveCheckIns({ actorId: person.id, unitId, period, checkIns: validation.checkIns });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // Who saved what meanwhile; with nothing to show (the write met some other change), the conflict as it came.
      const stale = await this.stale(person, unitId, period, validation.checkIns);
      if (!stale) throw error;
      return stale;
    }
    const after = await this.form(person, unitId, period);
    if (!after.ok) return { kind: 'refused', message: after.message };
    return { kind: 'saved', saved, form: after.form };
  }

  /** A refused stale save: for each key result someone else saved meanwhile, its current value and who wrote it. */
  private async stale(person: Person, unitId: string, period: Period, submitted: readonly ValidCheckIn[]): Promise<SubmitResult | null> {
    const now = await this.form(person, unitId, period);
    if (!now.ok) return { kind: 'refused', message: now.message };
    const { form } = now;
    const current = submitted.map((c) => form.thisMonth.get(c.keyResultId)).filter((c, i): c is CheckIn => !!c && c.version !== submitted[i]!.version);
    if (current.length === 0) return null;
    const people = await Promise.all(current.map((c) => this.store.getPerson(c.authorId)));
    const krs = new Map(form.bundle.keyResults.map((k) => [k.id, k]));
    const errors = current.map((c, i): CheckInError => {
      const kr = krs.get(c.keyResultId)!;
      const problem = msg.checkIn.staleCheckIn(formatKeyResultValue(kr, c.value), people[i]?.name ?? c.authorId);
      return { keyResultId: kr.id, field: 'value', message: msg.checkIn.fieldError(kr.title, fieldLabels.value, problem) };
    });
    return { kind: 'stale', errors, current, form };
  }

  /** For each unit the person reports for: the KRs with no check-in yet this month. */
  async pending(person: Person): Promise<PendingForUnit[]> {
    const period = this.currentPeriod();
    const units = await this.reportingUnits(person);
    return Promise.all(
      units.map(async (unit): Promise<PendingForUnit> => {
        const result = await this.form(person, unit.id, period);
        if (!result.ok) return { unit, period, missing: [], total: 0, note: result.message };
        const { bundle, thisMonth, review, tree } = result.form;
        const closed = checkInsEditable(review, unit.name);
        // In the order of the card and the tree: tactical objective by tactical objective.
        const inTreeOrder = (tree.strategic?.children ?? []).flatMap((o) => o.keyResults);
        return {
          unit,
          period,
          missing: inTreeOrder.filter((kr) => !thisMonth.has(kr.id)),
          total: bundle.keyResults.length,
          note: closed.ok ? null : closed.message,
        };
      }),
    );
  }
}
