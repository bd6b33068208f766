import {
  addBusinessDays,
  buildTree,
  businessDaysOfMonth,
  formatDate,
  isBusinessDay,
  nextMonthlySession,
  nthBusinessDayFrom,
  okrResultRows,
  oapDeadline,
  previousQuarter,
  quarterMonths,
  quarterOf,
  semesterStart,
  statusLabels,
  type Acta,
  type ActaCommitment,
  type ActaDraft,
  type CheckIn,
  type Commitment,
  type CommitmentNote,
  type IsoDate,
  type KeyResult,
  type Modality,
  type Objective,
  type OkrResultRow,
  type OkrSet,
  type Plenaria,
  type QuarterId,
  type Recognition,
  type Unit,
} from '@okr/core';
import type { DemoDirectory } from './demoDirectory.js';
import { prng } from './prng.js';

/**
 * Demo plenarias, actas and tracked commitments, around `today` (the server's; e.g. 2026-11-23, Q4):
 *
 * - the previous quarter (2026-Q3): a plenaria menor in its last month (September) for 40 of the
 *   44 units — MISSING_LAST_QUARTER have none, so the OAP sees who is missing — each with a signed
 *   acta (version 1) whose commitments are in the tracker; the copy to the OAP went within the 8
 *   business days for most, late for SENT_LATE, never for NEVER_SENT;
 * - the semester's entity-wide plenaria mayor (2026-07) within its first 20 business days, and the
 *   monthly «Un café con el Secretario» series since the previous quarter's last month: every
 *   session held before today (on 2026-12-02: September, October and November), each acta as far
 *   along as its date allows, the signed ones with their proposals and commitments;
 * - the current quarter (2026-Q4): HELD_THIS_QUARTER held and signed, DRAFT_THIS_QUARTER held in
 *   the last days with the acta still in draft, SCHEDULED_THIS_QUARTER scheduled after today
 *   without acta. al-usaquen has none this quarter: an end-to-end test schedules it.
 *
 * Seeded actas have no .docx (fileName null): the file is made when an acta is signed in the app.
 * Everything comes from one PRNG seed, so the demo is the same on every start.
 */

export const MISSING_LAST_QUARTER = ['al-sumapaz', 'al-los-martires', 'dcon', 'salrc'] as const;
/** Positions (among last quarter's menores, in unit order) whose copy reached the OAP late, or never. */
const SENT_LATE = new Set([3, 11, 19, 27, 35]);
const NEVER_SENT = new Set([7, 23, 31]);
export const HELD_THIS_QUARTER = ['al-chapinero', 'al-kennedy', 'al-suba', 'al-bosa', 'al-engativa', 'al-fontibon', 'dgth', 'dti', 'oap', 'dgdl', 'ddhh', 'dfin'] as const;
export const DRAFT_THIS_QUARTER = ['al-ciudad-bolivar', 'al-teusaquillo', 'sgd'] as const;
export const SCHEDULED_THIS_QUARTER = ['al-usme', 'al-tunjuelito', 'al-santa-fe', 'djur', 'dadm'] as const;

/** The Secretario/a, who presides the plenaria mayor and the dialogue sessions. */
const SECRETARIO = 'lider-despacho';

export interface DemoPlenariaData {
  plenarias: Plenaria[];
  actas: Acta[];
  commitments: Commitment[];
}

export interface DemoOkrData {
  sets: OkrSet[];
  objectives: Objective[];
  keyResults: KeyResult[];
  checkIns: CheckIn[];
}

/**
 * The sessions of «Un café con el Secretario», in order from the first (the previous quarter's last
 * month) to the current quarter's last month: who came besides the Secretario and the ETI's
 * secretary, what was proposed, and what was committed (due `inDays` business days after).
 */
