/** Actas: plenarias, actas and their sign-off, the copy to the OAP, commitments and recognitions (es-CO). */

import { counted, endSentence, formatDate, formatDateAndClock } from '../../format/index.js';
/** Plenarias and actas (seed 000, activities 8–9; seed 004). */
export const plenariaKindLabels = { menor: 'Plenaria menor', mayor: 'Plenaria mayor', dialogo: 'Sesión de diálogo', validacion: 'Sesión de validación de datos' } as const;

/**
 * The acta's frozen results section by kind: the unit's OKR results (plenarias), the figures
 * validated in the period (validation sessions, from the PEI module), none (dialogues).
 */
export const actaResultsSection = {
  menor: { title: 'Resultados de los OKR revisados', columns: ['Objetivo', 'Resultado clave', 'Avance', 'Estado'] },
  mayor: { title: 'Resultados de los OKR revisados', columns: ['Objetivo', 'Resultado clave', 'Avance', 'Estado'] },
  dialogo: null,
  validacion: { title: 'Cifras validadas del periodo', columns: ['Conjunto de datos', 'Cifra', 'Valor', 'Validación'] },
} as const;
export const modalityLabels = { presencial: 'Presencial', virtual: 'Virtual', mixta: 'Mixta' } as const;
export const actaStateLabels = { none: 'Sin acta', draft: 'Borrador', partially_signed: 'Firmada parcialmente', signed: 'Firmada' } as const;
export const signatureRoleLabels = { secretary: 'Secretario/a', presiding: 'Preside' } as const;
export const oapStatusLabels = { a_tiempo: 'A tiempo', vencida: 'Vencida', pendiente: 'Pendiente' } as const;
export const commitmentStatusLabels = { abierto: 'Abierto', en_curso: 'En curso', cumplido: 'Cumplido', cancelado: 'Cancelado' } as const;

