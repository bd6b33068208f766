import type { SeedRole } from '../ports/directory.js';
import {
  QUARTERS,
  addBusinessDays,
  metaFigures,
  quarterEnd,
  reportDueDate,
  type IsoDate,
  type ManagementPlan,
  type Meta,
  type MetaReport,
  type ModificationRequest,
  type OkrSet,
  type PlanEvent,
  type QuarterNumber,
  type Quarterly,
  type Unit,
} from '@okr/core';
import type { PlanSeed, StoredMeta } from '../ports/plan.js';
import { eventId, planIdOf } from '../planRules.js';
import { prng } from './prng.js';

/**
 * The demo plan de gestión, consistent with `today` (the demo's generation day, 1 December 2026):
 * every unit's plan of the current vigencia made official in January, its quarters reported and
 * reviewed up to the last one due — the last one with some reports late, some awaiting the OAP's
 * review, one with a clarification asked and two never sent — an approved modification (a second
 * version) and one pending; and, from November on, next year's vigencia opened by the OAP with
 * plans in draft, in review, returned and approved. The promotor de mejora of each unit is its
 * demo member (`miembro-<unit>`).
 */

type Template = Omit<Meta, 'id' | 'order' | 'strategicObjectiveId' | 'responsibleUnitId' | 'eliminated' | 'modifiedInVersion'> & { objective: 'set' | string };

const indicator = (name: string, numerator: string, denominator: string, unit: string) => ({ name, numerator, denominator, formula: denominator ? `(${numerator} / ${denominator}) × 100` : numerator, unit });
const base = { deliverables: '', local: false, transversal: false, leadUnitId: null, supervisorUnitId: null } as const;

const CENTRAL: Template[] = [
  { ...base, objective: 'set', statement: 'Realizar 40 mesas técnicas con las dependencias y alcaldías locales para el seguimiento de la gestión del proceso', processObjective: 'Coordinar la gestión del proceso con las dependencias y las alcaldías', indicator: indicator('Mesas técnicas realizadas', 'Mesas técnicas realizadas', 'Mesas técnicas programadas', 'mesas'), programmingType: 'suma', totalMagnitude: 40, programmed: [8, 12, 12, 8], deliverables: 'Actas y listados de asistencia de las mesas', weight: 25 },
  { ...base, objective: 'set', statement: 'Responder el 100 % de las solicitudes y requerimientos dentro de los términos de ley', processObjective: 'Atender con oportunidad a la ciudadanía y a las dependencias', indicator: indicator('Solicitudes respondidas a tiempo', 'Solicitudes respondidas dentro de términos', 'Solicitudes recibidas', '%'), programmingType: 'constante', totalMagnitude: 100, programmed: [100, 100, 100, 100], deliverables: 'Reporte trimestral del sistema de gestión documental', weight: 20 },
  { ...base, objective: 'oe4', statement: 'Digitalizar el 80 % de los expedientes del proceso en el sistema de gestión documental electrónica', processObjective: 'Modernizar la gestión documental del proceso', indicator: indicator('Expedientes digitalizados', 'Expedientes digitalizados', 'Expedientes del proceso', '%'), programmingType: 'creciente', totalMagnitude: 80, programmed: [20, 40, 60, 80], deliverables: 'Inventario documental actualizado', weight: 20 },
  { ...base, objective: 'oe4', statement: 'Reducir a 10 días hábiles el tiempo promedio de trámite interno de las solicitudes', processObjective: 'Agilizar los trámites internos del proceso', indicator: indicator('Tiempo promedio de trámite', 'Suma de días hábiles de trámite', 'Solicitudes tramitadas', 'días'), programmingType: 'decreciente', totalMagnitude: 10, programmed: [15, 13, 12, 10], deliverables: 'Tablero de tiempos de trámite', weight: 15 },
  { ...base, objective: 'oe5', statement: 'Implementar 4 acciones del Modelo Integrado de Planeación y Gestión a cargo del proceso', processObjective: 'Fortalecer el sistema de gestión del proceso', indicator: indicator('Acciones MIPG implementadas', 'Acciones implementadas', 'Acciones programadas', 'acciones'), programmingType: 'suma', totalMagnitude: 4, programmed: [1, 1, 1, 1], deliverables: 'Soportes de cada acción en la carpeta del proceso', weight: 20, transversal: true, leadUnitId: 'oap' },
];

