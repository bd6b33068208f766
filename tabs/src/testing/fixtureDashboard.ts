/**
 * An entity dashboard for component tests: four units (two central, two alcaldías) with a set each
 * but one, built by core's own `buildEntityDashboard`, so the view model is what the server sends.
 */
import type { CheckIn, EntityDashboard, KeyResult, Objective, OkrSetBundle, OkrSetState, Unit } from '@okr/core';
import { buildEntityDashboard } from '../../../core/src/dashboard.js';

export const DASHBOARD_UNITS: Unit[] = [
  { id: 'dgth', name: 'Dirección de Gestión del Talento Humano', kind: 'central', level: 'direccion', parentId: null },
  { id: 'oap', name: 'Oficina Asesora de Planeación', kind: 'central', level: 'oficina', parentId: null },
  { id: 'al-usaquen', name: 'Alcaldía Local de Usaquén', kind: 'alcaldia', level: 'alcaldia', parentId: null },
  { id: 'al-suba', name: 'Alcaldía Local de Suba', kind: 'alcaldia', level: 'alcaldia', parentId: null },
];

function bundle(unitId: string, state: OkrSetState = 'active'): OkrSetBundle {
  const setId = `set-${unitId}`;
  const objectives: Objective[] = [{ id: `${setId}-oe`, setId, parentId: null, level: 'strategic', title: `Objetivo estratégico de ${unitId}`, order: 0 }];
  const keyResults: KeyResult[] = [];
  for (let t = 1; t <= 3; t++) {
    objectives.push({ id: `${setId}-ot${t}`, setId, parentId: `${setId}-oe`, level: 'tactical', title: `Táctico ${t} de ${unitId}`, order: t });
    for (let k = 1; k <= 3; k++) {
      keyResults.push({ id: `${setId}-ot${t}-kr${k}`, setId, objectiveId: `${setId}-ot${t}`, title: `Resultado ${t}.${k}`, kind: 'percentage', unitOfMeasure: '%', baseline: 0, target: 100, direction: 'increase', ownerId: null, order: k });
    }
  }
  return { set: { id: setId, unitId, quarter: '2026-Q4', state, institutionalObjectiveId: 'oe1', version: 1 }, objectives, keyResults };
}

function checkIns(b: OkrSetBundle, values: Record<string, number>, howMany: number): CheckIn[] {
  return b.keyResults.slice(0, howMany).flatMap((kr) =>
    Object.entries(values).map(([period, value]) => ({
      id: `ci-${kr.id}-${period}`,
      keyResultId: kr.id,
      unitId: b.set.unitId,
      period,
      value,
      comment: 'Avance',
      evidenceUrl: 'https://gobiernobogota.sharepoint.com/e',
      authorId: 'enlace',
      createdAt: `${period}-25T15:00:00Z`,
      updatedAt: `${period}-25T15:00:00Z`,
      version: 1,
    })),
  );
}

export function fixtureDashboard(): EntityDashboard {
  const dgth = bundle('dgth');
  const usaquen = bundle('al-usaquen');
  const suba = bundle('al-suba', 'draft');
  return buildEntityDashboard({
    quarter: '2026-Q4',
    asOf: '2026-11-23',
    period: '2026-11',
    units: DASHBOARD_UNITS,
    bundles: [dgth, usaquen, suba],
    // DGTH on pace and fully reported; Usaquén far behind, November only partly reported.
    checkIns: [...checkIns(dgth, { '2026-10': 30, '2026-11': 60 }, 9), ...checkIns(usaquen, { '2026-10': 5 }, 9), ...checkIns(usaquen, { '2026-11': 10 }, 4)],
    institutionalObjectives: [{ id: 'oe1', code: 'OE1', title: 'Gobernabilidad' }],
  });
}
