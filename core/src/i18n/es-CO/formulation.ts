/** Formulation: a unit's quarterly set, its shape and form alerts, the workflow (es-CO). */
import type { OkrSetState } from '../../types.js';
import { counted } from '../../format/index.js';

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
  import: 'Importó el set de Viva Goals',
};

/** The 1/3/9 shape check. */
export const shapeMessages = {
  strategic: (n: number, std: number) => `El set tiene ${counted(n, 'objetivo estratégico', 'objetivos estratégicos')}; el estándar es ${std}.`,
  tactical: (n: number, std: number) => `El set tiene ${counted(n, 'objetivo táctico', 'objetivos tácticos')}; el estándar es ${std}.`,
  keyResults: (title: string, n: number, std: number) => `«${title}» tiene ${counted(n, 'resultado clave', 'resultados clave')}; el estándar es ${std}.`,
} as const;

/** Form alerts while drafting a set. */
export const qualityMessages = {
  longTitle: (title: string, max: number) => `«${title.slice(0, 40)}…» supera ${max} caracteres: un título corto se lee mejor en las plenarias.`,
  noKrs: (title: string) => `«${title}» no tiene resultados clave.`,
  noTarget: (title: string) => `«${title}» no tiene meta.`,
  targetEqualsBaseline: (title: string) => `«${title}»: la meta es igual a la línea base; no mediría ningún avance.`,
  directionMismatch: (title: string) => `«${title}»: la dirección (aumentar o disminuir) no coincide con la línea base y la meta.`,
  percentageRange: (title: string) => `«${title}»: un porcentaje va de 0 a 100.`,
  milestoneWithNumber: (title: string) => `«${title}» es un hito pero menciona una cifra: ¿no sería mejor un resultado numérico?`,
} as const;

/** Workflow refusals and stale cards. */
export const formulationMessages = {
  /** A draft whose references point nowhere (nothing is stored). */
  draft: {
    unknownInstitutional: (id: string) => `El objetivo institucional «${id}» no existe: elige uno de la lista de la entidad.`,
    duplicateId: (id: string) => `El id «${id}» está repetido: cada objetivo y cada resultado clave lleva uno propio.`,
    noStrategic: 'Falta el objetivo estratégico del set.',
    twoStrategic: (n: number) => `El set tiene ${counted(n, 'objetivo estratégico', 'objetivos estratégicos')}: lleva uno solo.`,
    strategicWithParent: (id: string) => `El objetivo estratégico «${id}» no puede depender de otro objetivo.`,
    tacticalWithoutParent: (id: string) => `El objetivo táctico «${id}» debe depender del objetivo estratégico.`,
    unknownParent: (id: string, parent: string) => `El objetivo «${id}» depende de «${parent}», que no está en el set.`,
    unknownObjective: (id: string, objective: string) => `El resultado clave «${id}» es del objetivo «${objective}», que no está en el set.`,
    unknownOwner: (id: string, owner: string) => `El responsable «${owner}» del resultado clave «${id}» no está en el directorio.`,
  },
  quarterOutOfWindow: (q: string, from: string, to: string) => `No se pueden preparar sets para ${q}: solo para el trimestre en curso (${from}) y el siguiente (${to}).`,
  stale: (what: string) => `Esta tarjeta ya no está al día: ${what} No se hizo ningún cambio.`,
  lastStep: (who: string, action: string, state: string, at: string) => `${who} hizo «${action}» y el set quedó «${state}» (${at}).`,
  nowIn: (state: string) => `el set está «${state}».`,
  onlyEnlace: (unit: string) => `Solo el enlace OKR de ${unit} puede formular su set.`,
  locked: (state: string, next: string) => `El set está «${state}» y no se puede editar. ${next}`,
  /** What comes next for a set that cannot be edited in its state (one sentence, after «no se puede editar»). */
  lockedNext: {
    coach_review: 'Mientras el OKR Coach lo revisa no se edita: si lo devuelve con observaciones, se corrige y se envía de nuevo.',
    leader_approval: 'Mientras el líder decide no se edita: si lo rechaza, se corrige y se envía de nuevo.',
    active: 'Para cambiar un set cargado se inicia un nuevo ciclo de formulación.',
    closed: 'El trimestre de este set terminó: el del siguiente se formula aparte (puedes partir de este con «Reformular»).',
  },
  nothingToCopy: (quarter: string) => `No hay un set de ${quarter} para copiar.`,
} as const;

/** The bot's set card and `revisar`. */
export const formulationBotText = {
  command: 'Sets de OKR que esperan tu revisión (OKR Coach), tu aprobación (líder) o tus ajustes (enlace) — la formulación. La revisión mensual de los reportes es «revisión».',
  nothingToReview: { title: 'Nada por revisar', text: 'No hay sets de OKR esperando tu revisión o aprobación.' },
  staleCard: { title: 'Esta tarjeta ya no está vigente', text: 'Escribe **revisar** para ver los sets que esperan tu revisión.' },
  notDone: 'No se pudo completar',
  done: (action: string) => `Listo: «${action}» quedó registrado. El set está ahora como se ve abajo.`,
  notFound: { title: 'Set no encontrado', text: 'Este set de OKR ya no existe.' },
  notAllowed: { title: 'No puedes ver este set', text: 'Este set de OKR es de otra dependencia: lo ven su enlace, su líder, sus integrantes y los equipos de la entidad.' },
  card: {
    title: (quarter: string) => `Set de OKR · ${quarter}`,
    state: (state: string) => `Estado: ${state}`,
    aligned: (code: string, title: string) => `Se alinea al objetivo institucional ${code}: ${title}`,
    noKeyResults: 'Sin resultados clave',
    alerts: (n: number) => `Alertas de forma (${n})`,
    moreInTab: (n: number) => `…y ${n} más en la pestaña.`,
    noAlerts: 'Sin alertas de forma: 1 objetivo estratégico, 3 tácticos y 9 resultados clave.',
    history: 'Historial',
    reasonLabel: 'Motivo (obligatorio para rechazar)',
    observationsLabel: 'Observaciones (obligatorias para devolver)',
    commentPlaceholder: 'Escribe aquí',
  },
} as const;
