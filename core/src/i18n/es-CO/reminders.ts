/** Reminders: the procedure's calendar, `recordatorios` and the ETI's administration (es-CO). */
import { counted, endSentence, inNumber } from '../../format/index.js';

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

/** The bot's reminder cards, `recordatorios` and `recordatorios admin`. */
export const remindersBotText = {
  command: 'Tus recordatorios: los próximos, los últimos enviados, y cuáles silenciar (el equipo ETI: «recordatorios admin»).',
  onlyEti: {
    title: 'Solo para el equipo ETI',
    text: 'La administración de los recordatorios es del equipo ETI. Escribe «recordatorios» para ver los tuyos.',
  },
  /** Refusals of the reminders service. */
  notYours: 'Este recordatorio es de otra persona.',
  onlyEtiAdmin: 'Solo el equipo ETI administra los recordatorios.',
  staleCard: { title: 'Esta tarjeta ya no está vigente', text: 'Escribe «recordatorios» para ver tus recordatorios.' },
  snoozeFailed: 'No se pudo posponer',
  /** The proactive reminder: the heading and first line of each kind, then what every reminder says. */
  reminder: {
    kinds: {
      checkin_window: (month: string, unit: string, n: number) => ({ title: `Se abrió el check-in de ${month}`, text: `**${unit}**: ${inNumber(n, 'falta', 'faltan')} ${counted(n, 'resultado clave', 'resultados clave')} por reportar:` }),
      checkin_missing: (month: string, unit: string, n: number) => ({ title: `Falta el check-in de ${month}`, text: `El mes terminó y **${unit}** aún no reporta ${counted(n, 'resultado clave', 'resultados clave')}:` }),
      leader_escalation: (month: string, unit: string, n: number) => ({
        title: `${unit} está atrasada en el check-in de ${month}`,
        text: `Como líder de la unidad, te contamos que aún ${inNumber(n, 'falta', 'faltan')} ${counted(n, 'resultado clave', 'resultados clave')} por reportar:`,
      }),
      eti_digest: (month: string, _unit: string, n: number) => ({ title: `Unidades sin check-in completo de ${month}`, text: `${counted(n, 'unidad', 'unidades')} aún no ${inNumber(n, 'termina', 'terminan')} de reportar:` }),
      approvals_digest: (_month: string, _unit: string, n: number) => ({
        title: 'Esperan tu aprobación o tu firma',
        text: `Tu resumen de la semana: ${n} ${n === 1 ? 'pendiente' : 'pendientes'}.`,
      }),
      coach_digest: (_month: string, _unit: string, n: number) => ({
        title: 'Sets de OKR por revisar',
        text: `Tu resumen de la semana: ${n} ${n === 1 ? 'set espera' : 'sets esperan'} tu revisión como OKR Coach.`,
      }),
      oap_digest: (_month: string, _unit: string, n: number) => ({
        title: 'Actas y plenarias: seguimiento de la OAP',
        text: `Tu resumen de la semana: ${n} ${n === 1 ? 'asunto' : 'asuntos'} por atender.`,
      }),
    },
    more: (n: number) => `…y ${n} más`,
    alsoType: (commands: readonly string[]) => `También puedes escribir ${commands.map((c) => `«${c}»`).join(' o ')} en este chat.`,
    snoozedAgain: 'Te lo recordamos de nuevo, como pediste.',
    settings: 'Escribe «recordatorios» para ver o ajustar tus recordatorios.',
    viewReminders: 'Ver recordatorios',
    approveSets: 'Aprobar los sets',
    reviewSets: 'Revisar los sets',
    signActas: 'Firmar las actas',
    openTab: 'Abrir la pestaña Mis OKR',
    openCheckIn: 'Abrir el check-in',
    snooze: 'Recordarme mañana',
  },
  snoozed: {
    title: 'Listo, te lo recordamos mañana',
    text: (when: string) => `Volverás a recibir este recordatorio el ${when}, si para entonces sigue pendiente.`,
  },
  wholeEntity: 'toda la entidad',
  mine: {
    title: 'Tus recordatorios',
    noKinds: 'Tu rol no recibe recordatorios del check-in.',
    kind: (title: string, muted: boolean) => `${title} — ${muted ? '🔕 silenciado' : '🔔 activo'}`,
    activate: 'Activar',
    mute: 'Silenciar',
    snoozeOnly: 'No se silencia: mientras falte el reporte del mes vuelve cada día hábil; puedes posponerlo con «Recordarme mañana» desde el recordatorio. El líder de la unidad recibe su aviso de todos modos.',
    cannotMute: (title: string) => `«${title}» no se puede silenciar: se pospone con «Recordarme mañana» y vuelve mientras falte el reporte del mes; el líder de la unidad recibe su aviso de todos modos.`,
    upcoming: 'Próximos',
    noUpcoming: 'No tienes recordatorios pendientes.',
    snoozedUntil: (when: string) => `pospuesto hasta el ${when}`,
    sent: 'Últimos enviados',
    noneSent: 'Aún no te hemos enviado recordatorios.',
    admin: 'Administrar recordatorios',
  },
  admin: {
    title: 'Recordatorios: administración',
    paused: (by: string, when: string) => `${endSentence(`⏸️ Pausados por ${by} el ${when}`)} No se envía ningún recordatorio.`,
    active: (next: string) => endSentence(`▶️ Activos. Se envían los días hábiles de 8:00 a. m. a 5:00 p. m. Próximo envío posible: ${next}`),
    toSend: (n: number) => `Por enviar (${n})`,
    nothingToSend: 'Nada por enviar en la próxima ronda.',
    unreachable: (n: number) => `Personas sin conversación con el bot (${n})`,
    unreachableHint:
      'No han abierto la aplicación en Teams: el bot no puede escribirles. Pídeles abrirla, o instálala para ellas desde el centro de administración de Teams.',
    allReachable: 'El bot puede escribirle a todas las personas con recordatorios.',
    resend: 'Reenviar',
    uncertain: (n: number) => `Envíos inciertos (${n})`,
    uncertainNote: (since: string) =>
      `Incierto: el envío empezó el ${since} y no se confirmó (el servidor se detuvo o Teams no respondió). Puede que haya llegado: reenvía solo si la persona no lo recibió.`,
    failed: (n: number) => `Envíos fallidos (${n})`,
    failedNote: (attempts: number, error: string) => `Falló ${attempts} ${attempts === 1 ? 'vez' : 'veces'}: ${error}. Se reintenta en la siguiente ronda mientras queden intentos.`,
    none: 'Ninguno.',
    sent: 'Últimos enviados',
    noneSent: 'Aún no se ha enviado ninguno.',
    resume: 'Reanudar los recordatorios',
    pause: 'Pausar todos los recordatorios',
    refresh: 'Actualizar',
  },
} as const;
