import {
  isVivaSet,
  vivaText,
  buildTree,
  checkInsEditable,
  fieldLabels,
  formatKeyResultValue,
  isOpenMonth,
  monthToOpen,
  msg,
  periodLabel,
  previousQuarter,
  quarterLabel,
  quarterMonths,
  quarterOf,
  unitMonth,
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
  type QuarterId,
  type Unit,
  type UnitMonth,
  type ValidCheckIn,
} from '@okr/core';
import { ConflictError, type DirectoryPort, type OkrPort, type ReviewPort, type SavedCheckIn, type UnitQuarterData } from '../store/Store.js';
import { canReportFor, reportingUnitIds } from './access.js';
import { today, type Clock } from './clock.js';

/** A month the unit may still report: started, of a loaded set, not closed by the ETI. */
export interface OpenMonth {
  period: Period;
  quarter: QuarterId;
  /** Its state in the ETI's review (sin reportar, incompleto, por revisar, corrección pedida, corregido). */
  month: UnitMonth;
  review: MonthReview | null;
  /** The set's key results with no check-in this month. */
  missing: KeyResult[];
}

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
  /** The ETI's review of this month, null while it has none. */
  review: MonthReview | null;
  /** This month's state in the ETI's review. */
  month: UnitMonth;
  /** Every month the unit may still report, oldest first (this one among them while it is open). */
  openMonths: OpenMonth[];
  /** What the tree was built from (the form after a save is built from it and what was written, not read again). */
  quarterData: UnitQuarterData;
}

declare const editable: unique symbol;
/** The form of a month that takes reports, for the person it was read for (from `editableForm`). */
export type EditableCheckInForm = CheckInForm & { readonly [editable]: true };

export type FormResult<F extends CheckInForm = CheckInForm> = { ok: true; form: F } | { ok: false; message: string };

export type SubmitResult =
  | { kind: 'saved'; saved: SavedCheckIn[]; form: CheckInForm }
  | { kind: 'invalid'; errors: CheckInError[] }
  | { kind: 'refused'; message: string }
  /** Someone else saved some of these key results meanwhile: nothing was saved; `form` is the month as it is now. */
  | { kind: 'stale'; errors: CheckInError[]; current: CheckIn[]; form: CheckInForm };

/** What is still to report for one unit a person reports for: every open month with something missing or a correction pending. */
export interface PendingForUnit {
  unit: Unit;
  months: OpenMonth[];
  /** Set when there is nothing to report: no loaded set, or every month closed. */
  note: string | null;
}

/** What a save changed, for whoever listens (the review module tells the ETI when a correction is complete). */
export interface CheckInsSaved {
  person: Person;
  unit: Unit;
  period: Period;
  saved: SavedCheckIn[];
  /** The month's state before and after the save. */
  before: UnitMonth;
  after: UnitMonth;
  form: CheckInForm;
}

export type CheckInsSavedListener = (event: CheckInsSaved) => Promise<void>;

