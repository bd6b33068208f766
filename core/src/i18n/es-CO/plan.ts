/** Plan de gestión (seed 001, PLE-PIN-P005): labels, rule messages and the bot's cards (es-CO). */
import type { ModificationState, PlanState, ProgrammingType, ReportState } from '../../plan/types.js';
import type { ProgrammingIssue } from '../../plan/programming.js';
import { formatDate } from '../../format/index.js';

/** The programming types by their Spanish names (also the open-data feed's values). */
export const programmingTypeLabels: Record<ProgrammingType, string> = {
  suma: 'Suma',
  constante: 'Constante',
  creciente: 'Creciente',
  decreciente: 'Decreciente',
};

export const programmingTypeHelp: Record<ProgrammingType, string> = {
  suma: 'La magnitud total es la suma de los trimestres; el acumulado suma lo ejecutado.',
  constante: 'La misma magnitud cada trimestre; el acumulado es el promedio de los trimestres reportados.',
  creciente: 'Cada trimestre incluye los anteriores y sube hasta el total; el acumulado es el último valor reportado.',
  decreciente: 'La magnitud baja trimestre a trimestre hasta el total; el acumulado es el último valor y menos es mejor.',
};

export const planStateLabels: Record<PlanState, string> = {
  draft: 'En formulación',
  in_review: 'En revisión de la OAP',
  returned: 'Devuelto con observaciones',
  endorsed: 'Aprobado por la OAP (falta oficializar con caso HOLA)',
  official: 'Oficializado y publicado',
};

export const planActionLabels = {
  create: 'Creó el plan',
  edit: 'Editó el plan',
  import: 'Cargó el plan desde Excel',
  submit: 'Envió a la OAP',
  approve: 'Aprobó el plan',
  return: 'Devolvió con observaciones',
  formalize: 'Oficializó con caso HOLA',
  modify: 'Aplicó una modificación aprobada',
} as const;

/** What a report of a quarter shows as its state (computed from the stored state and the due date). */
export const reportStatusLabels = {
  not_due: 'Aún no vence',
  open: 'En plazo',
  draft: 'En borrador',
  overdue: 'Vencido sin enviar',
  submitted: 'Enviado a la OAP',
  submitted_late: 'Enviado tarde',
  clarification: 'Aclaración solicitada',
  closed: 'Revisado por la OAP',
} as const;
export type ReportStatus = keyof typeof reportStatusLabels;

export const reportStateLabels: Record<ReportState, string> = {
  draft: 'En borrador',
  submitted: 'Enviado a la OAP',
  clarification: 'Aclaración solicitada',
  closed: 'Revisado por la OAP',
};

export const modificationStateLabels: Record<ModificationState, string> = {
  pending_consent: 'Esperando concepto previo',
  pending_oap: 'Esperando decisión de la OAP',
  approved: 'Aprobada',
  denied: 'Negada',
};

export const exceptionGroundLabels = { fuerza_mayor: 'Fuerza mayor', cambio_normativo: 'Cambio normativo' } as const;
export const consentKindLabels = { lead: 'Proceso que lidera la meta', supervisor: 'Dependencia que supervisa a la alcaldía' } as const;

const issueText: Record<ProgrammingIssue, (total: string) => string> = {
  negative: () => 'ninguna magnitud puede ser negativa',
  nothing_programmed: () => 'no hay ningún trimestre programado',
  sum_differs: (total) => `los trimestres no suman la magnitud total (${total})`,
  constant_differs: (total) => `en una meta constante cada trimestre programado debe ser igual a la magnitud total (${total})`,
  goes_down: () => 'en una meta creciente la programación nunca baja de un trimestre al siguiente',
  goes_up: () => 'en una meta decreciente la programación nunca sube de un trimestre al siguiente',
  last_differs: (total) => `el último trimestre programado debe ser la magnitud total (${total})`,
};

