import {
  REPORTING_ROLES,
  isCalendarDate,
  figureErrors,
  okrChecks,
  okrSnapshot,
  peiMessages,
  peiStatus,
  previousCutoff,
  quarterCutoffs,
  quarterOfCutoff,
  quarterMonths,
  readFlatRows,
  standardise,
  validationChecks,
  validationStep,
  type IsoDate,
  type OapReturn,
  type OkrResultRow,
  type OkrRoundRow,
  type OkrValidation,
  type PeiChange,
  type PeiIndicator,
  type PeiObjectiveView,
  type PeiPlanRef,
  type PeiReportView,
  type PeiValue,
  type PeiWeightsRequest,
  type Person,
  type Plenaria,
  type PlanRoundRow,
  type QuarterId,
  type RoleAssignment,
  type ValidationAction,
  type ValidationItemView,
  type ValidationRoundView,
  type ValidationState,
  type ValueReturnRequest,
  type ValueSaveRequest,
} from '@okr/core';
import { ConflictError, type ActasPort, type DirectoryPort, type OkrPort, type PeiPort, type PeiYearData, type PlanPort, type PlanYearData } from '../store/Store.js';
import { indicatorFigure, objectivesAt } from '../pei/figures.js';
import { readFlatFile, FlatFileError } from '../pei/flatFileReader.js';
import { seesWholeEntity } from './access.js';
import { today, type Clock } from './clock.js';
import { Refusal } from './refusal.js';

const m = peiMessages;
/** The entity's own plan (the SDG's): the one whose figures are reported and validated here. */
export const OWN_PLAN_FALLBACK = 'sdg-pei-2024-2027';

type PeiStore = PeiPort & PlanPort & OkrPort & DirectoryPort & ActasPort;

/** What the service tells the bot after a step: the OAP returned a figure (a card to the area), the area confirmed it. */
export interface PeiNotices {
  valueReturned(item: ValidationItemView, planId: string): Promise<void>;
  okrReturned(row: OkrRoundRow): Promise<void>;
}

const esDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
export const cutoffLabel = (cutoff: IsoDate): string => {
  const q = quarterOfCutoff(cutoff);
  return q ? `T${q} ${cutoff.slice(0, 4)}` : `corte ${esDate(cutoff)}`;
};
const quarterIdOf = (cutoff: IsoDate): QuarterId | null => {
  const q = quarterOfCutoff(cutoff);
  return q ? (`${cutoff.slice(0, 4)}-Q${q}` as QuarterId) : null;
};

async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ConflictError) throw new Refusal('conflict', m.stale);
    throw error;
  }
}

/**
 * The PEI (seed 002) and the validation of the figures that are published (seed 003): the plan at
 * a cut-off, the OAP's weights per vigencia, the round of a cut-off — the areas report (tab or flat
 * file), the OAP returns each figure for confirmation with its checks and clean-up, the area
 * confirms and the figure is published with its validation date — the OKR results of the quarter
 * through the same cycle, and the rows a validation session's acta freezes.
 */
export class PeiService {
  constructor(
    private readonly store: PeiStore,
    private readonly clock: Clock,
    private readonly notices: PeiNotices | null = null,
    /** Called after a change that alters what is published (open data drops its cached reads). */
    private readonly published: () => void = () => {},
  ) {}

  private today(): IsoDate {
    return today(this.clock).date;
  }

  private async roles(person: Person) {
    return this.store.rolesOf(person.id);
  }

  private async isOap(person: Person): Promise<boolean> {
    return (await this.roles(person)).some((r) => r.role === 'oap');
  }

  /** The entity's own plan in force this year (the SDG's). */
  async ownPlanId(): Promise<string> {
    const year = Number(this.today().slice(0, 4));
    const plans = (await this.store.listPeiPlans()).filter((p) => p.own);
    return (plans.find((p) => p.startYear <= year && year <= p.endYear) ?? plans.at(-1))?.id ?? OWN_PLAN_FALLBACK;
  }

  /** The quarterly cut-offs of a plan's period up to today, newest first. */
  cutoffsOf(plan: { startYear: number; endYear: number }): IsoDate[] {
    const now = this.today();
    const out: IsoDate[] = [];
    for (let y = plan.startYear; y <= plan.endYear; y++) out.push(...quarterCutoffs(y).filter((c) => c < now));
    return out.reverse();
  }

