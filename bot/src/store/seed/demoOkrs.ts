import {
  addBusinessDays,
  businessDaysOfMonth,
  DEFAULT_REMINDER_SETTINGS,
  keyResultProgress,
  lastBusinessDaysOfMonth,
  monthEnd,
  previousQuarter,
  quarterMonths,
  quarterOf,
  quarterRange,
  reportingPeriod,
  type CheckIn,
  type IsoDate,
  type KeyResult,
  type Objective,
  type OkrSet,
  type OkrSetState,
  type QuarterId,
  type Unit,
} from '@okr/core';
import type { SeedData, SetEvent } from '../Store.js';
import { buildDemoDirectory } from './demoDirectory.js';
import { buildDemoPlenarias, type DemoPlenariaData } from './demoPlenarias.js';
import { buildDemoProposals } from './demoProposals.js';
import { buildDemoPlans } from './demoPlans.js';
import { buildDemoPei } from './demoPei.js';
import { buildDemoReviews } from './demoReviews.js';
import { prng } from './prng.js';

type KrTemplate = Pick<KeyResult, 'title' | 'kind' | 'unitOfMeasure' | 'baseline' | 'target' | 'direction'>;
interface TacticalTemplate {
  title: string;
  krs: [KrTemplate, KrTemplate, KrTemplate];
}

const pct = (title: string, target = 100, baseline = 0): KrTemplate => ({ title, kind: 'percentage', unitOfMeasure: '%', baseline, target, direction: 'increase' });
const num = (title: string, unitOfMeasure: string, baseline: number, target: number): KrTemplate => ({
  title,
  kind: 'number',
  unitOfMeasure,
  baseline,
  target,
  direction: target >= baseline ? 'increase' : 'decrease',
});
const hito = (title: string): KrTemplate => ({ title, kind: 'milestone', unitOfMeasure: 'hito', baseline: 0, target: 1, direction: 'increase' });

const ALCALDIA_STRATEGIC = 'Acercar la gestión de la alcaldía local a la ciudadanía con resultados visibles en el territorio';
const ALCALDIA_TACTICAL: TacticalTemplate[] = [
  {
    title: 'Agilizar la respuesta a los requerimientos ciudadanos',
    krs: [num('Reducir el tiempo promedio de respuesta a PQRS', 'días', 15, 10), pct('Responder a tiempo el 95 % de las PQRS del trimestre', 95), num('Depurar el rezago de PQRS sin respuesta', 'PQRS', 120, 0)],
  },
  {
    title: 'Fortalecer la participación ciudadana en el territorio',
    krs: [num('Realizar encuentros ciudadanos por UPZ', 'encuentros', 0, 12), num('Vincular organizaciones sociales a las mesas locales', 'organizaciones', 20, 45), hito('Publicar el informe de rendición de cuentas local')],
  },
  {
    title: 'Avanzar en la ejecución del Fondo de Desarrollo Local',
    krs: [pct('Comprometer el presupuesto de inversión del FDL', 90), pct('Girar los recursos de obligaciones por pagar', 60), num('Liquidar contratos de vigencias anteriores', 'contratos', 0, 40)],
  },
  {
    title: 'Ordenar el espacio público y la convivencia',
    krs: [num('Realizar operativos de control al espacio público', 'operativos', 0, 36), num('Resolver actuaciones de policía represadas', 'actuaciones', 0, 300), pct('Atender los comparendos remitidos por la Policía', 80)],
  },
  {
    title: 'Fortalecer el equipo y la cultura de trabajo inteligente',
    krs: [hito('Realizar la plenaria menor del trimestre'), pct('Cumplir el plan de capacitación del equipo', 100), num('Reconocer logros del equipo en plenaria', 'reconocimientos', 0, 6)],
  },
];