function previousPeriod(period: Period): Period {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** A set's key results in the card's and the tree's order: tactical objective by tactical objective, then each one's order. */
function inTreeOrder(bundle: OkrSetBundle): KeyResult[] {
  const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;
  const tactical = bundle.objectives.filter((o) => o.level === 'tactical').sort(byOrder);
  return tactical.flatMap((o) => bundle.keyResults.filter((k) => k.objectiveId === o.id).sort(byOrder));
}

/** The form as it is after a save: what was read, with the check-ins written (the tree, the month's state and what is missing follow). */
function withSaved(form: CheckInForm, saved: readonly SavedCheckIn[], asOf: string): CheckInForm {
  const written = new Map(saved.map((s) => [s.checkIn.keyResultId, s.checkIn]));
  const checkIns = [...form.quarterData.checkIns.filter((c) => c.period !== form.period || !written.has(c.keyResultId)), ...written.values()];
  const thisMonth = new Map([...form.thisMonth, ...written]);
  const month = unitMonth(form.bundle.keyResults.map((k) => k.id), [...thisMonth.values()], form.review);
  const tree = buildTree({ unit: form.unit, quarter: form.tree.quarter, asOf, bundle: form.bundle, checkIns, institutionalObjectives: form.quarterData.institutionalObjectives });
  const openMonths = form.openMonths.map((m) => (m.period === form.period ? { ...m, month, missing: m.missing.filter((k) => !thisMonth.has(k.id)) } : m));
  return { ...form, tree, thisMonth, month, openMonths, quarterData: { ...form.quarterData, checkIns } };
}

/** The monthly check-in use case, shared by the bot's cards and the REST API. */
export class CheckInService {
  private readonly listeners: CheckInsSavedListener[] = [];

  constructor(
    private readonly store: OkrPort & DirectoryPort & ReviewPort,
    private readonly clock: Clock,
  ) {}

  /** Called after every save that changed something; a listener must not throw (the save is done: it logs its own failures). */
  onSaved(listener: CheckInsSavedListener): void {
    this.listeners.push(listener);
  }

  /** Units the person reports for (enlace or líder), in name order. */
  async reportingUnits(person: Person): Promise<Unit[]> {
    const ids = reportingUnitIds(await this.store.rolesOf(person.id));
    const units = await Promise.all(ids.map((id) => this.store.getUnit(id)));
    return units.filter((u): u is Unit => u !== null).sort((a, b) => a.name.localeCompare(b.name, 'es'));
  }

  currentPeriod(): Period {
    return today(this.clock).period;
  }

  /**
   * The unit's open months (the current quarter's and the previous one's, while its set is still
   * loaded), and each quarter's data: the two quarters and the months' reviews read together.
   */
  private async unitMonths(unitId: string): Promise<{ months: OpenMonth[]; quarters: Map<QuarterId, UnitQuarterData> }> {
    const now = today(this.clock);
    const quarters = [previousQuarter(now.quarter), now.quarter];
    const periods = quarters.flatMap((q) => quarterMonths(q)).filter((p) => p <= now.period);
    const [before, current, reviews] = await Promise.all([
      this.store.loadUnitQuarter(unitId, quarters[0]!),
      this.store.loadUnitQuarter(unitId, quarters[1]!),
      this.store.listMonthReviews({ periods, unitId }),
    ]);
    const data = new Map<QuarterId, UnitQuarterData>([
      [quarters[0]!, before],
      [quarters[1]!, current],
    ]);
    const months: OpenMonth[] = [];
    for (const period of periods) {
      const quarter = quarterOf(`${period}-01`);
      const { bundle, checkIns } = data.get(quarter)!;
      const review = reviews.find((r) => r.period === period) ?? null;
      // A set imported from Viva Goals is history: none of its months is open.
      if (!bundle || isVivaSet(bundle.set.id) || !isOpenMonth(period, now.period, bundle.set.state, review)) continue;
      const mine = checkIns.filter((c) => c.period === period);
      const reported = new Set(mine.map((c) => c.keyResultId));
      months.push({ period, quarter, review, month: unitMonth(bundle.keyResults.map((k) => k.id), mine, review), missing: inTreeOrder(bundle).filter((k) => !reported.has(k.id)) });
    }
    return { months, quarters: data };
  }

  /** The months a person may report for a unit (the tab's «Reportar avance» offers them). */
  async openMonths(person: Person, unitId: string): Promise<{ ok: true; unit: Unit; months: OpenMonth[]; checkIns: CheckIn[] } | { ok: false; message: string }> {
    const unit = await this.store.getUnit(unitId);
    if (!unit) return { ok: false, message: msg.errors.notFound };
    if (!canReportFor(await this.store.rolesOf(person.id), unitId)) return { ok: false, message: msg.errors.notAllowedUnit(unit.name) };
    const { months, quarters } = await this.unitMonths(unitId);
    const open = new Set(months.map((m) => m.period));
    const checkIns = [...quarters.values()].flatMap((q) => q.checkIns).filter((c) => open.has(c.period));
    return { ok: true, unit, months, checkIns };
  }

  /**
   * The check-in form of a unit's month; without `period`, of the month to report now: the
   * earliest with a correction pending, else the earliest with something missing, else the latest
   * open one (the current month when none is open).
   */
  async form(person: Person, unitId: string, period?: Period): Promise<FormResult> {
    const unit = await this.store.getUnit(unitId);
    if (!unit) return { ok: false, message: msg.errors.notFound };
    if (!canReportFor(await this.store.rolesOf(person.id), unitId)) return { ok: false, message: msg.errors.notAllowedUnit(unit.name) };
    const { months, quarters } = await this.unitMonths(unitId);
    const chosen = period ?? monthToOpen(months) ?? this.currentPeriod();
    const quarter = quarterOf(`${chosen}-01`);
    // The current and previous quarters come with the months; an older one (an old card) is read here.
    const data = quarters.get(quarter) ?? (await this.store.loadUnitQuarter(unitId, quarter));
    const { bundle, checkIns, institutionalObjectives } = data;
    if (!bundle || (bundle.set.state !== 'active' && bundle.set.state !== 'closed')) return { ok: false, message: msg.errors.noActiveSet(unit.name, quarterLabel(quarter)) };
    const lastMonth = previousPeriod(chosen);
    const lastQuarter = quarterOf(`${lastMonth}-01`);
    const earlier = lastQuarter === quarter ? [] : (quarters.get(lastQuarter)?.checkIns ?? (await this.store.listCheckIns(unitId, [lastMonth])));
    const open = months.find((m) => m.period === chosen);
    const review = open ? open.review : await this.store.getMonthReview(unitId, chosen);
    const tree = buildTree({ unit, quarter, asOf: today(this.clock).date, bundle, checkIns, institutionalObjectives });
    const all = [...checkIns, ...earlier];
    const thisMonth = new Map(all.filter((c) => c.period === chosen).map((c) => [c.keyResultId, c]));
    const previous = new Map(all.filter((c) => c.period === lastMonth).map((c) => [c.keyResultId, c]));
    const month = unitMonth(bundle.keyResults.map((k) => k.id), [...thisMonth.values()], review);
    return { ok: true, form: { unit, period: chosen, bundle, tree, thisMonth, previous, review, month, openMonths: months, quarterData: data } };
  }

  /**
   * The form of a month that still takes reports: one that has started, of a quarter whose set is
   * loaded, that the ETI has not closed.
   */
  async editableForm(person: Person, unitId: string, period: Period): Promise<FormResult<EditableCheckInForm>> {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return { ok: false, message: msg.errors.invalidRequest };
    if (period > this.currentPeriod()) return { ok: false, message: msg.checkIn.periodNotStarted(periodLabel(period)) };
    const result = await this.form(person, unitId, period);
    if (!result.ok) return result;
    const { bundle, unit, review } = result.form;
    if (bundle.set.state !== 'active') return { ok: false, message: msg.checkIn.periodNotOpen(periodLabel(period)) };
    // A set imported from Viva Goals keeps its history as it was: it takes no new reports.
    if (isVivaSet(bundle.set.id)) return { ok: false, message: vivaText.readOnly };
    const editable = checkInsEditable(review, unit.name);
    if (!editable.ok) return editable;
    if (!result.form.openMonths.some((m) => m.period === period)) return { ok: false, message: msg.checkIn.periodNotOpen(periodLabel(period)) };
    return result as FormResult<EditableCheckInForm>;
  }

  /**
   * Validates and stores check-ins of a unit's month — all the KRs of a card, or just one — all or
   * nothing. Resubmitting (double click, retried invoke, an old card) never duplicates: there is one
   * check-in per KR and month, and identical content changes nothing.
   */
  async submit(person: Person, unitId: string, period: Period, drafts: readonly CheckInDraft[]): Promise<SubmitResult> {
    const formResult = await this.editableForm(person, unitId, period);
    if (!formResult.ok) return { kind: 'refused', message: formResult.message };
    return this.submitTo(person, formResult.form, drafts);
  }

  /**
   * `submit` on a form already read for this person (the card reads it to know which key results
   * were typed): the form is not read again, and the answer is built from it and what was written.
   */
  async submitTo(person: Person, opened: EditableCheckInForm, drafts: readonly CheckInDraft[]): Promise<SubmitResult> {
    const { bundle, unit, period } = opened;
    const unitId = unit.id;
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
    const after = withSaved(opened, saved, today(this.clock).date);
    if (saved.some((s) => s.outcome !== 'unchanged')) {
      const event: CheckInsSaved = { person, unit, period, saved, before: opened.month, after: after.month, form: after };
      await Promise.all(this.listeners.map((listen) => listen(event)));
    }
    return { kind: 'saved', saved, form: after };
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

  /** For each unit the person reports for: every open month with key results missing or a correction pending. */
  async pending(person: Person): Promise<PendingForUnit[]> {
    const units = await this.reportingUnits(person);
    return Promise.all(
      units.map(async (unit): Promise<PendingForUnit> => {
        const { months, quarters } = await this.unitMonths(unit.id);
        if (months.length === 0) {
          const quarter = today(this.clock).quarter;
          const active = quarters.get(quarter)!.bundle?.set.state === 'active';
          return { unit, months: [], note: active ? msg.checkIn.allClosed(unit.name) : msg.errors.noActiveSet(unit.name, quarterLabel(quarter)) };
        }
        return { unit, months: months.filter((m) => m.missing.length > 0 || m.month.state === 'correccion_pedida'), note: null };
      }),
    );
  }
}