  private async year(planId: string, cutoff: IsoDate): Promise<{ data: PeiYearData; plan: PlanYearData | null }> {
    const y = Number(cutoff.slice(0, 4));
    const data = await this.store.loadPeiYear(planId, y);
    if (!data) throw new Refusal('not_found', m.unknownPlan);
    // Linked management goals read the year's plans de gestión (one more batch, only when the plan has any).
    const plan = data.plan.own && data.indicators.some((i) => i.planMeta) ? await this.store.loadPlanYear(y) : null;
    return { data, plan };
  }

  private chooseCutoff(plan: { startYear: number; endYear: number }, asked: string | undefined, latestWithValues?: IsoDate | null): IsoDate {
    if (asked) {
      if (!isCalendarDate(asked)) throw new Refusal('invalid', m.badCutoff(asked));
      const y = Number(asked.slice(0, 4));
      if (y < plan.startYear || y > plan.endYear) throw new Refusal('invalid', m.notInPlan(esDate(asked)));
      return asked;
    }
    return latestWithValues ?? this.cutoffsOf(plan)[0] ?? quarterCutoffs(plan.startYear)[0]!;
  }

  // ── the plan at a cut-off ────────────────────────────────────────────────────────────────────

  async plans(): Promise<PeiPlanRef[]> {
    return (await this.store.listPeiPlans()).map(({ id, entity, name, startYear, endYear, own }) => ({ id, entity, name, startYear, endYear, own }));
  }