/** Rules and refusals of plenarias, actas and commitments (core, services, the tab's forms). */
export const actaMessages = {
  alreadySigned: 'El acta ya está firmada por ambas partes; una corrección se hace en una nueva versión.',
  onlySecretary: 'Solo el secretario designado puede firmar como secretario.',
  onlyPresiding: 'Solo quien preside la plenaria puede firmar como presidente.',
  signedTwice: 'Ya firmaste esta acta.',
  mayorOutsideWindow: (days: number, last: string) => `La plenaria mayor debe hacerse en los primeros ${days} días hábiles del semestre (hasta el ${formatDate(last)}).`,
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
  presidingMustLead: (name: string, unit: string) => `${name} no puede presidir: la plenaria menor de ${unit} la preside su líder, que firma el acta.`,
  presidingMustLeadOrSecretario: (name: string, unit: string) => `${name} no puede presidir: la plenaria mayor de ${unit} la preside su líder o el Secretario/a.`,
  presidingMustBeOap: (name: string) => `${name} no puede presidir: la sesión de validación de cifras la preside la Oficina Asesora de Planeación (su jefe/a o quien tiene el rol OAP) o el Secretario/a.`,
  presidingMustBeSecretario: (name: string) => `${name} no puede presidir: la plenaria mayor de la entidad y las sesiones de diálogo las preside el Secretario/a.`,
  storedBadDate: (date: string) => `La fecha guardada «${date}» no existe en el calendario: reprograma o cancela esta plenaria.`,
  cannotChange: 'Solo quien puede programar esta plenaria puede reprogramarla o cancelarla.',
  alreadyCancelled: (reason: string) => `Esta plenaria ya está cancelada (motivo: ${reason}).`,
  changeSigned: 'El acta de esta plenaria ya está firmada por ambas partes: la plenaria se realizó. Para cambiar lo que dice, abre una corrección del acta.',
  changeReason: 'Escribe el motivo: queda en el historial y les llega a quienes se avisa.',
  cancelledActa: (reason: string) => `Esta plenaria está cancelada (motivo: ${reason}): su acta no se escribe ni se firma.`,
  sameSchedule: 'La fecha, la hora, la modalidad y el lugar son los mismos: no hay nada que reprogramar.',
  duplicateSlot: (date: string, time: string) => endSentence(`Ya hay otra plenaria de esta dependencia programada el ${formatDateAndClock(date, time, 'long')}`),
  recognitionTarget: (n: number) => `Reconocimiento ${n}: indica una persona o un equipo (uno de los dos).`,
  recognitionReason: (n: number) => `Reconocimiento ${n}: escribe el motivo.`,
  duplicateCommitment: (n: number) => `Compromiso ${n}: está repetido.`,
  commitmentTask: (n: number) => `Compromiso ${n}: escribe la tarea.`,
  commitmentOwner: (n: number) => `Compromiso ${n}: elige un responsable del directorio.`,
  commitmentDue: (n: number) => `Compromiso ${n}: la fecha no es válida (AAAA-MM-DD).`,
  commitmentDueBefore: (n: number, date: string) => `Compromiso ${n}: la fecha debe ser posterior a la plenaria (${formatDate(date)}).`,
  missing: {
    objective: 'el objetivo de la reunión',
    attendees: 'los asistentes',
    agenda: 'el orden del día',
    development: 'el desarrollo de la reunión',
    proposals: 'las propuestas del diálogo',
    cfr: 'las conversaciones, la retroalimentación o los reconocimientos (CFR)',
  },
  notReady: (what: string) => `Antes de firmar falta: ${what}.`,
  notHeldYet: (date: string, time: string) => `${endSentence(`El acta se firma y se envía a la OAP después de la plenaria: se abre el ${formatDateAndClock(date, time, 'long')}`)} Mientras tanto puedes seguir escribiéndola.`,
  resultsBeforePlenaria: 'Los resultados de los OKR del acta se tomaron antes de la plenaria: pulsa «Actualizar resultados» para tomarlos a la fecha de la plenaria antes de pedir las firmas.',
  notEditor: 'Solo el enlace o el líder de la dependencia, el secretario/a designado y quien preside pueden escribir esta acta.',
  notStarted: 'Esta plenaria aún no tiene acta.',
  alreadyStarted: 'El acta ya existe; ábrela para seguir escribiéndola.',
  oldVersion: (v: number) => `Esta no es la última versión del acta (la última es la ${v}).`,
  staleEdit: 'Otra persona guardó el acta mientras la editabas. Tus cambios no se guardaron: recarga para ver la versión actual.',
  sendUnsigned: 'Solo se envía a la OAP el acta firmada por quien preside y por el secretario/a.',
  alreadySent: (on: string) => `Esta versión del acta ya se envió a la OAP el ${formatDate(on)}.`,
  correctUnsigned: 'Solo se corrige un acta firmada; mientras tanto se edita directamente.',
  correctionReason: 'Escribe el motivo de la corrección.',
  commitmentChangedBy: (v: number) => `Compromiso modificado en la versión ${v} del acta.`,
  commitmentDroppedBy: (v: number) => `Compromiso retirado en la versión ${v} del acta.`,
  notCommitmentOwner: 'Solo el responsable del compromiso, o el enlace o el líder de la dependencia, pueden actualizarlo.',
  impactRequired: 'Para cerrar un compromiso como cumplido, describe su impacto.',
  cancelNoteRequired: 'Para cancelar un compromiso, escribe en la nota por qué.',
  nothingChanged: 'No hay cambios que guardar.',
  staleCommitment: 'Otra persona actualizó este compromiso. Recarga para ver su estado actual; no se guardó nada.',
} as const;

/** An acta's history, as the tab shows it: what each kind of change did. */
export const actaHistoryLabels = {
  create: 'Comenzó el acta',
  edit: 'Editó el acta',
  snapshot: 'Actualizó los resultados de los OKR',
  sign: 'Firmó',
  send_oap: 'Registró el envío a la OAP',
  correct: 'Abrió una corrección',
  file: 'Guardó el .docx firmado',
  reschedule: 'Reprogramó la plenaria',
  cancel: 'Canceló la plenaria',
} as const;

