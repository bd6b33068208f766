/** Review: the ETI's monthly review of each unit's report, and the quarter close (es-CO). */
import type { UnitMonthState } from '../../review.js';
import type { ReviewFlagCode } from '../../reviewFlags.js';
import { formatDate } from '../../format/index.js';

/** A unit's month as the ETI's queue shows it. */
export const unitMonthStateLabels: Record<UnitMonthState, string> = {
  sin_reportar: 'Sin reportar',
  incompleto: 'Incompleto',
  por_revisar: 'Por revisar',
  correccion_pedida: 'Corrección pedida',
  corregido: 'Corregido',
  cerrado: 'Cerrado',
};

/** What the unit's people read about their month (the check-in card, the tab). */
export const unitMonthStateForUnit: Record<UnitMonthState, string> = {
  sin_reportar: 'Sin reportes todavía',
  incompleto: 'Reporte incompleto',
  por_revisar: 'En revisión del equipo ETI',
  correccion_pedida: 'El equipo ETI pidió una corrección',
  corregido: 'Corrección enviada: en revisión del equipo ETI',
  cerrado: 'Cerrado por el equipo ETI',
};

/** Names of the review's steps, as the history shows them. */
export const reviewActionLabels = {
  close: 'Cerró el mes',
  request_correction: 'Pidió una corrección',
  corrected: 'Corrigió los reportes',
} as const;

/** One sentence per consistency flag, saying why the ETI should look (reviewFlags.ts). */
export const reviewFlagMessages = {
  evidence_missing: 'No tiene enlace a la evidencia.',
  evidence_unreachable: (why: string) => `El enlace a la evidencia no parece consultable: ${why}.`,
  evidence_repeated: (month: string) => `Usa el mismo enlace a la evidencia que en ${month}.`,
  percent_mismatch: (written: string, reported: string) => `El comentario menciona ${written}, pero lo reportado es ${reported}.`,
  drop_unexplained: (from: string, to: string) => `El avance bajó de ${from} a ${to} frente al mes anterior y el comentario no lo explica.`,
  jump: (points: number, limit: number) => `El avance subió ${points} puntos en un mes (más de ${limit}): confirma que la cifra sea correcta.`,
  progress_without_work: 'Reporta avance, pero el comentario dice que no se hizo nada.',
  comment_too_short: (words: number) => (words === 0 ? 'El comentario no tiene palabras.' : 'El comentario tiene una sola palabra: no explica el avance.'),
  milestone_without_evidence: 'El hito figura cumplido pero no tiene una evidencia consultable.',
} as const satisfies Record<ReviewFlagCode, unknown>;

/** Why an evidence link does not look reachable (the end of `evidence_unreachable`). */
export const evidenceProblems = {
  notUrl: 'no es una dirección web',
  notHttps: 'no empieza por https://',
  localHost: 'apunta a un equipo local o a una dirección interna',
  exampleHost: 'es una dirección de ejemplo',
  noPath: 'lleva solo al sitio, no a un documento o carpeta',
  placeholder: 'parece un texto provisional',
} as const;

/** Refusals of the review's steps and of the quarter close (core and services). */
export const reviewMessages = {
  onlyEti: 'Solo el equipo ETI revisa los reportes mensuales y cierra el trimestre.',
  quarterClosed: (quarter: string) => `El ${quarter} ya se cerró: sus meses no cambian.`,
  notReportable: (unit: string, month: string) => `${unit} no tiene un set de OKR cargado para ${month}: no hay reporte que revisar.`,
  alreadyClosed: (unit: string, month: string) => `El mes de ${month} de ${unit} ya está cerrado.`,
  cannotCloseIncomplete: (missing: number, total: number) =>
    `No se puede cerrar el mes: faltan ${missing} de ${total} resultados clave por reportar. Pide una corrección al enlace.`,
  nothingToReview: (unit: string, month: string) => `${unit} no ha reportado nada de ${month}: no hay qué corregir todavía (los recordatorios se encargan).`,
  observationRequired: 'Escribe al menos una observación para el enlace: sobre el mes o sobre un resultado clave.',
  noteTooLong: (max: number) => `La observación general no puede superar ${max.toLocaleString('es-CO')} caracteres.`,
  observationTooLong: (kr: string, max: number) => `La observación de «${kr}» no puede superar ${max.toLocaleString('es-CO')} caracteres.`,
  unknownKeyResult: 'Una observación es de un resultado clave que no está en el set del trimestre. Recarga la revisión.',
  stale: 'Otra persona del equipo ETI actuó sobre este mes mientras tanto. Revisa su estado actual; no se hizo ningún cambio.',
  nothingToCloseInBulk: 'No hay meses completos y sin alertas para cerrar en bloque.',
  quarterNotOver: (quarter: string, date: string) => `El ${quarter} todavía no termina: se puede cerrar desde el ${formatDate(date)}.`,
  quarterAlreadyClosed: (quarter: string, by: string, at: string) => `El ${quarter} ya se cerró (${by}, ${at}). El cierre no cambia.`,
  quarterNotClosed: (quarter: string) => `El ${quarter} todavía no se ha cerrado.`,
  notVisible: 'No tienes permiso para ver la revisión de esta unidad.',
} as const;