const DIALOGUES: ReadonlyArray<{ attendees: string[]; proposals: string[]; commitments: Array<Omit<ActaCommitment, 'due'> & { inDays: number }> }> = [
  {
    attendees: ['miembro-al-kennedy', 'miembro-al-bosa', 'miembro-dgth', 'miembro-dti', 'miembro-oac', 'enlace-al-suba'],
    proposals: [
      'Ampliar a dos días el trabajo en casa para los equipos que lo pidan, con metas verificables.',
      'Crear una ruta de inducción para las personas que llegan a las alcaldías locales.',
      'Dotar las salas de reunión de las sedes locales con equipos de videoconferencia.',
      'Reconocer en cada plenaria a un equipo por su aporte a los OKR.',
    ],
    commitments: [
      { id: 'c1', task: 'Presentar al comité directivo una propuesta de ampliación del trabajo en casa', ownerId: 'lider-dgth', inDays: 15 },
      { id: 'c2', task: 'Inventariar las salas con equipos de videoconferencia en las sedes locales', ownerId: 'lider-dti', inDays: 35 },
    ],
  },
  {
    attendees: ['miembro-al-kennedy', 'miembro-al-bosa', 'miembro-dgth', 'miembro-dti', 'miembro-oac', 'enlace-al-suba'],
    proposals: [
      'Simplificar el formato de evidencias de los reportes mensuales.',
      'Programar pausas activas en las sedes de las alcaldías.',
      'Compartir las buenas prácticas de las alcaldías con mejores resultados en PQRS.',
    ],
    commitments: [
      { id: 'c1', task: 'Organizar el primer encuentro de buenas prácticas entre alcaldías', ownerId: 'lider-sgl', inDays: 45 },
      { id: 'c2', task: 'Programar las pausas activas en las sedes locales', ownerId: 'lider-dgth', inDays: 20 },
    ],
  },
  {
    attendees: ['miembro-al-engativa', 'miembro-al-ciudad-bolivar', 'miembro-dfin', 'miembro-djur', 'enlace-al-usme', 'enlace-dadm'],
    proposals: [
      'Publicar cada mes en la intranet el avance de los OKR de la entidad.',
      'Habilitar una ventanilla única de trámites internos para las alcaldías locales.',
      'Capacitar a los enlaces en el análisis de datos de sus resultados clave.',
    ],
    commitments: [
      { id: 'c1', task: 'Presentar al comité directivo el diseño de la ventanilla única de trámites internos', ownerId: 'lider-dadm', inDays: 25 },
      { id: 'c2', task: 'Programar con Talento Humano el curso de análisis de datos para enlaces', ownerId: 'lider-dgth', inDays: 30 },
    ],
  },
  {
    attendees: ['miembro-al-suba', 'miembro-al-fontibon', 'miembro-oap', 'miembro-ddhh', 'enlace-al-kennedy', 'enlace-dti'],
    proposals: [
      'Hacer una sesión de «Un café con el Secretario» en una alcaldía local cada trimestre.',
      'Reducir las reuniones de seguimiento que se cruzan con las plenarias menores.',
      'Abrir un buzón virtual para las propuestas entre sesiones.',
    ],
    commitments: [
      { id: 'c1', task: 'Proponer el calendario de sesiones en las alcaldías locales para el próximo año', ownerId: 'lider-sgl', inDays: 20 },
      { id: 'c2', task: 'Habilitar el buzón virtual de propuestas en la intranet', ownerId: 'lider-dti', inDays: 30 },
    ],
  },
];

const START_TIMES = ['08:00', '09:00', '10:00', '14:00', '15:00'];

const ALCALDIA = {
  conversations: [
    'El equipo conversó sobre los resultados clave rezagados y sus causas: la carga de PQRS del mes y las demoras en la contratación. Se acordó apoyo entre áreas para recuperar el ritmo.',
    'Se conversó sobre cómo los encuentros ciudadanos y los operativos del trimestre aportan al objetivo institucional, y sobre qué resultados clave conviene ajustar en la próxima formulación.',
    'Cada responsable presentó el avance de su resultado clave; el equipo identificó los trámites que dependen de otras dependencias y propuso a quién acudir para destrabarlos.',
  ],
  feedback: [
    'El alcalde/sa destacó la puntualidad en los reportes mensuales y pidió adjuntar evidencias más completas (actas y listados de asistencia).',
    'Se retroalimentó la calidad de las evidencias: cada reporte debe enlazar el soporte en la carpeta de la alcaldía.',
    'El equipo pidió metas más claras para los resultados clave de tipo hito; se acordó definir entregables verificables.',
  ],
  recognitions: [
    'Depuró el rezago de PQRS y respondió a tiempo las solicitudes del trimestre.',
    'Lideró los encuentros ciudadanos en las UPZ con mayor participación.',
    'Organizó con la Policía los operativos de espacio público sin quejas de la comunidad.',
  ],
  teams: (short: string) => [`Equipo de atención a la ciudadanía de ${short}`, `Equipo de inspección, vigilancia y control de ${short}`, `Equipo de participación de ${short}`],
  decisions: [
    'Priorizar la respuesta de las PQRS con más de 10 días de antigüedad.',
    'Concentrar los operativos de espacio público en los corredores comerciales de mayor afluencia.',
    'Presentar en el próximo consejo local el avance de la ejecución del Fondo de Desarrollo Local.',
    'Reprogramar los encuentros ciudadanos pendientes en las UPZ con menor participación.',
  ],
  tasks: [
    'Depurar el rezago de PQRS sin respuesta en Bogotá Te Escucha',
    'Programar los encuentros ciudadanos de las UPZ pendientes',
    'Consolidar el informe de ejecución del FDL para el consejo local',
    'Coordinar con la Policía los operativos de espacio público del mes',
    'Actualizar las evidencias de los resultados clave en la carpeta de la alcaldía',
  ],
};

