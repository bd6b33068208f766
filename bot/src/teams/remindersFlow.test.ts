import { describe, expect, it } from 'vitest';
import { botHarness, cardText } from '../testing/harness.js';
import { planReminders } from '../jobs/reminderPlan.js';
import { reminderCard } from './cards/reminderCards.js';
import { findCommand } from '../app.js';
import { tabLinks } from './tabLinks.js';
import { plenariaWithActa, setIn } from '../testing/waitingFixtures.js';

/** Thursday 26 Nov 2026, 09:00 in Bogotá: November's check-in window is open. */
const WINDOW_OPEN = '2026-11-26T14:00:00.000Z';

const actionsOf = (card: { actions?: unknown[] }) => (card.actions ?? []) as Array<{ type: string; title: string; verb: string; data: Record<string, unknown>; fallback: { type: string } }>;

describe('reminder card', () => {
  it('lists what is missing, opens the check-in in one click, and snoozes to the next business day', async () => {
    const h = await botHarness(WINDOW_OPEN);
    const plan = await planReminders(h.store, h.clock.now());
    const mine = plan.reminders.find((r) => r.key.personId === 'enlace-al-usaquen')!;
    const card = reminderCard(mine);
    const text = cardText(card);
    expect(text).toContain('Se abrió el check-in de noviembre de 2026');
    expect(text).toContain('Alcaldía Local de Usaquén');
    expect(text).toContain('faltan 9 resultados clave');
    const [open, snooze] = actionsOf(card);
    // The button opens the month the reminder names.
    expect(open).toMatchObject({ type: 'Action.Execute', title: 'Abrir el check-in', verb: 'checkin.open', data: { unitId: 'al-usaquen', period: '2026-11' }, fallback: { type: 'Action.Submit' } });
    expect(snooze).toMatchObject({ type: 'Action.Execute', title: 'Recordarme mañana', verb: 'reminder.snooze' });

    expect(cardText(await h.execute('enlace-al-usaquen', open!.verb, open!.data))).toContain('Check-in de noviembre de 2026');

    const snoozed = await h.execute('enlace-al-usaquen', snooze!.verb, snooze!.data);
    expect(cardText(snoozed)).toContain('te lo recordamos mañana');
    expect(cardText(snoozed)).toContain('viernes, 27 de noviembre');
    expect(await h.store.listReminderSnoozes({ personId: 'enlace-al-usaquen' })).toEqual([
      { key: { kind: 'checkin_window', personId: 'enlace-al-usaquen', subject: 'al-usaquen', period: '2026-11', step: 0 }, until: '2026-11-27T13:00:00.000Z', count: 1 },
    ]);
    // The same button on Teams mobile (Action.Submit), and someone else's reminder.
    const [again] = await h.submit('enlace-al-usaquen', { ...snooze!.data });
    expect(cardText(again)).toContain('te lo recordamos mañana');
    expect((await h.store.listReminderSnoozes({ personId: 'enlace-al-usaquen' }))[0]?.count).toBe(2);
    expect(cardText(await h.execute('lider-al-usaquen', snooze!.verb, snooze!.data))).toContain('Este recordatorio es de otra persona');
  });

  it('on 1 December, the reminder of November’s missing check-in opens November, not December', async () => {
    const h = await botHarness('2026-12-01T14:00:00.000Z');
    const plan = await planReminders(h.store, h.clock.now());
    const missing = plan.reminders.find((r) => r.key.personId === 'enlace-al-usaquen' && r.key.kind === 'checkin_missing')!;
    const card = reminderCard(missing);
    expect(cardText(card)).toContain('noviembre de 2026');
    const [open] = actionsOf(card);
    expect(open!.data).toMatchObject({ unitId: 'al-usaquen', period: '2026-11' });
    expect(cardText(await h.execute('enlace-al-usaquen', open!.verb, open!.data))).toContain('Check-in de noviembre de 2026');
    // And `check-in` alone opens November too: the earliest month still open and missing.
    expect(cardText((await h.say('enlace-al-usaquen', 'check-in'))[0])).toContain('Check-in de noviembre de 2026');
  });

  it('the review digest lists the reports ready for the ETI and opens the tab’s monthly review', async () => {
    const h = await botHarness('2026-12-01T14:00:00.000Z');
    const plan = await planReminders(h.store, h.clock.now());
    const digest = plan.reminders.find((r) => r.key.kind === 'review_digest' && r.key.personId === 'eti-1')!;
    const links = tabLinks({ MicrosoftAppId: '', TEAMS_APP_ID: '', PUBLIC_URL: 'http://localhost:3978' });
    const card = reminderCard(digest, { links });
    expect(cardText(card)).toContain('Reportes listos para tu revisión');
    expect(digest.items.some((i) => i.endsWith('noviembre de 2026 (corregido)'))).toBe(true);
    expect(actionsOf(card)[0]).toMatchObject({ type: 'Action.OpenUrl', title: 'Abrir la revisión mensual', url: 'http://localhost:3978/?view=revision' });
    expect(actionsOf(card).map((a) => a.verb)).toEqual([undefined, 'reminder.snooze']);
    // The chat's queue is «revisión» (the card's text says so through the review's catalogue).
    expect(findCommand('revisión')?.phrases[0]).toBe('revision');
  });

  it('the ETI digest lists the units behind and leads to the administration view', async () => {
    const h = await botHarness(WINDOW_OPEN);
    const plan = await planReminders(h.store, new Date('2026-12-01T14:00:00.000Z'));
    const digest = plan.reminders.find((r) => r.key.kind === 'eti_digest')!;
    const card = reminderCard(digest);
    expect(cardText(card)).toContain('Unidades sin check-in completo de noviembre de 2026');
    // Seeded on the window's first day: no unit had reported November yet.
    expect(digest.items).toContain('Alcaldía Local de Usaquén (faltan 9 de 9)');
    expect(cardText(card)).toContain(digest.items[0]);
    expect(actionsOf(card).map((a) => a.verb)).toEqual(['reminders.admin', 'reminder.snooze']);
  });
});

