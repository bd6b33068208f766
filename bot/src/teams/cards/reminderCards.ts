import { DIGEST_KINDS, periodLabel, reminderKindLabels, type DigestKind, type ReminderKind } from '@okr/core';
import type { PlannedReminder } from '../../jobs/reminderPlan.js';
import type { AdminRemindersView, PersonRemindersView } from '../../services/reminders.js';
import type { ReminderLogEntry } from '../../store/Store.js';
import { attention, card, container, executeAction, heading, openUrl, subtle, text, type AdaptiveCard, type CardElement } from './elements.js';
import { CHECK_IN_OPEN } from './simpleCards.js';

export const REMINDER_SNOOZE = 'reminder.snooze';
export const REMINDERS_MUTE = 'reminders.mute';
export const REMINDERS_PAUSE = 'reminders.pause';
export const REMINDERS_RETRY = 'reminders.retry';
export const REMINDERS_ADMIN = 'reminders.admin';

const bogota = (d: Date | string) =>
  new Date(d).toLocaleString('es-CO', { timeZone: 'America/Bogota', weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' });

const MAX_ITEMS = 9;
/** Digests list a few more lines before «…y N más» (their lines are what the card is for). */
const MAX_DIGEST_ITEMS = 10;
const list = (items: string[], max = MAX_ITEMS): CardElement[] => [
  ...items.slice(0, max).map((i) => text(`• ${i}`, { spacing: 'None', size: 'Small' })),
  ...(items.length > max ? [subtle(`…y ${items.length - max} más`)] : []),
];

/**
 * A button that does exactly what typing `command` in the chat does (Teams' `imBack`: the text is
 * posted as the person's message, and the bot answers it as any typed command, with all its cards).
 */
export const typedCommandAction = (title: string, command: string): CardElement => ({ type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: command } } });

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The proactive reminder: what is missing or waiting, the next step one click away, and «Recordarme
 * mañana». `tabUrl`: the OKR tab, for the OAP digest's button.
 */
export function reminderCard(r: PlannedReminder, opts: { tabUrl?: string } = {}): AdaptiveCard {
  const month = periodLabel(r.key.period);
  const unit = r.unitName ?? '';
  const body: CardElement[] = [];
  switch (r.key.kind) {
    case 'checkin_window':
      body.push(heading(`Se abrió el check-in de ${month}`), text(`**${unit}**: faltan ${r.items.length} resultados clave por reportar:`));
      break;
    case 'checkin_missing':
      body.push(heading(`Falta el check-in de ${month}`), text(`El mes terminó y **${unit}** aún no reporta ${r.items.length} resultados clave:`));
      break;
    case 'leader_escalation':
      body.push(heading(`${unit} está atrasada en el check-in de ${month}`), text(`Como líder de la unidad, te contamos que aún faltan ${r.items.length} resultados clave por reportar:`));
      break;
    case 'eti_digest':
      body.push(heading(`Unidades sin check-in completo de ${month}`), text(`${r.items.length} unidades aún no terminan de reportar:`));
      break;
    case 'approvals_digest':
      body.push(heading('Esperan tu aprobación o tu firma'), text(`Tu resumen de la semana: ${count(r.items.length, 'pendiente', 'pendientes')}.`));
      break;
    case 'coach_digest':
      body.push(heading('Sets de OKR por revisar'), text(`Tu resumen de la semana: ${count(r.items.length, 'set espera', 'sets esperan')} tu revisión como OKR Coach.`));
      break;
    case 'oap_digest':
      body.push(heading('Actas y plenarias: seguimiento de la OAP'), text(`Tu resumen de la semana: ${count(r.items.length, 'asunto', 'asuntos')} por atender.`));
      break;
  }
  const digest = DIGEST_KINDS.includes(r.key.kind as DigestKind);
  body.push(...list(r.items, digest ? MAX_DIGEST_ITEMS : MAX_ITEMS));
  const topics = r.topics ?? [];
  const commands = [topics.includes('sets_to_approve') || topics.includes('sets_to_review') ? '«revisar»' : null, topics.includes('actas_to_sign') ? '«actas»' : null].filter((c) => c !== null);
  if (commands.length) body.push(subtle(`También puedes escribir ${commands.join(' o ')} en este chat.`, { spacing: 'Small' }));
  if (r.snoozed) body.push(subtle('Te lo recordamos de nuevo, como pediste.'));
  body.push(subtle('Escribe «recordatorios» para ver o ajustar tus recordatorios.'));
  const keyData = { kind: r.key.kind, personId: r.key.personId, subject: r.key.subject, period: r.key.period, step: r.key.step };
  const actions: CardElement[] = [];
  if (r.key.kind === 'eti_digest') actions.push(executeAction('Ver recordatorios', REMINDERS_ADMIN, {}));
  else if (digest) {
    if (topics.includes('sets_to_approve')) actions.push(typedCommandAction('Aprobar los sets', 'revisar'));
    if (topics.includes('sets_to_review')) actions.push(typedCommandAction('Revisar los sets', 'revisar'));
    if (topics.includes('actas_to_sign')) actions.push(typedCommandAction('Firmar las actas', 'actas'));
    if (r.key.kind === 'oap_digest' && opts.tabUrl) actions.push(openUrl('Abrir la pestaña Mis OKR', opts.tabUrl));
  } else actions.push(executeAction('Abrir el check-in', CHECK_IN_OPEN, { unitId: r.key.subject }));
  actions.push(executeAction('Recordarme mañana', REMINDER_SNOOZE, keyData));
  return card(body, actions);
}

