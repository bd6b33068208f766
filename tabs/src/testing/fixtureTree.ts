/**
 * A realistic unit quarter for component tests and local previews: Alcaldía Local de Usaquén,
 * T4 2026, seen on 23 November 2026, with every status represented. Built by core's own
 * `buildTree`, so the view model is exactly what the server sends.
 */
import type { CheckIn, KeyResult, Objective, OkrTreeView, QuarterId } from '@okr/core';
import { buildTree } from '../../../core/src/tree.js';

export const FIXTURE_UNIT = { id: 'al-usaquen', name: 'Alcaldía Local de Usaquén', kind: 'alcaldia', level: 'alcaldia', parentId: 'sgl' } as const;
const SET_ID = 'set-al-usaquen-2026-Q4';

type KrSeed = Pick<KeyResult, 'title' | 'kind' | 'unitOfMeasure' | 'baseline' | 'target'> & { values: Array<number | null> };

const TACTICAL: Array<{ title: string; krs: KrSeed[] }> = [
  {
    title: 'Agilizar la respuesta a los requerimientos ciudadanos',
    krs: [
      { title: 'Reducir el tiempo promedio de respuesta a PQRS', kind: 'number', unitOfMeasure: 'días', baseline: 15, target: 10, values: [14, 12] },
      { title: 'Responder a tiempo el 95 % de las PQRS del trimestre', kind: 'percentage', unitOfMeasure: '%', baseline: 0, target: 95, values: [20, 42.75] },
      { title: 'Depurar el rezago de PQRS sin respuesta', kind: 'number', unitOfMeasure: 'PQRS', baseline: 120, target: 0, values: [80, 30] },
    ],
  },
  {
    title: 'Fortalecer la participación ciudadana en el territorio',
    krs: [
      { title: 'Realizar encuentros ciudadanos por UPZ', kind: 'number', unitOfMeasure: 'encuentros', baseline: 0, target: 12, values: [5, 12] },
      { title: 'Vincular organizaciones sociales a las mesas locales', kind: 'number', unitOfMeasure: 'organizaciones', baseline: 20, target: 45, values: [22, 25] },
      { title: 'Publicar el informe de rendición de cuentas local', kind: 'milestone', unitOfMeasure: 'hito', baseline: 0, target: 1, values: [] },
    ],
  },
  {
    title: 'Avanzar en la ejecución del Fondo de Desarrollo Local',
    krs: [
      { title: 'Comprometer el presupuesto de inversión del FDL', kind: 'percentage', unitOfMeasure: '%', baseline: 0, target: 90, values: [60, 99] },
      { title: 'Girar los recursos de obligaciones por pagar', kind: 'percentage', unitOfMeasure: '%', baseline: 0, target: 60, values: [12, 30] },
      { title: 'Liquidar contratos de vigencias anteriores', kind: 'number', unitOfMeasure: 'contratos', baseline: 0, target: 40, values: [6, 14] },
    ],
  },
];

const COMMENTS = [
  'Avance según el cronograma; se adjuntan actas y listados de asistencia.',
  'Se cumplió lo programado del mes con apoyo del equipo territorial.',
  'El avance es menor al esperado por demoras en la contratación; se ajustó el plan de trabajo.',
  'Se consolidó la información con la OAP y se validaron las cifras del mes.',
];

export function fixtureTree(options: { quarter?: QuarterId; asOf?: string; dropKeyResult?: boolean; empty?: boolean } = {}): OkrTreeView {
  const quarter = options.quarter ?? '2026-Q4';
  const strategicId = `${SET_ID}-oe`;
  const objectives: Objective[] = [
    {
      id: strategicId,
      setId: SET_ID,
      parentId: null,
      level: 'strategic',
      title: 'Acercar la gestión de la alcaldía local a la ciudadanía con resultados visibles en el territorio de Usaquén',
      order: 0,
    },
  ];
  const keyResults: KeyResult[] = [];
  const checkIns: CheckIn[] = [];
  TACTICAL.forEach((tactical, ti) => {
    const objectiveId = `${SET_ID}-ot${ti + 1}`;
    objectives.push({ id: objectiveId, setId: SET_ID, parentId: strategicId, level: 'tactical', title: tactical.title, order: ti + 1 });
    tactical.krs.forEach((seed, ki) => {
      if (options.dropKeyResult && ti === 2 && ki === 2) return;
      const id = `${objectiveId}-kr${ki + 1}`;
      const { values, ...rest } = seed;
      keyResults.push({ ...rest, id, setId: SET_ID, objectiveId, direction: seed.target >= seed.baseline ? 'increase' : 'decrease', ownerId: 'enlace-al-usaquen', order: ki + 1 });
      values.forEach((value, m) => {
        if (value === null) return;
        const period = `2026-${String(10 + m).padStart(2, '0')}`;
        checkIns.push({
          id: `ci-${id}-${period}`,
          keyResultId: id,
          unitId: FIXTURE_UNIT.id,
          period,
          value,
          comment: COMMENTS[(ti * 3 + ki + m) % COMMENTS.length]!,
          evidenceUrl: `https://gobiernobogota.sharepoint.com/sites/OKR/al-usaquen/Evidencias/${period}`,
          authorId: 'enlace-al-usaquen',
          createdAt: `${period}-25T15:00:00.000Z`,
          updatedAt: `${period}-25T15:00:00.000Z`,
          version: 1,
        });
      });
    });
  });
  return buildTree({
    unit: { ...FIXTURE_UNIT },
    quarter,
    asOf: options.asOf ?? '2026-11-23',
    bundle: options.empty ? null : { set: { id: SET_ID, unitId: FIXTURE_UNIT.id, quarter, state: 'active', institutionalObjectiveId: 'oe1', version: 1 }, objectives, keyResults },
    checkIns,
    institutionalObjectives: [
      { id: 'oe1', code: 'OE1', title: 'Fortalecer la gobernabilidad democrática local y la participación ciudadana en los territorios.' },
    ],
  });
}