const LOCAL: Template[] = [
  { ...base, objective: 'oe3', statement: 'Realizar 36 operativos de control al espacio público en la localidad', processObjective: 'Ordenar el espacio público y la convivencia en la localidad', indicator: indicator('Operativos de control realizados', 'Operativos realizados', 'Operativos programados', 'operativos'), programmingType: 'suma', totalMagnitude: 36, programmed: [9, 9, 9, 9], deliverables: 'Actas de los operativos', weight: 20, supervisorUnitId: 'dgp' },
  { ...base, objective: 'set', statement: 'Responder el 95 % de los derechos de petición dentro de los términos de ley', processObjective: 'Atender con oportunidad a la ciudadanía de la localidad', indicator: indicator('Derechos de petición respondidos a tiempo', 'Peticiones respondidas en términos', 'Peticiones recibidas', '%'), programmingType: 'constante', totalMagnitude: 95, programmed: [95, 95, 95, 95], deliverables: 'Reporte de Bogotá te escucha', weight: 20, supervisorUnitId: 'sgl' },
  { ...base, objective: 'set', statement: 'Comprometer el 90 % del presupuesto de inversión del Fondo de Desarrollo Local', processObjective: 'Ejecutar los recursos del Fondo de Desarrollo Local', indicator: indicator('Presupuesto de inversión comprometido', 'Presupuesto comprometido', 'Presupuesto de inversión disponible', '%'), programmingType: 'creciente', totalMagnitude: 90, programmed: [25, 50, 75, 90], deliverables: 'Informe de ejecución presupuestal (PREDIS)', weight: 25, supervisorUnitId: 'dgdl' },
  { ...base, objective: 'oe3', statement: 'Reducir a 200 las actuaciones de policía represadas en la localidad', processObjective: 'Descongestionar las inspecciones de policía', indicator: indicator('Actuaciones de policía represadas', 'Actuaciones sin decisión de fondo', 'Actuaciones represadas al inicio de la vigencia', 'actuaciones'), programmingType: 'decreciente', totalMagnitude: 200, programmed: [600, 450, 300, 200], deliverables: 'Reporte del aplicativo de actuaciones de policía', weight: 15, supervisorUnitId: 'dgp' },
  { ...base, objective: 'oe1', statement: 'Realizar 4 encuentros ciudadanos de presupuestos participativos', processObjective: 'Promover la participación ciudadana en la localidad', indicator: indicator('Encuentros ciudadanos realizados', 'Encuentros realizados', 'Encuentros programados', 'encuentros'), programmingType: 'suma', totalMagnitude: 4, programmed: [null, 2, 2, null], deliverables: 'Actas de los encuentros', weight: 20, local: true, leadUnitId: 'dgdl', supervisorUnitId: 'dgdl' },
];

/** Units whose last quarter due was never sent (late, overdue) and whose report waits for a clarification. */
export const DEMO_PLAN_OVERDUE = new Set(['al-usaquen', 'dcon']);
export const DEMO_PLAN_CLARIFICATION = new Set(['al-suba']);
/** Next year's vigencia: plans by state (the others have not started). */
export const DEMO_NEXT_YEAR: Record<string, ManagementPlan['state']> = {
  'al-usaquen': 'in_review',
  'al-chapinero': 'in_review',
  sgd: 'in_review',
  dgth: 'draft',
  'al-bosa': 'draft',
  djur: 'draft',
  'al-suba': 'returned',
  dfin: 'returned',
  oap: 'endorsed',
};

const HOLA = (i: number) => String(310_200 + i * 37);
const at = (date: IsoDate, hour = 15) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;

