import {
  LOCALIDADES,
  okrSnapshot,
  cutoffFigures,
  quarterCutoffs,
  type Breakdown,
  type DifferentialDimension,
  type IsoDate,
  type OkrValidation,
  type PeiIndicator,
  type PeiObjective,
  type PeiPlan,
  type PeiProgramming,
  type PeiValue,
  type PeiWeight,
  type QuarterId,
  type ValidationState,
  type Acta,
  type Plenaria,
  type PlanQuarter,
  type Unit,
} from '@okr/core';
import type { OkrSeed } from '../ports/okr.js';
import type { PeiSeed } from '../ports/pei.js';
import { SG_CHANGES, SG_INDICATORS, SG_OBJECTIVES, SG_PLAN, SG_PROGRAMMING, SG_VALUES, SG_WEIGHTS } from './secretariaGeneral2023.js';
import { prng } from './prng.js';

/**
 * The demo's PEIs, consistent with `today` (the generation day, 1 December 2026): the SDG's own
 * «Plan Estratégico Institucional 2024-2027», whose five objectives are the directory's institutional
 * objectives (the OKR sets align to them), with indicators of the three kinds — some linked to
 * metas of the units' plans de gestión, which take their figures from those plans' reports — its
 * 2026 weights and programming, and its figures at the quarterly cut-offs: Q1 and Q2 validated and
 * published, Q3 in its validation round (validated, returned for confirmation, reported, a draft,
 * one not reported), Q4 not due yet; the OKR validations of the last closed quarter; and the
 * Secretaría General's PEI at 30 June 2023 exactly as seed 002 prints it, published.
 */

export const SDG_PLAN_ID = 'sdg-pei-2024-2027';

const at = (date: IsoDate, hour = 15) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;

const SDG_PLAN: PeiPlan = {
  id: SDG_PLAN_ID,
  entity: 'Secretaría Distrital de Gobierno',
  name: 'Plan Estratégico Institucional 2024-2027',
  startYear: 2024,
  endYear: 2027,
  mission:
    'La Secretaría Distrital de Gobierno lidera la gobernabilidad democrática de Bogotá: fortalece la gestión local, promueve la convivencia, el diálogo social y los derechos humanos, y ejerce la gestión policiva para una ciudad segura, ordenada e incluyente.',
  vision:
    'En 2030 la Secretaría Distrital de Gobierno será reconocida por una gestión pública cercana a la ciudadanía en los territorios, moderna y transparente, que garantiza derechos y resuelve los conflictos por el diálogo.',
  own: true,
  version: 1,
};

/** [id, objective numbers, kind, reference, name, unit, responsible, unitOfMeasure, method, breakdown, plan meta, programming Q1..Q4 (cumulative), annual] */
interface Def {
  id: string;
  objectives: number[];
  kind: PeiIndicator['kind'];
  reference: string;
  name: string;
  unit: string;
  area: string;
  measure: string;
  method?: PeiIndicator['method'];
  variables?: PeiIndicator['variables'];
  additive?: boolean;
  locality?: boolean;
  differential?: DifferentialDimension[];
  planMeta?: PeiIndicator['planMeta'];
  quarters: [number | null, number | null, number | null, number | null] | null;
  /** Executions at Q1..Q3 (pace of the demo). */
  executed?: [number, number, number];
  note?: string;
}

