import {
  EDITABLE_STATES,
  actionLabels,
  formatDateTime,
  lockedNext,
  msg,
  nextQuarter,
  qualityAlerts,
  setDraftProblems,
  quarterLabel,
  setStateLabels,
  transition,
  type KeyResult,
  type Objective,
  type OkrSet,
  type InstitutionalObjective,
  type PersonRef,
  type OkrSetBundle,
  type Person,
  type QualityAlert,
  type QuarterId,
  type Role,
  type WorkflowAction,
} from '@okr/core';
import { ConflictError, type DirectoryPort, type OkrPort, type SetContent, type SetEvent } from '../store/Store.js';
import { canSeeUnit } from './access.js';
import { systemClock, today, type Clock } from './clock.js';
import { Refusal } from './refusal.js';

/** A set with its history and the alerts its form raises, as the cards and the tab show it. */
export interface SetView {
  bundle: OkrSetBundle;
  unitName: string;
  /** The institutional objective the set aligns to (what the líder approves it against); null if unknown. */
  institutionalObjective: InstitutionalObjective | null;
  /** The unit's people (líder, enlace, integrantes), to name each key result's owner. */
  unitPeople: PersonRef[];
  events: Array<SetEvent & { actorName: string }>;
  alerts: QualityAlert[];
}

export type ActResult =
  | { kind: 'done'; view: SetView; action: WorkflowAction | 'create' | 'edit' }
  /** Not allowed, or a comment is missing: nothing changed. */
  | { kind: 'refused'; message: string; view: SetView | null; notFound?: true }
  /** The card or editor was behind: someone else acted first, or the set was edited. */
  | { kind: 'stale'; message: string; view: SetView };

const ENTITY_WIDE: readonly Role[] = ['coach', 'eti', 'oap', 'dti', 'secretario'];

/** The formulation workflow of a unit's quarterly set (seed 000, activity 3), for every surface. */
export class FormulationService {
  /** `afterStep` runs after every workflow step that took effect (the bot sends the next people their cards). */
  constructor(
    private readonly store: OkrPort & DirectoryPort,
    private readonly afterStep: (view: SetView) => Promise<void> = async () => {},
    private readonly clock: Clock = systemClock,
  ) {}

  /** The person's roles that apply to a unit's set: their roles on the unit and their entity-wide roles. */
  async rolesFor(person: Person, unitId: string): Promise<Role[]> {
    const roles = await this.store.rolesOf(person.id);
    return roles.filter((r) => r.unitId === unitId || (r.unitId === null && ENTITY_WIDE.includes(r.role))).map((r) => r.role);
  }

  async view(setId: string): Promise<SetView | null> {
    const bundle = await this.store.getSetById(setId);
    if (!bundle) return null;
    const [unit, events, institutional, roles, people] = await Promise.all([
      this.store.getUnit(bundle.set.unitId),
      this.store.listSetEvents(setId),
      this.store.listInstitutionalObjectives(),
      this.store.listRoles(),
      this.store.listPeople(),
    ]);
    const ofUnit = new Set(roles.filter((r) => r.unitId === bundle.set.unitId).map((r) => r.personId));
    const unitPeople = people
      .filter((p) => ofUnit.has(p.id))
      .map((p) => ({ id: p.id, name: p.name, jobTitle: p.jobTitle }))
      .sort((a, b) => a.name.localeCompare(b.name, 'es'));
    const names = new Map<string, string>();
    for (const id of new Set(events.map((e) => e.actorId))) names.set(id, (await this.store.getPerson(id))?.name ?? id);
    return {
      bundle,
      unitName: unit?.name ?? bundle.set.unitId,
      institutionalObjective: institutional.find((o) => o.id === bundle.set.institutionalObjectiveId) ?? null,
      unitPeople,
      events: events.map((e) => ({ ...e, actorName: names.get(e.actorId) ?? e.actorId })),
      alerts: qualityAlerts(bundle.objectives, bundle.keyResults),
    };
  }

  /** "Ana Gómez lo pasó a «En aprobación del líder» el 2026-11-23 a las 10:05." */
  private describeLast(view: SetView): string {
    const last = view.events.at(-1);
    const state = setStateLabels[view.bundle.set.state];
    if (!last) return msg.formulation.nowIn(state);
    return msg.formulation.lastStep(last.actorName, last.action in actionLabels ? actionLabels[last.action as WorkflowAction] : last.action, state, formatDateTime(last.at));
  }