/** «Cumplir la misión de la Dirección de …», «… del Despacho de la Secretaría …»: the unit's name with its article. */
const CENTRAL_STRATEGIC = (unit: Unit) => `Cumplir la misión ${/^Despacho\b/.test(unit.name) ? 'del' : 'de la'} ${unit.name} con servicios oportunos`;
const CENTRAL_TACTICAL: TacticalTemplate[] = [
  {
    title: 'Entregar a tiempo los productos del plan de gestión',
    krs: [pct('Cumplir las metas del plan de gestión del trimestre', 100), hito('Presentar el reporte trimestral del plan de gestión a la OAP'), num('Reducir los hallazgos abiertos de auditoría', 'hallazgos', 12, 4)],
  },
  {
    title: 'Mejorar la experiencia de las dependencias y la ciudadanía',
    krs: [pct('Resolver solicitudes dentro del tiempo acordado', 90), num('Reducir el tiempo de trámite interno', 'días', 20, 12), pct('Lograr satisfacción favorable en la encuesta de servicio', 85, 70)],
  },
  {
    title: 'Digitalizar los procesos de la dependencia',
    krs: [num('Automatizar trámites internos en la intranet', 'trámites', 0, 5), pct('Migrar expedientes a gestión documental electrónica', 70, 20), hito('Publicar el tablero de seguimiento en Power BI')],
  },
  {
    title: 'Fortalecer el equipo y la cultura de trabajo inteligente',
    krs: [hito('Realizar la plenaria menor del trimestre'), pct('Cumplir el plan de capacitación del equipo', 100), num('Reconocer logros del equipo en plenaria', 'reconocimientos', 0, 6)],
  },
  {
    title: 'Articular la gestión con las alcaldías locales',
    krs: [num('Realizar mesas técnicas con alcaldías locales', 'mesas', 0, 20), pct('Atender las solicitudes de las alcaldías', 95), hito('Adoptar el lineamiento conjunto con la Subsecretaría de Gestión Local')],
  },
];

const INSTITUTIONAL_BY_UNIT = (unit: Unit, i: number): string => {
  if (unit.kind === 'alcaldia') return i % 2 === 0 ? 'oe1' : 'oe3';
  if (['sggd', 'ddhh', 'dae', 'dcds', 'drp', 'salrc'].includes(unit.id)) return 'oe2';
  if (['sgl', 'dgdl', 'dgp', 'dgaep'].includes(unit.id)) return 'oe3';
  if (['oap', 'oci', 'ocdi', 'oac', 'despacho'].includes(unit.id)) return 'oe5';
  return 'oe4';
};

/**
 * Reporting profile of a unit this quarter, to show every status in the demo: on time, ahead,
 * behind (a third of its key results reported a few business days late), nothing of the latest
 * month due, nothing at all.
 */
type Profile = 'al_dia' | 'falta_mes_actual' | 'sin_reportes' | 'adelantada' | 'rezagada';
const PROFILES: Profile[] = ['al_dia', 'falta_mes_actual', 'al_dia', 'rezagada', 'adelantada', 'falta_mes_actual', 'al_dia', 'sin_reportes'];

/** Units whose latest month due is always pending in the demo, so the walkthrough has something to report. */
export const DEMO_PENDING_UNITS = new Set(['al-usaquen', 'dgth', 'sgd']);

/**
 * The day a key result of a month is reported: a day of the month's check-in window, or — late —
 * 2 to 4 business days after the month ended. The demo holds only reports made before `today`.
 */
function reportDay(period: string, late: boolean, rand: () => number): IsoDate {
  if (late) return addBusinessDays(monthEnd(period), 2 + Math.floor(rand() * 3));
  const window = lastBusinessDaysOfMonth(period, DEFAULT_REMINDER_SETTINGS.checkInWindowBusinessDays);
  return window[Math.floor(rand() * window.length)]!;
}

/** Demo comments that agree with the reported figure: on pace, behind, or a milestone not yet done. */
const COMMENTS = {
  onPace: [
    'Avance según el cronograma; se adjuntan actas y listados de asistencia.',
    'Se cumplió lo programado del mes con apoyo del equipo territorial.',
    'Se consolidó la información con la OAP y se validaron las cifras del mes.',
    'Se realizaron las mesas previstas; quedan compromisos para el próximo mes.',
  ],
  behind: [
    'El avance es menor al esperado por demoras en la contratación; se ajustó el plan de trabajo.',
    'Se reprogramaron actividades por la emergencia invernal; se recuperará el ritmo el próximo mes.',
    'Falta la información de dos dependencias; se enviaron los requerimientos.',
  ],
  milestonePending: [
    'El hito está en preparación: se definió la agenda y el equipo responsable.',
    'Se avanzó en los insumos del hito; su cierre está previsto para el último mes del trimestre.',
  ],
  milestoneDone: ['Hito cumplido; el soporte está en la carpeta de evidencias.'],
};

function roundFor(kr: KrTemplate, v: number): number {
  if (kr.kind === 'milestone') return v >= 0.999 ? 1 : 0;
  return kr.kind === 'percentage' ? Math.round(v * 10) / 10 : Math.round(v);
}

