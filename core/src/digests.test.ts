import { describe, expect, it } from 'vitest';
import { newActaDraft } from './actaRules.js';
import type { Acta, Plenaria } from './actas.js';
import { whatWaits, type DigestSources } from './digests.js';
import type { OkrSet, RoleAssignment, Unit } from './types.js';

const units: Unit[] = [
  { id: 'al-usaquen', name: 'Alcaldía Local de Usaquén' },
  { id: 'al-suba', name: 'Alcaldía Local de Suba' },
  { id: 'al-bosa', name: 'Alcaldía Local de Bosa' },
] as Unit[];
const roles: RoleAssignment[] = [
  { personId: 'lider-al-usaquen', role: 'lider', unitId: 'al-usaquen' },
  { personId: 'lider-al-suba', role: 'lider', unitId: 'al-suba' },
  { personId: 'enlace-al-suba', role: 'enlace', unitId: 'al-suba' },
  { personId: 'coach-1', role: 'coach', unitId: null },
  { personId: 'coach-2', role: 'coach', unitId: null },
  { personId: 'oap-1', role: 'oap', unitId: null },
];
const set = (unitId: string, state: OkrSet['state'], quarter = '2027-Q1'): OkrSet => ({ id: `set-${unitId}-${quarter}`, unitId, quarter, state, institutionalObjectiveId: 'oe1', version: 3 }) as OkrSet;
const plenaria = (unitId: string, date: string, over: Partial<Plenaria> = {}): Plenaria => ({
  id: `pl-${unitId}-${date}`,
  kind: 'menor',
  unitId,
  date,
  startTime: '09:00',
  modality: 'presencial',
  location: 'Sala 1',
  presidingId: `lider-${unitId}`,
  secretaryId: `enlace-${unitId}`,
  createdBy: `enlace-${unitId}`,
  createdAt: '2026-10-01T15:00:00Z',
  ...over,
});
const acta = (p: Plenaria, over: Partial<Acta> = {}): Acta => ({
  plenariaId: p.id,
  documentVersion: 1,
  version: 2,
  draft: { ...newActaDraft(p, 'x', []), development: 'Se revisó el avance.', conversations: 'Sobre las metas.' },
  okrResults: [],
  snapshotAt: `${p.date}T15:00:00Z`,
  signatures: { secretary: null, presiding: null },
  sentToOap: null,
  fileName: null,
  correctionReason: null,
  createdBy: p.secretaryId,
  createdAt: `${p.date}T15:00:00Z`,
  updatedBy: p.secretaryId,
  updatedAt: `${p.date}T15:00:00Z`,
  ...over,
});
const sig = (personId: string) => ({ personId, at: '2026-11-21T14:00:00Z' });
const sources = (over: Partial<DigestSources>): DigestSources => ({ today: '2026-11-23', units, roles, sets: [], plenarias: [], actas: [], ...over });
const itemsOf = (waiting: ReturnType<typeof whatWaits>, kind: string, personId: string) => waiting.find((w) => w.kind === kind && w.personId === personId)?.items;