  /**
   * Takes a workflow step from a card or the tab. The card says which version it showed: if the set
   * moved on since, nothing is done twice and the person is told what happened instead.
   */
  async act(person: Person, setId: string, action: WorkflowAction, expectedVersion: number, comment: string | null): Promise<ActResult> {
    const view = await this.visibleView(person, setId);
    if (!view.ok) return { kind: 'refused', message: view.message, view: null, ...(view.notFound ? { notFound: true as const } : {}) };
    return this.step(person, view.view, action, expectedVersion, comment);
  }

  /**
   * A set's view for someone who may see its unit (its people and the entity-wide roles); otherwise
   * why not — and nothing of the set, not even in a conflict (set ids are predictable).
   */
  async visibleView(person: Person, setId: string): Promise<{ ok: true; view: SetView } | { ok: false; message: string; notFound: boolean }> {
    const view = await this.view(setId);
    if (!view) return { ok: false, message: msg.errors.notFound, notFound: true };
    if (!canSeeUnit(await this.store.rolesOf(person.id), view.bundle.set.unitId)) return { ok: false, message: msg.errors.forbidden, notFound: false };
    return { ok: true, view };
  }

  private async step(person: Person, view: SetView, action: WorkflowAction, expectedVersion: number, comment: string | null): Promise<ActResult> {
    const { set } = view.bundle;
    const setId = set.id;
    if (set.version !== expectedVersion) return { kind: 'stale', message: msg.formulation.stale(this.describeLast(view)), view };
    const roles = await this.rolesFor(person, set.unitId);
    const decision = transition(set.state, action, roles, comment);
    if (!decision.ok) return { kind: 'refused', message: decision.message, view };
    try {
      await this.store.transitionSet({ actorId: person.id, setId, action, from: set.state, to: decision.to, expectedVersion, comment: comment?.trim() || null });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const now = (await this.view(setId))!;
      return { kind: 'stale', message: msg.formulation.stale(this.describeLast(now)), view: now };
    }
    const done = (await this.view(setId))!;
    await this.afterStep(done);
    return { kind: 'done', view: done, action };
  }

  /** Sets waiting for this person: coaches review the form, líderes approve, enlaces fix what came back. */
  async awaiting(person: Person): Promise<SetView[]> {
    const roles = await this.store.rolesOf(person.id);
    const isCoach = roles.some((r) => r.role === 'coach');
    const lider = new Set(roles.filter((r) => r.role === 'lider').map((r) => r.unitId));
    const enlace = new Set(roles.filter((r) => r.role === 'enlace').map((r) => r.unitId));
    const sets = await this.store.listSetsByState(['draft', 'coach_review', 'leader_approval', 'returned', 'rejected']);
    const mine = sets.filter(
      (s: OkrSet) =>
        (s.state === 'coach_review' && isCoach) ||
        (s.state === 'leader_approval' && lider.has(s.unitId)) ||
        ((s.state === 'draft' || s.state === 'returned' || s.state === 'rejected') && enlace.has(s.unitId)),
    );
    return (await Promise.all(mine.map((s) => this.view(s.id)))).filter((v): v is SetView => v !== null);
  }