const DEFS: Def[] = [
  { id: 'sdg-i01', objectives: [1], kind: 'sectorial', reference: 'Indicador sectorial 610', name: 'Porcentaje de avance en la implementación de la estrategia de fortalecimiento de la gobernanza local en las 20 alcaldías', unit: 'sgl', area: 'Subsecretaría de Gestión Local', measure: '%', quarters: [15, 35, 55, 80], executed: [15, 34, 55] },
  { id: 'sdg-i02', objectives: [1], kind: 'inversion', reference: 'Meta proyecto de inversión N°2, proyecto 8118', name: 'Personas vinculadas a procesos de participación ciudadana en las localidades', unit: 'dgdl', area: 'Dirección para la Gestión del Desarrollo Local', measure: 'personas', additive: true, locality: true, differential: ['sexo', 'grupo_etario'], quarters: [2500, 6000, 9000, 12000], executed: [2612, 5840, 8760] },
  { id: 'sdg-i03', objectives: [1], kind: 'gestion', reference: 'Meta de gestión (plan de gestión DGDL, meta 1)', name: 'Mesas técnicas de seguimiento con las alcaldías locales', unit: 'dgdl', area: 'Dirección para la Gestión del Desarrollo Local', measure: 'mesas', planMeta: { unitId: 'dgdl', metaId: 'm1' }, quarters: null, note: 'Meta de gestión del plan de gestión: sus cifras son las del reporte trimestral revisado por la OAP.' },
  { id: 'sdg-i04', objectives: [2], kind: 'sectorial', reference: 'Indicador sectorial 622', name: 'Personas atendidas en las rutas de protección y garantía de derechos humanos', unit: 'ddhh', area: 'Dirección de Derechos Humanos', measure: 'personas', additive: true, locality: true, differential: ['sexo', 'etnia', 'victima'], quarters: [900, 2000, 3100, 4200], executed: [934, 2011, 3980] },
  { id: 'sdg-i05', objectives: [2], kind: 'inversion', reference: 'Meta proyecto de inversión N°1, proyecto 8120', name: 'Porcentaje de conflictividades sociales atendidas mediante el diálogo social', unit: 'dcds', area: 'Dirección de Convivencia y Diálogo Social', measure: '%', method: 'porcentaje', variables: { numerator: 'Conflictividades atendidas por diálogo', denominator: 'Conflictividades reportadas' }, quarters: [90, 90, 90, 90], executed: [91.2, 88.5, 92] },
  { id: 'sdg-i12', objectives: [2], kind: 'sectorial', reference: 'Indicador sectorial 630', name: 'Política pública de libertad religiosa, de cultos y de conciencia actualizada', unit: 'salrc', area: 'Subdirección de Asuntos de Libertad Religiosa y de Conciencia', measure: 'política', quarters: null, note: 'La actualización de la política terminó en 2025: el indicador no tiene programación en 2026.' },
  { id: 'sdg-i06', objectives: [3], kind: 'sectorial', reference: 'Indicador sectorial 641', name: 'Actuaciones de policía con decisión de fondo', unit: 'dgp', area: 'Dirección para la Gestión Policiva', measure: 'actuaciones', additive: true, locality: true, quarters: [6000, 13000, 20000, 28000], executed: [6105, 12480, 19920] },
  { id: 'sdg-i07', objectives: [3], kind: 'gestion', reference: 'Meta de gestión (plan de gestión DGP, meta 1)', name: 'Mesas técnicas de gestión policiva con las alcaldías locales', unit: 'dgp', area: 'Dirección para la Gestión Policiva', measure: 'mesas', planMeta: { unitId: 'dgp', metaId: 'm1' }, quarters: null },
  { id: 'sdg-i08', objectives: [4], kind: 'sectorial', reference: 'Indicador sectorial 655', name: 'Porcentaje de trámites y servicios de la Secretaría disponibles en línea', unit: 'dti', area: 'Dirección de Tecnologías e Información', measure: '%', quarters: [40, 50, 60, 70], executed: [41, 52, 61] },
  { id: 'sdg-i09', objectives: [4], kind: 'gestion', reference: 'Meta de gestión (plan de gestión SGD, meta 3)', name: 'Expedientes digitalizados en el sistema de gestión documental electrónica', unit: 'sgd', area: 'Subdirección de Gestión Documental', measure: '%', planMeta: { unitId: 'sgd', metaId: 'm3' }, quarters: null },
  { id: 'sdg-i10', objectives: [5], kind: 'gestion', reference: 'Meta de gestión (plan de gestión OAP, meta 5)', name: 'Acciones del Modelo Integrado de Planeación y Gestión implementadas', unit: 'oap', area: 'Oficina Asesora de Planeación', measure: 'acciones', planMeta: { unitId: 'oap', metaId: 'm5' }, quarters: null },
  { id: 'sdg-i11', objectives: [5], kind: 'sectorial', reference: 'Indicador sectorial 660', name: 'Índice de desempeño institucional (FURAG) de la Secretaría', unit: 'oap', area: 'Oficina Asesora de Planeación', measure: 'puntos', quarters: [null, null, null, 92], note: 'El FURAG se mide una vez al año: el indicador solo tiene programación al corte de diciembre.' },
];

/** Q3's round in the demo: where each reported figure stands. */
const Q3_STATE: Record<string, ValidationState | 'none'> = { 'sdg-i01': 'validated', 'sdg-i02': 'returned', 'sdg-i04': 'reported', 'sdg-i05': 'validated', 'sdg-i06': 'draft', 'sdg-i08': 'none' };

function split(total: number, parts: readonly string[], seed: number): Breakdown {
  const rand = prng(seed);
  const w = parts.map(() => 0.5 + rand());
  const sum = w.reduce((a, b) => a + b, 0);
  const out: Breakdown = {};
  let left = total;
  parts.forEach((p, i) => {
    const v = i === parts.length - 1 ? left : Math.round((total * w[i]!) / sum);
    out[p] = v;
    left -= v;
  });
  return out;
}