describe('what waits for whom (weekly digests)', () => {
  it('líderes: their units’ sets in approval; coaches: every set in review', () => {
    const waiting = whatWaits(sources({ sets: [set('al-usaquen', 'leader_approval'), set('al-suba', 'coach_review'), set('al-bosa', 'coach_review', '2026-Q4')] }));
    expect(itemsOf(waiting, 'approvals_digest', 'lider-al-usaquen')).toEqual(['Set de OKR T1 2027 de Alcaldía Local de Usaquén: por aprobar']);
    expect(itemsOf(waiting, 'approvals_digest', 'lider-al-suba')).toBeUndefined();
    expect(itemsOf(waiting, 'coach_digest', 'coach-1')).toEqual(['Set de OKR T4 2026 de Alcaldía Local de Bosa: por revisar', 'Set de OKR T1 2027 de Alcaldía Local de Suba: por revisar']);
    expect(itemsOf(waiting, 'coach_digest', 'coach-2')).toHaveLength(2);
    expect(waiting.find((w) => w.kind === 'coach_digest')!.topics).toEqual(['sets_to_review']);
  });

  it('signers: only complete, not fully signed latest versions, for the parts still missing', () => {
    const suba = plenaria('al-suba', '2026-11-20');
    const usaquen = plenaria('al-usaquen', '2026-11-19');
    const bosa = plenaria('al-bosa', '2026-11-18');
    const incomplete = { ...acta(bosa).draft, development: '' };
    const waiting = whatWaits(
      sources({
        sets: [set('al-suba', 'leader_approval')],
        plenarias: [suba, usaquen, bosa],
        actas: [
          acta(suba, { signatures: { secretary: sig('enlace-al-suba'), presiding: null } }),
          // Usaquén: version 1 signed, version 2 (a correction) complete and unsigned.
          acta(usaquen, { signatures: { secretary: sig('enlace-al-usaquen'), presiding: sig('lider-al-usaquen') } }),
          acta(usaquen, { documentVersion: 2, correctionReason: 'Fecha' }),
          acta(bosa, { draft: incomplete }),
        ],
      }),
    );
    expect(itemsOf(waiting, 'approvals_digest', 'lider-al-suba')).toEqual([
      'Set de OKR T1 2027 de Alcaldía Local de Suba: por aprobar',
      'Acta de la plenaria menor de Alcaldía Local de Suba (20 de noviembre de 2026): falta tu firma como quien preside',
    ]);
    expect(waiting.find((w) => w.personId === 'lider-al-suba')!.topics).toEqual(['sets_to_approve', 'actas_to_sign']);
    expect(itemsOf(waiting, 'approvals_digest', 'enlace-al-suba')).toBeUndefined(); // already signed
    expect(itemsOf(waiting, 'approvals_digest', 'enlace-al-usaquen')).toEqual(['Acta de la plenaria menor de Alcaldía Local de Usaquén (19 de noviembre de 2026): falta tu firma como secretario/a']);
    expect(itemsOf(waiting, 'approvals_digest', 'lider-al-bosa')).toBeUndefined(); // incomplete: not ready to sign
    // Fully signed: nothing.
    expect(whatWaits(sources({ plenarias: [suba], actas: [acta(suba, { signatures: { secretary: sig('enlace-al-suba'), presiding: sig('lider-al-suba') } })] }))).toEqual([]);
  });

  it('the OAP: copies late (none sent) and falling due within 3 business days; sent or far ones are not listed', () => {
    // Deadlines (8 business days; 16 Nov a holiday): 5 Nov → 18 Nov; 11 Nov → 24 Nov; 13 Nov → 26 Nov; 17 Nov → 27 Nov (4 business days away).
    const late = plenaria('al-bosa', '2026-11-05');
    const soon = plenaria('al-suba', '2026-11-13');
    const notSoon = plenaria('al-usaquen', '2026-11-17', { id: 'not-soon' });
    const sentLate = plenaria('al-usaquen', '2026-11-04', { id: 'sent-late' });
    const future = plenaria('al-usaquen', '2026-12-10', { id: 'future' });
    const mayor = plenaria('x', '2026-11-11', { id: 'mayor', kind: 'mayor', unitId: null });
    const waiting = whatWaits(
      sources({
        today: '2026-11-23',
        plenarias: [late, soon, notSoon, sentLate, future, mayor],
        actas: [acta(sentLate, { signatures: { secretary: sig('enlace-al-usaquen'), presiding: sig('lider-al-usaquen') }, sentToOap: { on: '2026-11-20', by: 'enlace-al-usaquen' } }), acta(late)],
      }),
    );
    expect(itemsOf(waiting, 'oap_digest', 'oap-1')).toEqual([
      'Alcaldía Local de Bosa — plenaria menor del 5 de noviembre de 2026: copia vencida (plazo hasta el 18 de noviembre de 2026)',
      'Secretaría Distrital de Gobierno — plenaria mayor del 11 de noviembre de 2026: copia pendiente (plazo hasta el 24 de noviembre de 2026)',
      'Alcaldía Local de Suba — plenaria menor del 13 de noviembre de 2026: copia pendiente (plazo hasta el 26 de noviembre de 2026)',
    ]);
    expect(waiting.find((w) => w.kind === 'oap_digest')!.topics).toEqual(['oap_copies']);
    // November is not the quarter's last month: no count of units without a plenaria menor yet.
    expect(itemsOf(waiting, 'oap_digest', 'oap-1')!.some((i) => i.includes('sin plenaria menor'))).toBe(false);
  });

  it('the OAP: from the quarter’s last month, how many units have no plenaria menor; nothing at all when nothing waits', () => {
    const suba = plenaria('al-suba', '2026-10-20');
    const sent = acta(suba, { signatures: { secretary: sig('enlace-al-suba'), presiding: sig('lider-al-suba') }, sentToOap: { on: '2026-10-21', by: 'enlace-al-suba' } });
    expect(whatWaits(sources({ today: '2026-11-30', plenarias: [suba], actas: [sent] }))).toEqual([]);
    const dec = whatWaits(sources({ today: '2026-12-01', plenarias: [suba], actas: [sent] }));
    expect(dec).toEqual([{ kind: 'oap_digest', personId: 'oap-1', items: ['2 unidades sin plenaria menor en T4 2026'], topics: ['units_without_menor'] }]);
    const one = whatWaits(sources({ today: '2026-12-01', plenarias: [suba, plenaria('al-bosa', '2026-12-15')], actas: [sent] }));
    expect(one[0]!.items).toEqual(['1 unidad sin plenaria menor en T4 2026']);
    // A plenaria of the previous quarter does not cover this one.
    expect(whatWaits(sources({ today: '2027-03-01', plenarias: [suba], actas: [sent] }))[0]!.items).toEqual(['3 unidades sin plenaria menor en T1 2027']);
    // No OAP people: no OAP digest.
    expect(whatWaits(sources({ today: '2026-12-01', roles: roles.filter((r) => r.role !== 'oap') }))).toEqual([]);
  });
});
