/** What the plan de gestión's services share: who may see and act on a unit, people's names, the Spanish refusals. */
import { msg, planMessages, type MetaContext, type Person, type Role, type Unit, type UnitRef } from '@okr/core';
import { ConflictError, type Store } from '../store/Store.js';
import { canSeeUnit } from './access.js';
import type { Clock } from './clock.js';
import { Refusal } from './refusal.js';

const ENTITY_WIDE: readonly Role[] = ['oap', 'eti', 'dti', 'secretario', 'coach'];

export const ref = (u: Unit): UnitRef => ({ id: u.id, name: u.name, kind: u.kind });
export const conflict = () => new Refusal('conflict', planMessages.workflow.stale);
export const refuse = (messages: readonly string[]) => new Refusal('invalid', messages.join(' '), messages);
export const planNotFound = () => new Refusal('not_found', msg.errors.notFound);

/** Turns a store conflict into the Spanish «someone else changed it» refusal. */
export async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ConflictError) throw conflict();
    throw error;
  }
}

/** What core's meta checks need of the year's data: the institutional objectives and the units' kinds. */
export function metaContext(data: { units: Unit[]; institutionalObjectives: { id: string }[] }): MetaContext {
  return { objectiveIds: new Set(data.institutionalObjectives.map((o) => o.id)), units: new Map(data.units.map((u) => [u.id, u.kind])) };
}

/** Reads of who a person is on the plan de gestión, over the Store. */
export class PlanAccess {
  constructor(readonly store: Store) {}

  /** The person's roles that apply to a unit: theirs on the unit, and their entity-wide ones. */
  async rolesOn(person: Person, unitId: string): Promise<Role[]> {
    const roles = await this.store.rolesOf(person.id);
    return [...new Set(roles.filter((r) => r.unitId === unitId || (r.unitId === null && ENTITY_WIDE.includes(r.role))).map((r) => r.role))];
  }

  async isOap(person: Person): Promise<boolean> {
    return (await this.store.rolesOf(person.id)).some((r) => r.role === 'oap');
  }

  /** The unit, if it exists and the person may see it; otherwise a Spanish refusal. */
  async mustSee(person: Person, unitId: string): Promise<Unit> {
    const [unit, roles] = await Promise.all([this.store.getUnit(unitId), this.store.rolesOf(person.id)]);
    if (!unit) throw new Refusal('not_found', msg.errors.notFound);
    if (!canSeeUnit(roles, unitId)) throw new Refusal('forbidden', msg.errors.forbidden);
    return unit;
  }

  /** People's names: one read of the directory for several (on SharePoint one request, not one per person). */
  async names(ids: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map();
    if (wanted.length === 1) return new Map([[wanted[0]!, (await this.store.getPerson(wanted[0]!))?.name ?? wanted[0]!]]);
    const people = new Map((await this.store.listPeople()).map((p) => [p.id, p.name]));
    return new Map(wanted.map((id) => [id, people.get(id) ?? id]));
  }
}

/** What each plan service is built from: the Store, the clock, what it tells the bot (`N`), and the access reads over the Store. */
export abstract class PlanServiceBase<N> {
  protected readonly access: PlanAccess;

  constructor(
    protected readonly store: Store,
    protected readonly clock: Clock,
    protected readonly notices: N | null = null,
  ) {
    this.access = new PlanAccess(store);
  }
}