const DIFF: Record<DifferentialDimension, string[]> = {
  sexo: ['Mujer', 'Hombre', 'Intersexual', 'Sin información'],
  grupo_etario: ['Juventud (18 a 28 años)', 'Adultez (29 a 59 años)', 'Persona mayor (60 años o más)', 'Adolescencia (12 a 17 años)'],
  etnia: ['Ninguno', 'Indígena', 'Negro, afrocolombiano', 'Rrom o gitano', 'Sin información'],
  discapacidad: ['Sin discapacidad', 'Con discapacidad'],
  victima: ['No víctima', 'Víctima del conflicto armado', 'Sin información'],
};

export interface DemoPei extends Required<PeiSeed> {
  /** The quarterly validation sessions (plenarias of kind `validacion`) and their actas: for the actas module's seed. */
  sessions: { plenarias: Plenaria[]; actas: Acta[] };
}

const esDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const fmt = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat('es-CO', { maximumFractionDigits: 2 }).format(n));

/**
 * The validation sessions: the last closed quarter's before `today` held, its acta signed with the
 * figures it validated (what the PEI module's results source would freeze), which closes that
 * period; the current round's scheduled for the first business days of December.
 */
function demoSessions(today: IsoDate, year: number, values: readonly PeiValue[], programming: readonly PeiProgramming[], indicators: readonly PeiIndicator[], weights: readonly PeiWeight[], plan: { planQuarters: readonly PlanQuarter[]; units: readonly Unit[] }): DemoPei['sessions'] {
  const out: DemoPei['sessions'] = { plenarias: [], actas: [] };
  const base = { kind: 'validacion' as const, unitId: null, startTime: '09:00', modality: 'virtual' as const, location: 'https://teams.microsoft.com/l/meetup-join/mesa-tecnica-datos', presidingId: 'lider-oap', secretaryId: 'oap-1', createdBy: 'oap-1' };
  const held = { ...base, id: `pl-validacion-${year}-07-29`, date: `${year}-07-29`, createdAt: at(`${year}-07-10`) };
  if (held.date < today) {
    const cutoff = `${year}-06-30`;
    const rows = values
      .filter((v) => v.cutoff === cutoff && v.state === 'validated')
      .map((v) => {
        const i = indicators.find((x) => x.id === v.indicatorId)!;
        const f = cutoffFigures(programming.find((p) => p.indicatorId === v.indicatorId), v.executed, cutoff);
        const objective = weights.find((w) => w.indicatorId === v.indicatorId)!.objectiveId.replace('sdg-oe', '');
        return { objective: `Plan estratégico · Objetivo ${objective}`, keyResult: `${i.reference}: ${i.name}`, progress: `${fmt(v.executed)} (${f.percent === null ? '—' : `${fmt(f.percent * 100)} %`})`, status: `Validada el ${esDate(v.validatedAt!.slice(0, 10))}` };
      });
    for (const q of plan.planQuarters.filter((x) => x.year === year && x.quarter === 2 && x.state === 'closed' && x.closedAt)) {
      rows.push({ objective: 'Planes de gestión', keyResult: plan.units.find((u) => u.id === q.unitId)?.name ?? q.unitId, progress: 'Reporte T2 revisado', status: `Validado el ${esDate(q.closedAt!.slice(0, 10))}` });
    }
    const producers = [...new Set(indicators.filter((i) => i.responsibleUnitId && !i.planMeta).map((i) => `enlace-${i.responsibleUnitId}`))];
    out.plenarias.push(held);
    out.actas.push({
      plenariaId: held.id,
      documentVersion: 1,
      version: 4,
      draft: {
        startTime: '09:00',
        endTime: '11:00',
        objective: 'Presentar y validar con los productores de información las cifras del periodo que se publican en el tablero y como datos abiertos.',
        attendeeIds: ['lider-oap', 'oap-1', 'oap-2', ...producers],
        guests: [],
        agenda: ['Bienvenida y verificación de asistencia', 'Presentación de las cifras del periodo por cada área productora', 'Validación de las cifras, tendencias y variaciones', 'Cierre del periodo y compromisos'],
        development: `Cada área presentó sus cifras al corte ${esDate(cutoff)} y las variaciones frente al corte anterior. Se revisaron la desagregación por localidad y las categorías de enfoque diferencial del Plan Estadístico Distrital. Las cifras confirmadas por las áreas quedan validadas y se publican en el tablero y en datos abiertos.`,
        proposals: [],
        conversations: '',
        feedback: '',
        recognitions: [],
        decisions: [`Se validan las cifras del segundo trimestre de ${year} y se cierra el periodo.`, 'Las áreas con desagregación por localidad reportarán las 20 localidades, con «Sin información de localidad» cuando no se pueda ubicar un registro.'],
        commitments: [],
      },
      okrResults: rows,
      snapshotAt: at(held.date, 16),
      signatures: { secretary: { personId: 'oap-1', at: at(held.date, 17) }, presiding: { personId: 'lider-oap', at: at(`${year}-07-30`, 14) } },
      sentToOap: { on: `${year}-07-30`, by: 'oap-1' },
      fileName: null,
      correctionReason: null,
      createdBy: 'oap-1',
      createdAt: at(held.date, 11),
      updatedBy: 'lider-oap',
      updatedAt: at(`${year}-07-30`, 14),
    });
  }
  const next = { ...base, id: `pl-validacion-${year}-12-03`, date: `${year}-12-03`, createdAt: at(`${year}-11-10`) };
  if (today >= `${year}-11-10` && today < next.date) out.plenarias.push(next);
  return out;
}