export function snoozedCard(until: Date): AdaptiveCard {
  return card([heading('Listo, te lo recordamos mañana'), text(`Volverás a recibir este recordatorio el ${bogota(until)}, si para entonces sigue pendiente.`)]);
}

const describe = (r: Pick<PlannedReminder, 'key' | 'unitName'>) =>
  `${reminderKindLabels[r.key.kind].title}${r.unitName ? ` · ${r.unitName}` : ''} · ${periodLabel(r.key.period)}`;
const describeLog = (e: ReminderLogEntry) => `${reminderKindLabels[e.kind].title} · ${e.subject === 'entity' ? 'toda la entidad' : e.subject} · ${periodLabel(e.period)}`;

/** `recordatorios`: the person's upcoming and recent reminders, and a switch per kind. */
export function myRemindersCard(view: PersonRemindersView, isAdmin: boolean): AdaptiveCard {
  const body: CardElement[] = [heading('Tus recordatorios')];
  const actions: CardElement[] = [];
  if (view.kinds.length === 0) body.push(text('Tu rol no recibe recordatorios del check-in.'));
  for (const kind of view.kinds) {
    const muted = view.muted.includes(kind);
    body.push(
      container(
        [
          text(`${reminderKindLabels[kind].title} — ${muted ? '🔕 silenciado' : '🔔 activo'}`, { weight: 'Bolder' }),
          subtle(reminderKindLabels[kind].detail),
          { type: 'ActionSet', actions: [executeAction(muted ? 'Activar' : 'Silenciar', REMINDERS_MUTE, { kind, muted: !muted })] },
        ],
        { separator: true },
      ),
    );
  }
  body.push(text('Próximos', { weight: 'Bolder', spacing: 'Large' }));
  const upcoming = view.upcoming.filter((r) => !view.muted.includes(r.key.kind));
  if (upcoming.length === 0 && view.snoozes.length === 0) body.push(subtle('No tienes recordatorios pendientes.'));
  for (const r of upcoming) body.push(text(`• ${describe(r)} — ${bogota(view.nextSendingAt)}`, { size: 'Small', spacing: 'None' }));
  for (const s of view.snoozes) body.push(text(`• ${reminderKindLabels[s.key.kind].title} · ${periodLabel(s.key.period)} — pospuesto hasta el ${bogota(s.until)}`, { size: 'Small', spacing: 'None' }));
  body.push(text('Últimos enviados', { weight: 'Bolder', spacing: 'Large' }));
  const sent = view.recent.filter((e) => e.state === 'sent');
  if (sent.length === 0) body.push(subtle('Aún no te hemos enviado recordatorios.'));
  for (const e of sent) body.push(text(`• ${describeLog(e)} — ${bogota(e.sentAt!)}`, { size: 'Small', spacing: 'None' }));
  if (isAdmin) actions.push(executeAction('Administrar recordatorios', REMINDERS_ADMIN, {}));
  return card(body, actions);
}