  /**
   * The enlace's draft of a unit's set for a quarter: created, or replaced while still editable
   * (draft, returned, rejected). `expectedVersion` guards against overwriting someone else's edit.
   */
  async saveDraft(person: Person, unitId: string, quarter: QuarterId, content: SetContent, expectedVersion: number | null): Promise<ActResult> {
    const roles = await this.rolesFor(person, unitId);
    const unit = await this.store.getUnit(unitId);
    if (!unit) return { kind: 'refused', message: msg.errors.notFound, view: null, notFound: true };
    if (!roles.includes('enlace')) return { kind: 'refused', message: msg.formulation.onlyEnlace(unit.name), view: null };
    // A set is prepared for the quarter under way or the next one (reformulation at quarter end), never for 1999 or 2099.
    const current = today(this.clock).quarter;
    if (quarter !== current && quarter !== nextQuarter(current)) throw new Refusal('invalid', msg.formulation.quarterOutOfWindow(quarterLabel(quarter), quarterLabel(current), quarterLabel(nextQuarter(current))));
    const [institutional, people] = await Promise.all([this.store.listInstitutionalObjectives(), this.store.listPeople()]);
    const problems = setDraftProblems(content, { institutionalObjectiveIds: new Set(institutional.map((o) => o.id)), personIds: new Set(people.map((p) => p.id)) });
    if (problems.length) throw new Refusal('invalid', problems.join(' '), problems);
    const existing = await this.store.getSet(unitId, quarter);
    try {
      if (!existing) {
        const setId = `set-${unitId}-${quarter}`;
        await this.store.createSet({ actorId: person.id, setId, unitId, quarter, content: withIds(setId, content) });
        return { kind: 'done', view: (await this.view(setId))!, action: 'create' };
      }
      const view = (await this.view(existing.set.id))!;
      if (!EDITABLE_STATES.has(existing.set.state)) return { kind: 'refused', message: msg.formulation.locked(setStateLabels[existing.set.state], lockedNext(existing.set.state)), view };
      if (expectedVersion !== existing.set.version) return { kind: 'stale', message: msg.formulation.stale(this.describeLast(view)), view };
      // The same content again (Enviar right after Guardar): nothing to store, nothing in the history.
      if (sameContent(withIds(existing.set.id, content), contentOf(existing))) return { kind: 'done', view, action: 'edit' };
      await this.store.replaceSetContent({ actorId: person.id, setId: existing.set.id, expectedVersion, content: withIds(existing.set.id, content) });
      return { kind: 'done', view: (await this.view(existing.set.id))!, action: 'edit' };
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const now = (await this.store.getSet(unitId, quarter))!;
      const view = (await this.view(now.set.id))!;
      return { kind: 'stale', message: msg.formulation.stale(this.describeLast(view)), view };
    }
  }

  /** "Reformular": a new draft for `quarter` copied from the unit's previous set, with progress reset. */
  async reformulate(person: Person, unitId: string, from: QuarterId, to: QuarterId): Promise<ActResult> {
    const source = await this.store.getSet(unitId, from);
    if (!source) return { kind: 'refused', message: msg.formulation.nothingToCopy(quarterLabel(from)), view: null };
    return this.saveDraft(person, unitId, to, contentOf(source), null);
  }
}

/** A set's content, ready to copy or edit. */
export function contentOf(bundle: OkrSetBundle): SetContent {
  return {
    institutionalObjectiveId: bundle.set.institutionalObjectiveId,
    objectives: bundle.objectives.map(({ setId: _s, ...o }) => o),
    keyResults: bundle.keyResults.map(({ setId: _s, ...k }) => k),
  };
}

/** Two contents say the same: the same objectives and key results, field by field, whatever the order they come in. */
function sameContent(a: SetContent, b: SetContent): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([x], [y]) => x.localeCompare(y)).map(([k, v]) => [k, canonical(v)]))
        : value;
  const key = (c: SetContent) => JSON.stringify(canonical({ ...c, objectives: [...c.objectives].sort((x, y) => x.id.localeCompare(y.id)), keyResults: [...c.keyResults].sort((x, y) => x.id.localeCompare(y.id)) }));
  return key(a) === key(b);
}

/** Gives a set's content ids of its own (a copy must not reuse another quarter's ids). */
function withIds(setId: string, content: SetContent): SetContent {
  const ids = new Map<string, string>();
  const objectives = [...content.objectives].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null) || a.order - b.order);
  let t = 0;
  for (const o of objectives) ids.set(o.id, o.parentId === null ? `${setId}-oe` : `${setId}-ot${++t}`);
  const krCount = new Map<string, number>();
  const keyResults = content.keyResults.map((k): Omit<KeyResult, 'setId'> => {
    const objectiveId = ids.get(k.objectiveId) ?? k.objectiveId;
    const n = (krCount.get(objectiveId) ?? 0) + 1;
    krCount.set(objectiveId, n);
    return { ...k, id: `${objectiveId}-kr${n}`, objectiveId };
  });
  return {
    institutionalObjectiveId: content.institutionalObjectiveId,
    objectives: objectives.map((o): Omit<Objective, 'setId'> => ({ ...o, id: ids.get(o.id)!, parentId: o.parentId === null ? null : (ids.get(o.parentId) ?? o.parentId) })),
    keyResults,
  };
}