const CENTRAL = {
  conversations: [
    'El equipo conversó sobre el avance del plan de gestión y los productos que dependen de otras dependencias; se acordó escalar los bloqueos en el comité directivo.',
    'Se conversó sobre la experiencia de las alcaldías locales con los servicios de la dependencia y sobre cómo medirla mejor el próximo trimestre.',
    'Cada responsable presentó su resultado clave; el equipo revisó las cargas de trabajo y redistribuyó dos tareas para cumplir a tiempo.',
  ],
  feedback: [
    'La dirección destacó el cumplimiento de los reportes y pidió documentar mejor las evidencias de los hitos.',
    'Se retroalimentó el uso del tablero de seguimiento: los datos deben actualizarse antes del cierre de cada mes.',
    'El equipo pidió más espacios de seguimiento cortos entre plenarias; se acordó una revisión quincenal de 30 minutos.',
  ],
  recognitions: [
    'Entregó a tiempo los productos del plan de gestión con soportes completos.',
    'Automatizó un trámite interno que redujo a la mitad el tiempo de respuesta.',
    'Apoyó a las alcaldías locales en la mesa técnica del trimestre.',
  ],
  teams: (short: string) => [`Equipo de ${short}`, `Equipo de apoyo a la gestión de ${short}`],
  decisions: [
    'Ajustar el cronograma del plan de gestión y reportar el cambio a la OAP.',
    'Unificar el tablero de seguimiento en Power BI con los datos de la intranet.',
    'Revisar con la Dirección de Contratación los procesos que retrasan el trámite interno.',
    'Mantener la revisión quincenal de los resultados clave en el comité de la dependencia.',
  ],
  tasks: [
    'Entregar a la OAP el reporte del plan de gestión con sus soportes',
    'Publicar el tablero de seguimiento en Power BI',
    'Levantar el inventario de trámites internos por automatizar',
    'Cerrar los hallazgos de auditoría con plan de mejoramiento vencido',
    'Actualizar las evidencias de los resultados clave en la carpeta de la dependencia',
  ],
};

const FOLLOW_UP = [
  'Se avanzó en la mitad de lo previsto; se espera cerrarlo antes de la fecha.',
  'Se hicieron las reuniones de alistamiento con el equipo.',
  'Se pidió la información a la OAP; queda pendiente su respuesta.',
];
const DONE_NOTE = 'Compromiso cumplido; el soporte está en la carpeta de la unidad.';
const IMPACTS = [
  'El rezago bajó de 120 a 35 solicitudes y ninguna PQRS nueva venció en el mes.',
  'Participaron 85 personas de 6 UPZ; salieron 12 propuestas para el plan local.',
  'El tablero quedó publicado y lo consultan las tres áreas cada semana.',
  'El reporte llegó a tiempo y la OAP no hizo observaciones.',
];