/**
 * The demo OKRs: a 1 / 3 / 9 set for every unit in the quarter of `today` (loaded) and the one
 * before it (closed), with check-ins in varied states (on time, behind, at risk, done, nothing
 * yet), each dated when it was reported — in its month's check-in window or a few business days
 * after — and only if that was before `today`: a month whose window has not opened has no reports.
 * The ETI's reviews of those months and the previous quarter's close (demoReviews.ts), and the
 * plenarias of both quarters with their actas and commitments (demoPlenarias.ts).
 */
export function buildDemoSeed(today: IsoDate): SeedData {
  const directory = buildDemoDirectory();
  const sets: OkrSet[] = [];
  const objectives: Objective[] = [];
  const keyResults: KeyResult[] = [];
  const checkIns: CheckIn[] = [];
  const current = quarterOf(today);
  const due = reportingPeriod(today, DEFAULT_REMINDER_SETTINGS.checkInWindowBusinessDays);

  const addQuarter = (quarter: QuarterId, closed: boolean) => {
    directory.units.forEach((unit, i) => {
      const rand = prng(i * 7919 + Number(quarter.slice(-1)) * 104729 + Number(quarter.slice(0, 4)));
      const setId = `set-${unit.id}-${quarter}`;
      sets.push({ id: setId, unitId: unit.id, quarter, state: closed ? 'closed' : 'active', institutionalObjectiveId: INSTITUTIONAL_BY_UNIT(unit, i), version: 1 });
      const strategicId = `${setId}-oe`;
      objectives.push({
        id: strategicId,
        setId,
        parentId: null,
        level: 'strategic',
        title: unit.kind === 'alcaldia' ? `${ALCALDIA_STRATEGIC} de ${unit.name.replace('Alcaldía Local de ', '')}` : CENTRAL_STRATEGIC(unit),
        order: 0,
      });
      const pool = unit.kind === 'alcaldia' ? ALCALDIA_TACTICAL : CENTRAL_TACTICAL;
      const start = (i + (closed ? 1 : 0)) % pool.length;
      const profile: Profile = DEMO_PENDING_UNITS.has(unit.id) ? 'falta_mes_actual' : PROFILES[i % PROFILES.length]!;
      for (let t = 0; t < 3; t++) {
        const template = pool[(start + t) % pool.length]!;
        const objectiveId = `${setId}-ot${t + 1}`;
        objectives.push({ id: objectiveId, setId, parentId: strategicId, level: 'tactical', title: template.title, order: t + 1 });
        template.krs.forEach((krTemplate, k) => {
          const kr: KeyResult = { ...krTemplate, id: `${objectiveId}-kr${k + 1}`, setId, objectiveId, ownerId: `enlace-${unit.id}`, order: k + 1 };
          keyResults.push(kr);
          if (!closed && profile === 'sin_reportes') return;
          quarterMonths(quarter).forEach((period, m) => {
            // A unit missing the latest month due reports nothing of it, or — one in three — only its first four key results.
            const partial = !DEMO_PENDING_UNITS.has(unit.id) && i % 3 === 0 && t * 3 + k < 4;
            if (!closed && (period > due || (period === due && profile === 'falta_mes_actual' && !partial))) return;
            // Behind units report a third of their key results late; the closed quarter was reported on time.
            const day = reportDay(period, !closed && profile === 'rezagada' && (t * 3 + k) % 3 === 2, rand);
            if (day >= today) return;
            const share = (m + 1) / 3;
            const pace = closed ? 0.85 + rand() * 0.3 : profile === 'adelantada' ? 1.1 : profile === 'rezagada' ? 0.45 + rand() * 0.2 : 0.8 + rand() * 0.3;
            const fraction = Math.min(1.05, share * pace);
            const raw = krTemplate.kind === 'milestone' ? (fraction >= 0.95 ? 1 : 0) : krTemplate.baseline + (krTemplate.target - krTemplate.baseline) * fraction;
            const value = roundFor(krTemplate, raw);
            const at = `${day}T${String(14 + Math.floor(rand() * 8)).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00.000Z`;
            const progress = keyResultProgress(kr, value);
            const pool =
              krTemplate.kind === 'milestone'
                ? value >= 1 ? COMMENTS.milestoneDone : COMMENTS.milestonePending
                : progress >= share * 0.85 ? COMMENTS.onPace : COMMENTS.behind;
            checkIns.push({
              id: `ci-${kr.id}-${period}`,
              keyResultId: kr.id,
              unitId: unit.id,
              period,
              value,
              comment: krTemplate.kind === 'milestone' ? pool[Math.floor(rand() * pool.length)]! : `${pool[Math.floor(rand() * pool.length)]!} Avance acumulado: ${Math.round(progress * 100)} %.`,
              evidenceUrl: `https://gobiernobogota.sharepoint.com/sites/OKR/${unit.id}/Evidencias/${period}`,
              authorId: `enlace-${unit.id}`,
              createdAt: at,
              updatedAt: at,
              version: 1,
            });
          });
        });
      }
    });
  };
  addQuarter(previousQuarter(current), true);
  addQuarter(current, false);
  const setEvents = sets.flatMap((s, i) => formulationHistory(s, i, today));
  // The plenarias depend only on `today` (the OKRs above are a function of it too) and cost as much
  // as the rest of the seed (each acta freezes a unit's OKR tree): built once per day and copied,
  // since tests seed the demo many times.
  const reviews = buildDemoReviews(today, directory, { sets, objectives, keyResults, checkIns }, due, DEMO_PENDING_UNITS);
  let plenarias = plenariaCache.get(today);
  if (!plenarias) plenariaCache.set(today, (plenarias = buildDemoPlenarias(today, directory, { sets, objectives, keyResults, checkIns: reviews.checkIns })));
  const { roles: planRoles, ...plans } = buildDemoPlans(today, directory.units, sets.filter((s) => s.quarter === current));
  const { sessions, ...pei } = buildDemoPei(today, { sets, objectives, keyResults, checkIns: reviews.checkIns }, { planQuarters: plans.planQuarters, units: directory.units });
  const held = structuredClone(plenarias);
  return { ...directory, roles: [...directory.roles, ...planRoles], sets, objectives, keyResults, setEvents, ...reviews, ...held, plenarias: [...held.plenarias, ...sessions.plenarias], actas: [...held.actas, ...sessions.actas], ...plans, ...pei, proposals: buildDemoProposals(today, held, directory.people) };
}

