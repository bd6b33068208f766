import { describe, expect, it } from 'vitest';
import { dialogueSession } from './testing/sampleDialogue.js';
import type { Acta } from './actas.js';
import { assignProposal, followUpProposal, proposalWrites, sortProposals, type Proposal } from './proposals.js';

const AT = '2026-10-20T15:00:00.000Z';
const session = dialogueSession;
const signed = { secretary: { personId: 'eti-2', at: AT }, presiding: { personId: 'lider-despacho', at: AT } };
const acta = (proposals: string[], documentVersion = 1, signatures: Acta['signatures'] = signed): Acta =>
  ({ plenariaId: session.id, documentVersion, version: 3, draft: { proposals } as Acta['draft'], signatures } as Acta);
const tracked = (over: Partial<Proposal> = {}): Proposal => ({
  id: `${session.id}:p1`,
  plenariaId: session.id,
  sessionDate: session.date,
  text: 'Programar pausas activas en las sedes.',
  responsibleId: null,
  status: 'recibida',
  notes: [],
  impact: null,
  version: 1,
  createdAt: AT,
  updatedAt: AT,
  ...over,
});

describe('proposals from a signed acta of a dialogue session (issue 14, item 16)', () => {
  it('creates each proposal the signed acta records, «recibida» and unassigned, once', () => {
    const writes = proposalWrites(acta(['Programar pausas activas en las sedes.', '  Simplificar el formato de evidencias.  ', '', 'programar  pausas activas en las sedes.']), session, [], AT, 'eti-2');
    expect(writes.map((w) => [w.proposal.id, w.proposal.text, w.proposal.status, w.proposal.responsibleId, w.expectedVersion])).toEqual([
      ['pl-dialogo-2026-10:p1', 'Programar pausas activas en las sedes.', 'recibida', null, null],
      ['pl-dialogo-2026-10:p2', 'Simplificar el formato de evidencias.', 'recibida', null, null],
    ]);
    expect(writes[0]!.proposal.sessionDate).toBe('2026-10-15');
  });

  it('brings nothing from an acta not yet signed by both, nor from a plenaria that is not a dialogue session', () => {
    expect(proposalWrites(acta(['Una'], 1, { secretary: signed.secretary, presiding: null }), session, [], AT, 'eti-2')).toEqual([]);
    expect(proposalWrites(acta(['Una']), { ...session, kind: 'menor' }, [], AT, 'eti-2')).toEqual([]);
  });

  it('after a correction: a new proposal gets the next number, a dropped one keeps its follow-up with a note, once', () => {
    const old = tracked({ responsibleId: 'lider-dgth', status: 'en_estudio', version: 2 });
    const writes = proposalWrites(acta(['Crear una ruta de inducción.'], 2), session, [old], AT, 'eti-2');
    expect(writes.map((w) => w.proposal.id)).toEqual(['pl-dialogo-2026-10:p2', 'pl-dialogo-2026-10:p1']);
    const dropped = writes[1]!;
    expect(dropped).toMatchObject({ expectedVersion: 2, proposal: { status: 'en_estudio', responsibleId: 'lider-dgth' } });
    expect(dropped.proposal.notes.at(-1)!.text).toBe('La versión 2 del acta ya no recoge esta propuesta; su seguimiento se conserva.');
    // Completing the same signed version again (idempotent) adds nothing.
    expect(proposalWrites(acta(['Crear una ruta de inducción.'], 2), session, [dropped.proposal, writes[0]!.proposal], AT, 'eti-2')).toEqual([]);
  });
});

describe('following a proposal up', () => {
  it('assigning records who takes it in a note, and refuses the same person again', () => {
    const r = assignProposal(tracked(), 'lider-dgth', 'Paula Andrea Restrepo', 'oap-1', AT);
    expect(r.ok && [r.proposal.responsibleId, r.proposal.notes.map((n) => n.text)]).toEqual(['lider-dgth', ['La toma Paula Andrea Restrepo.']]);
    expect(assignProposal(tracked({ responsibleId: 'lider-dgth' }), 'lider-dgth', 'Paula Andrea Restrepo', 'oap-1', AT)).toEqual({ ok: false, message: 'Paula Andrea Restrepo ya es quien toma esta propuesta.' });
  });

  it('nothing moves past «recibida» before someone takes it', () => {
    expect(followUpProposal(tracked(), { status: 'en_estudio' }, 'oap-1', AT)).toEqual({ ok: false, message: 'Primero la Oficina Asesora de Planeación o el Despacho deben asignar quién toma la propuesta.' });
  });

  it('refuses «implementada» without the impact measured, and «no viable» without a note saying why', () => {
    const taken = tracked({ responsibleId: 'lider-dgth', status: 'adoptada' });
    expect(followUpProposal(taken, { status: 'implementada', note: 'Listo' }, 'lider-dgth', AT)).toEqual({ ok: false, message: 'Para cerrar una propuesta como implementada, describe el impacto medido.' });
    expect(followUpProposal(taken, { status: 'no_viable' }, 'lider-dgth', AT)).toEqual({ ok: false, message: 'Para marcar una propuesta como no viable, escribe en la nota por qué.' });
    expect(followUpProposal(taken, { status: 'adoptada', impact: ' ' }, 'lider-dgth', AT)).toEqual({ ok: false, message: 'No hay cambios que guardar.' });
  });

  it('closes with the impact and a dated note by its author, the text kept as typed', () => {
    const r = followUpProposal(tracked({ responsibleId: 'lider-dgth', status: 'adoptada' }), { status: 'implementada', note: 'Pausas <b>los martes</b> & jueves.', impact: 'Ausentismo por dolencias −12 % en noviembre.' }, 'lider-dgth', AT);
    expect(r).toMatchObject({ ok: true, proposal: { status: 'implementada', impact: 'Ausentismo por dolencias −12 % en noviembre.', notes: [{ at: AT, by: 'lider-dgth', text: 'Pausas <b>los martes</b> & jueves.' }] } });
  });

  it('lists what needs someone first: open ones by stage, oldest session first; then closed ones, newest session first', () => {
    const list = [
      tracked({ id: 'a:p1', status: 'implementada', sessionDate: '2026-09-14' }),
      tracked({ id: 'b:p2', status: 'en_estudio', sessionDate: '2026-10-15' }),
      tracked({ id: 'b:p10', status: 'no_viable', sessionDate: '2026-10-15' }),
      tracked({ id: 'a:p3', status: 'adoptada', sessionDate: '2026-09-14' }),
      tracked({ id: 'a:p4', status: 'en_estudio', sessionDate: '2026-09-14' }),
      tracked({ id: 'b:p3', status: 'recibida', sessionDate: '2026-10-15' }),
    ];
    expect(sortProposals(list).map((p) => p.id)).toEqual(['b:p3', 'a:p4', 'b:p2', 'a:p3', 'b:p10', 'a:p1']);
  });
});
