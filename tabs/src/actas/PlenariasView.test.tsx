// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeResponse, PlenariaSummary, ScheduleResponse } from '@okr/core';
import type { ApiClient } from '../api/index.js';
import { ApiRequestError } from '../api/http.js';
import { actaStatus, actaView, plenariasResponse, summary } from '../testing/fixtureActas.js';
import { click, type, typeDate, waitFor } from '../testing/dom.js';
import { byTestId, render } from '../testing/render.js';
import PlenariasView from './PlenariasView.js';
import Recognitions from './Recognitions.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const usaquen = { id: 'al-usaquen', name: 'Alcaldía Local de Usaquén', kind: 'alcaldia', level: 'alcaldia', parentId: 'sgl' } as const;
const me = (over: Partial<MeResponse> = {}): MeResponse => ({
  person: { id: 'enlace-al-usaquen', aadObjectId: 'x', name: 'Andrés Gómez Torres', email: 'a@x', jobTitle: 'Enlace OKR' },
  roles: [{ personId: 'enlace-al-usaquen', role: 'enlace', unitId: 'al-usaquen' }],
  units: [usaquen],
  currentQuarter: '2026-Q4',
  currentPeriod: '2026-11',
  devIdentity: true,
  ...over,
});

async function show(api: Partial<ApiClient>, over: { openActa?: string | null; me?: MeResponse } = {}) {
  const onOpenActa = vi.fn();
  const r = await render(<PlenariasView api={api as ApiClient} me={over.me ?? me()} quarter="2026-Q4" unitId="al-usaquen" openActa={over.openActa ?? null} onOpenActa={onOpenActa} />);
  cleanups.push(r.unmount);
  return { el: r.container, onOpenActa };
}