describe('weekly digest cards', () => {
  /** Monday 30 Nov 2026, 09:00 in Bogotá: a digest week begins. */
  const MONDAY = new Date('2026-11-30T14:00:00.000Z');

  it('approvals: lists the sets and actas waiting for the líder, with buttons that type «revisar» and «actas», and snoozes', async () => {
    const h = await botHarness(WINDOW_OPEN);
    await setIn(h.store, 'al-suba', '2027-Q1', 'leader_approval');
    await plenariaWithActa(h.store, 'al-suba', '2026-11-20', { secretarySigned: true });
    const plan = await planReminders(h.store, MONDAY);
    const digest = plan.reminders.find((r) => r.key.kind === 'approvals_digest' && r.key.personId === 'lider-al-suba')!;
    expect(digest.id).toBe('approvals_digest|lider-al-suba|entity|2026-11|30');
    const card = reminderCard(digest);
    const text = cardText(card);
    expect(text).toContain('Esperan tu aprobación o tu firma');
    expect(text).toContain(`${digest.items.length} pendientes`);
    expect(text).toContain('• Set de OKR T1 2027 de Alcaldía Local de Suba: por aprobar');
    expect(text).toContain('• Acta de la plenaria menor de Alcaldía Local de Suba (20 de noviembre de 2026): falta tu firma como quien preside');
    expect(text).toContain('También puedes escribir «revisar» o «actas» en este chat.');
    const actions = actionsOf(card) as unknown as Array<{ type: string; title: string; verb?: string; data: any }>;
    expect(actions.map((a) => a.title)).toEqual(['Aprobar los sets', 'Firmar las actas', 'Recordarme mañana']);
    const [sets, actas, snooze] = actions;
    expect(sets).toEqual({ type: 'Action.Submit', title: 'Aprobar los sets', data: { msteams: { type: 'imBack', value: 'revisar' } } });
    expect(actas!.data.msteams).toEqual({ type: 'imBack', value: 'actas' });
    // imBack posts the text as the líder's message: the same as typing it.
    expect(findCommand(sets!.data.msteams.value)).toBeDefined();
    const review = await h.say('lider-al-suba', sets!.data.msteams.value);
    expect(review.map(cardText).join('\n')).toContain('Alcaldía Local de Suba');
    const toSign = await h.say('lider-al-suba', actas!.data.msteams.value);
    expect(toSign.map(cardText).join('\n')).toContain('viernes, 20 de noviembre de 2026');
    expect(cardText(await h.execute('lider-al-suba', snooze!.verb!, snooze!.data))).toContain('te lo recordamos mañana');
    expect((await h.store.listReminderSnoozes({ personId: 'lider-al-suba' }))[0]?.key).toEqual(digest.key);
  });

  it('coach: «revisar»; OAP: the tab; long lists end in «…y N más»', async () => {
    const h = await botHarness(WINDOW_OPEN);
    const units = ['al-usaquen', 'al-suba', 'al-bosa', 'al-kennedy', 'al-usme', 'al-engativa', 'al-fontibon', 'al-tunjuelito', 'al-chapinero', 'al-santa-fe', 'al-teusaquillo', 'al-barrios-unidos'];
    const known = new Set((await h.store.listUnits()).map((u) => u.id));
    const some = units.filter((u) => known.has(u));
    expect(some.length).toBeGreaterThan(10);
    for (const u of some) await setIn(h.store, u, '2027-Q1', 'coach_review');
    await plenariaWithActa(h.store, 'al-bosa', '2026-11-05', { acta: false });
    // Monday 7 Dec: the quarter's last month has started, so the OAP also hears how many units lack a plenaria menor.
    const plan = await planReminders(h.store, new Date('2026-12-07T14:00:00.000Z'));
    const coach = plan.reminders.find((r) => r.key.kind === 'coach_digest' && r.key.personId === 'coach-1')!;
    const coachCard = reminderCard(coach);
    expect(coach.items.length).toBeGreaterThanOrEqual(some.length);
    expect(cardText(coachCard)).toContain(`${coach.items.length} sets esperan tu revisión como OKR Coach`);
    expect(cardText(coachCard)).toContain(`…y ${coach.items.length - 10} más`);
    expect((actionsOf(coachCard) as any[]).map((a) => a.title)).toEqual(['Revisar los sets', 'Recordarme mañana']);
    const oap = plan.reminders.find((r) => r.key.kind === 'oap_digest' && r.key.personId === 'oap-1')!;
    const oapCard = reminderCard(oap, { tabUrl: h.deps.tabUrl() });
    expect(cardText(oapCard)).toContain('Alcaldía Local de Bosa — plenaria menor del 5 de noviembre de 2026: copia vencida (plazo hasta el 18 de noviembre de 2026)');
    expect(cardText(oapCard)).toMatch(/\d+ unidades sin plenaria menor en T4 2026/);
    expect((actionsOf(oapCard) as any[]).map((a) => [a.type, a.title])).toEqual([
      ['Action.OpenUrl', 'Abrir la pestaña Mis OKR'],
      ['Action.Execute', 'Recordarme mañana'],
    ]);
  });

  it('`recordatorios` shows the digest to who gets it and mutes it; the ETI’s view counts it', async () => {
    const h = await botHarness('2026-11-30T14:00:00.000Z');
    await setIn(h.store, 'al-suba', '2027-Q1', 'leader_approval');
    await plenariaWithActa(h.store, 'al-usme', '2026-11-20', { secretarySigned: false });
    const [lider] = await h.say('lider-al-suba', 'recordatorios');
    expect(cardText(lider)).toContain('Resumen de aprobaciones y firmas — 🔔 activo');
    expect(cardText(lider)).toContain('Resumen de aprobaciones y firmas · noviembre de 2026');
    // The secretary (an enlace) has no líder role, but an acta waits for their signature.
    const [secretary] = await h.say('enlace-al-usme', 'recordatorios');
    expect(cardText(secretary)).toContain('Resumen de aprobaciones y firmas — 🔔 activo');
    const muted = await h.execute('lider-al-suba', 'reminders.mute', { kind: 'approvals_digest', muted: true });
    expect(cardText(muted)).toContain('Resumen de aprobaciones y firmas — 🔕 silenciado');
    const [coach] = await h.say('coach-1', 'recordatorios');
    expect(cardText(coach)).toContain('Resumen para el OKR Coach — 🔔 activo');
    const [oap] = await h.say('oap-1', 'recordatorios');
    expect(cardText(oap)).toContain('Resumen para la OAP — 🔔 activo');
    const [admin] = await h.say('eti-1', 'recordatorios admin');
    expect(cardText(admin)).toMatch(/Resumen de aprobaciones y firmas: \d+/);
    expect(cardText(admin)).toMatch(/Resumen para la OAP: 2/);
  });
});