/** The coach's observation on the sets the demo had returned once. */
const RETURN_COMMENT = 'Precisar la meta del segundo resultado clave del objetivo táctico 2: le falta la unidad de medida y la línea base.';

/**
 * How a loaded set got there (seed 000, activity 3): drafted and sent by the enlace in the last
 * weeks of the quarter before, reviewed by the OKR coach (one set in five returned once with
 * observations, corrected and sent again), approved by the líder before the quarter started; a past
 * quarter's set closed by the ETI with the quarter's close.
 */
function formulationHistory(set: OkrSet, i: number, today: IsoDate): Array<Omit<SetEvent, 'id'>> {
  const days = businessDaysOfMonth(quarterMonths(previousQuarter(set.quarter))[2]!);
  const day = (fromEnd: number) => days[Math.max(0, days.length - fromEnd)]!;
  const at = (d: IsoDate, hour: number) => `${d}T${String(hour + 5).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00.000Z`;
  const enlace = `enlace-${set.unitId}`;
  const step = (when: string, actorId: string, action: SetEvent['action'], fromState: OkrSetState, toState: OkrSetState, comment: string | null = null): Omit<SetEvent, 'id'> => ({
    setId: set.id, at: when, actorId, action, fromState, toState, setVersion: 1, comment,
  });
  const returned = i % 5 === 2;
  const events = [
    step(at(day(14), 9), enlace, 'create', 'draft', 'draft'),
    step(at(day(12), 15), enlace, 'submit', 'draft', 'coach_review'),
    ...(returned
      ? [
          step(at(day(11), 10), 'coach-1', 'returnToEnlace', 'coach_review', 'returned', RETURN_COMMENT),
          step(at(day(10), 11), enlace, 'edit', 'returned', 'returned'),
          step(at(day(10), 16), enlace, 'submit', 'returned', 'coach_review'),
        ]
      : []),
    step(at(day(8), 10), 'coach-1', 'approveForm', 'coach_review', 'leader_approval'),
    step(at(day(6), 11), `lider-${set.unitId}`, 'approve', 'leader_approval', 'active'),
  ];
  if (set.state === 'closed') {
    // When the ETI closed the quarter (demoReviews.ts): four business days after it ended.
    const closeDay = [addBusinessDays(quarterRange(set.quarter).end, 4), today].sort()[0]!;
    events.push(step(closeDay === today ? `${today}T13:00:00.000Z` : `${closeDay}T15:00:00.000Z`, 'eti-1', 'close', 'active', 'closed'));
  }
  return events;
}

const plenariaCache = new Map<IsoDate, DemoPlenariaData>();
