/**
 * Every user-facing string of the app (es-CO). Bot cards, REST errors and tabs all read from here.
 * Functions take what varies; plain strings do not.
 */
import type { OkrSetState, Role } from '../types.js';
import type { Status } from '../status.js';

export const statusLabels: Record<Status, string> = {
  no_iniciado: 'No iniciado',
  en_curso: 'En curso',
  atrasado: 'Atrasado',
  en_riesgo: 'En riesgo',
  completado: 'Completado',
};

export const roleLabels: Record<Role, string> = {
  lider: 'Líder',
  enlace: 'Enlace OKR',
  coach: 'OKR Coach',
  eti: 'Equipo ETI',
  oap: 'Oficina Asesora de Planeación',
  dti: 'DTI',
  secretario: 'Secretario/a',
  miembro: 'Integrante',
};

/** States of a unit's quarterly OKR set (formulation workflow). */
export const setStateLabels: Record<OkrSetState, string> = {
  draft: 'Borrador',
  coach_review: 'En revisión del OKR Coach',
  returned: 'Devuelto con observaciones',
  leader_approval: 'En aprobación del líder',
  rejected: 'Rechazado por el líder',
  active: 'Cargado',
  closed: 'Cerrado',
};

/** Plenarias and actas (seed 000, activities 8–9; seed 004). */
export const plenariaKindLabels = { menor: 'Plenaria menor', mayor: 'Plenaria mayor', dialogo: 'Sesión de diálogo' } as const;
export const modalityLabels = { presencial: 'Presencial', virtual: 'Virtual', mixta: 'Mixta' } as const;
export const actaStateLabels = { none: 'Sin acta', draft: 'Borrador', partially_signed: 'Firmada parcialmente', signed: 'Firmada' } as const;
export const signatureRoleLabels = { secretary: 'Secretario/a', presiding: 'Preside' } as const;
export const oapStatusLabels = { a_tiempo: 'A tiempo', vencida: 'Vencida', pendiente: 'Pendiente' } as const;
export const commitmentStatusLabels = { abierto: 'Abierto', en_curso: 'En curso', cumplido: 'Cumplido', cancelado: 'Cancelado' } as const;

export const kindLabels = { percentage: 'Porcentaje', number: 'Número', milestone: 'Hito' } as const;

/** Names of workflow steps as the history shows them (create and edit are the enlace's drafting). */
export const setEventLabels: Record<string, string> = {
  create: 'Creó el borrador',
  edit: 'Editó el borrador',
  submit: 'Envió a revisión',
  approveForm: 'Aprobó la forma',
  returnToEnlace: 'Devolvió con observaciones',
  approve: 'Aprobó',
  reject: 'Rechazó',
  resubmit: 'Envió de nuevo al líder',
  close: 'Cerró el trimestre',
};

export const fieldLabels = { value: 'Avance', comment: 'Comentario', evidenceUrl: 'Enlace a la evidencia' } as const;