/** The bot's review cards, `revisión`, the correction notice and the quarter-close cards. */
export const reviewBotText = {
  command:
    '(Equipo ETI) Revisión mensual de los reportes de las 44 unidades: por revisar, corrección pedida y cerrar el mes. Es distinta de «revisar», que es la formulación de los sets.',
  refused: 'No se hizo ningún cambio',
  notEti: {
    title: 'La revisión mensual es del equipo ETI',
    text: 'Solo el equipo ETI revisa los reportes mensuales. Si buscas los sets de OKR por aprobar, escribe «revisar».',
  },
  queue: {
    title: (month: string) => `Revisión mensual · ${month}`,
    counts: (parts: readonly string[]) => parts.join(' · '),
    count: (label: string, n: number) => `${label}: ${n}`,
    waiting: 'Esperan tu revisión (los más antiguos primero):',
    nothingWaiting: 'No hay reportes esperando revisión.',
    row: (unit: string, state: string, reported: number, total: number) => `${unit} — ${state} (${reported} de ${total})`,
    flags: (n: number) => (n === 1 ? '1 alerta' : `${n} alertas`),
    since: (when: string) => `desde ${when}`,
    more: (n: number) => `…y ${n} más en la pestaña «Revisión mensual».`,
    open: 'Revisar',
    closeConsistent: (n: number) => `Cerrar ${n} ${n === 1 ? 'mes consistente' : 'meses consistentes'}`,
    openTab: 'Abrir la revisión en la pestaña',
    otherMonth: (month: string) => `Ver ${month}`,
    withoutSet: (n: number) => `${n} ${n === 1 ? 'unidad no tiene' : 'unidades no tienen'} un set cargado este trimestre.`,
  },
  unit: {
    title: (unit: string, month: string) => `${unit} · ${month}`,
    state: (state: string, reported: number, total: number) => `${state} · ${reported} de ${total} resultados clave reportados`,
    reportedBy: (who: string, when: string) => `Reportó ${who} · ${when}`,
    edited: (n: number) => ` · editado ${n} ${n === 1 ? 'vez' : 'veces'}`,
    notReported: 'Sin reporte este mes',
    last: (month: string, value: string) => `Mes anterior (${month}): ${value}`,
    noLast: 'Sin reporte del mes anterior en este trimestre',
    value: (value: string, progress: string, status: string) => `${value} · progreso ${progress} · ${status}`,
    evidence: (link: string) => `Evidencia: ${link}`,
    noEvidence: 'Sin evidencia',
    openTab: 'Abrir en la pestaña',
    corrected: '✏️ Corregido después de la solicitud',
    observation: (text: string) => `Observación del ETI: ${text}`,
    noFlags: 'Sin alertas de consistencia.',
    flagsTitle: (n: number) => (n === 1 ? '1 alerta de consistencia' : `${n} alertas de consistencia`),
    moreFlags: (n: number) => `…y ${n} ${n === 1 ? 'alerta más' : 'alertas más'} en la pestaña «Revisión mensual».`,
    observationLabel: 'Observación sobre este resultado clave (opcional)',
    noteLabel: 'Observación general para el enlace',
    notePlaceholder: 'Qué debe corregir y por qué',
    close: 'Cerrar el mes',
    requestCorrection: 'Pedir corrección',
    back: 'Volver a la cola',
    history: 'Historia de la revisión',
    historyLine: (action: string, who: string, when: string) => `${action} — ${who}, ${when}`,
  },
  closed: { title: (unit: string, month: string) => `✅ Mes cerrado: ${unit} · ${month}`, text: 'Sus check-ins quedaron bloqueados. El enlace ya no puede modificarlos.' },
  requested: {
    title: (unit: string, month: string) => `Corrección pedida: ${unit} · ${month}`,
    text: (people: string) => `Se envió la solicitud a ${people}. Cuando el enlace corrija, la unidad vuelve a tu cola como «Corregido».`,
    nobody: 'Nadie de la unidad tiene conversación con el asistente: avísales por otro medio.',
  },
  bulk: {
    confirmTitle: (n: number, month: string) => `¿Cerrar ${n} ${n === 1 ? 'mes' : 'meses'} de ${month}?`,
    confirmText: 'Se cierran los reportes completos y sin alertas de estas unidades; sus check-ins quedan bloqueados:',
    confirm: 'Sí, cerrar',
    cancel: 'Cancelar',
    done: (n: number, month: string) => `✅ Se cerraron ${n} ${n === 1 ? 'mes' : 'meses'} de ${month}.`,
    skipped: (n: number) => `${n} ${n === 1 ? 'unidad cambió' : 'unidades cambiaron'} mientras tanto y no se cerraron; revísalas en la cola.`,
    cancelled: 'No se cerró nada.',
  },
  /** The card the enlace (and the líder, in copy) gets when the ETI asks for a correction. */
  correctionNotice: {
    title: (month: string) => `El equipo ETI pidió corregir el reporte de ${month}`,
    intro: (unit: string, who: string) => `${who} revisó el reporte de ${unit} y pide estas correcciones:`,
    copy: 'Te llega en copia como líder de la unidad.',
    general: (text: string) => `Observación general: ${text}`,
    keyResult: (kr: string, text: string) => `«${kr}»: ${text}`,
    open: (month: string) => `Corregir ${month}`,
    after: 'Cuando guardes los cambios, el reporte vuelve al equipo ETI como «Corregido».',
  },
  /** The card the ETI member who asked gets when the correction is complete. */
  correctedNotice: {
    title: (unit: string, month: string) => `${unit} corrigió el reporte de ${month}`,
    text: (who: string, n: number) => `${who} corrigió ${n === 1 ? '1 resultado clave' : `${n} resultados clave`}. Vuelve a tu cola como «Corregido».`,
    open: 'Revisar',
    openTab: 'Abrir en la pestaña',
  },
  quarter: {
    shareTitle: (quarter: string) => `Cierre del ${quarter}: reporte de avances de OKR`,
    shareIntro: (who: string, at: string) => `El equipo ETI cerró el trimestre (${who}, ${at}). Resumen de las 44 unidades:`,
    figure: (label: string, value: string) => `${label}: ${value}`,
    openReport: 'Abrir el cierre y descargar el .xlsx',
    leaderTitle: (unit: string, quarter: string) => `Resultado de ${unit} en el ${quarter}`,
    leaderIntro: 'El equipo ETI cerró el trimestre. Este es el resultado de tu unidad:',
    leaderNoSet: 'Tu unidad no tuvo un set de OKR cargado en este trimestre.',
    leaderMonths: (parts: readonly string[]) => `Reportes: ${parts.join(' · ')}`,
    openTree: 'Ver el árbol de OKR',
  },
  /** The ETI's daily digest of reports ready for review (the review module's reminder source). */
  reminder: {
    label: { title: 'Reportes listos para revisar', detail: 'Una vez al día como máximo: las unidades que completaron o corrigieron su reporte del mes desde tu último resumen.' },
    opening: (n: number) => ({
      title: 'Reportes listos para tu revisión',
      text: `${n === 1 ? 'Una unidad completó o corrigió' : `${n} unidades completaron o corrigieron`} su reporte desde tu último resumen:`,
    }),
    item: (unit: string, month: string, corrected: boolean) => `${unit} · ${month}${corrected ? ' (corregido)' : ''}`,
    open: 'Abrir la revisión mensual',
  },
} as const;