export function buildDemoPei(today: IsoDate, okr: Pick<OkrSeed, 'sets' | 'objectives' | 'keyResults' | 'checkIns'>, plan: { planQuarters: readonly PlanQuarter[]; units: readonly Unit[] }): DemoPei {
  const unitIds = plan.units.map((u) => u.id);
  const year = Number(today.slice(0, 4));
  const objectives: PeiObjective[] = [1, 2, 3, 4, 5].map((n) => ({ id: `sdg-oe${n}`, planId: SDG_PLAN_ID, number: n, title: '', institutionalObjectiveId: `oe${n}` }));
  const indicators: PeiIndicator[] = DEFS.map((d) => ({
    id: d.id,
    planId: SDG_PLAN_ID,
    kind: d.kind,
    reference: d.reference,
    name: d.name,
    responsibleUnitId: d.unit,
    responsibleArea: d.area,
    unitOfMeasure: d.measure,
    method: d.method ?? 'magnitud',
    variables: d.variables ?? null,
    additive: d.additive ?? false,
    breakdown: { locality: d.locality ?? false, differential: d.differential ?? [] },
    planMeta: d.planMeta ?? null,
    note: d.note ?? null,
  }));
  const weights: PeiWeight[] = DEFS.flatMap((d) => d.objectives.map((n) => ({ planId: SDG_PLAN_ID, year, objectiveId: `sdg-oe${n}`, indicatorId: d.id, weight: d.kind === 'gestion' ? 1 : 2 })));
  const programming: PeiProgramming[] = DEFS.filter((d) => !d.planMeta).map((d) => ({
    planId: SDG_PLAN_ID,
    indicatorId: d.id,
    year,
    annual: d.quarters?.[3] ?? null,
    monthly: Array.from({ length: 12 }, (_, m) => ((m + 1) % 3 === 0 && d.quarters ? d.quarters[(m + 1) / 3 - 1]! : null)),
  }));

  const values: PeiValue[] = [];
  const cutoffs = quarterCutoffs(year).filter((c) => c < today);
  DEFS.forEach((d, di) => {
    if (!d.executed) return;
    const unit = d.unit;
    cutoffs.forEach((cutoff, qi) => {
      if (qi > 2) return;
      const last = qi === cutoffs.length - 1;
      const state: ValidationState | 'none' = last ? (Q3_STATE[d.id] ?? 'validated') : 'validated';
      if (state === 'none') return;
      const executed = d.executed![qi]!;
      const reportedOn = `${year}-${String((qi + 1) * 3 + 1).padStart(2, '0')}-12`;
      const validatedOn = `${year}-${String((qi + 1) * 3 + 1).padStart(2, '0')}-22`;
      const localities = d.locality ? split(executed, state === 'returned' ? LOCALIDADES.slice(0, 19) : LOCALIDADES, di * 100 + qi) : null;
      const differential: PeiValue['differential'] = {};
      for (const dim of d.differential ?? []) differential[dim] = split(executed, DIFF[dim], di * 1000 + qi * 10 + dim.length);
      const ratio = d.method === 'porcentaje';
      const denominator = ratio ? 40 + qi * 5 : null;
      const history: PeiValue['history'] = [{ at: at(reportedOn), by: `enlace-${unit}`, action: 'report', comment: null }];
      if (state === 'returned' || state === 'validated') history.push({ at: at(reportedOn, 20), by: 'oap-1', action: 'return', comment: state === 'returned' ? null : 'Cifra revisada contra el reporte SEGPLAN; sin ajustes.' });
      if (state === 'validated') history.push({ at: at(validatedOn), by: `enlace-${unit}`, action: 'confirm', comment: null });
      values.push({
        planId: SDG_PLAN_ID,
        indicatorId: d.id,
        cutoff,
        year,
        executed: state === 'returned' ? executed - (localities ? 0 : 0) : executed,
        numerator: ratio ? Math.round((executed * denominator!) / 100 * 100) / 100 : null,
        denominator,
        localities,
        differential,
        analysis:
          executed >= (d.quarters?.[qi] ?? 0)
            ? `Se cumplió lo programado al corte con ${new Intl.NumberFormat('es-CO').format(executed)} ${d.measure === '%' ? '%' : d.measure}.`
            : `El avance al corte es menor al programado por la reprogramación de actividades en el territorio; se recuperará en el siguiente trimestre.`,
        analysisPublic: qi < 2 || state === 'validated',
        jumpExplanation: d.id === 'sdg-i04' && last ? '' : '',
        state: state as ValidationState,
        oapReturn:
          state === 'returned'
            ? { executed: null, observations: 'Falta la localidad de Sumapaz en la desagregación territorial. Confirme la cifra o ajústela con el reporte del sistema de información.', by: 'oap-1', at: at(reportedOn, 20) }
            : state === 'validated'
              ? { executed: null, observations: 'Cifra revisada contra el reporte SEGPLAN; sin ajustes.', by: 'oap-1', at: at(reportedOn, 20) }
              : null,
        validatedAt: state === 'validated' ? at(validatedOn) : null,
        history: state === 'draft' ? [] : history,
        version: history.length,
      });
    });
  });

  // The OKR results of the last quarter that ended: validated for most units, some returned, a few waiting for the OAP.
  const okrValidations: OkrValidation[] = [];
  const lastQuarter = cutoffs.length ? (`${year}-Q${cutoffs.length}` as QuarterId) : null;
  if (lastQuarter) {
    unitIds.forEach((unitId, i) => {
      const set = okr.sets.find((s) => s.unitId === unitId && s.quarter === lastQuarter);
      if (!set || i % 11 === 7) return;
      const returned = i % 13 === 5;
      const snapshot = returned ? null : okrSnapshot({ set, objectives: okr.objectives.filter((o) => o.setId === set.id), keyResults: okr.keyResults.filter((k) => k.setId === set.id) }, okr.checkIns.filter((c) => c.unitId === unitId));
      okrValidations.push({
        unitId,
        quarter: lastQuarter,
        state: returned ? 'returned' : 'validated',
        snapshot,
        oapReturn: { executed: null, observations: returned ? 'Un resultado clave bajó frente al mes anterior sin explicación en el comentario. Confirme las cifras o corríjalas.' : 'Cifras del trimestre revisadas; sin ajustes.', by: 'oap-2', at: at(`${year}-10-14`) },
        validatedAt: returned ? null : at(`${year}-10-${String(16 + (i % 8)).padStart(2, '0')}`),
        history: [
          { at: at(`${year}-10-14`), by: 'oap-2', action: 'return', comment: null },
          ...(returned ? [] : [{ at: at(`${year}-10-${String(16 + (i % 8)).padStart(2, '0')}`), by: `enlace-${unitId}`, action: 'confirm' as const, comment: null }]),
        ],
        version: returned ? 1 : 2,
      });
    });
  }

  return {
    peiPlans: [SDG_PLAN, SG_PLAN],
    peiObjectives: [...objectives, ...SG_OBJECTIVES],
    peiIndicators: [...indicators, ...SG_INDICATORS],
    peiWeights: [...weights, ...SG_WEIGHTS],
    peiProgramming: [...programming, ...SG_PROGRAMMING],
    peiValues: [...values, ...SG_VALUES],
    peiChanges: [
      ...SG_CHANGES,
      { id: `sdg-cambio-${year}-01`, planId: SDG_PLAN_ID, version: `Vigencia ${year} · 001`, objectiveId: null, indicatorId: null, description: `Ponderación ${year}: los indicadores sectoriales y las metas de proyectos de inversión pesan el doble que las metas de gestión en cada objetivo.`, at: at(`${year}-01-28`), by: 'oap-1' },
    ],
    okrValidations,
    sessions: demoSessions(today, year, values, programming, indicators, weights, plan),
  };
}