  /** The plan at a cut-off; `person` null for the public page (nobody edits there). */
  async report(person: Person | null, planId: string, asked?: string): Promise<PeiReportView> {
    const plans = await this.store.listPeiPlans();
    const plan = plans.find((p) => p.id === planId);
    if (!plan) throw new Refusal('not_found', m.unknownPlan);
    const cutoffs = plan.own ? this.cutoffsOf(plan) : await this.cutoffsWithValues(planId, plan);
    const cutoff = this.chooseCutoff(plan, asked, cutoffs[0] ?? null);
    const [{ data, plan: planYear }, institutional, roles] = await Promise.all([this.year(planId, cutoff), this.store.listInstitutionalObjectives(), person ? this.roles(person) : Promise.resolve([])]);
    return {
      plan: { id: plan.id, entity: plan.entity, name: plan.name, startYear: plan.startYear, endYear: plan.endYear, own: plan.own, mission: plan.mission, vision: plan.vision },
      plans: plans.map(({ id, entity, name, startYear, endYear, own }) => ({ id, entity, name, startYear, endYear, own })),
      year: Number(cutoff.slice(0, 4)),
      cutoff,
      cutoffs,
      objectives: this.visibleTo(objectivesAt(data, planYear, cutoff, institutional), person ? roles : null),
      changes: data.changes,
      canEditWeights: plan.own && roles.some((r) => r.role === 'oap'),
      years: Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => plan.startYear + i),
    };
  }

  /**
   * What a viewer may see of the figures: one not validated yet only the OAP, the entity-wide roles
   * and the responsible unit see — anyone else, and the public (`roles` null), sees that it is not
   * validated and no number or analysis of it. The public reads an analysis only when its area
   * marked it public.
   */
  private visibleTo(objectives: PeiObjectiveView[], roles: readonly RoleAssignment[] | null): PeiObjectiveView[] {
    const entity = roles !== null && seesWholeEntity(roles);
    const sees = (unitId: string | null) => roles !== null && (entity || roles.some((r) => r.unitId !== null && r.unitId === unitId));
    return objectives.map((o) => ({
      ...o,
      indicators: o.indicators.map((r) => {
        if (r.state === 'validated') return roles === null && !r.analysisPublic ? { ...r, analysis: '' } : r;
        if (sees(r.indicator.responsibleUnitId)) return r;
        const status = peiStatus({ programmedInYear: r.figures.status.code !== 'sin_programacion_vigencia', programmedAtCutoff: r.figures.programmedAtCutoff, executed: null });
        return { ...r, analysis: '', analysisPublic: false, figures: { ...r.figures, executed: null, percent: null, status } };
      }),
    }));
  }

  /** Another entity's example has figures only at the cut-offs it published. */
  private async cutoffsWithValues(planId: string, plan: { startYear: number; endYear: number }): Promise<IsoDate[]> {
    const found: IsoDate[] = [];
    for (let y = plan.endYear; y >= plan.startYear; y--) {
      const data = await this.store.loadPeiYear(planId, y);
      found.push(...[...new Set(data?.values.map((v) => v.cutoff) ?? [])].sort().reverse());
      if (found.length) break;
    }
    return found;
  }

  /** The OAP changes a vigencia's weights (seed 002: «La ponderación … podrá modificarse anualmente»), with the reason in the control de cambios. */
  async saveWeights(person: Person, planId: string, year: number, request: PeiWeightsRequest): Promise<PeiReportView> {
    if (!(await this.isOap(person))) throw new Refusal('forbidden', m.onlyOap);
    const data = await this.store.loadPeiYear(planId, year);
    if (!data || !data.plan.own) throw new Refusal('not_found', m.unknownPlan);
    const reason = request.reason.trim();
    if (reason.length < 10) throw new Refusal('invalid', m.weights.reason);
    const errors: string[] = [];
    for (const w of request.weights) {
      const indicator = data.indicators.find((i) => i.id === w.indicatorId);
      if (!indicator || !data.objectives.some((o) => o.id === w.objectiveId)) errors.push(m.weights.unknown);
      else if (!Number.isFinite(w.weight) || w.weight <= 0) errors.push(m.weights.bad(indicator.name));
    }
    for (const o of data.objectives) if (!request.weights.some((w) => w.objectiveId === o.id)) errors.push(m.weights.empty);
    if (errors.length) throw new Refusal('invalid', [...new Set(errors)].join(' '), [...new Set(errors)]);
    const at = this.clock.now().toISOString();
    const n = data.changes.filter((c) => c.version.startsWith(`Vigencia ${year}`)).length + 1;
    const change: PeiChange = { id: `${planId}-cambio-${year}-${String(n).padStart(2, '0')}-${at}`, planId, version: `Vigencia ${year} · ${String(n).padStart(3, '0')}`, objectiveId: null, indicatorId: null, description: `Ponderación ${year}: ${reason}`, at, by: person.id };
    await guarded(() => this.store.replacePeiWeights({ planId, year, weights: request.weights.map((w) => ({ ...w, planId, year })), change, actorId: person.id }));
    this.published();
    const cutoffs = this.cutoffsOf(data.plan).filter((c) => c.startsWith(String(year)));
    return this.report(person, planId, cutoffs[0] ?? quarterCutoffs(year)[0]);
  }

  // ── the validation round ─────────────────────────────────────────────────────────────────────

  /** The viewer acts as the producing area of a unit (its enlace, líder or promotor). */
  private isArea(roles: readonly RoleAssignment[], unitId: string | null): boolean {
    return unitId !== null && roles.some((r) => r.unitId === unitId && REPORTING_ROLES.includes(r.role));
  }

  private async names(ids: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return new Map();
    const people = new Map((await this.store.listPeople()).map((p) => [p.id, p.name]));
    return new Map(wanted.map((id) => [id, people.get(id) ?? id]));
  }

  /** The period's validation session, and whether its signed acta closed the period. */
  private async session(cutoff: IsoDate): Promise<ValidationRoundView['session']> {
    const q = quarterIdOf(cutoff);
    if (!q) return null;
    const next = (`${Number(q.slice(0, 4)) + (q.endsWith('4') ? 1 : 0)}-Q${q.endsWith('4') ? 1 : Number(q.slice(-1)) + 1}`) as QuarterId;
    const sessions = (await this.store.listPlenarias({ quarters: [q, next] })).filter((p) => p.kind === 'validacion' && p.date > cutoff && sessionCutoff(p.date) === cutoff);
    const s = sessions[0];
    if (!s) return null;
    const actas = await this.store.listActas({ plenariaIds: [s.id] });
    const latest = actas.at(-1);
    return { plenariaId: s.id, date: s.date, signed: Boolean(latest?.signatures.secretary && latest?.signatures.presiding) };
  }

  private itemView(data: PeiYearData, indicator: PeiIndicator, cutoff: IsoDate, figure: ReturnType<typeof indicatorFigure>, previous: ReturnType<typeof indicatorFigure> | null, roles: readonly RoleAssignment[], names: Map<string, string>, closed: boolean): ValidationItemView {
    const v = figure.value;
    const figures = v ?? { executed: null, numerator: null, denominator: null, localities: null, differential: {} };
    const oap = roles.some((r) => r.role === 'oap');
    const area = this.isArea(roles, indicator.responsibleUnitId);
    const state = figure.state;
    const open = !closed && figure.source === 'pei';
    const prev = previous && previous.state === 'validated' ? { executed: previous.figures.executed, percent: previous.figures.percent, label: `corte ${esDate(previousCutoff(cutoff))}` } : null;
    return {
      indicator,
      objectives: data.weights.filter((w) => w.indicatorId === indicator.id).map((w) => data.objectives.find((o) => o.id === w.objectiveId)?.number ?? 0),
      cutoff,
      source: figure.source,
      state,
      figures,
      computed: figure.figures,
      analysis: v?.analysis ?? '',
      analysisPublic: v?.analysisPublic ?? false,
      jumpExplanation: v?.jumpExplanation ?? '',
      checks: v && state !== 'draft' ? validationChecks(indicator, figures, { percent: figure.figures.percent, previous: prev, jumpExplanation: v.jumpExplanation }) : [],
      oapReturn: v?.oapReturn ? { ...v.oapReturn, byName: names.get(v.oapReturn.by) ?? v.oapReturn.by } : null,
      validatedAt: figure.validatedAt,
      history: (v?.history ?? []).map((h) => ({ ...h, byName: names.get(h.by) ?? h.by })),
      version: v?.version ?? null,
      canReport: open && area && (state === 'pending' || state === 'draft' || state === 'returned'),
      canReturn: open && oap && state === 'reported',
      canConfirm: open && area && state === 'returned',
    };
  }

  async round(person: Person, asked?: string): Promise<ValidationRoundView> {
    const planId = await this.ownPlanId();
    const plan = (await this.store.listPeiPlans()).find((p) => p.id === planId);
    if (!plan) throw new Refusal('not_found', m.unknownPlan);
    const cutoff = this.chooseCutoff(plan, asked);
    const [{ data, plan: planYear }, roles, session] = await Promise.all([this.year(planId, cutoff), this.roles(person), this.session(cutoff)]);
    const closed = session?.signed ?? false;
    const entity = seesWholeEntity(roles);
    const before = previousCutoff(cutoff);
    const prevYear = before.slice(0, 4) === cutoff.slice(0, 4) ? { data, plan: planYear } : await this.year(planId, before).catch(() => null);
    const visible = data.indicators.filter((i) => entity || this.isArea(roles, i.responsibleUnitId) || roles.some((r) => r.unitId === i.responsibleUnitId));
    const names = await this.names(data.values.flatMap((v) => [...v.history.map((h) => h.by), v.oapReturn?.by ?? '']).filter(Boolean));
    const items = visible
      .filter((i) => data.weights.some((w) => w.indicatorId === i.id))
      .map((i) => this.itemView(data, i, cutoff, indicatorFigure(data, planYear, i, cutoff), prevYear ? indicatorFigure(prevYear.data, prevYear.plan, i, before) : null, roles, names, closed))
      // Nothing to report where nothing is programmed up to the cut-off (an annual measure before December).
      .filter((x) => x.state !== 'pending' || (x.computed.status.code !== 'sin_programacion_vigencia' && x.computed.status.code !== 'sin_programacion_corte'));
    const q = quarterOfCutoff(cutoff);
    const units = await this.store.listUnits();
    const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;
    const planReports: PlanRoundRow[] = q && planYear && entity
      ? planYear.plans.filter((p) => p.publishedVersion !== null).map((p) => {
          const record = planYear.quarters.find((x) => x.planId === p.id && x.quarter === q);
          const state: PlanRoundRow['state'] = record?.state === 'closed' ? 'closed' : record && record.state !== 'draft' ? 'in_review' : 'not_sent';
          return { unitId: p.unitId, unitName: unitName(p.unitId), state, closedAt: record?.state === 'closed' ? record.closedAt : null };
        }).sort((a, b) => a.unitName.localeCompare(b.unitName, 'es'))
      : [];
    const okr = q ? await this.okrRows(roles, `${cutoff.slice(0, 4)}-Q${q}` as QuarterId, closed) : [];
    const counts = { pending: 0, draft: 0, reported: 0, returned: 0, validated: 0 } as Record<ValidationState | 'pending', number>;
    for (const i of items) if (i.source === 'pei') counts[i.state]++;
    return { planId, cutoff, label: cutoffLabel(cutoff), cutoffs: this.cutoffsOf(plan), items, planReports, okr, session, closed, isOap: roles.some((r) => r.role === 'oap'), counts };
  }

  private async okrRows(roles: readonly RoleAssignment[], quarter: QuarterId, closed: boolean): Promise<OkrRoundRow[]> {
    const entity = seesWholeEntity(roles);
    const mine = new Set(roles.map((r) => r.unitId).filter((u): u is string => u !== null));
    const [data, validations] = await Promise.all([this.store.loadEntityQuarter(quarter), this.store.listOkrValidations(quarter)]);
    const ended = this.today() > quarterCutoffs(Number(quarter.slice(0, 4)))[Number(quarter.slice(-1)) - 1]!;
    const oap = roles.some((r) => r.role === 'oap');
    const names = await this.names(validations.map((v) => v.oapReturn?.by ?? '').filter(Boolean));
    const months = quarterMonths(quarter);
    return data.units
      .filter((u) => entity || mine.has(u.id))
      .flatMap((u): OkrRoundRow[] => {
        const bundle = data.bundles.find((b) => b.set.unitId === u.id);
        if (!bundle) return [];
        const checkIns = data.checkIns.filter((c) => c.unitId === u.id);
        const v = validations.find((x) => x.unitId === u.id) ?? null;
        const state: OkrRoundRow['state'] = v?.state ?? (ended ? 'reported' : 'pending');
        const reportedMonths = bundle.keyResults.reduce((s, k) => s + months.filter((p) => checkIns.some((c) => c.keyResultId === k.id && c.period === p)).length, 0);
        return [{
          unitId: u.id,
          unitName: u.name,
          quarter,
          state,
          keyResults: bundle.keyResults.length,
          reportedMonths,
          expectedMonths: bundle.keyResults.length * months.length,
          checks: ended ? okrChecks(bundle, checkIns, months) : [],
          oapReturn: v?.oapReturn ? { ...v.oapReturn, byName: names.get(v.oapReturn.by) ?? v.oapReturn.by } : null,
          validatedAt: v?.validatedAt ?? null,
          version: v?.version ?? null,
          canReturn: !closed && ended && oap && state === 'reported',
          canConfirm: !closed && state === 'returned' && this.isArea(roles, u.id),
        }];
      })
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'es'));
  }

  /** Loads an indicator's figure for a write, refusing what the person may not do or the period no longer allows. */
  private async forWrite(indicatorId: string, cutoff: string) {
    if (!isCalendarDate(cutoff)) throw new Refusal('invalid', m.badCutoff(cutoff));
    const planId = await this.ownPlanId();
    const { data, plan } = await this.year(planId, cutoff);
    const indicator = data.indicators.find((i) => i.id === indicatorId);
    if (!indicator) throw new Refusal('not_found', m.unknownIndicator);
    if (indicator.planMeta) throw new Refusal('invalid', m.linkedToPlan((await this.store.getUnit(indicator.planMeta.unitId))?.name ?? indicator.planMeta.unitId));
    const session = await this.session(cutoff);
    if (session?.signed) throw new Refusal('invalid', m.periodClosed(cutoffLabel(cutoff), esDate(session.date)));
    const value = data.values.find((v) => v.indicatorId === indicatorId && v.cutoff === cutoff) ?? null;
    return { planId, data, plan, indicator, value };
  }

  private step(state: ValidationState | null, action: Exclude<ValidationAction, 'import'>, actor: 'area' | 'oap'): ValidationState {
    const d = validationStep(state, action, actor);
    if (!d.ok) throw new Refusal(d.message === m.cycle.onlyArea || d.message === m.cycle.onlyOap ? 'forbidden' : 'invalid', d.message);
    return d.to;
  }

  private async mustBeArea(person: Person, indicator: PeiIndicator): Promise<void> {
    if (!this.isArea(await this.roles(person), indicator.responsibleUnitId)) throw new Refusal('forbidden', m.notYourIndicator(indicator.responsibleArea));
  }

  private newValue(planId: string, indicatorId: string, cutoff: IsoDate): PeiValue {
    return { planId, indicatorId, cutoff, year: Number(cutoff.slice(0, 4)), executed: null, numerator: null, denominator: null, localities: null, differential: {}, analysis: '', analysisPublic: false, jumpExplanation: '', state: 'draft', oapReturn: null, validatedAt: null, history: [], version: 0 };
  }

  /** The area saves its figure (a draft) or sends it to the OAP; once returned, sending it again is an adjustment. */
  async saveValue(person: Person, indicatorId: string, cutoff: string, request: ValueSaveRequest, action: 'save' | 'import' = 'save'): Promise<ValidationItemView> {
    const { planId, indicator, value } = await this.forWrite(indicatorId, cutoff);
    await this.mustBeArea(person, indicator);
    if (cutoff >= this.today()) throw new Refusal('invalid', m.futureCutoff(esDate(cutoff)));
    if ((value?.version ?? null) !== request.expectedVersion) throw new Refusal('conflict', m.stale);
    const figures = standardise(request.figures);
    const errors = figureErrors(figures, { analysis: request.analysis, jumpExplanation: request.jumpExplanation });
    if (errors.length) throw new Refusal('invalid', errors.join(' '), errors);
    const stepAction = request.submit ? (value?.state === 'returned' ? 'adjust' : 'report') : 'save';
    const to = this.step(value?.state ?? null, stepAction, 'area');
    const at = this.clock.now().toISOString();
    const base = value ?? this.newValue(planId, indicatorId, cutoff);
    const next: PeiValue = {
      ...base,
      ...figures,
      analysis: request.analysis.trim(),
      analysisPublic: request.analysisPublic,
      jumpExplanation: request.jumpExplanation.trim(),
      state: to,
      // An adjustment answers the OAP's return: its observations stay in the history.
      oapReturn: to === 'reported' ? null : base.oapReturn,
      history: request.submit || action === 'import' ? [...base.history, { at, by: person.id, action: action === 'import' ? 'import' : stepAction, comment: null }] : base.history,
    };
    await guarded(() => this.store.writePeiValues([{ value: next, expectedVersion: request.expectedVersion }], person.id));
    return this.item(person, indicatorId, cutoff);
  }

  /** One figure of the round as this person sees it. */
  async item(person: Person, indicatorId: string, cutoff: string): Promise<ValidationItemView> {
    const round = await this.round(person, cutoff);
    const item = round.items.find((i) => i.indicator.id === indicatorId);
    if (!item) throw new Refusal('not_found', m.unknownIndicator);
    return item;
  }

  /** The OAP returns a reported figure to the area for confirmation, with its clean-up and observations (a card goes to the area). */
  async returnValue(person: Person, indicatorId: string, cutoff: string, request: ValueReturnRequest): Promise<ValidationItemView> {
    const { planId, value } = await this.forWrite(indicatorId, cutoff);
    if (!(await this.isOap(person))) throw new Refusal('forbidden', m.cycle.onlyOap);
    const to = this.step(value?.state ?? null, 'return', 'oap');
    if (value!.version !== request.expectedVersion) throw new Refusal('conflict', m.stale);
    const observations = request.observations.trim();
    if (observations.length < 10) throw new Refusal('invalid', m.observationsRequired);
    if (request.executed !== null && (!Number.isFinite(request.executed) || request.executed < 0)) throw new Refusal('invalid', m.badNumber('la cifra de la OAP'));
    const at = this.clock.now().toISOString();
    const oapReturn: OapReturn = { executed: request.executed, observations, by: person.id, at };
    const next: PeiValue = { ...value!, state: to, oapReturn, history: [...value!.history, { at, by: person.id, action: 'return', comment: observations }] };
    await guarded(() => this.store.writePeiValues([{ value: next, expectedVersion: request.expectedVersion }], person.id));
    const item = await this.item(person, indicatorId, cutoff);
    await this.notices?.valueReturned(item, planId);
    return item;
  }

  /** The area confirms what the OAP returned: the figure is validated and published, dated today. */
  async confirmValue(person: Person, indicatorId: string, cutoff: string, expectedVersion: number): Promise<ValidationItemView> {
    const { indicator, value } = await this.forWrite(indicatorId, cutoff);
    await this.mustBeArea(person, indicator);
    const to = this.step(value?.state ?? null, 'confirm', 'area');
    if (value!.version !== expectedVersion) throw new Refusal('conflict', m.stale);
    const at = this.clock.now().toISOString();
    const next: PeiValue = { ...value!, state: to, validatedAt: at, history: [...value!.history, { at, by: person.id, action: 'confirm', comment: null }] };
    await guarded(() => this.store.writePeiValues([{ value: next, expectedVersion }], person.id));
    this.published();
    return this.item(person, indicatorId, cutoff);
  }

  /** The area uploads its figures as a flat file (CSV or .xlsx, the documented layout): every row checked, saved whole or not at all, as drafts to send. */
  async importFile(person: Person, bytes: Buffer, fileName: string): Promise<ValidationRoundView> {
    const planId = await this.ownPlanId();
    const plans = await this.store.listPeiPlans();
    const plan = plans.find((p) => p.id === planId)!;
    let rows;
    try {
      rows = await readFlatFile(bytes, fileName);
    } catch (error) {
      if (error instanceof FlatFileError) throw new Refusal('invalid', error.message);
      throw error;
    }
    const indicators = (await this.store.loadPeiYear(planId, Math.min(plan.endYear, Number(this.today().slice(0, 4)))))!.indicators.filter((i) => !i.planMeta);
    const { reports, errors } = readFlatRows(rows.rows, indicators, { decimalComma: rows.decimalComma });
    if (errors.length) throw new Refusal('invalid', errors.join(' '), errors);
    const cutoff = reports[0]!.cutoff;
    const { data } = await this.forWrite(reports[0]!.indicatorId, cutoff);
    const roles = await this.roles(person);
    const at = this.clock.now().toISOString();
    const writes: Array<{ value: PeiValue; expectedVersion: number | null }> = [];
    const problems: string[] = [];
    for (const r of reports) {
      const indicator = data.indicators.find((i) => i.id === r.indicatorId)!;
      if (!this.isArea(roles, indicator.responsibleUnitId)) problems.push(m.notYourIndicator(indicator.responsibleArea));
      const value = data.values.find((v) => v.indicatorId === r.indicatorId && v.cutoff === cutoff) ?? null;
      const decision = validationStep(value?.state ?? null, 'save', 'area');
      if (!decision.ok) problems.push(`${indicator.reference}: ${decision.message}`);
      const figures = standardise(r.figures);
      problems.push(...figureErrors(figures, r).map((e) => `${indicator.reference}: ${e}`));
      const base = value ?? this.newValue(planId, r.indicatorId, cutoff);
      writes.push({ value: { ...base, ...figures, analysis: r.analysis, analysisPublic: r.analysisPublic, jumpExplanation: r.jumpExplanation, state: decision.ok ? decision.to : base.state, history: [...base.history, { at, by: person.id, action: 'import' as const, comment: fileName.slice(0, 200) }] }, expectedVersion: value?.version ?? null });
    }
    if (cutoff >= this.today()) problems.push(m.futureCutoff(esDate(cutoff)));
    if (problems.length) throw new Refusal(problems.some((p) => p.startsWith('Solo el área')) ? 'forbidden' : 'invalid', [...new Set(problems)].join(' '), [...new Set(problems)]);
    await guarded(() => this.store.writePeiValues(writes, person.id));
    return this.round(person, cutoff);
  }

  // ── OKR results of the quarter ───────────────────────────────────────────────────────────────

  private async okrContext(unitId: string, quarter: QuarterId) {
    const year = Number(quarter.slice(0, 4));
    const cutoff = quarterCutoffs(year)[Number(quarter.slice(-1)) - 1]!;
    if (this.today() <= cutoff) throw new Refusal('invalid', m.okr.notEnded(`T${quarter.slice(-1)} ${year}`));
    const session = await this.session(cutoff);
    if (session?.signed) throw new Refusal('invalid', m.periodClosed(cutoffLabel(cutoff), esDate(session.date)));
    const [unit, data, validations] = await Promise.all([this.store.getUnit(unitId), this.store.loadUnitQuarter(unitId, quarter), this.store.listOkrValidations(quarter)]);
    if (!unit) throw new Refusal('not_found', m.unknownIndicator);
    if (!data.bundle) throw new Refusal('invalid', m.okr.noSet(unit.name, `T${quarter.slice(-1)} ${year}`));
    return { unit, data, cutoff, validation: validations.find((v) => v.unitId === unitId) ?? null };
  }

  private async okrRow(person: Person, unitId: string, quarter: QuarterId): Promise<OkrRoundRow> {
    const roles = await this.roles(person);
    const row = (await this.okrRows(roles, quarter, false)).find((r) => r.unitId === unitId);
    if (!row) throw new Refusal('forbidden', m.cycle.onlyArea);
    return row;
  }

  /** The OAP returns a unit's quarter of OKR results for confirmation (a card goes to its enlace and líder). */
  async returnOkr(person: Person, unitId: string, quarter: QuarterId, request: { expectedVersion: number | null; observations: string }): Promise<OkrRoundRow> {
    if (!(await this.isOap(person))) throw new Refusal('forbidden', m.cycle.onlyOap);
    const { validation } = await this.okrContext(unitId, quarter);
    const to = this.step(validation?.state ?? 'reported', 'return', 'oap');
    if ((validation?.version ?? null) !== request.expectedVersion) throw new Refusal('conflict', m.stale);
    const observations = request.observations.trim();
    if (observations.length < 10) throw new Refusal('invalid', m.observationsRequired);
    const at = this.clock.now().toISOString();
    const next: OkrValidation = { unitId, quarter, state: to as OkrValidation['state'], snapshot: null, oapReturn: { executed: null, observations, by: person.id, at }, validatedAt: null, history: [...(validation?.history ?? []), { at, by: person.id, action: 'return', comment: observations }], version: validation?.version ?? 0 };
    await guarded(() => this.store.writeOkrValidation({ validation: next, expectedVersion: request.expectedVersion, actorId: person.id }));
    const row = await this.okrRow(person, unitId, quarter);
    await this.notices?.okrReturned(row);
    return row;
  }

  /** The enlace (or líder) confirms the quarter's results: what is published is frozen now. */
  async confirmOkr(person: Person, unitId: string, quarter: QuarterId, expectedVersion: number): Promise<OkrRoundRow> {
    const { data, validation } = await this.okrContext(unitId, quarter);
    if (!this.isArea(await this.roles(person), unitId)) throw new Refusal('forbidden', m.cycle.onlyArea);
    const to = this.step(validation?.state ?? 'reported', 'confirm', 'area');
    if (validation!.version !== expectedVersion) throw new Refusal('conflict', m.stale);
    const at = this.clock.now().toISOString();
    const next: OkrValidation = { ...validation!, state: to as OkrValidation['state'], snapshot: okrSnapshot(data.bundle!, data.checkIns), validatedAt: at, history: [...validation!.history, { at, by: person.id, action: 'confirm', comment: null }] };
    await guarded(() => this.store.writeOkrValidation({ validation: next, expectedVersion, actorId: person.id }));
    this.published();
    return this.okrRow(person, unitId, quarter);
  }

  /** What waits for this person: figures to report or confirm (the area), to validate (the OAP). */
  async awaiting(person: Person): Promise<{ cutoff: IsoDate; label: string; toReport: ValidationItemView[]; toConfirm: ValidationItemView[]; toValidate: ValidationItemView[]; okrToConfirm: OkrRoundRow[] }> {
    const round = await this.round(person);
    return {
      cutoff: round.cutoff,
      label: round.label,
      toReport: round.items.filter((i) => i.canReport && (i.state === 'pending' || i.state === 'draft')),
      toConfirm: round.items.filter((i) => i.canConfirm),
      toValidate: round.items.filter((i) => i.canReturn),
      okrToConfirm: round.okr.filter((o) => o.canConfirm),
    };
  }

  // ── the validation session's acta ────────────────────────────────────────────────────────────

  /** What a validation session's acta freezes: the figures validated for its period (PEI, plan de gestión, OKR). */
  async sessionRows(plenaria: Plenaria): Promise<OkrResultRow[]> {
    const cutoff = sessionCutoff(plenaria.date);
    const planId = await this.ownPlanId();
    const { data, plan } = await this.year(planId, cutoff).catch(() => ({ data: null, plan: null }));
    if (!data) return [];
    const rows: OkrResultRow[] = [];
    const fmt = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat('es-CO', { maximumFractionDigits: 2 }).format(n));
    for (const o of objectivesAt(data, plan, cutoff, await this.store.listInstitutionalObjectives())) {
      for (const r of o.indicators) {
        if (r.state !== 'validated') continue;
        rows.push({ objective: `Plan estratégico · Objetivo ${o.number}`, keyResult: `${r.indicator.reference}: ${r.indicator.name}`, progress: `${fmt(r.figures.executed)} (${r.figures.percent === null ? '—' : `${fmt(r.figures.percent * 100)} %`})`, status: `Validada el ${esDate(r.validatedAt!.slice(0, 10))}` });
      }
    }
    const q = quarterOfCutoff(cutoff);
    if (q && plan) {
      const closed = plan.quarters.filter((x) => x.quarter === q && x.state === 'closed');
      const units = await this.store.listUnits();
      for (const c of closed) rows.push({ objective: 'Planes de gestión', keyResult: units.find((u) => u.id === c.unitId)?.name ?? c.unitId, progress: `Reporte T${q} revisado`, status: `Validado el ${esDate(c.closedAt!.slice(0, 10))}` });
      const okr = await this.store.listOkrValidations(`${cutoff.slice(0, 4)}-Q${q}` as QuarterId);
      for (const v of okr.filter((x) => x.state === 'validated')) rows.push({ objective: 'Resultados OKR', keyResult: units.find((u) => u.id === v.unitId)?.name ?? v.unitId, progress: `${v.snapshot?.keyResults.length ?? 0} resultados clave`, status: `Validado el ${esDate(v.validatedAt!.slice(0, 10))}` });
    }
    return rows;
  }
}

/** The period a validation session closes: the last quarterly cut-off before its date. */
export function sessionCutoff(date: IsoDate): IsoDate {
  return previousCutoff(date);
}
