// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProposalView, ProposalsResponse } from '@okr/core';
import type { ProposalsApi } from '../api/proposals.js';
import { click, type, waitFor } from '../testing/dom.js';
import { byTestId, render } from '../testing/render.js';
import ProposalsView from './ProposalsView.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const proposal = (over: Partial<ProposalView> = {}): ProposalView => ({
  id: 'pl-dialogo-2026-10:p1',
  plenariaId: 'pl-dialogo-2026-10',
  sessionDate: '2026-10-16',
  text: 'Simplificar el formato de evidencias <b>mensual</b>.',
  responsibleId: 'lider-oap',
  responsibleName: 'Ricardo Ernesto Rodríguez Castañeda',
  status: 'en_estudio',
  notes: [{ at: '2026-10-28T14:17:00.000Z', by: 'lider-oap', byName: 'Ricardo Ernesto Rodríguez Castañeda', text: 'Se prueba un formato de una página.' }],
  impact: null,
  version: 3,
  createdAt: '2026-10-20T14:00:00.000Z',
  updatedAt: '2026-10-28T14:17:00.000Z',
  canAssign: true,
  canUpdate: true,
  ...over,
});

const response = (proposals: ProposalView[]): ProposalsResponse => ({
  proposals,
  sessions: [
    { plenariaId: 'pl-dialogo-2026-10', date: '2026-10-16' },
    { plenariaId: 'pl-dialogo-2026-09', date: '2026-09-15' },
  ],
  coordinator: true,
  people: [{ id: 'lider-sgl', name: 'Adriana Milena Rojas Guerrero', jobTitle: 'Subsecretaria' }],
});

async function show(api: Partial<ProposalsApi>) {
  const r = await render(<ProposalsView api={api as ProposalsApi} />);
  cleanups.push(r.unmount);
  return r.container;
}

describe('ProposalsView (issue 14, item 16)', () => {
  it('lists the proposals across sessions with who takes each, status, dated notes and the impact, text shown literally', async () => {
    const done = proposal({ id: 'pl-dialogo-2026-09:p2', plenariaId: 'pl-dialogo-2026-09', sessionDate: '2026-09-15', status: 'implementada', impact: '17 personas nuevas hicieron la inducción.' });
    const el = await show({ proposals: vi.fn(async () => response([proposal(), proposal({ id: 'pl-dialogo-2026-10:p3', responsibleId: null, responsibleName: null, status: 'recibida', notes: [] }), done])) });
    const card = await waitFor(() => el.querySelector('[data-testid="proposal-pl-dialogo-2026-10:p1"]'));
    expect(card.textContent).toContain('Simplificar el formato de evidencias <b>mensual</b>.');
    expect(card.textContent).toContain('Sesión del 16 de octubre de 2026');
    expect(card.textContent).toContain('Quién la toma: Ricardo Ernesto Rodríguez Castañeda');
    expect(byTestId(card, 'proposal-status').textContent).toBe('En estudio');
    expect(byTestId(card, 'proposal-notes').textContent).toMatch(/28 .*oct.* · Ricardo Ernesto Rodríguez Castañeda: Se prueba un formato de una página\./);
    expect(byTestId(el, 'proposal-pl-dialogo-2026-10:p3').textContent).toContain('Nadie todavía');
    expect(byTestId(el, 'proposal-pl-dialogo-2026-09:p2').textContent).toContain('17 personas nuevas hicieron la inducción.');
    expect(byTestId(el, 'proposals-count').textContent).toBe('3 propuestas');
  });

  it('says when there are none yet', async () => {
    const el = await show({ proposals: vi.fn(async () => ({ ...response([]), sessions: [] })) });
    expect((await waitFor(() => el.querySelector('[data-testid="proposals-empty"]'))).textContent).toContain('Todavía no hay propuestas');
  });

  it('asks for the impact before closing one as implementada, and shows the saved proposal', async () => {
    const saved = proposal({ status: 'implementada', impact: 'Los reportes tardan 2 días menos.', version: 4 });
    const followUpProposal = vi.fn(async () => saved);
    const el = await show({ proposals: vi.fn(async () => response([proposal({ status: 'adoptada' })])), followUpProposal });
    await click(await waitFor(() => el.querySelector('[data-testid="proposal-update-pl-dialogo-2026-10:p1"]')));
    const dialog = document.body;
    await click(await waitFor(() => dialog.querySelector('[data-testid="proposal-status-choice"] input[value="implementada"]')));
    await click(byTestId(dialog, 'proposal-save'));
    expect(dialog.textContent).toContain('Para cerrar una propuesta como implementada, describe el impacto medido.');
    expect(followUpProposal).not.toHaveBeenCalled();
    await type(dialog.querySelector('[data-testid="proposal-impact-input"]')!, 'Los reportes tardan 2 días menos.');
    await click(dialog.querySelector('[data-testid="proposal-save"]')!);
    await waitFor(() => el.querySelector('[data-testid="proposals-saved"]'));
    expect(followUpProposal).toHaveBeenCalledWith('pl-dialogo-2026-10:p1', { version: 3, status: 'implementada', impact: 'Los reportes tardan 2 días menos.' });
    expect(byTestId(el, 'proposal-pl-dialogo-2026-10:p1').textContent).toContain('Implementada');
  });
});