describe('PlenariasView', () => {
  it('lists the quarter’s plenarias with their acta and OAP copy, and the procedure’s warnings', async () => {
    const plenarias = vi.fn(async () =>
      plenariasResponse({
        plenarias: [
          summary(),
          summary({ unitName: 'Secretaría Distrital de Gobierno', presidingName: 'Camilo Restrepo Niño', acta: actaStatus({ documentVersion: null, state: null, oapStatus: 'vencida', deadline: '2026-11-13' }), canEdit: false }, { id: 'pl-mayor', kind: 'mayor', unitId: null, date: '2026-11-03', modality: 'presencial', location: 'Edificio Liévano, salón de los espejos' }),
        ],
        warnings: [{ code: 'mayor_outside_window', message: 'La plenaria mayor debe hacerse en los primeros 20 días hábiles del semestre (hasta el 2026-07-29).' }],
      }),
    );
    const { el, onOpenActa } = await show({ plenarias });
    const card = await waitFor(() => el.querySelector('[data-testid="plenaria-pl-usaquen-q4"]'));
    expect(plenarias).toHaveBeenCalledWith('2026-Q4', expect.any(AbortSignal));
    expect(card.textContent).toContain('Plenaria menor');
    expect(card.textContent).toContain('Alcaldía Local de Usaquén');
    expect(card.textContent).toContain('viernes, 20 de noviembre de 2026 a las 9:00 a. m. · Mixta');
    expect(card.textContent).toContain('Sala de juntas, piso 2 · Abrir la reunión de Teams');
    // The kind heads the heading, with no separator left hanging (issue 14, item 14).
    expect(card.querySelector('h3')?.textContent).toBe('Plenaria menor Alcaldía Local de Usaquén');
    expect(card.querySelector('a')?.getAttribute('href')).toBe('https://teams.microsoft.com/l/meetup-join/abc');
    expect(card.textContent).toContain('Preside: Marcela Rincón Páez · Secretario/a: Andrés Gómez Torres');
    expect(byTestId(el, 'plenaria-acta-state-pl-usaquen-q4').textContent).toBe('Borrador');
    expect(byTestId(el, 'plenaria-oap-status-pl-usaquen-q4').textContent).toMatch(/^Pendiente \(vence el 2/);
    expect(byTestId(el, 'plenaria-acta-state-pl-mayor').textContent).toBe('Sin acta');
    expect(byTestId(el, 'plenaria-oap-status-pl-mayor').textContent).toBe('Vencida');
    // No acta yet, and the viewer does not write it: nothing to open.
    expect(el.querySelector('[data-testid="plenaria-open-pl-mayor"]')).toBeNull();
    expect(byTestId(el, 'plenaria-open-pl-usaquen-q4').textContent).toBe('Seguir con el acta');
    expect(byTestId(el, 'plenarias-warnings').textContent).toContain('primeros 20 días hábiles');
    await click(byTestId(el, 'plenaria-open-pl-usaquen-q4'));
    expect(onOpenActa).toHaveBeenCalledWith('pl-usaquen-q4');
  });

  it('the OAP’s default filter shows what it is responsible for: the dialogue sessions it scheduled and the entity’s, not only its unit’s (issue 14, item 3)', async () => {
    const oapUnit = { id: 'oap', name: 'Oficina Asesora de Planeación', kind: 'central', level: 'oficina', parentId: null } as const;
    const oapMe = me({ person: { id: 'oap-1', aadObjectId: 'y', name: 'Lucía Ortiz Cárdenas', email: 'l@x', jobTitle: 'Profesional OAP' }, roles: [{ personId: 'oap-1', role: 'oap', unitId: null }], units: [oapUnit], entityWide: true });
    const dialogue = (id: string, date: string, createdBy: string) => summary({ unitName: 'Secretaría Distrital de Gobierno' }, { id, kind: 'dialogo', unitId: null, date, createdBy, presidingId: 'secretario', secretaryId: 'oap-2' });
    const plenarias = vi.fn(async () =>
      plenariasResponse({ plenarias: [summary(), dialogue('pl-dialogo-oct', '2026-10-15', 'eti-1'), dialogue('pl-dialogo-dic', '2026-12-03', 'oap-1')], canSchedule: { menorUnitIds: [], mayorUnitIds: [], entityWide: true, validation: false } }),
    );
    const r = await render(<PlenariasView api={{ plenarias } as unknown as ApiClient} me={oapMe} quarter="2026-Q4" unitId="oap" openActa={null} onOpenActa={() => {}} />);
    cleanups.push(r.unmount);
    const el = r.container;
    await waitFor(() => el.querySelector('[data-testid="plenaria-pl-dialogo-dic"]'));
    expect(el.querySelector('[data-testid="plenaria-pl-dialogo-oct"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="plenaria-pl-usaquen-q4"]')).toBeNull();
    const filter = byTestId(el, 'plenarias-only-unit');
    expect(filter.closest('div')?.textContent ?? el.textContent).toContain('Solo lo que me corresponde: Oficina Asesora de Planeación');
    await click(filter.querySelector('input') ?? filter);
    expect(el.querySelector('[data-testid="plenaria-pl-usaquen-q4"]')).not.toBeNull();
  });

  it('explains the procedure when there is no plenaria, and hides «Programar» from who may not schedule', async () => {
    const { el } = await show({ plenarias: async () => plenariasResponse({ plenarias: [], canSchedule: { menorUnitIds: [], mayorUnitIds: [], entityWide: false, validation: false } }) });
    const empty = await waitFor(() => el.querySelector('[data-testid="plenarias-empty"]'));
    expect(empty.textContent).toContain('No hay plenarias programadas en');
    expect(empty.textContent).toContain('una vez por trimestre');
    expect(empty.textContent).toContain('primeros 20 días hábiles');
    expect(empty.textContent).toContain('8 días hábiles');
    expect(el.querySelector('[data-testid="plenarias-schedule"]')).toBeNull();
  });

  it('«Programar la siguiente» from a past dialogue session pre-fills the next of the monthly series, which the person confirms (issue 14, item 16)', async () => {
    const dialogue = summary(
      {
        unitName: 'Secretaría Distrital de Gobierno',
        presidingName: 'Camilo Restrepo Niño',
        secretaryName: 'Paola Suárez Medina',
        canEdit: false,
        // The server's (the series' rule is core's): the next date after today, the same time, place and people.
        nextInSeries: { kind: 'dialogo', unitId: null, date: '2026-12-15', startTime: '10:00', modality: 'presencial', location: 'Auditorio, sede principal', presidingId: 'lider-despacho', secretaryId: 'oap-1' },
      },
      { id: 'pl-dialogo-2026-10', kind: 'dialogo', unitId: null, date: '2026-10-15', startTime: '10:00', modality: 'presencial', location: 'Auditorio, sede principal', presidingId: 'lider-despacho', secretaryId: 'oap-1' },
    );
    const plenarias = vi.fn(async () => plenariasResponse({ plenarias: [summary(), dialogue], canSchedule: { menorUnitIds: [], mayorUnitIds: [], entityWide: true, validation: false } }));
    const schedulePlenaria = vi.fn(async () => ({ plenaria: dialogue, warnings: [] }));
    const oap = me({ person: { id: 'oap-1', aadObjectId: 'y', name: 'Paola Suárez Medina', email: 'p@x', jobTitle: 'Profesional' }, roles: [{ personId: 'oap-1', role: 'oap', unitId: null }], entityWide: true });
    const { el } = await show({ plenarias, schedulePlenaria }, { me: oap });
    const next = await waitFor(() => el.querySelector('[data-testid="plenaria-next-pl-dialogo-2026-10"]'));
    expect(next.getAttribute('aria-label')).toBe('Programar la sesión de diálogo que sigue a la del 15 de octubre de 2026');
    // Only what the server offers it for (a held dialogue session, to who may schedule one).
    expect(el.querySelector('[data-testid="plenaria-next-pl-usaquen-q4"]')).toBeNull();
    await click(next);
    const dialog = document.body;
    await waitFor(() => dialog.querySelector('[data-testid="schedule-save"]'));
    expect(dialog.textContent).toContain('Programar la siguiente sesión de diálogo');
    expect(dialog.textContent).toContain('La que sigue en la serie mensual de la sesión del 15 de octubre de 2026');
    expect((byTestId(dialog, 'schedule-location') as HTMLInputElement).value).toBe('Auditorio, sede principal');
    expect((byTestId(dialog, 'schedule-presiding') as HTMLInputElement).value).toBe('Camilo Restrepo Niño');
    expect((byTestId(dialog, 'schedule-secretary') as HTMLInputElement).value).toBe('Paola Suárez Medina');
    expect(schedulePlenaria).not.toHaveBeenCalled();
    await click(byTestId(dialog, 'schedule-save'));
    expect(schedulePlenaria).toHaveBeenCalledWith({ kind: 'dialogo', unitId: null, date: '2026-12-15', startTime: '10:00', modality: 'presencial', location: 'Auditorio, sede principal', presidingId: 'lider-despacho', secretaryId: 'oap-1' });
  });

  it('offers «Programar la siguiente» on the series’ latest held session only, and names the next one once it is scheduled', async () => {
    const base = { kind: 'dialogo', unitId: null, startTime: '10:00', modality: 'presencial', location: 'Auditorio, sede principal', presidingId: 'lider-despacho', secretaryId: 'oap-1' } as const;
    const session = (date: string, extra: Partial<PlenariaSummary> = {}) =>
      summary({ unitName: 'Secretaría Distrital de Gobierno', canEdit: false, ...extra }, { ...base, id: `pl-dialogo-${date.slice(0, 7)}`, date });
    const oap = me({ person: { id: 'oap-1', aadObjectId: 'y', name: 'Paola Suárez Medina', email: 'p@x', jobTitle: 'Profesional' }, roles: [{ personId: 'oap-1', role: 'oap', unitId: null }], entityWide: true });
    const canSchedule = { menorUnitIds: [], mayorUnitIds: [], entityWide: true, validation: false };
    // As the server answers on 2 December: the step on November's session, none on October's.
    const open = await show({ plenarias: async () => plenariasResponse({ plenarias: [session('2026-10-15'), session('2026-11-17', { nextInSeries: { ...base, date: '2026-12-17' } })], canSchedule }) }, { me: oap });
    await waitFor(() => open.el.querySelector('[data-testid="plenaria-next-pl-dialogo-2026-11"]'));
    expect(open.el.querySelectorAll('[data-testid^="plenaria-next-"]')).toHaveLength(1);
    expect(open.el.querySelector('[data-testid="plenaria-next-pl-dialogo-2026-10"]')).toBeNull();
    expect(open.el.querySelector('[data-testid^="plenaria-following-"]')).toBeNull();
    // December's is scheduled: no button anywhere, November's session says when the next one is.
    const scheduled = await show(
      { plenarias: async () => plenariasResponse({ plenarias: [session('2026-10-15'), session('2026-11-17', { followingInSeries: { date: '2026-12-17', startTime: '10:00' } }), session('2026-12-17')], canSchedule }) },
      { me: oap },
    );
    const following = await waitFor(() => scheduled.el.querySelector('[data-testid="plenaria-following-pl-dialogo-2026-11"]'));
    expect(following.textContent).toBe('Siguiente sesión: jueves, 17 de diciembre de 2026 a las 10:00 a. m.');
    expect(scheduled.el.querySelector('[data-testid^="plenaria-next-"]')).toBeNull();
    expect(scheduled.el.querySelectorAll('[data-testid^="plenaria-following-"]')).toHaveLength(1);
  });

  it('schedules a plenaria: the unit’s líder presides and its enlace is secretary by default, a virtual one needs an https link, and the server’s warnings show', async () => {
    const result: ScheduleResponse = { plenaria: summary(), warnings: [{ code: 'unit_without_menor', unitId: 'al-usaquen', message: 'La dependencia ya tiene una plenaria menor en este trimestre; esta queda programada también.' }] };
    const schedulePlenaria = vi.fn(async () => result);
    const plenarias = vi.fn(async () => plenariasResponse());
    const { el } = await show({ plenarias, schedulePlenaria });
    await click(await waitFor(() => el.querySelector('[data-testid="plenarias-schedule"]')));
    const dialog = document.body;
    const presiding = await waitFor(() => dialog.querySelector<HTMLInputElement>('[data-testid="schedule-presiding"]'));
    expect(presiding.value).toBe('Marcela Rincón Páez');
    expect((byTestId(dialog, 'schedule-secretary') as HTMLInputElement).value).toBe('Andrés Gómez Torres');
    expect(byTestId(dialog, 'schedule-unit').textContent).toContain('Alcaldía Local de Usaquén');
    await typeDate(byTestId(dialog, 'schedule-date'), '4/12/2026');
    await click(dialog.querySelector('[data-testid="schedule-modality"] input[value="virtual"]')!);
    await type(byTestId(dialog, 'schedule-location'), 'http://teams.microsoft.com/l/x');
    await click(byTestId(dialog, 'schedule-save'));
    expect(dialog.textContent).toContain('El enlace de la reunión debe empezar por https://.');
    expect(schedulePlenaria).not.toHaveBeenCalled();
    await type(byTestId(dialog, 'schedule-location'), 'https://teams.microsoft.com/l/x');
    await click(byTestId(dialog, 'schedule-save'));
    expect(schedulePlenaria).toHaveBeenCalledWith({
      kind: 'menor',
      unitId: 'al-usaquen',
      date: '2026-12-04',
      startTime: '09:00',
      modality: 'virtual',
      location: 'https://teams.microsoft.com/l/x',
      presidingId: 'lider-al-usaquen',
      secretaryId: 'enlace-al-usaquen',
    });
    const notice = await waitFor(() => el.querySelector('[data-testid="plenarias-scheduled"]'));
    expect(notice.textContent).toContain('Se programó la plenaria menor de Alcaldía Local de Usaquén');
    expect(notice.textContent).toContain('ya tiene una plenaria menor en este trimestre');
    expect(dialog.querySelector('[data-testid="schedule-save"]')).toBeNull();
    await waitFor(() => plenarias.mock.calls.length === 2);
  });

  it('shows the server’s refusal in the dialog and keeps the form', async () => {
    const schedulePlenaria = vi.fn().mockRejectedValue(new ApiRequestError(403, 'forbidden', 'No puedes programar esta plenaria.'));
    const { el } = await show({ plenarias: async () => plenariasResponse(), schedulePlenaria });
    await click(await waitFor(() => el.querySelector('[data-testid="plenarias-schedule"]')));
    const dialog = document.body;
    await type(await waitFor(() => dialog.querySelector('[data-testid="schedule-location"]')), 'Sala de juntas');
    await click(byTestId(dialog, 'schedule-save'));
    expect(byTestId(dialog, 'schedule-error').textContent).toBe('No puedes programar esta plenaria.');
    expect((byTestId(dialog, 'schedule-location') as HTMLInputElement).value).toBe('Sala de juntas');
  });

  it('reschedules a plenaria with its reason and says whom the bot told (issue 13, item 2)', async () => {
    const reschedulePlenaria = vi.fn(async (_id: string, input: { date: string; startTime: string }) => ({
      plenaria: summary({}, { date: input.date, startTime: input.startTime, rescheduled: { at: 'x', by: 'enlace-al-usaquen', reason: 'Cruce de agenda', fromDate: '2026-11-20', fromStartTime: '09:00' } }),
      warnings: [],
      notified: ['Marcela Rincón Páez'],
      unreachable: [],
    }));
    const plenarias = vi.fn(async () => plenariasResponse());
    const { el } = await show({ plenarias, reschedulePlenaria });
    await click(await waitFor(() => el.querySelector('[data-testid="plenaria-reschedule-pl-usaquen-q4"]')));
    const dialog = document.body;
    const date = (await waitFor(() => dialog.querySelector('[data-testid="change-date"]'))) as HTMLInputElement;
    // The date reads in es-CO whatever the browser's language, never as the browser's own date input.
    expect(date.value).toBe('20 nov 2026');
    await click(byTestId(dialog, 'change-save'));
    expect(dialog.textContent).toContain('Escribe el motivo.');
    expect(reschedulePlenaria).not.toHaveBeenCalled();
    await typeDate(date, '27/11/2026');
    await type(byTestId(dialog, 'change-reason'), 'Cruce de agenda');
    await click(byTestId(dialog, 'change-save'));
    const done = await waitFor(() => el.querySelector('[data-testid="plenarias-changed"]'));
    expect(reschedulePlenaria).toHaveBeenCalledWith('pl-usaquen-q4', expect.objectContaining({ date: '2026-11-27', startTime: '09:00', reason: 'Cruce de agenda' }));
    expect(done.textContent).toContain('Quedó reprogramada para el viernes, 27 de noviembre de 2026 a las 9:00 a. m.Se avisó');
    expect(done.textContent).toContain('Se avisó en Teams a Marcela Rincón Páez.');
  });

  it('shows a cancelled plenaria with its reason and no acta actions; lists unreadable ones apart with the way out', async () => {
    const plenarias = vi.fn(async () =>
      plenariasResponse({
        plenarias: [summary({ canEdit: false, canChange: false }, { cancelled: { at: 'x', by: 'lider-al-usaquen', reason: 'Emergencia invernal' } })],
        unreadable: [{ plenaria: { ...summary().plenaria, id: 'pl-roto', date: '2026-11-31' }, unitName: 'Alcaldía Local de Usaquén', problem: 'La fecha guardada «2026-11-31» no existe en el calendario: reprograma o cancela esta plenaria.', canChange: true }],
      }),
    );
    const cancelPlenaria = vi.fn();
    const { el } = await show({ plenarias, cancelPlenaria });
    const card = await waitFor(() => el.querySelector('[data-testid="plenaria-pl-usaquen-q4"]'));
    expect(byTestId(el, 'plenaria-cancelled-badge-pl-usaquen-q4').textContent).toBe('Cancelada');
    expect(card.textContent).toContain('Cancelada. Motivo: Emergencia invernal');
    expect(card.querySelector('[data-testid="plenaria-reschedule-pl-usaquen-q4"]')).toBeNull();
    const unreadable = byTestId(el, 'plenaria-unreadable-pl-roto');
    expect(unreadable.textContent).toContain('«2026-11-31» no existe en el calendario');
    const cancel = [...unreadable.querySelectorAll('button')].find((b) => b.textContent === 'Cancelar plenaria')!;
    await click(cancel);
    const dialog = document.body;
    expect((await waitFor(() => dialog.querySelector('[data-testid="change-reason"]'))) && dialog.querySelector('[data-testid="change-date"]')).toBeNull();
  });

  it('opens the acta in place, with the way back', async () => {
    const { el, onOpenActa } = await show({ plenarias: async () => plenariasResponse(), acta: async () => actaView() }, { openActa: 'pl-usaquen-q4' });
    await waitFor(() => el.querySelector('[data-testid="acta-editor"]'));
    await click(byTestId(el, 'acta-back'));
    expect(onOpenActa).toHaveBeenCalledWith(null);
  });
});

describe('Recognitions', () => {
  it('lists the unit’s recognitions, or says there are none yet', async () => {
    const recognitions = vi.fn(async () => [{ id: 'r1', to: 'Equipo de atención a la ciudadanía', reason: 'Respondió 120 PQRS a tiempo', plenariaId: 'pl-1', kind: 'menor' as const, date: '2026-09-18' }]);
    const r = await render(<Recognitions api={{ recognitions } as unknown as ApiClient} unitId="al-usaquen" unitName="Alcaldía Local de Usaquén" />);
    cleanups.push(r.unmount);
    const list = await waitFor(() => r.container.querySelector('[data-testid="recognitions-list"]'));
    expect(recognitions).toHaveBeenCalledWith('al-usaquen', expect.any(AbortSignal));
    expect(list.textContent).toContain('Equipo de atención a la ciudadanía');
    expect(list.textContent).toContain('Respondió 120 PQRS a tiempo');
    expect(list.textContent).toMatch(/Plenaria menor del 18/);
    const empty = await render(<Recognitions api={{ recognitions: async () => [] } as unknown as ApiClient} unitId="al-suba" unitName="Alcaldía Local de Suba" />);
    cleanups.push(empty.unmount);
    expect((await waitFor(() => empty.container.querySelector('[data-testid="recognitions-empty"]'))).textContent).toContain('Aún no hay reconocimientos de Alcaldía Local de Suba');
  });
});