export interface DemoPlans extends Required<PlanSeed> {
  /** The promotor de mejora of each unit. */
  roles: SeedRole[];
}

function metasFor(unit: Unit, set: OkrSet | undefined): Meta[] {
  return (unit.kind === 'alcaldia' ? LOCAL : CENTRAL).map(({ objective, ...t }, i) => ({
    ...t,
    id: `m${i + 1}`,
    order: i + 1,
    strategicObjectiveId: objective === 'set' ? (set?.institutionalObjectiveId ?? 'oe5') : objective,
    responsibleUnitId: unit.id,
    // The OAP's own plan does not consent to itself: its MIPG meta is its own.
    ...(t.transversal && unit.id === 'oap' ? { transversal: false, leadUnitId: null } : {}),
    eliminated: false,
    modifiedInVersion: null,
  }));
}

/** An execution of a meta's quarter around its programming: `pace` 1 is on plan. */
function executionOf(meta: Meta, q: QuarterNumber, pace: number): number | null {
  const p = meta.programmed[q - 1];
  if (p === null || p === undefined) return null;
  const raw = meta.programmingType === 'decreciente' ? p / pace : p * pace;
  return meta.indicator.unit === '%' ? Math.min(100, Math.round(raw * 10) / 10) : Math.round(raw);
}