describe('recordatorios', () => {
  it('shows the person’s kinds, upcoming and last sent reminders, and mutes and unmutes a kind', async () => {
    const h = await botHarness(WINDOW_OPEN);
    const [card] = await h.say('enlace-al-usaquen', 'Recordatorios');
    const text = cardText(card);
    expect(text).toContain('Tus recordatorios');
    expect(text).toContain('Apertura del check-in — 🔔 activo');
    expect(text).toContain('Check-in vencido — 🔔 activo');
    expect(text).not.toContain('Aviso al líder');
    expect(text).toContain('Apertura del check-in · Alcaldía Local de Usaquén · noviembre de 2026');
    expect(text).toContain('Aún no te hemos enviado recordatorios.');
    expect(actionsOf(card!).map((a) => a.verb)).toEqual([]); // not ETI: no administration button

    const mute = (card!.body as any[]).flatMap((b) => b.items ?? []).find((i: any) => i.type === 'ActionSet').actions[0];
    expect(mute).toMatchObject({ title: 'Silenciar', verb: 'reminders.mute', data: { kind: 'checkin_window', muted: true } });
    const muted = await h.execute('enlace-al-usaquen', mute.verb, mute.data);
    expect(cardText(muted)).toContain('Apertura del check-in — 🔕 silenciado');
    expect(cardText(muted)).not.toContain('Apertura del check-in · Alcaldía Local de Usaquén');
    expect(await h.store.listReminderPreferences('enlace-al-usaquen')).toEqual([{ personId: 'enlace-al-usaquen', mutedKinds: ['checkin_window'] }]);
    const unmuted = await h.execute('enlace-al-usaquen', 'reminders.mute', { kind: 'checkin_window', muted: false });
    expect(cardText(unmuted)).toContain('Apertura del check-in — 🔔 activo');

    // A reminder sent shows under «Últimos enviados».
    const key = { kind: 'checkin_window' as const, personId: 'enlace-al-usaquen', subject: 'al-usaquen', period: '2026-11', step: 0 };
    await h.store.claimReminder(key, 'test', WINDOW_OPEN);
    await h.store.markReminderSent('checkin_window|enlace-al-usaquen|al-usaquen|2026-11|0', 'test', WINDOW_OPEN);
    const [after] = await h.say('enlace-al-usaquen', 'recordatorios');
    // The unit's name, not its id («al-usaquen»), and the time it went out in Bogotá.
    expect(cardText(after)).toContain('Apertura del check-in · Alcaldía Local de Usaquén · noviembre de 2026 — jueves, 26 de noviembre, 9:00 a. m.');
    expect(cardText(after)).not.toContain('al-usaquen');
    expect(cardText(after)).toContain('No tienes recordatorios pendientes.');
  });

  it('an overdue check-in reminder is postponed, never silenced; a mute stored earlier does not stop it (issue 14, item 12)', async () => {
    const h = await botHarness(WINDOW_OPEN);
    const [card] = await h.say('enlace-al-usaquen', 'recordatorios');
    const overdue = (card!.body as any[]).find((b) => JSON.stringify(b).includes('Check-in vencido'));
    expect(JSON.stringify(overdue)).not.toContain('reminders.mute');
    expect(cardText(card)).toContain('No se silencia: mientras falte el reporte del mes vuelve cada día hábil');
    // An old card (or a forged one) asking to silence it is refused, and nothing is stored.
    const refused = await h.execute('enlace-al-usaquen', 'reminders.mute', { kind: 'checkin_missing', muted: true });
    expect(cardText(refused)).toContain('«Check-in vencido» no se puede silenciar: se pospone con «Recordarme mañana»');
    expect(await h.store.listReminderPreferences('enlace-al-usaquen')).toEqual([]);
    // A mute stored before this rule is not honoured by the plan.
    await h.store.setReminderPreferences({ personId: 'enlace-al-usaquen', mutedKinds: ['checkin_missing', 'leader_escalation'] }, 'enlace-al-usaquen');
    const plan = await planReminders(h.store, new Date('2026-12-01T14:00:00.000Z'));
    const mine = plan.reminders.filter((r) => r.key.personId === 'enlace-al-usaquen' && r.key.kind === 'checkin_missing');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => !r.muted)).toBe(true);
  });

  it('the ETI sees upcoming, sent, unreachable and uncertain reminders, pauses everything and resends an uncertain one', async () => {
    const h = await botHarness(WINDOW_OPEN);
    expect(cardText((await h.say('enlace-al-usaquen', 'recordatorios admin'))[0])).toContain('Solo para el equipo ETI');

    // A claim from 09:00 never confirmed (the server died): uncertain by 10:00.
    const key = { kind: 'checkin_window' as const, personId: 'enlace-al-kennedy', subject: 'al-kennedy', period: '2026-11', step: 0 };
    await h.store.claimReminder(key, 'instancia-1', '2026-11-26T13:00:00.000Z');
    const [card] = await h.say('eti-1', 'recordatorios admin');
    const text = cardText(card);
    expect(text).toContain('Recordatorios: administración');
    expect(text).toContain('▶️ Activos');
    expect(text).toMatch(/Por enviar \(\d+\)/);
    expect(text).toContain('Apertura del check-in:');
    // Only eti-1 and enlace-al-usaquen ever wrote to the bot here.
    expect(text).toMatch(/Personas sin conversación con el bot \(\d+\)/);
    // An enlace who never wrote is unreachable; the card names the first ten and counts the rest.
    const { unreachable } = await h.deps.reminders.adminView();
    expect(unreachable.map((p) => p.id)).toContain('enlace-dgth');
    expect(text).toContain(`• ${unreachable[0]!.name} (${unreachable[0]!.email})`);
    const usaquen = (await h.store.getPerson('enlace-al-usaquen'))!;
    expect(text).not.toContain(`• ${usaquen.name} (`);
    expect(text).toContain('Envíos inciertos (1)');
    expect(text).toContain('Puede que haya llegado');
    // The uncertain send names the unit, not its id (issue 14, item 14).
    expect(text).toContain('Apertura del check-in · Alcaldía Local de Kennedy · noviembre de 2026');
    expect(text).not.toContain('· al-kennedy ·');

    const [pause, refresh] = actionsOf(card!);
    expect(pause).toMatchObject({ title: 'Pausar todos los recordatorios', verb: 'reminders.pause', data: { paused: true } });
    expect(refresh?.verb).toBe('reminders.admin');
    const paused = await h.execute('eti-1', pause!.verb, pause!.data);
    expect(cardText(paused)).toContain('⏸️ Pausados por');
    expect(cardText(paused)).not.toMatch(/m\.\./);
    expect(actionsOf(paused)[0]).toMatchObject({ title: 'Reanudar los recordatorios', data: { paused: false } });
    expect((await h.store.getReminderControl()).paused).toBe(true);
    expect((await h.store.listAudit({ entity: 'reminderControl' }))[0]).toMatchObject({ actorId: 'eti-1' });
    expect(cardText(await h.execute('enlace-al-usaquen', 'reminders.pause', { paused: false }))).toContain('Solo el equipo ETI');
    expect((await h.store.getReminderControl()).paused).toBe(true);

    const resend = (card!.body as any[]).flatMap((b) => b.items ?? []).flatMap((i: any) => i.items ?? []).find((i: any) => i.type === 'ActionSet');
    expect(resend.actions[0]).toMatchObject({ title: 'Reenviar', verb: 'reminders.retry', data: { key: 'checkin_window|enlace-al-kennedy|al-kennedy|2026-11|0' } });
    const afterRetry = await h.execute('eti-1', resend.actions[0].verb, resend.actions[0].data);
    expect(cardText(afterRetry)).toContain('Envíos inciertos (0)');
    expect((await h.store.listReminderLog({ personId: 'enlace-al-kennedy' }))[0]).toMatchObject({ state: 'failed', attempts: 0 });
    // The ETI also reaches the view from their own `recordatorios`.
    const [own] = await h.say('eti-1', 'recordatorios');
    expect(cardText(own)).toContain('Resumen para el equipo ETI');
    expect(actionsOf(own!).map((a) => a.verb)).toEqual(['reminders.admin']);
  });
});