/** The rules' refusals and checks (core, the services and the tab share them). */
export const planMessages = {
  programming: (meta: string, type: ProgrammingType, issues: readonly ProgrammingIssue[], total: string) =>
    `«${meta}» (${programmingTypeLabels[type].toLowerCase()}): ${issues.map((i) => issueText[i](total)).join('; ')}.`,
  negativeTotal: (meta: string) => `«${meta}»: la magnitud total no puede ser negativa.`,
  notANumber: (meta: string, field: string) => `«${meta}»: ${field} debe ser un número.`,
  required: (meta: string, field: string) => `«${meta}»: falta ${field}.`,
  tooLong: (meta: string, field: string, max: number) => `«${meta}»: ${field} supera ${max} caracteres.`,
  weightRange: (meta: string) => `«${meta}»: el peso en el plan va de 0 a 100 %.`,
  unknownObjective: (meta: string) => `«${meta}»: el objetivo estratégico no existe en el marco estratégico vigente.`,
  unknownUnit: (meta: string, field: string) => `«${meta}»: ${field} no es una dependencia del directorio.`,
  notCentral: (meta: string, field: string) => `«${meta}»: ${field} debe ser una dependencia del nivel central.`,
  duplicateMeta: 'Dos metas tienen el mismo identificador.',
  tooManyMetas: (max: number) => `Un plan tiene como máximo ${max} metas.`,
  noMetas: 'El plan no tiene metas.',
  typedPercent: 'El % y las cifras acumuladas los calcula la aplicación según el tipo de programación de cada meta: no se escriben. Quita esos campos y envía solo la ejecución del trimestre.',

  check: {
    objectives: { ok: 'Ligada a un objetivo estratégico y a un objetivo del proceso.', missing: 'Falta el objetivo estratégico o el objetivo del proceso al que aporta.' },
    programming: { ok: (type: ProgrammingType) => `La programación trimestral es coherente con el tipo ${programmingTypeLabels[type].toLowerCase()} y la magnitud total.` },
    indicator: { ok: 'El indicador está completo (nombre, numerador, denominador, fórmula y unidad).', missing: (fields: string) => `El indicador está incompleto: falta ${fields}.` },
    deliverables: { ok: 'Tiene entregables.', missing: 'No tiene entregables.' },
    lead: { ok: 'Tiene el área del nivel central que la lidera y reporta.', missing: 'Es local o transversal pero no dice qué área del nivel central la lidera y reporta.' },
    supervisor: { ok: 'Tiene la dependencia que supervisa a la alcaldía.', missing: 'No dice qué dependencia supervisa esta meta de la alcaldía (Subsecretaría de Gestión Local, Dirección para la Gestión Policiva o Dirección para la Gestión del Desarrollo Local).' },
    weights: { ok: 'Los pesos de las metas suman 100 %.', differs: (sum: string) => `Los pesos de las metas suman ${sum}; deben sumar 100 %.` },
  },
  indicatorFields: { name: 'el nombre', numerator: 'el numerador', denominator: 'el denominador', formula: 'la fórmula', unit: 'la unidad de medida' },

  workflow: {
    invalidState: (action: string, state: string) => `No se puede «${action}» un plan que está «${state}».`,
    notAllowed: (who: string, action: string) => `Solo ${who} puede «${action}».`,
    who: { lider: 'el líder del proceso o el alcalde local', oap: 'un analista de la Oficina Asesora de Planeación' },
    observationsRequired: 'Escribe las observaciones para el líder: una general o una por meta.',
    holaRequired: 'Escribe el número del caso HOLA con el que se oficializa el plan (solo dígitos, p. ej. 306319).',
    locked: (state: string) => `El plan está «${state}» y no se edita: los cambios de un plan aprobado van por una solicitud de modificación.`,
    onlyTeam: (unit: string) => `Solo el líder, el promotor de mejora o el enlace de ${unit} formulan su plan de gestión.`,
    vigenciaClosed: (year: number) => `La OAP aún no ha abierto la vigencia ${year} para formular planes de gestión.`,
    onlyOap: 'Solo la Oficina Asesora de Planeación hace esto.',
    vigenciaExists: (year: number) => `La vigencia ${year} ya está abierta.`,
    stale: 'Otra persona cambió el plan mientras lo editabas; recarga para ver la versión actual. No se guardó nada.',
  },

  report: {
    notYet: (quarter: string, end: string) => `El ${quarter} termina el ${formatDate(end)}: su reporte se envía después del corte.`,
    closed: (quarter: string) => `El reporte del ${quarter} ya fue revisado y cerrado por la OAP: no se puede cambiar.`,
    submittedLocked: (quarter: string) => 'El reporte ya se envió a la OAP; solo se corrige si la OAP pide una aclaración.',
    noPlan: (unit: string, year: number) => `${unit} no tiene un plan de gestión oficializado para ${year}.`,
    onlyTeam: (unit: string) => `Solo el líder, el promotor de mejora o el enlace de ${unit} reportan su plan de gestión.`,
    unknownMeta: 'Una de las metas no pertenece al plan.',
    negative: (meta: string) => `«${meta}»: la ejecución no puede ser negativa.`,
    evidence: (meta: string) => `«${meta}»: la evidencia debe ser un enlace https (la carpeta o el documento en SharePoint).`,
    missing: (meta: string, field: string) => `«${meta}»: falta ${field}.`,
    fields: { executed: 'la ejecución del trimestre', analysis: 'el análisis del avance del trimestre', evidence: 'la evidencia', cumulativeAnalysis: 'el análisis del resultado acumulado' },
    delayCauses: (meta: string, pct: string) => `«${meta}» va en ${pct} acumulado: el análisis del resultado acumulado debe explicar las causas del retraso.`,
    localMeta: (meta: string, lead: string) => `«${meta}» la reporta ${lead} (meta local o transversal); la OAP completa este reporte con sus cifras.`,
    leadOnly: (meta: string) => `«${meta}»: solo el área que lidera la meta reporta sus cifras.`,
    leadResult: 'El resultado debe ser un número (el numerador sobre el denominador, según la fórmula).',
    leadDenominator: 'El denominador no puede ser cero ni negativo.',
    correctionReason: 'Escribe por qué la OAP corrige la cifra (queda registrado con la original).',
    clarificationText: 'Escribe qué debe aclarar el responsable.',
    notSubmitted: 'La OAP revisa reportes enviados.',
    nothingToComplete: (meta: string) => `«${meta}»: el área que lidera la meta aún no ha reportado sus cifras.`,
  },

  modification: {
    onlyLider: 'Solo el líder del proceso o el alcalde local solicita modificaciones del plan (política 9).',
    justification: 'Escribe la justificación técnica o legal de la solicitud (al menos 20 caracteres).',
    notInForce: 'Solo se piden modificaciones de un plan aprobado; un plan en formulación se edita directamente.',
    eliminated: (meta: string) => `«${meta}» ya está marcada como «Meta eliminada».`,
    pending: (meta: string) => `Ya hay una solicitud en trámite para «${meta}».`,
    deadline: (year: number) => `Las solicitudes de modificación se presentan hasta el segundo trimestre (30 de junio de ${year}); después solo se puede aumentar la magnitud de una meta.`,
    once: (meta: string) => `«${meta}» ya se modificó una vez en la vigencia: solo por un cambio normativo o de fuerza mayor, debidamente justificado, la OAP puede revisar el caso.`,
    exceptionJustification: 'Justifica el cambio normativo o la fuerza mayor (al menos 20 caracteres).',
    measured: (meta: string, quarter: number, was: string, now: string) => `«${meta}»: el T${quarter} ya se midió y su programación no puede cambiar (era ${was}; la solicitud dice ${now}).`,
    typeMeasured: (meta: string) => `«${meta}»: ya hay trimestres medidos, así que el tipo de programación no puede cambiar.`,
    nothingChanges: 'La solicitud no cambia nada de la meta.',
    otherMeta: 'La meta propuesta debe ser la misma meta de la solicitud.',
    noSupervisor: (meta: string) => `«${meta}» es de una alcaldía local: indica qué dependencia la supervisa para pedir su concepto previo.`,
    noLead: (meta: string) => `«${meta}» es transversal: indica el proceso que la lidera para pedir su concepto previo.`,
    onlyConsenter: (unit: string) => `Solo el líder de ${unit} da este concepto previo.`,
    consentGiven: 'Este concepto ya se dio.',
    notPendingConsent: 'La solicitud no espera un concepto previo.',
    notPendingOap: 'La solicitud no espera la decisión de la OAP.',
    decisionComment: 'Escribe el motivo de la decisión.',
    unfavorable: (unit: string) => `${unit} dio concepto desfavorable: la modificación no es factible.`,
  },
} as const;

