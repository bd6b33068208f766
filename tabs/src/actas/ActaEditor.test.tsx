// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActaView } from '@okr/core';
import { ApiRequestError } from '../api/http.js';
import type { ApiClient } from '../api/index.js';
import { actaView, acta, draft, signedView } from '../testing/fixtureActas.js';
import { click, flush, type, typeDate, waitFor } from '../testing/dom.js';
import { byTestId, render } from '../testing/render.js';
import ActaEditor from './ActaEditor.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function show(api: Partial<ApiClient>, props: Partial<Parameters<typeof ActaEditor>[0]> = {}) {
  const r = await render(<ActaEditor api={api as ApiClient} plenariaId="pl-usaquen-q4" {...props} />);
  cleanups.push(r.unmount);
  await waitFor(() => r.container.querySelector('[data-testid="acta-editor"]'));
  return r.container;
}

const textOf = (el: ParentNode, id: string) => byTestId(el, id).textContent ?? '';
const valueOf = (el: ParentNode, id: string) => (byTestId(el, id) as HTMLInputElement | HTMLTextAreaElement).value;

describe('ActaEditor', () => {
  it('says a cancelled plenaria’s acta is closed, with the reason', async () => {
    const el = await show({ acta: async () => actaView({ plenaria: { ...actaView().plenaria, cancelled: { at: 'x', by: 'lider-al-usaquen', reason: 'Emergencia invernal' } }, canEdit: false, canChange: false }) });
    expect(textOf(el, 'acta-cancelled')).toContain('La plenaria se canceló (motivo: Emergencia invernal)');
  });

  it('shows the plenaria, the acta’s state and the OAP deadline, and starts the acta when there is none', async () => {
    const started = actaView();
    const startActa = vi.fn(async () => started);
    const el = await show({ acta: async () => actaView({ acta: null }), startActa });
    expect(el.textContent).toContain('Acta · Plenaria menor · Alcaldía Local de Usaquén');
    expect(textOf(el, 'acta-state')).toBe('Sin acta');
    expect(textOf(el, 'acta-oap-status')).toMatch(/^Pendiente \(vence el 2 (de )?dic/);
    expect(el.textContent).toContain('Marcela Rincón Páez');
    expect(el.querySelector('a[href^="https://teams.microsoft.com"]')?.textContent).toBe('Abrir la reunión de Teams');
    await click(byTestId(el, 'acta-start'));
    expect(startActa).toHaveBeenCalledWith('pl-usaquen-q4');
    expect(textOf(el, 'acta-state')).toBe('Borrador');
    expect(valueOf(el, 'acta-objective')).toContain('Revisar en equipo');
    expect(el.querySelectorAll('[data-testid="acta-results"] li li')).toHaveLength(2);
  });

  it('before the plenaria: says when signing opens, offers no request for signatures, and dates the provisional OKR results (issue 14, item 1)', async () => {
    const ahead = { ...actaView().plenaria, date: '2026-12-10' };
    const closed = 'El acta se firma y se envía a la OAP después de la plenaria: se abre el 10 de diciembre de 2026 a las 9:00 a. m. Mientras tanto puedes seguir escribiéndola.';
    const el = await show({ acta: async () => actaView({ plenaria: ahead, okrResultsOn: '2026-12-01', signingClosed: closed }) });
    expect(textOf(el, 'acta-signing-closed')).toBe(closed);
    expect((byTestId(el, 'acta-request-signatures') as HTMLButtonElement).disabled).toBe(true);
    expect(el.textContent).not.toContain('ya se pueden pedir las firmas');
    expect(el.textContent).toMatch(/Avance provisional de los resultados clave al martes, 1 de diciembre de 2026: la plenaria aún no se ha realizado/);
  });

  it('after the plenaria: the OKR results say the date they are of', async () => {
    const el = await show({ acta: async () => actaView({ okrResultsOn: '2026-11-20' }) });
    expect(el.querySelector('[data-testid="acta-signing-closed"]')).toBeNull();
    expect(el.textContent).toContain('Avance de los resultados clave al viernes, 20 de noviembre de 2026, la fecha de la plenaria');
  });

  it('does not offer to start the acta to someone who may not write it', async () => {
    const el = await show({ acta: async () => actaView({ acta: null, canEdit: false }) });
    expect(el.querySelector('[data-testid="acta-start"]')).toBeNull();
    expect(textOf(el, 'acta-empty')).toContain('La escriben el secretario/a designado');
  });

  it('marks unsaved changes and saves the draft with its document version and version', async () => {
    const saved = actaView({ acta: acta({ version: 4, draft: draft({ development: 'Se revisó cada objetivo.' }) }) });
    const saveActa = vi.fn(async () => saved);
    const el = await show({ acta: async () => actaView(), saveActa });
    expect(textOf(el, 'acta-dirty')).toBe('Todo guardado');
    expect((byTestId(el, 'acta-save') as HTMLButtonElement).disabled).toBe(true);
    await type(byTestId(el, 'acta-development'), 'Se revisó cada objetivo.');
    expect(textOf(el, 'acta-dirty')).toBe('Cambios sin guardar');
    await click(byTestId(el, 'acta-save'));
    expect(saveActa).toHaveBeenCalledWith('pl-usaquen-q4', { documentVersion: 1, version: 3, draft: draft({ development: 'Se revisó cada objetivo.' }) });
    expect(textOf(el, 'acta-notice')).toBe('Acta guardada.');
    expect(textOf(el, 'acta-dirty')).toBe('Todo guardado');
  });

  it('saves with Ctrl+S', async () => {
    const saveActa = vi.fn(async () => actaView());
    const el = await show({ acta: async () => actaView(), saveActa });
    await type(byTestId(el, 'acta-objective'), 'Otro objetivo');
    const textarea = byTestId(el, 'acta-objective');
    const { act } = await import('react');
    await act(async () => {
      textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true }));
    });
    expect(saveActa).toHaveBeenCalledTimes(1);
  });

  it('on a stale save keeps what was typed, and reloading merges it with the other person’s changes', async () => {
    const saveActa = vi.fn().mockRejectedValue(new ApiRequestError(409, 'conflict', 'Otra persona guardó el acta mientras la editabas. Tus cambios no se guardaron: recarga para ver la versión actual.'));
    const theirs = actaView({ acta: acta({ version: 4, draft: draft({ decisions: ['Publicar el tablero de PQRS'], development: 'Texto de la otra persona' }) }) });
    const acta$ = vi.fn<() => Promise<ActaView>>().mockResolvedValueOnce(actaView()).mockResolvedValue(theirs);
    const el = await show({ acta: acta$, saveActa });
    await type(byTestId(el, 'acta-development'), 'Mi desarrollo de la reunión');
    await type(byTestId(el, 'acta-conversations'), 'Conversamos sobre las PQRS');
    await click(byTestId(el, 'acta-save'));
    expect(textOf(el, 'acta-conflict')).toContain('Otra persona guardó el acta');
    expect(textOf(el, 'acta-conflict')).toContain('Lo que escribiste sigue en el formulario.');
    expect(valueOf(el, 'acta-development')).toBe('Mi desarrollo de la reunión');
    await click(byTestId(el, 'acta-reload'));
    expect(el.querySelector('[data-testid="acta-conflict"]')).toBeNull();
    expect(valueOf(el, 'acta-development')).toBe('Mi desarrollo de la reunión');
    expect(valueOf(el, 'acta-conversations')).toBe('Conversamos sobre las PQRS');
    expect(valueOf(el, 'acta-decisions-1')).toBe('Publicar el tablero de PQRS');
    expect(textOf(el, 'acta-notice')).toContain('Desarrollo de la reunión');
    // The next save goes on top of the version just loaded.
    saveActa.mockResolvedValue(theirs);
    await click(byTestId(el, 'acta-save'));
    expect(saveActa).toHaveBeenLastCalledWith('pl-usaquen-q4', expect.objectContaining({ version: 4 }));
  });

  it('when the acta was signed meanwhile, shows the unsaved text to copy instead of dropping it', async () => {
    const saveActa = vi.fn().mockRejectedValue(new ApiRequestError(409, 'conflict', 'El acta ya está firmada por ambas partes; una corrección se hace en una nueva versión.'));
    const acta$ = vi.fn<() => Promise<ActaView>>().mockResolvedValueOnce(actaView()).mockResolvedValue(signedView());
    const el = await show({ acta: acta$, saveActa });
    await type(byTestId(el, 'acta-feedback'), 'Retroalimentación que no alcanzó a guardarse');
    await click(byTestId(el, 'acta-save'));
    await click(byTestId(el, 'acta-reload'));
    expect(textOf(el, 'acta-state')).toBe('Firmada');
    expect(textOf(el, 'acta-notice')).toContain('Aquí está lo que escribiste');
    expect(textOf(el, 'acta-notice')).toContain('Retroalimentación: Retroalimentación que no alcanzó a guardarse');
  });

  it('edits lists, recognitions and commitments (with a stable c- id)', async () => {
    const saveActa = vi.fn(async () => actaView());
    const el = await show({ acta: async () => actaView(), saveActa });
    await click(byTestId(el, 'acta-agenda-add'));
    await type(byTestId(el, 'acta-agenda-3'), 'Compromisos y cierre');
    await click(byTestId(el, 'acta-add-recognition'));
    await click(el.querySelector('[data-testid="acta-recognition-1"] input[value="team"]')!);
    await type(byTestId(el, 'acta-recognition-team-1'), 'Equipo de atención a la ciudadanía');
    await type(byTestId(el, 'acta-recognition-reason-1'), 'Respondió 120 PQRS a tiempo');
    await click(byTestId(el, 'acta-add-commitment'));
    await type(byTestId(el, 'acta-commitment-task-1'), 'Publicar el tablero de PQRS');
    await typeDate(byTestId(el, 'acta-commitment-due-1'), '2026-12-15');
    await click(byTestId(el, 'acta-save'));
    const sent = (saveActa.mock.calls[0] as unknown as [string, { draft: ReturnType<typeof draft> }])[1].draft;
    expect(sent.agenda.at(-1)).toBe('Compromisos y cierre');
    expect(sent.recognitions).toEqual([{ id: expect.stringMatching(/^r-/), personId: null, team: 'Equipo de atención a la ciudadanía', reason: 'Respondió 120 PQRS a tiempo' }]);
    expect(sent.commitments).toEqual([{ id: expect.stringMatching(/^c-[0-9a-z]+$/), task: 'Publicar el tablero de PQRS', ownerId: '', due: '2026-12-15' }]);
  });

  it('lists what is missing before signing and asks for the signatures, naming who was reached and who not', async () => {
    const requestSignatures = vi.fn(async () => ({ view: actaView(), sentTo: ['Andrés Gómez Torres'], unreachable: ['Marcela Rincón Páez'] }));
    const el = await show({ acta: async () => actaView({ missing: ['el desarrollo de la reunión'] }), requestSignatures });
    expect(textOf(el, 'acta-missing')).toContain('el desarrollo de la reunión');
    expect((byTestId(el, 'acta-request-signatures') as HTMLButtonElement).disabled).toBe(true);
    await cleanups.splice(0)[0]!();
    const ready = await show({ acta: async () => actaView(), requestSignatures });
    expect(textOf(ready, 'acta-missing')).toContain('ya se pueden pedir las firmas');
    await click(byTestId(ready, 'acta-request-signatures'));
    expect(requestSignatures).toHaveBeenCalledWith('pl-usaquen-q4', 1, 3);
    expect(textOf(ready, 'acta-request-result')).toContain('Enviamos la tarjeta para firmar a: Andrés Gómez Torres.');
    expect(textOf(ready, 'acta-request-result')).toContain('No pudimos llegar por Teams a: Marcela Rincón Páez.');
  });

  it('signs the viewer’s part', async () => {
    const partly = actaView({ state: 'partially_signed', acta: acta({ version: 4, signatures: { secretary: { personId: 'enlace-al-usaquen', at: '2026-11-21T15:00:00.000Z' }, presiding: null } }) });
    const signActa = vi.fn(async () => partly);
    const el = await show({ acta: async () => actaView({ canSign: ['secretary'] }), signActa });
    expect(el.querySelector('[data-testid="acta-sign-presiding"]')).toBeNull();
    await click(byTestId(el, 'acta-sign-secretary'));
    expect(signActa).toHaveBeenCalledWith('pl-usaquen-q4', 1, 3, 'secretary');
    expect(textOf(el, 'acta-state')).toBe('Firmada parcialmente');
    expect(textOf(el, 'acta-signatures')).toContain('Firmó el');
    expect(textOf(el, 'acta-signatures')).toContain('Pendiente de firma');
  });

  it('once signed is read-only, downloads the .docx, records the copy to the OAP and opens a correction with a reason', async () => {
    const sendActaToOap = vi.fn(async () => signedView({ canSendToOap: false, acta: { ...signedView().acta!, sentToOap: { on: '2026-11-24', by: 'enlace-al-usaquen' } }, oap: { documentVersion: 1, state: 'signed', deadline: '2026-12-02', oapStatus: 'a_tiempo', sentOn: '2026-11-24' } }));
    const corrected = actaView({ acta: acta({ documentVersion: 2, version: 1, correctionReason: 'Faltaba un compromiso' }) });
    const correctActa = vi.fn(async () => corrected);
    const blob = new Blob(['docx']);
    const downloadActa = vi.fn(async () => ({ blob, fileName: 'acta.docx' }));
    const createObjectURL = vi.fn(() => 'blob:acta');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const el = await show({ acta: async () => signedView(), sendActaToOap, correctActa, downloadActa });
    expect(textOf(el, 'acta-state')).toBe('Firmada');
    expect(el.querySelector('textarea')).toBeNull();
    expect(el.querySelector('[data-testid="acta-save"]')).toBeNull();
    expect(textOf(el, 'acta-development')).toBe('Se revisó el avance de cada objetivo táctico.');
    await click(byTestId(el, 'acta-download'));
    expect(downloadActa).toHaveBeenCalledWith('pl-usaquen-q4', 1);
    expect(createObjectURL).toHaveBeenCalledWith(blob);
    await click(byTestId(el, 'acta-send-oap'));
    expect(sendActaToOap).toHaveBeenCalledWith('pl-usaquen-q4', 1);
    expect(textOf(el, 'acta-oap-status')).toBe('A tiempo');
    expect(textOf(el, 'acta-notice')).toContain('Se registró el envío a la OAP');
    await click(byTestId(el, 'acta-correct'));
    const dialog = document.body;
    await click(byTestId(dialog, 'acta-correct-confirm'));
    expect(dialog.textContent).toContain('Escribe el motivo de la corrección.');
    expect(correctActa).not.toHaveBeenCalled();
    await type(byTestId(dialog, 'acta-correct-reason'), 'Faltaba un compromiso');
    await click(byTestId(dialog, 'acta-correct-confirm'));
    expect(correctActa).toHaveBeenCalledWith('pl-usaquen-q4', 1, 'Faltaba un compromiso');
    await flush();
    expect(textOf(el, 'acta-state')).toBe('Borrador');
    expect(el.textContent).toContain('Esta versión corrige la versión 1');
  });

  it('read-only mode (the OAP) offers no actions but the download', async () => {
    const el = await show({ acta: async () => signedView({ canSign: ['presiding'] }) }, { readOnly: true });
    expect(el.querySelector('[data-testid="acta-send-oap"]')).toBeNull();
    expect(el.querySelector('[data-testid="acta-correct"]')).toBeNull();
    expect(el.querySelector('[data-testid="acta-sign-presiding"]')).toBeNull();
    expect(el.querySelector('[data-testid="acta-download"]')).not.toBeNull();
  });

  it('warns before leaving with unsaved changes', async () => {
    const onBack = vi.fn();
    const el = await show({ acta: async () => actaView() }, { onBack });
    await type(byTestId(el, 'acta-objective'), 'Cambio');
    await click(byTestId(el, 'acta-back'));
    expect(onBack).not.toHaveBeenCalled();
    expect(textOf(el, 'acta-leave-warning')).toContain('cambios sin guardar');
    await click([...byTestId(el, 'acta-leave-warning').querySelectorAll('button')].find((b) => b.textContent === 'Salir sin guardar')!);
    expect(onBack).toHaveBeenCalled();
  });
});
