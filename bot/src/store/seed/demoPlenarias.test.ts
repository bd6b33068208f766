import { describe, expect, it } from 'vitest';
import {
  actaState,
  draftErrors,
  isBusinessDay,
  isOverdue,
  mayorWindowWarning,
  nextMonthlySession,
  previousQuarter,
  quarterMonths,
  missingForSignature,
  oapCopyStatus,
  quarterOf,
  type Acta,
  type Plenaria,
} from '@okr/core';
import { buildDemoSeed } from './demoOkrs.js';
import { DRAFT_THIS_QUARTER, HELD_THIS_QUARTER, MISSING_LAST_QUARTER, SCHEDULED_THIS_QUARTER } from './demoPlenarias.js';

const TODAY = '2026-11-23';
const seed = buildDemoSeed(TODAY);
const plenarias = seed.plenarias!;
const actas = seed.actas!;
const commitments = seed.commitments!;
const actaOf = (p: Plenaria): Acta[] => actas.filter((a) => a.plenariaId === p.id);
const menores = (quarter: string) => plenarias.filter((p) => p.kind === 'menor' && quarterOf(p.date) === quarter);

describe('Demo plenarias (today 2026-11-23)', () => {
  it('2026-Q3: a plenaria menor in September for 40 of the 44 units, presided by the líder, written by the enlace, each with a signed acta', () => {
    const q3 = menores('2026-Q3');
    expect(q3).toHaveLength(40);
    const held = new Set(q3.map((p) => p.unitId));
    expect(seed.units.filter((u) => !held.has(u.id)).map((u) => u.id).sort()).toEqual([...MISSING_LAST_QUARTER].sort());
    for (const p of q3) {
      expect(p.id).toBe(`pl-${p.unitId}-2026-Q3`);
      expect(p.date.startsWith('2026-09')).toBe(true);
      expect(isBusinessDay(p.date)).toBe(true);
      expect([p.presidingId, p.secretaryId]).toEqual([`lider-${p.unitId}`, `enlace-${p.unitId}`]);
      const [acta, ...more] = actaOf(p);
      expect(more).toEqual([]);
      expect(acta).toMatchObject({ documentVersion: 1, fileName: null });
      expect(actaState(acta!.signatures)).toBe('signed');
      expect(acta!.okrResults).toHaveLength(9);
      expect(acta!.okrResults.every((r) => /^\d+ %$/.test(r.progress) || r.progress === 'Sin reporte')).toBe(true);
    }
    // The copy to the OAP: mostly within the 8 business days, five late, three never sent.
    const status = q3.map((p) => oapCopyStatus(p.date, actaOf(p)[0]!.sentToOap?.on ?? null, TODAY));
    expect(status.filter((s) => s === 'a_tiempo')).toHaveLength(32);
    expect(q3.filter((p) => actaOf(p)[0]!.sentToOap === null)).toHaveLength(3);
    expect(status.filter((s) => s === 'vencida')).toHaveLength(8);
  });

  it('the semester’s plenaria mayor within its first 20 business days, and the monthly dialogue sessions held so far (September to November), presided by the Secretario', () => {
    const secretario = seed.roles.find((r) => r.role === 'secretario')!.personId;
    const mayor = plenarias.find((p) => p.kind === 'mayor')!;
    expect(mayor).toMatchObject({ id: 'pl-mayor-2026-S2', unitId: null, presidingId: secretario });
    expect(mayor.date.startsWith('2026-07')).toBe(true);
    expect(mayorWindowWarning(mayor.date)).toBeNull();
    expect(actaOf(mayor)[0]!.okrResults).toEqual([]);
    const dialogues = plenarias.filter((p) => p.kind === 'dialogo');
    expect(dialogues.map((p) => p.id)).toEqual(['pl-dialogo-2026-09', 'pl-dialogo-2026-10', 'pl-dialogo-2026-11']);
    for (const p of [mayor, ...dialogues]) {
      expect(p).toMatchObject({ unitId: null, presidingId: secretario });
      const acta = actaOf(p)[0]!;
      expect(actaState(acta.signatures)).toBe('signed');
      expect(acta.draft.commitments.length).toBeGreaterThan(0);
      if (p.kind === 'dialogo') expect(acta.draft.proposals.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('2026-Q4: twelve held and signed, three with the acta in draft, five scheduled in December, none for al-usaquen', () => {
    const q4 = menores('2026-Q4');
    expect(q4.map((p) => p.unitId).sort()).toEqual([...HELD_THIS_QUARTER, ...DRAFT_THIS_QUARTER, ...SCHEDULED_THIS_QUARTER].sort());
    expect(plenarias.filter((p) => p.unitId === 'al-usaquen' && quarterOf(p.date) === '2026-Q4')).toEqual([]);
    for (const p of q4) {
      const unit = p.unitId!;
      if ((HELD_THIS_QUARTER as readonly string[]).includes(unit)) {
        expect(p.date < TODAY).toBe(true);
        const acta = actaOf(p)[0]!;
        expect(actaState(acta.signatures)).toBe('signed');
        expect(oapCopyStatus(p.date, acta.sentToOap?.on ?? null, TODAY)).toBe('a_tiempo');
      } else if ((DRAFT_THIS_QUARTER as readonly string[]).includes(unit)) {
        const acta = actaOf(p)[0]!;
        expect([actaState(acta.signatures), acta.sentToOap, oapCopyStatus(p.date, null, TODAY)]).toEqual(['draft', null, 'pendiente']);
      } else {
        expect(p.date > TODAY && p.date.startsWith('2026-12')).toBe(true);
        expect(actaOf(p)).toEqual([]);
      }
    }
  });

  it('every acta is one the app would accept, and every signed one has its commitments in the tracker', () => {
    const people = new Set(seed.people.map((p) => p.id));
    const byId = new Map(plenarias.map((p) => [p.id, p]));
    for (const acta of actas) {
      const p = byId.get(acta.plenariaId)!;
      expect(draftErrors(acta.draft, p, people)).toEqual([]);
      const tracked = commitments.filter((c) => c.plenariaId === p.id);
      if (actaState(acta.signatures) === 'signed') {
        expect(missingForSignature(acta.draft, p.kind)).toEqual([]);
        expect(tracked.map((c) => c.id)).toEqual(acta.draft.commitments.map((c) => `${p.id}:${c.id}`));
        expect(tracked.every((c) => c.unitId === p.unitId)).toBe(true);
      } else {
        expect(tracked).toEqual([]);
      }
    }
    for (const c of commitments) {
      expect(people.has(c.ownerId)).toBe(true);
      // Closed ones say what came of them; ones in progress have a follow-up.
      expect(c.status !== 'cumplido' || (c.impact ?? '').length > 20).toBe(true);
      expect(c.status !== 'en_curso' || c.notes.length > 0).toBe(true);
      expect(c.notes.every((n) => n.at.slice(0, 10) < TODAY)).toBe(true);
    }
    const statuses = new Set(commitments.map((c) => c.status));
    expect([...statuses].sort()).toEqual(['abierto', 'cumplido', 'en_curso']);
    const overdue = commitments.filter((c) => isOverdue(c, TODAY));
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(overdue.length).toBeLessThanOrEqual(15);
  });

  it('is the same on every start, and a copy: changing one seed leaves the next untouched', () => {
    const again = buildDemoSeed(TODAY);
    expect(again.plenarias).toEqual(plenarias);
    expect(again.actas).toEqual(actas);
    expect(again.commitments).toEqual(commitments);
    again.actas![0]!.draft.decisions.push('x');
    expect(buildDemoSeed(TODAY).actas![0]!.draft.decisions).not.toContain('x');
  });
});

describe('The demo’s «Un café con el Secretario» series, for any today', () => {
  // Around the November session (held 17 Nov; the secretary signs the 18th, the Secretario the 19th),
  // the brief's today (2 Dec), and later in a quarter.
  for (const today of ['2026-11-17', '2026-11-19', '2026-11-20', '2026-11-23', '2026-12-02', '2027-02-26']) {
    it(`${today}: one session every month of the series held before today, none missing, none ahead; actas and proposals as far along as the date allows`, () => {
      const demo = buildDemoSeed(today);
      const sessions = demo.plenarias!.filter((p) => p.kind === 'dialogo');
      expect(sessions.length).toBeGreaterThan(0);
      expect(sessions[0]!.date.slice(0, 7)).toBe(quarterMonths(previousQuarter(quarterOf(today)))[2]);
      sessions.forEach((s, i) => {
        expect(s.id).toBe(`pl-dialogo-${s.date.slice(0, 7)}`);
        expect(s.date < today).toBe(true);
        expect(isBusinessDay(s.date)).toBe(true);
        // The series' cadence, the one «Programar la siguiente» proposes: each a month after the one before…
        if (i > 0) expect(s.date).toBe(nextMonthlySession(sessions[i - 1]!, sessions[i - 1]!.date).date);
      });
      // …and the next one of the series is not yet held: no month missing at the end.
      expect(nextMonthlySession(sessions.at(-1)!, sessions.at(-1)!.date).date >= today).toBe(true);
      for (const s of sessions) {
        const [acta, ...more] = demo.actas!.filter((a) => a.plenariaId === s.id);
        expect(more).toEqual([]);
        expect(acta!.draft.proposals.length).toBeGreaterThanOrEqual(3);
        const signed = [acta!.signatures.secretary?.at, acta!.signatures.presiding?.at].filter(Boolean) as string[];
        expect(signed.every((at) => at.slice(0, 10) > s.date && at.slice(0, 10) < today)).toBe(true);
        expect(acta!.sentToOap === null || (acta!.sentToOap.on < today && actaState(acta!.signatures) === 'signed')).toBe(true);
        // Only what both signed reaches the trackers.
        const proposals = demo.proposals!.filter((p) => p.plenariaId === s.id);
        const commitments = demo.commitments!.filter((c) => c.plenariaId === s.id);
        if (actaState(acta!.signatures) === 'signed') {
          expect(proposals.map((p) => p.text)).toEqual(acta!.draft.proposals);
          expect(commitments).toHaveLength(acta!.draft.commitments.length);
        } else {
          expect([proposals, commitments]).toEqual([[], []]);
        }
        for (const p of proposals) expect(p.notes.every((n) => n.at.slice(0, 10) < today)).toBe(true);
      }
    });
  }

  it('on 2026-12-02 November’s session is held and signed, its proposals taken and in study', () => {
    const demo = buildDemoSeed('2026-12-02');
    expect(demo.plenarias!.filter((p) => p.kind === 'dialogo').map((p) => p.id)).toEqual(['pl-dialogo-2026-09', 'pl-dialogo-2026-10', 'pl-dialogo-2026-11']);
    const acta = demo.actas!.find((a) => a.plenariaId === 'pl-dialogo-2026-11')!;
    expect(actaState(acta.signatures)).toBe('signed');
    const november = demo.proposals!.filter((p) => p.plenariaId === 'pl-dialogo-2026-11');
    expect(november.map((p) => p.status)).toEqual(['en_estudio', 'en_estudio', 'recibida']);
    expect(november.every((p) => p.responsibleId !== null)).toBe(true);
  });

  it('a session held the day before today has its acta in draft, and one held two business days before awaits the Secretario', () => {
    const draft = buildDemoSeed('2026-11-18').actas!.find((a) => a.plenariaId === 'pl-dialogo-2026-11')!;
    expect(actaState(draft.signatures)).toBe('draft');
    const half = buildDemoSeed('2026-11-19').actas!.find((a) => a.plenariaId === 'pl-dialogo-2026-11')!;
    expect([half.signatures.secretary?.personId, half.signatures.presiding]).toEqual(['eti-2', null]);
  });
});
