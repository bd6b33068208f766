// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../api/index.js';
import { ApiRequestError } from '../api/http.js';
import { commitment } from '../testing/fixtureActas.js';
import { click, type, waitFor } from '../testing/dom.js';
import { byTestId, render } from '../testing/render.js';
import CommitmentsView from './CommitmentsView.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function show(api: Partial<ApiClient>) {
  const r = await render(<CommitmentsView api={api as ApiClient} unitId="al-usaquen" unitName="Alcaldía Local de Usaquén" />);
  cleanups.push(r.unmount);
  return r.container;
}

const ID = 'pl-usaquen-q3:c-1a2b3c';

describe('CommitmentsView', () => {
  it('shows my commitments, open ones first, overdue ones highlighted, with origin and follow-up', async () => {
    const commitments = vi.fn(async () => ({
      commitments: [
        commitment(),
        commitment({ id: 'x:c-2', task: 'Capacitar al equipo en el nuevo formato', status: 'cumplido', overdue: false, impact: 'El 100 % del equipo usa el formato.', notes: [{ at: '2026-10-10T15:00:00.000Z', by: 'enlace-al-usaquen', byName: 'Andrés Gómez Torres', text: 'Se hizo la capacitación.' }] }),
      ],
    }));
    const el = await show({ commitments });
    const open = await waitFor(() => el.querySelector('[data-testid="commitments-open"]'));
    expect(commitments).toHaveBeenCalledWith({ scope: 'mine' }, expect.any(AbortSignal));
    const card = byTestId(el, `commitment-${ID}`);
    expect(open.contains(card)).toBe(true);
    expect(card.getAttribute('data-overdue')).toBe('true');
    expect(card.textContent).toContain('Publicar el tablero de PQRS');
    expect(card.textContent).toContain('Responsable: Andrés Gómez Torres');
    expect(byTestId(card, 'commitment-overdue').textContent).toMatch(/^Vencido desde el 30/);
    expect(card.textContent).toMatch(/Plenaria menor del 18 .*sept?.* · Alcaldía Local de Usaquén/);
    expect(card.textContent).toContain('Abierto');
    const closed = byTestId(el, 'commitments-closed');
    expect(closed.textContent).toContain('Cumplido');
    expect(closed.textContent).toContain('El 100 % del equipo usa el formato.');
    expect(closed.textContent).toContain('Andrés Gómez Torres: Se hizo la capacitación.');
  });

  it('switches to the unit’s commitments, and says when there are none', async () => {
    const commitments = vi.fn(async () => ({ commitments: [] }));
    const el = await show({ commitments });
    expect((await waitFor(() => el.querySelector('[data-testid="commitments-empty"]'))).textContent).toContain('No tienes compromisos asignados.');
    await click(el.querySelector('[data-testid="commitments-scope"] input[value="unit"]')!);
    await waitFor(() => commitments.mock.calls.length === 2);
    expect(commitments).toHaveBeenLastCalledWith({ unitId: 'al-usaquen' }, expect.any(AbortSignal));
    expect((await waitFor(() => el.querySelector('[data-testid="commitments-empty"]'))).textContent).toContain('Alcaldía Local de Usaquén no tiene compromisos registrados.');
  });

  it('updates a commitment: «cumplido» asks for the impact, the server’s Spanish refusal shows, and a success replaces the card', async () => {
    const updateCommitment = vi
      .fn()
      .mockRejectedValueOnce(new ApiRequestError(403, 'forbidden', 'Solo el responsable del compromiso, o el enlace o el líder de la dependencia, pueden actualizarlo.'))
      .mockResolvedValue(commitment({ status: 'cumplido', overdue: false, impact: 'Los ciudadanos consultan el tablero.', version: 2 }));
    const el = await show({ commitments: async () => ({ commitments: [commitment()] }), updateCommitment });
    await click(await waitFor(() => el.querySelector(`[data-testid="commitment-update-${ID}"]`)));
    const dialog = document.body;
    await click(dialog.querySelector('[data-testid="commitment-status"] input[value="cumplido"]')!);
    await click(byTestId(dialog, 'commitment-save'));
    expect(dialog.textContent).toContain('Para cerrar un compromiso como cumplido, describe su impacto.');
    expect(updateCommitment).not.toHaveBeenCalled();
    await type(byTestId(dialog, 'commitment-impact'), 'Los ciudadanos consultan el tablero.');
    await type(byTestId(dialog, 'commitment-note'), 'Publicado el 28 de octubre.');
    await click(byTestId(dialog, 'commitment-save'));
    expect(byTestId(dialog, 'commitment-error').textContent).toContain('Solo el responsable del compromiso');
    expect((byTestId(dialog, 'commitment-note') as HTMLTextAreaElement).value).toBe('Publicado el 28 de octubre.');
    await click(byTestId(dialog, 'commitment-save'));
    expect(updateCommitment).toHaveBeenLastCalledWith(ID, { version: 1, status: 'cumplido', note: 'Publicado el 28 de octubre.', impact: 'Los ciudadanos consultan el tablero.' });
    expect(byTestId(el, 'commitments-saved').textContent).toContain('Se actualizó «Publicar el tablero de PQRS en la cartelera de la alcaldía».');
    expect(byTestId(el, 'commitments-closed').textContent).toContain('Los ciudadanos consultan el tablero.');
  });

  it('asks for a note to cancel', async () => {
    const updateCommitment = vi.fn();
    const el = await show({ commitments: async () => ({ commitments: [commitment()] }), updateCommitment });
    await click(await waitFor(() => el.querySelector(`[data-testid="commitment-update-${ID}"]`)));
    const dialog = document.body;
    await click(dialog.querySelector('[data-testid="commitment-status"] input[value="cancelado"]')!);
    await click(byTestId(dialog, 'commitment-save'));
    expect(dialog.textContent).toContain('Para cancelar un compromiso, escribe en la nota por qué.');
    expect(updateCommitment).not.toHaveBeenCalled();
  });
});