export const msg = {
  shape: {
    strategic: (n: number, std: number) => `El set tiene ${n} objetivos estratégicos; el estándar es ${std}.`,
    tactical: (n: number, std: number) => `El set tiene ${n} objetivos tácticos; el estándar es ${std}.`,
    keyResults: (title: string, n: number, std: number) => `«${title}» tiene ${n} resultados clave; el estándar es ${std}.`,
  },
  actas: {
    alreadySigned: 'El acta ya está firmada por ambas partes; una corrección se hace en una nueva versión.',
    onlySecretary: 'Solo el secretario designado puede firmar como secretario.',
    onlyPresiding: 'Solo quien preside la plenaria puede firmar como presidente.',
    signedTwice: 'Ya firmaste esta acta.',
    mayorOutsideWindow: (days: number, last: string) => `La plenaria mayor debe hacerse en los primeros ${days} días hábiles del semestre (hasta el ${last}).`,
    noMenor: (unit: string) => `${unit} no tiene plenaria menor en el trimestre.`,
    copyStatus: { a_tiempo: 'A tiempo', vencida: 'Vencida', pendiente: 'Pendiente' },
    /** Who an entity-wide plenaria mayor or dialogue session belongs to. */
    entityName: 'Secretaría Distrital de Gobierno',
    menorNeedsUnit: 'Una plenaria menor es de una dependencia: elige cuál.',
    badDate: (d: string) => `«${d}» no es una fecha válida (AAAA-MM-DD).`,
    badTime: (t: string) => `«${t}» no es una hora válida (HH:MM, de 00:00 a 23:59).`,
    badTimeOf: (which: string, t: string) => `La hora de ${which} «${t}» no es válida (HH:MM).`,
    endBeforeStart: 'La hora de fin debe ser posterior a la de inicio.',
    placeRequired: 'Escribe el lugar de la plenaria.',
    linkRequired: 'Una plenaria virtual o mixta necesita el enlace de la reunión de Teams.',
    linkHttps: 'El enlace de la reunión debe empezar por https://.',
    sameSigner: 'Quien preside y el secretario/a deben ser personas distintas: el acta lleva las dos firmas.',
    secondMenor: 'La dependencia ya tiene una plenaria menor en este trimestre; esta queda programada también.',
    cannotSchedule: 'No puedes programar esta plenaria: las plenarias menores las programan el enlace o el líder de la dependencia; las mayores y los diálogos, la OAP, el equipo ETI o el Despacho.',
    unknownPeople: (ids: string) => `No están en el directorio: ${ids}.`,
    recognitionTarget: (n: number) => `Reconocimiento ${n}: indica una persona o un equipo (uno de los dos).`,
    recognitionReason: (n: number) => `Reconocimiento ${n}: escribe el motivo.`,
    duplicateCommitment: (n: number) => `Compromiso ${n}: está repetido.`,
    commitmentTask: (n: number) => `Compromiso ${n}: escribe la tarea.`,
    commitmentOwner: (n: number) => `Compromiso ${n}: elige un responsable del directorio.`,
    commitmentDue: (n: number) => `Compromiso ${n}: la fecha no es válida (AAAA-MM-DD).`,
    commitmentDueBefore: (n: number, date: string) => `Compromiso ${n}: la fecha debe ser posterior a la plenaria (${date}).`,
    missing: {
      objective: 'el objetivo de la reunión',
      attendees: 'los asistentes',
      agenda: 'el orden del día',
      development: 'el desarrollo de la reunión',
      proposals: 'las propuestas del diálogo',
      cfr: 'las conversaciones, la retroalimentación o los reconocimientos (CFR)',
    },
    notReady: (what: string) => `Antes de firmar falta: ${what}.`,
    notEditor: 'Solo el enlace o el líder de la dependencia, el secretario/a designado y quien preside pueden escribir esta acta.',
    notStarted: 'Esta plenaria aún no tiene acta.',
    alreadyStarted: 'El acta ya existe; ábrela para seguir escribiéndola.',
    oldVersion: (v: number) => `Esta no es la última versión del acta (la última es la ${v}).`,
    staleEdit: 'Otra persona guardó el acta mientras la editabas. Tus cambios no se guardaron: recarga para ver la versión actual.',
    signatureWithdrawn: 'El acta cambió después de una firma: la firma se retiró y deben firmar de nuevo.',
    sendUnsigned: 'Solo se envía a la OAP el acta firmada por quien preside y por el secretario/a.',
    alreadySent: (on: string) => `Esta versión del acta ya se envió a la OAP el ${on}.`,
    correctUnsigned: 'Solo se corrige un acta firmada; mientras tanto se edita directamente.',
    correctionReason: 'Escribe el motivo de la corrección.',
    commitmentChangedBy: (v: number) => `Compromiso modificado en la versión ${v} del acta.`,
    commitmentDroppedBy: (v: number) => `Compromiso retirado en la versión ${v} del acta.`,
    notCommitmentOwner: 'Solo el responsable del compromiso, o el enlace o el líder de la dependencia, pueden actualizarlo.',
    impactRequired: 'Para cerrar un compromiso como cumplido, describe su impacto.',
    cancelNoteRequired: 'Para cancelar un compromiso, escribe en la nota por qué.',
    nothingChanged: 'No hay cambios que guardar.',
    staleCommitment: 'Otra persona actualizó este compromiso. Recarga para ver su estado actual; no se guardó nada.',
  },
  formulation: {
    stale: (what: string) => `Esta tarjeta ya no está al día: ${what} No se hizo ningún cambio.`,
    lastStep: (who: string, action: string, state: string, at: string) => `${who} hizo «${action}» y el set quedó «${state}» (${at}).`,
    nowIn: (state: string) => `el set está «${state}».`,
    onlyEnlace: (unit: string) => `Solo el enlace OKR de ${unit} puede formular su set.`,
    locked: (state: string) => `El set está «${state}» y no se puede editar. Para cambiar un set cargado se inicia un nuevo ciclo de formulación.`,
    nothingToCopy: (quarter: string) => `No hay un set de ${quarter} para copiar.`,
  },
  quality: {
    longTitle: (title: string, max: number) => `«${title.slice(0, 40)}…» supera ${max} caracteres: un título corto se lee mejor en las plenarias.`,
    noKrs: (title: string) => `«${title}» no tiene resultados clave.`,
    tooManyKrs: (title: string, n: number) => `«${title}» tiene ${n} resultados clave; el estándar es 3.`,
    noTarget: (title: string) => `«${title}» no tiene meta.`,
    targetEqualsBaseline: (title: string) => `«${title}»: la meta es igual a la línea base; no mediría ningún avance.`,
    directionMismatch: (title: string) => `«${title}»: la dirección (aumentar o disminuir) no coincide con la línea base y la meta.`,
    percentageRange: (title: string) => `«${title}»: un porcentaje va de 0 a 100.`,
    milestoneWithNumber: (title: string) => `«${title}» es un hito pero menciona una cifra: ¿no sería mejor un resultado numérico?`,
  },
  checkIn: {
    valueRequired: 'escribe el avance.',
    valueNotNumber: (raw: string) => `«${raw}» no es un número. Usa cifras, por ejemplo 45 o 45,5.`,
    percentageRange: 'debe estar entre 0 y 100.',
    numberNegative: 'no puede ser negativo.',
    numberTooLarge: (max: string) => `es demasiado grande para este resultado clave (máximo ${max}). Revisa la cifra.`,
    milestoneChoice: 'elige «Cumplido» o «No cumplido».',
    commentRequired: 'escribe un comentario que muestre el avance.',
    commentTooLong: (max: number) => `no puede superar ${max.toLocaleString('es-CO')} caracteres.`,
    noMarkup: 'no puede contener etiquetas HTML ni código.',
    evidenceRequired: 'pega el enlace donde se consulta la evidencia.',
    evidenceNotHttps: 'debe ser un enlace https:// válido (por ejemplo, la carpeta de SharePoint o OneDrive).',
    evidenceTooLong: (max: number) => `no puede superar ${max.toLocaleString('es-CO')} caracteres.`,
    unknownKeyResult: 'Este resultado clave ya no hace parte del set del trimestre. Pide de nuevo la tarjeta con «check-in».',
    fieldError: (krTitle: string, field: string, problem: string) => `«${krTitle}» — ${field}: ${problem}`,
    periodNotOpen: (month: string) => `El periodo de ${month} ya no recibe reportes desde esta tarjeta. Escribe «check-in» para reportar el mes actual.`,
    nothingTyped: 'No escribiste ningún avance. Completa al menos un resultado clave (avance, comentario y enlace a la evidencia).',
    monthClosed: (unit: string, month: string) =>
      `El equipo ETI ya cerró el reporte de ${month} de ${unit}: no se puede modificar. Si hay un error, pide al equipo ETI que solicite una corrección.`,
  },
  errors: {
    notAllowedUnit: (unit: string) => `No puedes reportar avances de ${unit}: solo su enlace o su líder pueden hacerlo.`,
    notInDirectory: 'No te encontramos en el directorio de enlaces OKR de la Secretaría.',
    noActiveSet: (unit: string, quarter: string) => `${unit} no tiene un set de OKR activo para ${quarter}.`,
    conflict: 'Otra persona cambió este dato; recarga para ver la versión actual.',
    storeBusy: 'SharePoint está ocupado en este momento y no se guardó nada. Intenta de nuevo en unos minutos.',
    notFound: 'No encontramos lo que buscas.',
    invalidRequest: 'La solicitud no es válida.',
    unauthenticated: 'Inicia sesión para continuar.',
    sessionInvalid: 'No pudimos validar tu sesión de Microsoft Teams. Cierra y vuelve a abrir la pestaña; si el problema sigue, avisa a la DTI.',
    sessionExpired: 'Tu sesión de Microsoft Teams venció. Vuelve a abrir la pestaña para continuar.',
    forbidden: 'No tienes permiso para ver esta información.',
    dashboardOnlyEntity: 'El tablero de la entidad es para el equipo ETI, la Oficina Asesora de Planeación, los OKR Coach y la alta dirección.',
    internal: 'Algo salió mal de nuestro lado. Intenta de nuevo en un momento; si persiste, avisa a la DTI.',
  },
} as const;

