import type { Role, RoleAssignment, Unit } from '@okr/core';

/** Roles that see every unit (the entity's follow-up and leadership). */
const ENTITY_WIDE: ReadonlySet<Role> = new Set(['eti', 'oap', 'dti', 'secretario', 'coach']);

/** Units a person may report check-ins for: where they are enlace or líder. */
export function reportingUnitIds(roles: readonly RoleAssignment[]): string[] {
  return [...new Set(roles.filter((r) => (r.role === 'enlace' || r.role === 'lider') && r.unitId).map((r) => r.unitId as string))];
}

export function canReportFor(roles: readonly RoleAssignment[], unitId: string): boolean {
  return reportingUnitIds(roles).includes(unitId);
}

export function seesWholeEntity(roles: readonly RoleAssignment[]): boolean {
  return roles.some((r) => ENTITY_WIDE.has(r.role));
}

/** Units a person may look at: their own, or all of them for ETI, OAP, coaches and leadership. */
export function visibleUnits(roles: readonly RoleAssignment[], units: readonly Unit[]): Unit[] {
  if (seesWholeEntity(roles)) return [...units];
  const mine = new Set(roles.map((r) => r.unitId).filter((u): u is string => u !== null));
  return units.filter((u) => mine.has(u.id));
}

export function canSeeUnit(roles: readonly RoleAssignment[], unitId: string): boolean {
  return seesWholeEntity(roles) || roles.some((r) => r.unitId === unitId);
}