export function buildDemoPlans(today: IsoDate, units: readonly Unit[], sets: readonly OkrSet[]): DemoPlans {
  const year = Number(today.slice(0, 4));
  const out: DemoPlans = { planVigencias: [], plans: [], planMetas: [], planEvents: [], metaReports: [], planQuarters: [], modifications: [], roles: [] };
  // The promotor de mejora is designated when the vigencia's plan is opened (early November of the year before).
  for (const u of units) out.roles.push({ personId: `miembro-${u.id}`, role: 'promotor', unitId: u.id, from: `${year - 1}-11-04` });
  const event = (plan: ManagementPlan, recordVersion: number, e: Omit<PlanEvent, 'id' | 'planId' | 'planVersion' | 'observations' | 'holaCase' | 'comment'> & Partial<PlanEvent>) =>
    out.planEvents.push({ id: eventId(plan.id, recordVersion), planId: plan.id, planVersion: plan.planVersion, observations: [], holaCase: null, comment: null, ...e });

  out.planVigencias.push({ year, methodologyNote: `Metodología para la formulación de los planes de gestión ${year} (memorando ${year - 1}IE0412 de la OAP): metas articuladas al marco estratégico vigente, con indicador completo, programación trimestral coherente con su tipo y pesos que sumen 100 %.`, formulationDue: `${year}-01-23`, openedBy: 'oap-1', openedAt: at(`${year - 1}-11-04`, 14), version: 1 });

  units.forEach((unit, i) => {
    const rand = prng(i * 104729 + year);
    const set = sets.find((s) => s.unitId === unit.id);
    const metas = metasFor(unit, set);
    const id = planIdOf(unit.id, year);
    let plan: ManagementPlan = { id, unitId: unit.id, year, state: 'official', planVersion: 1, holaCase: HOLA(i), publishedVersion: 1, version: 1, createdAt: at(`${year}-01-12`), updatedAt: at(`${year}-01-30`) };
    // The workflow of January: drafted, sent, (a few returned once), approved, made official.
    let v = 1;
    event(plan, v++, { at: at(`${year}-01-12`), actorId: `enlace-${unit.id}`, action: 'create', fromState: 'draft', toState: 'draft' });
    event(plan, v++, { at: at(`${year}-01-19`), actorId: `lider-${unit.id}`, action: 'submit', fromState: 'draft', toState: 'in_review' });
    if (i % 7 === 3) {
      event(plan, v++, { at: at(`${year}-01-21`), actorId: 'oap-2', action: 'return', fromState: 'in_review', toState: 'returned', comment: 'Ajustar la fórmula del indicador de la meta 2.', observations: [{ metaId: 'm2', text: 'La fórmula debe expresar el porcentaje.' }] });
      event(plan, v++, { at: at(`${year}-01-22`), actorId: `enlace-${unit.id}`, action: 'edit', fromState: 'returned', toState: 'returned' });
      event(plan, v++, { at: at(`${year}-01-22`, 17), actorId: `lider-${unit.id}`, action: 'submit', fromState: 'returned', toState: 'in_review' });
    }
    event(plan, v++, { at: at(`${year}-01-26`), actorId: i % 2 ? 'oap-1' : 'oap-2', action: 'approve', fromState: 'in_review', toState: 'endorsed' });
    event(plan, v, { at: at(`${year}-01-30`), actorId: `lider-${unit.id}`, action: 'formalize', fromState: 'endorsed', toState: 'official', holaCase: HOLA(i) });
    plan = { ...plan, version: v };
    out.planMetas.push(...metas.map((m): StoredMeta => ({ ...m, planId: id, planVersion: 1 })));

    // Executions: each unit has its own pace; one meta over-executes now and then (seed 002's 144,52 %).
    const pace = 0.7 + rand() * 0.32;
    const reports: MetaReport[] = [];
    let current = metas;
    for (const q of QUARTERS) {
      const due = reportDueDate(year, q);
      if (quarterEnd(year, q) >= today) break;
      const lastDue = !QUARTERS.some((n) => n > q && quarterEnd(year, n) < today);
      const overdue = lastDue && DEMO_PLAN_OVERDUE.has(unit.id);
      if (overdue) continue;
      const submittedOn = lastDue && i % 9 === 4 ? addBusinessDays(due, 2) : addBusinessDays(quarterEnd(year, q), 5 + (i % 6));
      // Nothing is sent after the day the demo is made for.
      if (submittedOn >= today) continue;
      const inReview = lastDue && i % 8 === 6;
      const clarification = lastDue && DEMO_PLAN_CLARIFICATION.has(unit.id);
      const closed = !inReview && !clarification && today > addBusinessDays(submittedOn, 4);
      for (const meta of current) {
        const executed = meta.programmed[q - 1] === null ? null : executionOf(meta, q, meta.order === 1 && i % 11 === 5 ? 1.45 : pace + (rand() - 0.5) * 0.15);
        if (executed === null) continue;
        const ledElsewhere = (meta.local || meta.transversal) && meta.leadUnitId !== null && meta.leadUnitId !== unit.id;
        const previous = reports.filter((r) => r.metaId === meta.id);
        const executions: Quarterly = [null, null, null, null];
        for (const r of [...previous]) executions[r.quarter - 1] = r.executed;
        executions[q - 1] = executed;
        const f = metaFigures(meta.programmingType, meta.programmed, meta.totalMagnitude, executions, q);
        const behind = f.behind;
        const analysis = behind
          ? `Se ejecutó ${executed} ${meta.indicator.unit} frente a ${meta.programmed[q - 1]} programados en el trimestre.`
          : `Se cumplió lo programado del trimestre: ${executed} ${meta.indicator.unit}, con los soportes en la carpeta del proceso.`;
        const cumulativeAnalysis = behind
          ? 'El resultado acumulado presenta rezago por demoras en la contratación del equipo de apoyo y por la reprogramación de actividades en temporada de lluvias; se ajustó el cronograma para recuperarlo en el siguiente trimestre.'
          : 'El resultado acumulado va conforme a lo programado para la vigencia.';
        const r: MetaReport = {
          planId: id,
          metaId: meta.id,
          quarter: q,
          executed: ledElsewhere && !closed ? null : executed,
          analysis: ledElsewhere && !closed ? '' : analysis,
          evidenceUrl: ledElsewhere && !closed ? '' : `https://gobiernobogota.sharepoint.com/sites/PlanesGestion/${unit.id}/${year}/T${q}/meta-${meta.order}`,
          cumulativeAnalysis: ledElsewhere && !closed ? '' : cumulativeAnalysis,
          correction: null,
          lead: ledElsewhere ? { numerator: executed, denominator: meta.programmed[q - 1] ?? 1, result: executed, observations: `Reporte del área que lidera la meta para ${unit.name}.`, by: `enlace-${meta.leadUnitId}`, at: at(addBusinessDays(quarterEnd(year, q), 4)) } : null,
          completedByOap: ledElsewhere && closed,
          updatedBy: ledElsewhere && closed ? 'oap-1' : `enlace-${unit.id}`,
          updatedAt: at(submittedOn, 14),
        };
        reports.push(r);
      }
      // An OAP correction on one closed quarter, with the original kept.
      if (closed && q === 1 && i % 10 === 2) {
        const r = reports.find((x) => x.quarter === 1 && x.metaId === 'm1')!;
        r.correction = { field: 'executed', original: r.executed, corrected: Math.max(0, (r.executed ?? 0) - 1), reason: 'Una de las mesas reportadas no tiene acta firmada.', by: 'oap-2', at: at(addBusinessDays(submittedOn, 2)) };
      }
      const closedOn = addBusinessDays(submittedOn, 3);
      out.planQuarters.push({
        planId: id,
        unitId: unit.id,
        year,
        quarter: q,
        state: clarification ? 'clarification' : closed ? 'closed' : 'submitted',
        submittedAt: at(submittedOn, 16),
        submittedBy: i % 3 ? `lider-${unit.id}` : `miembro-${unit.id}`,
        clarification: clarification ? 'Aclarar por qué el porcentaje de peticiones respondidas a tiempo bajó frente al trimestre anterior y adjuntar el reporte de Bogotá te escucha.' : null,
        closedAt: closed ? at(closedOn, 20) : null,
        closedBy: closed ? (i % 2 ? 'oap-1' : 'oap-2') : null,
        version: closed ? 2 : 1,
      });
    }
    out.metaReports.push(...reports);

    // An approved modification in May (a second version, made official), and one pending in November.
    if (unit.id === 'sgd') {
      const changed: Meta = { ...current[3]!, programmed: [15, 14, 12, 10], modifiedInVersion: 2 };
      current = current.map((m) => (m.id === changed.id ? changed : m));
      out.planMetas.push(...current.map((m): StoredMeta => ({ ...m, planId: id, planVersion: 2 })));
      out.modifications.push(modification(plan, changed, 'approved', { requestedAt: at(`${year}-05-08`), justification: 'La implementación del nuevo sistema de radicación retrasa la reducción de tiempos del segundo trimestre; se redistribuye la programación sin cambiar la meta anual.' }));
      event(plan, plan.version + 1, { at: at(`${year}-05-15`), actorId: 'oap-1', action: 'modify', fromState: 'official', toState: 'endorsed', comment: 'Procede: no cambia periodos medidos y mantiene la magnitud anual.', planVersion: 2 });
      event(plan, plan.version + 2, { at: at(`${year}-05-20`), actorId: `lider-${unit.id}`, action: 'formalize', fromState: 'endorsed', toState: 'official', holaCase: String(Number(HOLA(i)) + 5000), planVersion: 2 });
      plan = { ...plan, planVersion: 2, publishedVersion: 2, holaCase: String(Number(HOLA(i)) + 5000), version: plan.version + 2 };
    }
    if (unit.id === 'al-kennedy' && today > `${year}-11-05`) {
      const meta = current[0]!;
      const proposed = { ...meta, totalMagnitude: 44, programmed: [9, 9, 9, 17] as Quarterly };
      const { eliminated: _e, modifiedInVersion: _m, ...content } = proposed;
      out.modifications.push({
        ...modification(plan, proposed, 'pending_oap', { requestedAt: at(`${year}-11-06`), justification: 'La temporada decembrina aumenta las ventas informales: se necesitan 8 operativos más en el cuarto trimestre, con el apoyo de la Policía Metropolitana.' }),
        proposed: content,
        consents: [{ kind: 'supervisor', unitId: 'dgp', state: 'favorable', by: 'lider-dgp', at: at(`${year}-11-10`), comment: 'Concepto favorable: la Dirección para la Gestión Policiva acompaña los operativos.' }],
      });
    }
    out.plans.push(plan);
  });

  // Next year's vigencia, opened in November: plans in formulation and review.
  if (today >= `${year}-11-03`) {
    const next = year + 1;
    out.planVigencias.push({ year: next, methodologyNote: `Metodología para la formulación de los planes de gestión ${next} (memorando ${year}IE0987 de la OAP): incluir al menos una meta por objetivo estratégico al que aporta el proceso, con programación trimestral coherente con su tipo.`, formulationDue: `${next}-01-22`, openedBy: 'oap-1', openedAt: at(`${year}-11-03`, 14), version: 1 });
    units.forEach((unit, i) => {
      const state = DEMO_NEXT_YEAR[unit.id];
      if (!state) return;
      const metas = metasFor(unit, sets.find((s) => s.unitId === unit.id)).map((m, k) =>
        // Drafts still have holes the coherence checks show (an indicator without denominator, a missing deliverable).
        state !== 'endorsed' && k === 1 ? { ...m, indicator: { ...m.indicator, denominator: '', formula: '' }, deliverables: state === 'draft' ? '' : m.deliverables } : m,
      );
      const id = planIdOf(unit.id, next);
      const plan: ManagementPlan = { id, unitId: unit.id, year: next, state, planVersion: 1, holaCase: null, publishedVersion: null, version: 1, createdAt: at(`${year}-11-12`), updatedAt: at(`${year}-11-20`) };
      let v = 1;
      const e = (x: Parameters<typeof event>[2]) => event(plan, v++, x);
      e({ at: at(`${year}-11-12`), actorId: `miembro-${unit.id}`, action: 'create', fromState: 'draft', toState: 'draft' });
      if (state !== 'draft') e({ at: at(`${year}-11-${18 + (i % 3)}`), actorId: `lider-${unit.id}`, action: 'submit', fromState: 'draft', toState: 'in_review' });
      if (state === 'returned') e({ at: at(`${year}-11-21`), actorId: 'oap-2', action: 'return', fromState: 'in_review', toState: 'returned', comment: 'Completar el indicador de la meta 2 y revisar los pesos.', observations: [{ metaId: 'm2', text: 'El indicador no tiene denominador ni fórmula.' }] });
      if (state === 'endorsed') e({ at: at(`${year}-11-20`), actorId: 'oap-1', action: 'approve', fromState: 'in_review', toState: 'endorsed' });
      out.plans.push({ ...plan, version: v - 1 });
      out.planMetas.push(...metas.map((m): StoredMeta => ({ ...m, planId: id, planVersion: 1 })));
    });
  }
  return out;
}

function modification(plan: ManagementPlan, proposed: Meta, state: ModificationRequest['state'], extra: Pick<ModificationRequest, 'requestedAt' | 'justification'>): ModificationRequest {
  const { eliminated: _e, modifiedInVersion: _m, ...content } = proposed;
  const decided = state === 'approved' || state === 'denied';
  return {
    id: `mod-${plan.id}-${proposed.id}-1`,
    planId: plan.id,
    unitId: plan.unitId,
    year: plan.year,
    metaId: proposed.id,
    kind: 'modify',
    proposed: content,
    justification: extra.justification,
    exception: null,
    requestedBy: `lider-${plan.unitId}`,
    requestedAt: extra.requestedAt,
    consents: [],
    state,
    decidedBy: decided ? 'oap-1' : null,
    decidedAt: decided ? `${extra.requestedAt.slice(0, 8)}15T15:00:00.000Z` : null,
    decisionComment: decided ? 'Procede: no cambia periodos medidos y mantiene la magnitud anual.' : null,
    resultingVersion: state === 'approved' ? 2 : null,
    version: decided ? 2 : 1,
  };
}