/** Reminder kinds as people see them in `recordatorios` and the administrator's view. */
export const reminderKindLabels = {
  checkin_window: { title: 'Apertura del check-in', detail: 'Cuando se abre el check-in del mes (últimos días hábiles) y a tu unidad le falta reportar.' },
  checkin_missing: { title: 'Check-in vencido', detail: 'El primer día hábil después del cierre del mes, si quedó algo sin reportar.' },
  leader_escalation: { title: 'Aviso al líder', detail: 'Cuando tu unidad lleva varios días hábiles de retraso en el check-in.' },
  eti_digest: { title: 'Resumen para el equipo ETI', detail: 'Las unidades que aún no reportan el mes anterior.' },
  approvals_digest: {
    title: 'Resumen de aprobaciones y firmas',
    detail: 'Cada semana, el primer día hábil: los sets de OKR que esperan tu aprobación y las actas que esperan tu firma. Si no hay nada, no llega.',
  },
  coach_digest: { title: 'Resumen para el OKR Coach', detail: 'Cada semana, el primer día hábil: los sets de OKR que esperan tu revisión. Si no hay nada, no llega.' },
  oap_digest: {
    title: 'Resumen para la OAP',
    detail: 'Cada semana, el primer día hábil: actas con la copia a la OAP vencida o por vencer y, en el último mes del trimestre, las unidades sin plenaria menor.',
  },
} as const;