/** "09:00" in Bogotá on `date` as an ISO instant (UTC−5), plus `hours`. */
const at = (date: IsoDate, time: string, hours = 0): string => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), h + 5 + hours, m)).toISOString();
};
const minusDays = (date: IsoDate, n: number): IsoDate => new Date(Date.parse(`${date}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const shortName = (unit: Unit): string => unit.name.replace(/^Alcaldía Local de /, '');
/** "de la Alcaldía Local de Suba", "del Despacho del Secretario…" */
const ofUnit = (unit: Unit): string => (/^Despacho/.test(unit.name) ? `del ${unit.name}` : `de la ${unit.name}`);

export function buildDemoPlenarias(today: IsoDate, directory: DemoDirectory, okrs: DemoOkrData): DemoPlenariaData {
  const rand = prng(20260923);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const int = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));
  const units = new Map(directory.units.map((u) => [u.id, u]));
  const current = quarterOf(today);
  const previous = previousQuarter(current);
  const businessDays = (q: QuarterId) => quarterMonths(q).flatMap(businessDaysOfMonth);
  const before = (q: QuarterId) => businessDays(q).filter((d) => d < today);

  const plenarias: Plenaria[] = [];
  const actas: Acta[] = [];
  const commitments: Commitment[] = [];

  // The unit's OKR results as reviewed at the plenaria: the real tree of the demo set on that day.
  const bundles = new Map(okrs.sets.map((s) => [`${s.unitId}|${s.quarter}`, s]));
  const checkInsByUnit = new Map<string, CheckIn[]>();
  for (const c of okrs.checkIns) (checkInsByUnit.get(c.unitId) ?? checkInsByUnit.set(c.unitId, []).get(c.unitId)!).push(c);
  const okrResults = (unit: Unit, date: IsoDate): OkrResultRow[] => {
    const quarter = quarterOf(date);
    const set = bundles.get(`${unit.id}|${quarter}`) ?? null;
    const bundle = set && { set, objectives: okrs.objectives.filter((o) => o.setId === set.id), keyResults: okrs.keyResults.filter((k) => k.setId === set.id) };
    const checkIns = (checkInsByUnit.get(unit.id) ?? []).filter((c) => c.createdAt.slice(0, 10) <= date);
    return okrResultRows(buildTree({ unit, quarter, asOf: date, bundle, checkIns, institutionalObjectives: directory.institutionalObjectives }));
  };

  const modalityAndPlace = (id: string, unit: Unit | null): { modality: Modality; location: string } => {
    const room = unit ? (unit.kind === 'alcaldia' ? `Sala de juntas ${ofUnit(unit)}` : `Sala de juntas ${ofUnit(unit)}, sede principal de la SDG`) : 'Auditorio de la sede principal de la SDG';
    const link = `https://teams.microsoft.com/l/meetup-join/demo-${id}`;
    const r = rand();
    if (r < 0.6) return { modality: 'presencial', location: room };
    if (r < 0.85) return { modality: 'virtual', location: link };
    return { modality: 'mixta', location: `${room} — ${link}` };
  };

  const addPlenaria = (p: Omit<Plenaria, 'modality' | 'location' | 'createdAt'> & { createdAt?: string }, unit: Unit | null): Plenaria => {
    const plenaria: Plenaria = { ...p, ...modalityAndPlace(p.id, unit), createdAt: p.createdAt ?? at(minusDays(p.date, 15), '10:00') };
    plenarias.push(plenaria);
    return plenaria;
  };

  /** A signed acta (and, when sent, its copy to the OAP) with its commitments in the tracker. */
  const signedActa = (plenaria: Plenaria, draft: ActaDraft, results: OkrResultRow[], sentOn: IsoDate | null): Acta => {
    const secretaryDay = addBusinessDays(plenaria.date, 1);
    const presidingDay = addBusinessDays(plenaria.date, 2);
    const created = at(plenaria.date, plenaria.startTime, 1);
    const signedAt = at(presidingDay, '11:30');
    const acta: Acta = {
      plenariaId: plenaria.id,
      documentVersion: 1,
      version: sentOn ? 5 : 4,
      draft,
      okrResults: results,
      snapshotAt: created,
      signatures: { secretary: { personId: plenaria.secretaryId, at: at(secretaryDay, '16:00') }, presiding: { personId: plenaria.presidingId, at: signedAt } },
      sentToOap: sentOn ? { on: sentOn, by: plenaria.secretaryId } : null,
      fileName: null,
      correctionReason: null,
      createdBy: plenaria.secretaryId,
      createdAt: created,
      updatedBy: sentOn ? plenaria.secretaryId : plenaria.presidingId,
      updatedAt: sentOn ? at(sentOn, '09:15') : signedAt,
    };
    actas.push(acta);
    for (const c of draft.commitments) commitments.push(tracked(plenaria, c, signedAt));
    return acta;
  };

  /** A commitment as the tracker holds it today: done, in progress, or still open (overdue when past due). */
  const tracked = (plenaria: Plenaria, c: ActaCommitment, signedAt: string): Commitment => {
    const createdAt = signedAt;
    const r = rand();
    const pastDue = c.due < today;
    const status: Commitment['status'] = pastDue ? (r < 0.8 ? 'cumplido' : r < 0.92 ? 'en_curso' : 'abierto') : r < 0.15 ? 'cumplido' : r < 0.55 ? 'en_curso' : 'abierto';
    const notes: CommitmentNote[] = [];
    // Follow-up happens between the signing and the earlier of the due date and today.
    const from = signedAt.slice(0, 10);
    const until = c.due < today ? c.due : minusDays(today, 1);
    const dayBetween = (share: number): IsoDate => {
      const span = Math.max(0, Math.round((Date.parse(until) - Date.parse(from)) / 86_400_000));
      const d = new Date(Date.parse(from) + Math.round(span * share) * 86_400_000).toISOString().slice(0, 10);
      return d < from ? from : d;
    };
    if (status === 'en_curso' || status === 'cumplido') notes.push({ at: at(dayBetween(0.4), '15:00'), by: c.ownerId, text: pick(FOLLOW_UP) });
    if (status === 'cumplido') notes.push({ at: at(dayBetween(0.9), '16:00'), by: c.ownerId, text: DONE_NOTE });
    return {
      id: `${plenaria.id}:${c.id}`,
      plenariaId: plenaria.id,
      unitId: plenaria.unitId,
      task: c.task,
      ownerId: c.ownerId,
      due: c.due,
      status,
      notes,
      impact: status === 'cumplido' ? pick(IMPACTS) : null,
      version: 1 + notes.length,
      createdAt,
      updatedAt: notes.at(-1)?.at ?? createdAt,
    };
  };

  /** The draft of a plenaria menor of a unit, with its CFR, decisions and 1–3 commitments due on `dueDays`. */
  const menorDraft = (plenaria: Plenaria, unit: Unit, results: OkrResultRow[], dueDays: readonly IsoDate[]): ActaDraft => {
    const texts = unit.kind === 'alcaldia' ? ALCALDIA : CENTRAL;
    const short = shortName(unit);
    const people = [`lider-${unit.id}`, `enlace-${unit.id}`, `miembro-${unit.id}`];
    const count = (label: string) => results.filter((r) => r.status === label).length;
    const behind = count(statusLabels.en_riesgo) + count(statusLabels.atrasado);
    const recognitions: Recognition[] = [{ id: 'r1', personId: `miembro-${unit.id}`, team: null, reason: pick(texts.recognitions) }];
    if (rand() < 0.5) recognitions.push({ id: 'r2', personId: null, team: pick(texts.teams(short)), reason: 'Por el trabajo en equipo que sostuvo los resultados del trimestre.' });
    const decisions = [pick(texts.decisions)];
    if (rand() < 0.5) decisions.push(pick(texts.decisions.filter((d) => d !== decisions[0])));
    const tasks = [...texts.tasks].sort(() => rand() - 0.5).slice(0, int(1, 3));
    const owners = [`miembro-${unit.id}`, `enlace-${unit.id}`, `lider-${unit.id}`];
    const [h, m] = plenaria.startTime.split(':') as [string, string];
    const dues = dueDays.filter((d) => d > plenaria.date);
    const due = (): IsoDate => (dues.length > 0 ? dues[int(0, dues.length - 1)]! : addBusinessDays(plenaria.date, 20));
    return {
      startTime: plenaria.startTime,
      endTime: `${String(Number(h) + 2).padStart(2, '0')}:${m}`,
      objective: `Revisar en equipo el avance de los OKR ${ofUnit(unit)} en el trimestre, con conversaciones, retroalimentación y reconocimientos.`,
      attendeeIds: rand() < 0.3 ? [...people, 'coach-1'] : people,
      guests: rand() < 0.2 ? ['Profesional de la Oficina Asesora de Planeación (invitada)'] : [],
      agenda: ['Bienvenida y verificación de asistencia', 'Revisión del avance de los OKR del trimestre', 'Conversaciones, retroalimentación y reconocimientos', 'Compromisos y cierre'],
      development:
        `Se verificó la asistencia y se revisó el avance de los ${results.length} resultados clave del trimestre con corte al ${formatDate(plenaria.date)}: ` +
        `${count(statusLabels.completado)} completados, ${count(statusLabels.en_curso)} en curso y ${behind} en riesgo o atrasados. ` +
        (behind > 0 ? 'Los responsables de los rezagados explicaron las causas y propusieron acciones para el cierre del trimestre.' : 'El equipo va al ritmo esperado y acordó mantener el seguimiento mensual.'),
      proposals: [],
      conversations: pick(texts.conversations),
      feedback: pick(texts.feedback),
      recognitions,
      decisions,
      commitments: tasks.map((task, i) => ({ id: `c${i + 1}`, task, ownerId: owners[i % owners.length]!, due: due() })),
    };
  };

  // ── the previous quarter: 40 plenarias menores in its last month, all signed ─────────────────
  const lastMonth = quarterMonths(previous)[2]!;
  const monthDays = businessDaysOfMonth(lastMonth).filter((d) => d < today);
  const dueNext = businessDays(current);
  let position = 0;
  directory.units.forEach((unit, i) => {
    if ((MISSING_LAST_QUARTER as readonly string[]).includes(unit.id) || monthDays.length === 0) return;
    const date = monthDays[(i * 7) % monthDays.length]!;
    const plenaria = addPlenaria(
      { id: `pl-${unit.id}-${previous}`, kind: 'menor', unitId: unit.id, date, startTime: pick(START_TIMES), presidingId: `lider-${unit.id}`, secretaryId: `enlace-${unit.id}`, createdBy: `enlace-${unit.id}` },
      unit,
    );
    const results = okrResults(unit, date);
    const sentOn = NEVER_SENT.has(position) ? null : SENT_LATE.has(position) ? addBusinessDays(oapDeadline(date), int(2, 6)) : addBusinessDays(date, int(3, 8));
    signedActa(plenaria, menorDraft(plenaria, unit, results, dueNext), results, sentOn !== null && sentOn < today ? sentOn : null);
    position++;
  });

  // ── the semester's plenaria mayor (entity-wide), within its first 20 business days ───────────
  let semester = semesterStart(today);
  if (nthBusinessDayFrom(semester, 13) >= today) semester = semesterStart(minusDays(semester, 1));
  const mayorDate = nthBusinessDayFrom(semester, 13);
  const half = semester.slice(5, 7) === '01' ? 'S1' : 'S2';
  const mayor = addPlenaria(
    { id: `pl-mayor-${semester.slice(0, 4)}-${half}`, kind: 'mayor', unitId: null, date: mayorDate, startTime: '08:00', presidingId: SECRETARIO, secretaryId: 'eti-1', createdBy: 'eti-1' },
    null,
  );
  signedActa(
    mayor,
    {
      startTime: '08:00',
      endTime: '12:00',
      objective: 'Evaluar los resultados del semestre anterior y validar los nuevos OKR de las dependencias.',
      attendeeIds: [SECRETARIO, 'eti-1', 'eti-2', 'oap-1', 'lider-sgi', 'lider-sgl', 'lider-sggd', 'lider-oap', 'lider-al-kennedy', 'lider-al-suba', 'lider-dgth'],
      guests: [],
      agenda: ['Instalación por el Secretario', 'Balance del semestre anterior por dependencia', 'Validación de los nuevos OKR', 'Reconocimientos', 'Compromisos y cierre'],
      development:
        'El Secretario instaló la plenaria y cada subsecretaría presentó el balance de sus dependencias en el semestre anterior. ' +
        'La OAP mostró el cumplimiento consolidado de los OKR y las dependencias con mayor rezago; se validaron los OKR del nuevo semestre con los ajustes propuestos por el equipo ETI.',
      proposals: [],
      conversations: 'Se conversó sobre las causas comunes del rezago: la contratación tardía en las alcaldías y la carga de PQRS. Las subsecretarías acordaron acompañar a las unidades con menor avance.',
      feedback: 'El Secretario pidió que cada plenaria menor cierre con compromisos verificables y que las actas lleguen a tiempo a la OAP.',
      recognitions: [
        { id: 'r1', personId: null, team: 'Equipo de la Alcaldía Local de Kennedy', reason: 'Mayor avance en la respuesta oportuna de PQRS del semestre.' },
        { id: 'r2', personId: 'enlace-dgth', team: null, reason: 'Acompañó a dos dependencias a la vez sin retrasar un solo reporte.' },
      ],
      decisions: ['Validar los OKR del semestre con los ajustes presentados.', 'Hacer seguimiento mensual de las unidades con avance menor al 50 %.'],
      commitments: [
        { id: 'c1', task: 'Acompañar a las alcaldías locales con menor avance en la formulación de sus OKR', ownerId: 'lider-sgl', due: addBusinessDays(mayorDate, 20) },
        { id: 'c2', task: 'Publicar el tablero consolidado de OKR de la entidad', ownerId: 'oap-1', due: addBusinessDays(mayorDate, 40) },
        { id: 'c3', task: 'Presentar el plan de reconocimientos asociado a las plenarias', ownerId: 'lider-sgi', due: addBusinessDays(mayorDate, 55) },
      ],
    },
    [],
    addBusinessDays(mayorDate, 4),
  );

  // ── «Un café con el Secretario»: monthly since the previous quarter's last month ─────────────
  // The series' cadence is core's (`nextMonthlySession`, what «Programar la siguiente» proposes):
  // the first on the month's 11th business day, each next one a month after the one before. Every
  // session held before today is there; its acta is as far along as the days since allow (the
  // secretary signs the next business day, the Secretario the one after, the copy goes to the OAP
  // a few days later), and only a signed acta brings its proposals and commitments.
  let sessionDate = nthBusinessDayFrom(`${lastMonth}-01`, 11);
  for (const d of DIALOGUES) {
    const date = sessionDate;
    if (date >= today) break;
    const plenaria = addPlenaria(
      { id: `pl-dialogo-${date.slice(0, 7)}`, kind: 'dialogo', unitId: null, date, startTime: '10:00', presidingId: SECRETARIO, secretaryId: 'eti-2', createdBy: 'eti-2' },
      null,
    );
    sessionDate = nextMonthlySession(plenaria, date).date;
    const draft: ActaDraft = {
      startTime: '10:00',
      endTime: '11:30',
      objective: 'Escuchar las propuestas del equipo en la sesión «Un café con el Secretario» y acordar compromisos.',
      attendeeIds: [SECRETARIO, 'eti-2', ...d.attendees],
      guests: [],
      agenda: ['Bienvenida', 'Propuestas de los participantes', 'Respuestas y acuerdos', 'Compromisos y cierre'],
      development: `Participaron ${int(18, 35)} personas de las alcaldías locales y del nivel central. El Secretario escuchó las propuestas y respondió cuáles se estudian, cuáles se adoptan y cuáles no son viables por ahora.`,
      proposals: d.proposals,
      conversations: '',
      feedback: '',
      recognitions: [],
      decisions: ['Estudiar en el comité directivo las propuestas que requieren presupuesto.'],
      commitments: d.commitments.map(({ inDays, ...c }) => ({ ...c, due: addBusinessDays(date, inDays) })),
    };
    const sentOn = addBusinessDays(date, int(3, 5));
    if (addBusinessDays(date, 2) < today) {
      signedActa(plenaria, draft, [], sentOn < today ? sentOn : null);
      continue;
    }
    // Held in the last days: the acta is written, and signed by the secretary once a day has passed.
    const created = at(date, '10:00', 2);
    const secretaryDay = addBusinessDays(date, 1);
    const secretarySigned = secretaryDay < today;
    actas.push({
      plenariaId: plenaria.id,
      documentVersion: 1,
      version: secretarySigned ? 3 : 2,
      draft,
      okrResults: [],
      snapshotAt: created,
      signatures: { secretary: secretarySigned ? { personId: plenaria.secretaryId, at: at(secretaryDay, '16:00') } : null, presiding: null },
      sentToOap: null,
      fileName: null,
      correctionReason: null,
      createdBy: plenaria.secretaryId,
      createdAt: created,
      updatedBy: plenaria.secretaryId,
      updatedAt: secretarySigned ? at(secretaryDay, '16:00') : at(date, '10:00', 5),
    });
  }

  // ── this quarter: held and signed, held with the acta in draft, scheduled ───────────────────
  const open = before(current);
  // Held early enough that the copy went to the OAP within its 8 business days, before today, and
  // not before the quarter's second month: a plenaria reviews a quarter that has some progress.
  const secondMonth = `${quarterMonths(current)[1]!}-01`;
  const heldDays = open.slice(0, Math.max(0, open.length - 9)).filter((d) => d >= secondMonth);
  HELD_THIS_QUARTER.forEach((unitId, i) => {
    const unit = units.get(unitId)!;
    if (heldDays.length === 0) return;
    const date = heldDays[Math.floor((i * heldDays.length) / HELD_THIS_QUARTER.length)]!;
    const plenaria = addPlenaria(
      { id: `pl-${unitId}-${current}`, kind: 'menor', unitId, date, startTime: pick(START_TIMES), presidingId: `lider-${unitId}`, secretaryId: `enlace-${unitId}`, createdBy: `enlace-${unitId}` },
      unit,
    );
    const results = okrResults(unit, date);
    const dues = [20, 30, 40].map((n) => addBusinessDays(date, n));
    signedActa(plenaria, menorDraft(plenaria, unit, results, dues), results, addBusinessDays(date, int(2, 7)));
  });
  // Held in the last few business days: the secretary is still writing the acta.
  const recent = open.slice(-6);
  DRAFT_THIS_QUARTER.forEach((unitId, i) => {
    const unit = units.get(unitId)!;
    const date = recent[(i * 2) % Math.max(1, recent.length)];
    if (!date) return;
    const plenaria = addPlenaria(
      { id: `pl-${unitId}-${current}`, kind: 'menor', unitId, date, startTime: pick(START_TIMES), presidingId: `lider-${unitId}`, secretaryId: `enlace-${unitId}`, createdBy: `enlace-${unitId}` },
      unit,
    );
    const results = okrResults(unit, date);
    const draft = menorDraft(plenaria, unit, results, [20, 30].map((n) => addBusinessDays(date, n)));
    const created = at(date, plenaria.startTime, 1);
    actas.push({
      plenariaId: plenaria.id,
      documentVersion: 1,
      version: 2,
      // Still being written: no recognitions or decisions yet in one of them.
      draft: i === 0 ? { ...draft, recognitions: [], decisions: [], feedback: '' } : draft,
      okrResults: results,
      snapshotAt: created,
      signatures: { secretary: null, presiding: null },
      sentToOap: null,
      fileName: null,
      correctionReason: null,
      createdBy: plenaria.secretaryId,
      createdAt: created,
      updatedBy: plenaria.secretaryId,
      updatedAt: at(date, plenaria.startTime, 4),
    });
  });
  // Scheduled after today (in the quarter's last month when there is room), without acta yet.
  const later = businessDays(current).filter((d) => d > today);
  const inLastMonth = later.filter((d) => d.startsWith(quarterMonths(current)[2]!));
  const ahead = inLastMonth.length >= SCHEDULED_THIS_QUARTER.length ? inLastMonth : later;
  SCHEDULED_THIS_QUARTER.forEach((unitId, i) => {
    const date = ahead[Math.floor((i * ahead.length) / SCHEDULED_THIS_QUARTER.length) + 1] ?? ahead[i];
    if (!date) return;
    addPlenaria(
      {
        id: `pl-${unitId}-${current}`,
        kind: 'menor',
        unitId,
        date,
        startTime: pick(START_TIMES),
        presidingId: `lider-${unitId}`,
        secretaryId: `enlace-${unitId}`,
        createdBy: `enlace-${unitId}`,
        createdAt: at(minusDays(today, int(1, 10)), '10:00'),
      },
      units.get(unitId)!,
    );
  });

  plenarias.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : 0));
  if (plenarias.some((p) => !isBusinessDay(p.date))) throw new Error('demo: a plenaria on a day off');
  return { plenarias, actas, commitments };
}