/** The ETI's view: the switch, what goes out next, what went out, who cannot be reached, what is uncertain. */
export function remindersAdminCard(view: AdminRemindersView, names: Map<string, string>): AdaptiveCard {
  const who = (id: string | null) => (id ? names.get(id) ?? id : '');
  const body: CardElement[] = [heading('Recordatorios: administración')];
  body.push(
    view.control.paused
      ? attention(`⏸️ Pausados por ${who(view.control.actorId)} el ${bogota(view.control.at!)}. No se envía ningún recordatorio.`, { size: 'Default' })
      : text(`▶️ Activos. Se envían los días hábiles de 8:00 a 17:00. Próximo envío posible: ${bogota(view.nextSendingAt)}.`),
  );
  const section = (title: string, items: CardElement[], empty: string) => {
    body.push(container([text(title, { weight: 'Bolder' }), ...(items.length ? items : [subtle(empty)])], { separator: true, spacing: 'Medium' }));
  };
  const byKind = new Map<ReminderKind, number>();
  for (const r of view.upcoming) byKind.set(r.key.kind, (byKind.get(r.key.kind) ?? 0) + 1);
  section(
    `Por enviar (${view.upcoming.length})`,
    [...byKind].map(([kind, n]) => text(`• ${reminderKindLabels[kind].title}: ${n}`, { size: 'Small', spacing: 'None' })),
    'Nada por enviar en la próxima ronda.',
  );
  section(
    `Personas sin conversación con el bot (${view.unreachable.length})`,
    view.unreachable.slice(0, 20).map((p) => text(`• ${p.name} (${p.email})`, { size: 'Small', spacing: 'None' })).concat(
      view.unreachable.length ? [subtle('No han abierto la aplicación en Teams: el bot no puede escribirles. Pídeles abrirla, o instálala para ellas desde el centro de administración de Teams.')] : [],
    ),
    'El bot puede escribirle a todas las personas con recordatorios.',
  );
  const retryable = (e: ReminderLogEntry, note: string): CardElement =>
    container(
      [
        text(`${who(e.personId)} — ${describeLog(e)}`, { size: 'Small' }),
        subtle(note),
        { type: 'ActionSet', actions: [executeAction('Reenviar', REMINDERS_RETRY, { key: e.key })] },
      ],
      { spacing: 'Small' },
    );
  section(
    `Envíos inciertos (${view.uncertain.length})`,
    view.uncertain.map((e) => retryable(e, `Incierto: el envío empezó el ${bogota(e.claimedAt)} y no se confirmó (el servidor se detuvo o Teams no respondió). Puede que haya llegado: reenvía solo si la persona no lo recibió.`)),
    'Ninguno.',
  );
  section(
    `Envíos fallidos (${view.failed.length})`,
    view.failed.map((e) => retryable(e, `Falló ${e.attempts} ${e.attempts === 1 ? 'vez' : 'veces'}: ${e.error ?? ''}. Se reintenta en la siguiente ronda mientras queden intentos.`)),
    'Ninguno.',
  );
  section(
    'Últimos enviados',
    view.recent.map((e) => text(`• ${who(e.personId)} — ${describeLog(e)} — ${bogota(e.sentAt!)}`, { size: 'Small', spacing: 'None' })),
    'Aún no se ha enviado ninguno.',
  );
  return card(body, [
    view.control.paused
      ? executeAction('Reanudar los recordatorios', REMINDERS_PAUSE, { paused: false })
      : executeAction('Pausar todos los recordatorios', REMINDERS_PAUSE, { paused: true }),
    executeAction('Actualizar', REMINDERS_ADMIN, {}),
  ]);
}
