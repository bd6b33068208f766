/** Actas: plenarias, actas and their sign-off, the copy to the OAP, commitments and recognitions (es-CO). */

/** Plenarias and actas (seed 000, activities 8–9; seed 004). */
export const plenariaKindLabels = { menor: 'Plenaria menor', mayor: 'Plenaria mayor', dialogo: 'Sesión de diálogo' } as const;
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
} as const;
