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
    notFound: 'No encontramos lo que buscas.',
    invalidRequest: 'La solicitud no es válida.',
    unauthenticated: 'Inicia sesión para continuar.',
    forbidden: 'No tienes permiso para ver esta información.',
    internal: 'Algo salió mal de nuestro lado. Intenta de nuevo en un momento; si persiste, avisa a la DTI.',
  },
} as const;

/** Texts of the Mis OKR tab. */
export const tabText = {
  appTitle: 'Mis OKR',
  organisation: 'Secretaría Distrital de Gobierno',
  starting: 'Iniciando…',
  loadingMe: 'Cargando tu información…',
  loadingTree: 'Cargando los OKR…',
  loadingPeople: 'Cargando el directorio de demostración…',
  greeting: (name: string) => `Hola, ${name}`,
  retry: 'Reintentar',

  unitLabel: 'Dependencia',
  unitPlaceholder: 'Elige una dependencia',
  quarterLabel: 'Trimestre',
  currentQuarter: 'actual',
  centralGroup: 'Nivel central',
  alcaldiasGroup: 'Alcaldías locales',
  requestedUnitUnavailable: (requested: string, shown: string) =>
    `El enlace pedía la dependencia «${requested}», que no está entre las tuyas. Te mostramos ${shown}.`,

  meErrorTitle: 'No pudimos cargar tu información',
  treeErrorTitle: 'No pudimos cargar los OKR',
  networkError: 'No pudimos comunicarnos con el servidor. Revisa tu conexión e intenta de nuevo.',
  ssoError: 'No pudimos obtener tu sesión de Microsoft Teams. Cierra y vuelve a abrir la pestaña; si el problema sigue, avisa a la DTI.',

  noUnitsTitle: 'Aún no tienes dependencias asignadas',
  noUnitsBody: 'Pide al equipo ETI que te registre en el directorio de enlaces OKR de tu dependencia.',

  emptyTitle: (quarter: string) => `Sin OKR para ${quarter}`,
  emptyBody: (unit: string) =>
    `${unit} no tiene un set de OKR para este trimestre. El enlace OKR lo formula con el equipo; cuando el OKR Coach lo revise y el líder lo apruebe, aparecerá aquí. Mientras tanto puedes consultar otro trimestre.`,
  noStrategic: 'El set de este trimestre todavía no tiene objetivo estratégico.',

  strategicEyebrow: 'Objetivo estratégico',
  tacticalEyebrow: (n: number) => `Objetivo táctico ${n}`,
  alignedWith: 'Aporta al objetivo institucional',
  setState: setStateLabels,
  asOf: (date: string) => `Corte: ${date}`,
  expectedToday: (percent: string) => `Avance esperado a hoy: ${percent}`,
  expectedShort: (percent: string) => `esperado ${percent}`,
  markerLegend: 'La línea vertical en cada barra marca el avance esperado a la fecha de corte.',
  keyResultsCount: (n: number) => (n === 1 ? '1 resultado clave' : `${n} resultados clave`),
  statusSummaryLabel: 'Resultados clave por estado',

  progressAria: (title: string) => `Avance de «${title}»`,
  progressValueText: (percent: string, expected: string) => `${percent}; esperado a hoy ${expected}`,
  realProgress: (percent: string) => `Avance real: ${percent}`,
  baselineToTarget: (baseline: string, target: string) => `Línea base ${baseline} → meta ${target}`,
  lessIsBetter: 'menos es mejor',
  milestoneTarget: 'Meta: cumplir el hito',
  milestoneDone: 'Cumplido',
  milestoneNotDone: 'No cumplido',
  latestValue: (value: string) => `Valor reportado: ${value}`,
  latestMonth: (month: string) => `Reporte de ${month}`,
  noReports: 'Sin reportes este trimestre',
  evidence: 'Ver evidencia',
  evidenceAria: (title: string) => `Ver evidencia de «${title}» (se abre en una pestaña nueva)`,

  shapeTitle: 'Este set no sigue la forma estándar',
  shapeIntro:
    'El procedimiento pide 1 objetivo estratégico, 3 objetivos tácticos y 3 resultados clave por cada uno (9 en total). El OKR Coach revisa estas diferencias con el equipo.',

  report: 'Reportar avance',
  reportAria: (title: string) => `Reportar avance de «${title}»`,
  reportTitle: (month: string) => `Reportar avance de ${month}`,
  reportMilestone: 'Estado del hito',
  reportValuePercent: 'Avance (%)',
  reportValue: (unit: string) => `Avance (${unit})`,
  reportComment: 'Comentario del avance',
  reportCommentHint: 'Qué se logró este mes, con cifras (hasta 2.000 caracteres).',
  reportEvidence: 'Enlace a la evidencia (https)',
  reportCancel: 'Cancelar',
  reportSave: 'Guardar',
  reportSaving: 'Guardando…',
  reportSaved: (title: string) => `Se guardó el avance de «${title}».`,

  viewsLabel: 'Vistas de la dependencia',
  viewTree: 'Árbol de OKR',
  viewFormulation: 'Formulación',
  nextQuarter: 'en formulación',

  editor: {
    title: (quarter: string) => `Formulación · ${quarter}`,
    intro: 'El enlace formula el set con el equipo: 1 objetivo estratégico alineado a un objetivo institucional, 3 objetivos tácticos y 3 resultados clave por cada uno. El OKR Coach revisa la forma y el líder lo aprueba.',
    noSet: (quarter: string) => `Aún no hay un set para ${quarter}.`,
    reformulate: (quarter: string) => `Reformular desde ${quarter}`,
    startBlank: 'Empezar en blanco',
    strategic: 'Objetivo estratégico',
    institutional: 'Se alinea al objetivo institucional',
    tactical: (n: number) => `Objetivo táctico ${n}`,
    krTitle: (t: number, k: number) => `Resultado clave ${t}.${k}`,
    kind: 'Tipo',
    unit: 'Unidad de medida',
    baseline: 'Línea base',
    target: 'Meta',
    addKr: 'Agregar resultado clave',
    removeKr: (t: number, k: number) => `Quitar el resultado clave ${t}.${k}`,
    addTactical: 'Agregar objetivo táctico',
    removeTactical: (n: number) => `Quitar el objetivo táctico ${n}`,
    characters: (n: number, max: number) => `${n}/${max} caracteres`,
    shapeOk: 'Forma estándar: 1 objetivo estratégico, 3 tácticos y 9 resultados clave.',
    alertsTitle: (n: number) => (n === 1 ? '1 alerta de forma' : `${n} alertas de forma`),
    alertsHint: 'Son avisos para ti y para el OKR Coach; no impiden guardar.',
    blockingTitle: 'Antes de guardar',
    save: 'Guardar borrador',
    saving: 'Guardando…',
    saved: 'Borrador guardado.',
    copied: (quarter: string) => `Se copió el set de ${quarter} como borrador, sin avances. Ajústalo con el equipo y guárdalo.`,
    submit: 'Enviar a revisión del OKR Coach',
    resubmit: 'Enviar de nuevo al líder',
    submitted: 'Enviado. El OKR Coach lo revisará y recibirás sus observaciones aquí y en el chat.',
    readOnly: (state: string) => `El set está «${state}»: solo se puede leer. Para cambiar un set cargado se inicia un nuevo ciclo de formulación.`,
    onlyEnlace: 'Solo el enlace OKR de la unidad edita el set; aquí puedes consultarlo.',
    returnedTitle: 'El OKR Coach devolvió el set con observaciones',
    rejectedTitle: 'El líder rechazó el set',
    history: 'Historial',
    historyEmpty: 'Sin movimientos todavía.',
    state: 'Estado',
  },

  devSwitch: 'Cambiar identidad (desarrollo)',
  devPickerTitle: 'Elige con quién entrar',
  devPickerIntro:
    'Fuera de Microsoft Teams la pestaña actúa en nombre de una persona del directorio de demostración. Esta opción solo existe en el entorno de desarrollo.',
  devSearchLabel: 'Buscar persona',
  devSearchPlaceholder: 'Nombre, cargo, rol o dependencia',
  devNoMatches: 'Nadie coincide con la búsqueda.',
  devCount: (shown: number, total: number) => (shown === total ? `${total} personas` : `${shown} de ${total} personas`),
  devCurrent: 'Identidad actual',
  devCancel: 'Volver',
  devUnavailable:
    'Este servidor no permite identidades de desarrollo. Abre la pestaña desde Microsoft Teams para entrar con tu cuenta.',
  devEntityWide: 'Toda la entidad',
} as const;