/** The bot's sign-off card, the commitments card, `actas` and `compromisos`. */
export const actasBotText = {
  commands: {
    actas: 'Actas de plenarias que esperan tu firma (secretario/a o quien preside).',
    commitments: 'Tus compromisos abiertos de plenarias y diálogos: actualiza su estado, una nota o su impacto.',
  },
  nothingToSign: {
    title: 'Nada por firmar',
    text: 'No hay actas esperando tu firma. Cuando el secretario/a pida las firmas de un acta que te corresponde, te llegará aquí.',
  },
  notFound: { title: 'Acta no encontrada', text: 'Esta plenaria ya no existe.' },
  notAllowed: { title: 'No puedes ver esta acta', text: 'Esta acta es de una plenaria de otra dependencia. La ven su dependencia, quienes la presiden y firman, y los equipos de la entidad (ETI, OAP).' },
  /** To the people of a plenaria that was moved or cancelled. */
  changed: {
    rescheduledTitle: 'Plenaria reprogramada',
    cancelledTitle: 'Plenaria cancelada',
    rescheduled: (by: string, from: string, to: string) => endSentence(`${by} la pasó del ${from} al ${to}`),
    cancelled: (by: string, when: string) => `${endSentence(`${by} canceló la plenaria del ${when}`)} Su acta queda cerrada.`,
    reason: 'Motivo',
    actaFollows: 'El acta sigue a la plenaria: su hora y los resultados de los OKR se actualizaron a la nueva fecha, y las firmas que tuviera deben darse de nuevo.',
    open: 'Ver las plenarias',
  },
  /** On the card sent to each signer when the secretary asks for the signatures. */
  yourTurn: 'Te corresponde firmar esta acta. Revísala (el texto completo está en la pestaña) y firma tu parte.',
  signedBoth:
    'Firmaste. El acta quedó firmada por ambas partes: ya no cambia, su .docx quedó guardado y sus compromisos pasaron al seguimiento. Falta enviar la copia a la OAP.',
  signedOne: (missing: string) => `Firmaste. Falta la firma de ${missing}.`,
  sentToOap: (on: string, onTime: boolean) => `Quedó registrado el envío a la OAP el ${formatDate(on)} (${onTime ? 'a tiempo' : 'fuera del plazo'}).`,
  card: {
    signed: 'Acta firmada',
    toSign: 'Acta para firmar',
    state: (state: string, version: number) => `Estado: ${state}${version > 1 ? ` · versión ${version}` : ''}`,
    signedOn: (at: string) => `Firmó el ${at}`,
    pending: 'Pendiente',
    date: 'Fecha',
    modality: 'Modalidad',
    copy: 'Copia a la OAP',
    copySent: (status: string, on: string) => `${status}: enviada el ${formatDate(on)}`,
    copyDue: (status: string, deadline: string) => `${status} · vence el ${formatDate(deadline)}`,
    correction: (version: number, reason: string) => `Corrección de la versión ${version}: ${reason}`,
    objective: 'Objetivo',
    decisions: 'Decisiones',
    commitments: 'Compromisos',
    proposals: 'Propuestas',
    recognitions: (n: number) => `${counted(n, 'reconocimiento', 'reconocimientos')} en el acta.`,
    more: (n: number) => `…y ${n} más en la pestaña.`,
    signAsSecretary: 'Firmar como secretario/a',
    signAsPresiding: 'Firmar como quien preside',
    sendToOap: 'Enviar a la OAP',
    viewFull: 'Ver el acta completa',
  },
  commitments: {
    title: 'Tus compromisos',
    none: 'No tienes compromisos abiertos. Los compromisos llegan aquí cuando se firma el acta de una plenaria o de una sesión de diálogo que te los asigna.',
    count: (open: number, overdue: number) => `${counted(open, 'abierto', 'abiertos')}${overdue ? `, ${counted(overdue, 'vencido', 'vencidos')}` : ''}.`,
    more: (n: number) => `…y ${n} más en la pestaña «Compromisos».`,
    viewAll: 'Ver todos en la pestaña',
    line: (status: string, due: string, overdue: boolean, plenaria: string, unit: string, date: string) =>
      `${status} · vence el ${formatDate(due)}${overdue ? ' · VENCIDO' : ''} · ${plenaria} de ${unit} (${formatDate(date)})`,
    lastFollowUp: (note: string, by: string) => `Último seguimiento: «${note}» (${by})`,
    impact: (impact: string) => `Impacto: ${impact}`,
    update: 'Actualizar',
    statusLabel: 'Estado',
    noteLabel: 'Nota de seguimiento (obligatoria para cancelar)',
    impactLabel: 'Impacto (obligatorio para cerrarlo como cumplido)',
    impactKept: 'Si lo dejas vacío, se conserva el impacto registrado.',
    save: 'Guardar',
    chooseStatus: 'Elige el estado del compromiso.',
    updated: (task: string, status: keyof typeof commitmentStatusLabels) => `Quedó registrado: «${task}» está ${statusWords[status]}.`,
  },
} as const;

/** A commitment's status inside a sentence («está en curso»). */
const statusWords: Record<keyof typeof commitmentStatusLabels, string> = { abierto: 'abierto', en_curso: 'en curso', cumplido: 'cumplido', cancelado: 'cancelado' };