/** The OAP review's coherence alerts on a meta's report (activity 10). */
export const planReviewText = {
  notReported: 'No reporta la ejecución del trimestre.',
  noAnalysis: 'Falta el análisis del avance del trimestre.',
  noEvidence: 'Falta la evidencia.',
  delay: (pct: string) => `Va en ${pct} acumulado y el análisis no explica las causas del retraso.`,
  wentDown: 'Es una meta creciente y la ejecución bajó frente al trimestre anterior: ¿se reportó el nivel acumulado?',
  wentUp: 'Es una meta decreciente y el valor subió frente al trimestre anterior: el análisis debe explicarlo.',
  over: (pct: string) => `Sobre ejecución (${pct} acumulado): revisar si la programación era la correcta.`,
  mismatch: (written: string, computed: string) => `El análisis menciona ${written}, pero el % calculado es ${computed}.`,
  leadPending: 'Meta local o transversal: el área que la lidera aún no reporta sus cifras.',
  leadReady: 'Meta local o transversal: el área que la lidera ya reportó; complétala con sus cifras.',
} as const;

/** The bot's texts of the plan de gestión: the `plan` command, the OAP's review card, consents, decisions. */
export const planBotText = {
  command: 'Plan de gestión: los planes y solicitudes que esperan tu revisión (OAP), tus conceptos previos y tus planes devueltos.',
  nothing: { title: 'Nada pendiente en el plan de gestión', text: 'No hay planes, solicitudes ni conceptos previos esperando por ti.' },
  notFound: { title: 'No encontrado', text: 'Este plan o solicitud ya no existe.' },
  stale: { title: 'Esta tarjeta ya no está vigente', text: 'Escribe **plan** para ver lo que espera por ti.' },
  notDone: 'No se pudo completar',
  done: (what: string) => `Listo: «${what}» quedó registrado.`,
  openTab: 'Abrir en la pestaña',
  review: {
    title: (year: number) => `Plan de gestión ${year} · revisión de la OAP`,
    state: (state: string) => `Estado: ${state}`,
    meta: (n: number, statement: string) => `${n}. ${statement}`,
    programming: (type: string, total: string, quarters: string) => `${type} · total ${total} · T1–T4: ${quarters}`,
    checksOk: 'Todas las verificaciones de coherencia se cumplen.',
    issues: (n: number) => `Verificaciones por atender (${n})`,
    observationLabel: (n: number) => `Observación para la meta ${n}`,
    generalLabel: 'Observación general (o una por meta, para devolver)',
    approve: 'Aprobar el plan',
    return: 'Devolver con observaciones',
    history: 'Historial',
    more: (n: number) => `…y ${n} metas más: revísalas en la pestaña.`,
  },
  returned: {
    title: (year: number) => `Tu plan de gestión ${year} fue devuelto`,
    text: (by: string) => `${by} devolvió el plan con observaciones. Ajústalo en la pestaña «Plan de gestión» y envíalo de nuevo a la OAP.`,
    general: 'Observación general',
  },
  endorsed: {
    title: (year: number) => `La OAP aprobó tu plan de gestión ${year}`,
    text: 'Oficialízalo registrando el número del caso HOLA en la pestaña «Plan de gestión» (política 6).',
  },
  consent: {
    title: 'Concepto previo a una modificación del plan de gestión',
    intro: (unit: string, plan: string, why: string) => `${unit} pide modificar una meta de ${plan}. Como ${why}, la modificación necesita tu concepto previo (política 9).`,
    meta: 'Meta',
    change: 'Cambio pedido',
    justification: 'Justificación',
    commentLabel: 'Comentario (obligatorio si el concepto es desfavorable)',
    favorable: 'Concepto favorable',
    unfavorable: 'Concepto desfavorable',
    given: (state: string, by: string) => `Concepto ${state} de ${by}.`,
  },
  decision: {
    title: 'Solicitud de modificación del plan de gestión',
    intro: (unit: string, year: number) => `${unit} pide modificar su plan de gestión ${year}. Los conceptos previos están completos: decide la OAP.`,
    commentLabel: 'Motivo de la decisión',
    approve: 'Aprobar la modificación',
    deny: 'Negar la modificación',
  },
  reminder: {
    label: { title: 'Reporte trimestral del plan de gestión', detail: 'Los últimos días para enviar el reporte del trimestre, el día siguiente al vencimiento si falta, y al líder cuando lleva varios días hábiles de retraso.' },
    window: (quarter: string, unit: string, due: string) => ({ title: `Reporte del plan de gestión: ${quarter}`, text: `**${unit}** debe enviar el reporte del ${quarter} a la OAP a más tardar el ${formatDate(due)}. Metas sin reportar:` }),
    overdue: (quarter: string, unit: string, due: string) => ({ title: `Venció el reporte del plan de gestión del ${quarter}`, text: `El plazo fue el ${formatDate(due)} y **${unit}** aún no envía el reporte. Metas sin reportar:` }),
    escalation: (quarter: string, unit: string, due: string) => ({
      title: `${unit} está atrasada en el reporte del plan de gestión`,
      text: `Como líder, te contamos que el reporte del ${quarter} venció el ${formatDate(due)} y aún no se envía. Metas sin reportar:`,
    }),
    open: 'Abrir el reporte',
  },
} as const;
