import { describe, expect, it } from 'vitest';
import {
  mayChangePlenaria,
  presidingProblem,
  storedPlenariaProblem,
  actaContentKey,
  canEditActa,
  canSchedule,
  checkPlenaria,
  commitmentWrites,
  draftErrors,
  firstSentOn,
  followUp,
  isOverdue,
  mayCorrect,
  mayEdit,
  maySendToOap,
  missingForSignature,
  newActaDraft,
  okrResultsDate,
  okrResultsOn,
  plenariaHeld,
  signableParts,
  signingClosed,
} from './actaRules.js';
import { buildTree } from './tree.js';
import { statusLabels } from './i18n/es-CO.js';
import { checkIn, sampleBundle, unit } from './testing/sampleSet.js';
import type { Acta, Commitment, Plenaria } from './actas.js';
import type { RoleAssignment } from './types.js';

const plenaria: Plenaria = {
  id: 'pl-al-suba-2026-Q4',
  kind: 'menor',
  unitId: 'al-suba',
  date: '2026-11-20',
  startTime: '09:00',
  modality: 'virtual',
  location: 'https://teams.microsoft.com/l/meetup-join/abc',
  presidingId: 'lider-al-suba',
  secretaryId: 'enlace-al-suba',
  createdBy: 'enlace-al-suba',
  createdAt: '2026-11-10T15:00:00Z',
};
const roles: RoleAssignment[] = [
  { personId: 'lider-al-suba', role: 'lider', unitId: 'al-suba' },
  { personId: 'enlace-al-suba', role: 'enlace', unitId: 'al-suba' },
  { personId: 'enlace2-al-suba', role: 'enlace', unitId: 'al-suba' },
  { personId: 'miembro-al-suba', role: 'miembro', unitId: 'al-suba' },
  { personId: 'oap-1', role: 'oap', unitId: null },
  { personId: 'enlace-al-usme', role: 'enlace', unitId: 'al-usme' },
];
const people = new Set(['lider-al-suba', 'enlace-al-suba', 'miembro-al-suba', 'enlace2-al-suba']);
const acta = (over: Partial<Acta> = {}): Acta => ({
  plenariaId: plenaria.id,
  documentVersion: 1,
  version: 3,
  draft: { ...newActaDraft(plenaria, 'Alcaldía Local de Suba', ['miembro-al-suba']), development: 'Se revisó el avance.', conversations: 'Sobre la meta de trámites.' },
  okrResults: [],
  snapshotAt: '2026-11-20T15:00:00Z',
  signatures: { secretary: null, presiding: null },
  sentToOap: null,
  fileName: null,
  correctionReason: null,
  createdBy: 'enlace-al-suba',
  createdAt: '2026-11-20T15:00:00Z',
  updatedBy: 'enlace-al-suba',
  updatedAt: '2026-11-20T15:00:00Z',
  ...over,
});
const signed = { secretary: { personId: 'enlace-al-suba', at: '2026-11-20T20:00:00Z' }, presiding: { personId: 'lider-al-suba', at: '2026-11-21T14:00:00Z' } };

describe('who writes and schedules', () => {
  it('lets the unit’s enlaces and líder, the secretary and who presides write the acta, and nobody else', () => {
    expect(['lider-al-suba', 'enlace-al-suba', 'enlace2-al-suba'].map((p) => canEditActa(p, roles, plenaria))).toEqual([true, true, true]);
    expect(canEditActa('miembro-al-suba', roles, plenaria)).toBe(false);
    expect(canEditActa('oap-1', roles, plenaria)).toBe(false);
    expect(canEditActa('enlace-al-usme', roles, plenaria)).toBe(false);
    const mayor = { ...plenaria, kind: 'mayor' as const, unitId: null, presidingId: 'secretario', secretaryId: 'oap-1' };
    expect(canEditActa('oap-1', roles, mayor)).toBe(true);
    expect(canEditActa('enlace-al-suba', roles, mayor)).toBe(false);
  });

  it('lets a unit schedule its plenaria menor and the OAP, ETI or Despacho the entity’s', () => {
    const of = (id: string) => roles.filter((r) => r.personId === id);
    const suba = { id: 'al-suba', level: 'alcaldia' as const };
    expect(canSchedule(of('enlace-al-suba'), 'menor', suba)).toBe(true);
    expect(canSchedule(of('enlace-al-usme'), 'menor', suba)).toBe(false);
    expect(canSchedule(of('enlace-al-suba'), 'mayor', null)).toBe(false);
    expect(canSchedule(of('oap-1'), 'mayor', null)).toBe(true);
    expect(canSchedule(of('oap-1'), 'dialogo', null)).toBe(true);
  });

  it('an alcaldía’s enlace cannot schedule a plenaria mayor; a subsecretaría’s can schedule its own (issue 13, item 13)', () => {
    const of = (id: string) => roles.filter((r) => r.personId === id);
    expect(canSchedule(of('enlace-al-suba'), 'mayor', { id: 'al-suba', level: 'alcaldia' })).toBe(false);
    const sgi = [{ personId: 'enlace-sgi', role: 'enlace' as const, unitId: 'sgi' }];
    expect(canSchedule(sgi, 'mayor', { id: 'sgi', level: 'subsecretaria' })).toBe(true);
    expect(canSchedule(sgi, 'mayor', { id: 'otra', level: 'subsecretaria' })).toBe(false);
    expect(canSchedule(of('oap-1'), 'mayor', { id: 'al-suba', level: 'alcaldia' })).toBe(true);
  });

  it('who presides: the unit’s líder for a menor, the Secretario/a for the entity’s mayor and dialogues (issue 13, item 13)', () => {
    const unit = { id: 'al-suba', name: 'Alcaldía Local de Suba' };
    const lider = [{ personId: 'lider-al-suba', role: 'lider' as const, unitId: 'al-suba' }];
    const member = [{ personId: 'miembro-al-suba', role: 'miembro' as const, unitId: 'al-suba' }];
    const secretario = [{ personId: 'secretario', role: 'secretario' as const, unitId: null }];
    expect(presidingProblem('menor', unit, lider, 'Líder')).toBeNull();
    expect(presidingProblem('menor', unit, member, 'Ana Pérez')).toBe('Ana Pérez no puede presidir: la plenaria menor de Alcaldía Local de Suba la preside su líder, que firma el acta.');
    expect(presidingProblem('menor', unit, [{ personId: 'x', role: 'lider', unitId: 'al-usme' }], 'Otro líder')).toMatch(/no puede presidir/);
    expect(presidingProblem('mayor', null, secretario, 'Secretario')).toBeNull();
    expect(presidingProblem('dialogo', null, lider, 'Líder')).toMatch(/las preside el Secretario\/a/);
    expect(presidingProblem('mayor', { id: 'sgi', name: 'Subsecretaría' }, secretario, 'Secretario')).toBeNull();
  });

  it('a validation session of the figures: the OAP schedules it; its jefe/a, someone with the OAP role or the Secretario/a presides', () => {
    const office = { id: 'oap', name: 'Oficina Asesora de Planeación' };
    const oapRole = [{ personId: 'oap-1', role: 'oap' as const, unitId: null }];
    const jefe = [{ personId: 'lider-oap', role: 'lider' as const, unitId: 'oap' }];
    const eti = [{ personId: 'eti-1', role: 'eti' as const, unitId: null }];
    expect(canSchedule(oapRole, 'validacion', null)).toBe(true);
    expect(canSchedule(eti, 'validacion', null)).toBe(false);
    expect(canSchedule(jefe, 'validacion', null)).toBe(false);
    expect(presidingProblem('validacion', office, jefe, 'Jefa OAP')).toBeNull();
    expect(presidingProblem('validacion', office, oapRole, 'Profesional OAP')).toBeNull();
    expect(presidingProblem('validacion', office, [{ personId: 'secretario', role: 'secretario', unitId: null }], 'Secretario')).toBeNull();
    expect(presidingProblem('validacion', office, [{ personId: 'lider-dti', role: 'lider', unitId: 'dti' }], 'Director DTI')).toBe(
      'Director DTI no puede presidir: la sesión de validación de cifras la preside la Oficina Asesora de Planeación (su jefe/a o quien tiene el rol OAP) o el Secretario/a.',
    );
  });

  it('a plenaria is rescheduled or cancelled by who may schedule it, until its acta is signed (issue 13, item 2)', () => {
    const p = { ...plenaria };
    expect(mayChangePlenaria(p, null, true)).toEqual({ ok: true });
    expect(mayChangePlenaria(p, null, false)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(mayChangePlenaria({ ...p, cancelled: { at: 'x', by: 'y', reason: 'lluvia' } }, null, true)).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining('lluvia') });
    expect(storedPlenariaProblem({ date: '2026-11-31', startTime: '09:00' })).toMatch(/«2026-11-31» no existe/);
    expect(storedPlenariaProblem({ date: '2026-11-30', startTime: '09:00' })).toBeNull();
  });
});

describe('scheduling a plenaria', () => {
  const input = { kind: 'menor' as const, unitId: 'al-suba', date: '2026-12-03', startTime: '09:00', modality: 'virtual' as const, location: 'https://teams.microsoft.com/l/meetup-join/x', presidingId: 'lider-al-suba', secretaryId: 'enlace-al-suba' };

  it('refuses what cannot be a plenaria, in Spanish', () => {
    expect(checkPlenaria({ ...input, location: 'http://reunion' }, []).errors).toEqual(['El enlace de la reunión debe empezar por https://.']);
    expect(checkPlenaria({ ...input, modality: 'presencial', location: ' ' }, []).errors).toEqual(['Escribe el lugar de la plenaria.']);
    // A mixed plenaria needs its place as well as its link (issue 14, item 9).
    expect(checkPlenaria({ ...input, modality: 'mixta', location: 'https://teams.microsoft.com/l/meetup-join/abc' }, []).errors).toEqual(['Escribe el lugar de la plenaria.']);
    expect(checkPlenaria({ ...input, modality: 'mixta', location: 'Sala 3 https://teams.microsoft.com/l/meetup-join/abc' }, []).errors).toEqual([]);
    expect(checkPlenaria({ ...input, startTime: '25:00', date: '2026-13-01' }, []).errors).toHaveLength(2);
    expect(checkPlenaria({ ...input, secretaryId: 'lider-al-suba' }, []).errors[0]).toMatch(/personas distintas/);
    expect(checkPlenaria({ ...input, unitId: null }, []).errors[0]).toMatch(/elige cuál/);
    expect(checkPlenaria(input, [])).toEqual({ errors: [], warnings: [] });
  });

  it('warns about a second menor in the quarter and a mayor outside the first 20 business days of the semester', () => {
    expect(checkPlenaria(input, [{ kind: 'menor', unitId: 'al-suba', date: '2026-10-15' }]).warnings.map((w) => w.message)).toEqual([
      'La dependencia ya tiene una plenaria menor en este trimestre; esta queda programada también.',
    ]);
    expect(checkPlenaria(input, [{ kind: 'menor', unitId: 'al-suba', date: '2026-09-15' }]).warnings).toEqual([]);
    const mayor = { ...input, kind: 'mayor' as const, unitId: null };
    expect(checkPlenaria({ ...mayor, date: '2027-02-01' }, []).warnings).toEqual([]);
    expect(checkPlenaria({ ...mayor, date: '2027-02-02' }, []).warnings[0]?.code).toBe('mayor_outside_window');
  });
});

describe('writing the acta', () => {
  it('starts from the plenaria: the usual agenda, both signers among the attendees', () => {
    const d = newActaDraft(plenaria, 'Alcaldía Local de Suba', ['miembro-al-suba', 'lider-al-suba']);
    expect(d.attendeeIds).toEqual(['lider-al-suba', 'enlace-al-suba', 'miembro-al-suba']);
    expect(d.agenda[1]).toBe('Revisión del avance de los OKR del trimestre');
    expect(d.endTime).toBe('11:00');
    expect(missingForSignature(d, 'menor')).toEqual(['el desarrollo de la reunión', 'las conversaciones, la retroalimentación o los reconocimientos (CFR)']);
  });

  it('refuses a draft with unknown people, recognitions without target or reason, or commitments due before the plenaria', () => {
    const d = acta().draft;
    const bad = {
      ...d,
      endTime: '08:00',
      attendeeIds: [...d.attendeeIds, 'fantasma'],
      recognitions: [{ id: 'r1', personId: 'miembro-al-suba', team: 'Equipo', reason: '' }],
      commitments: [
        { id: 'c1', task: 'Publicar el informe', ownerId: 'miembro-al-suba', due: '2026-11-19' },
        { id: 'c1', task: ' ', ownerId: 'nadie', due: '2026-02-30x' },
      ],
    };
    expect(draftErrors(bad, plenaria, people)).toEqual([
      'La hora de fin debe ser posterior a la de inicio.',
      'No están en el directorio: fantasma.',
      'Reconocimiento 1: indica una persona o un equipo (uno de los dos).',
      'Reconocimiento 1: escribe el motivo.',
      'Compromiso 1: la fecha debe ser posterior a la plenaria (20 de noviembre de 2026).',
      'Compromiso 2: está repetido.',
      'Compromiso 2: escribe la tarea.',
      'Compromiso 2: elige un responsable del directorio.',
      'Compromiso 2: la fecha no es válida (AAAA-MM-DD).',
    ]);
    expect(draftErrors(d, plenaria, people)).toEqual([]);
  });

  it('asks a dialogue session for proposals instead of CFR', () => {
    const d = { ...acta().draft, conversations: '' };
    expect(missingForSignature(d, 'dialogo')).toEqual(['las propuestas del diálogo']);
    expect(missingForSignature({ ...d, proposals: ['Horarios extendidos'] }, 'dialogo')).toEqual([]);
  });
});

describe('the acta state machine: draft → partially signed → signed (immutable) → correction', () => {
  it('lets only the designated people sign their own part of the latest version', () => {
    expect(signableParts(acta(), plenaria, 'enlace-al-suba', 1)).toEqual(['secretary']);
    expect(signableParts(acta(), plenaria, 'lider-al-suba', 1)).toEqual(['presiding']);
    expect(signableParts(acta(), plenaria, 'enlace2-al-suba', 1)).toEqual([]);
    expect(signableParts(acta({ signatures: { ...signed, presiding: null } }), plenaria, 'enlace-al-suba', 1)).toEqual([]);
    expect(signableParts(acta(), plenaria, 'lider-al-suba', 2)).toEqual([]);
    expect(signableParts(acta({ signatures: signed }), plenaria, 'lider-al-suba', 1)).toEqual([]);
  });

  it('fingerprints what is signed: an edit changes it, a signature does not', () => {
    const a = acta();
    expect(actaContentKey(acta({ signatures: signed, version: 9 }))).toBe(actaContentKey(a));
    expect(actaContentKey({ ...a, draft: { ...a.draft, decisions: ['Otra'] } })).not.toBe(actaContentKey(a));
  });

  it('never edits a signed version or an old one', () => {
    expect(mayEdit(acta(), true, 1)).toEqual({ ok: true });
    expect(mayEdit(acta(), false, 1)).toMatchObject({ ok: false });
    expect(mayEdit(acta({ signatures: signed }), true, 1)).toEqual({ ok: false, message: 'El acta ya está firmada por ambas partes; una corrección se hace en una nueva versión.' });
    expect(mayEdit(acta(), true, 2)).toEqual({ ok: false, message: 'Esta no es la última versión del acta (la última es la 2).' });
  });

  it('sends a signed acta to the OAP once, and corrects only a signed one with a reason', () => {
    expect(maySendToOap(acta(), true)).toMatchObject({ ok: false, message: expect.stringMatching(/firmada/) });
    expect(maySendToOap(acta({ signatures: signed }), true)).toEqual({ ok: true });
    expect(maySendToOap(acta({ signatures: signed, sentToOap: { on: '2026-11-24', by: 'x' } }), true)).toEqual({ ok: false, message: 'Esta versión del acta ya se envió a la OAP el 24 de noviembre de 2026.' });
    expect(mayCorrect(acta({ signatures: signed }), true, 1, ' ')).toEqual({ ok: false, message: 'Escribe el motivo de la corrección.' });
    expect(mayCorrect(acta({ signatures: signed }), true, 1, 'Faltaba un asistente')).toEqual({ ok: true });
    expect(mayCorrect(acta(), true, 1, 'x')).toMatchObject({ ok: false });
    expect(firstSentOn([acta({ sentToOap: { on: '2026-12-01', by: 'x' } }), acta({ documentVersion: 2, sentToOap: { on: '2026-11-25', by: 'x' } }), acta({ documentVersion: 3 })])).toBe('2026-11-25');
  });
});

describe('commitments', () => {
  const at = '2026-11-21T14:00:00Z';
  const withCommitments = acta({
    signatures: signed,
    draft: { ...acta().draft, commitments: [{ id: 'c1', task: 'Publicar el informe', ownerId: 'miembro-al-suba', due: '2026-12-15' }] },
  });

  it('enter the tracker when the acta is signed, and follow its corrections', () => {
    const first = commitmentWrites(withCommitments, plenaria, [], at, 'lider-al-suba');
    expect(first).toEqual([{ expectedVersion: null, commitment: expect.objectContaining({ id: 'pl-al-suba-2026-Q4:c1', status: 'abierto', unitId: 'al-suba', due: '2026-12-15' }) }]);
    const tracked: Commitment = { ...first[0]!.commitment, status: 'en_curso', version: 2 };
    expect(commitmentWrites(withCommitments, plenaria, [tracked], at, 'x')).toEqual([]);
    const v2 = { ...withCommitments, documentVersion: 2, draft: { ...withCommitments.draft, commitments: [{ id: 'c1', task: 'Publicar el informe', ownerId: 'miembro-al-suba', due: '2026-12-20' }] } };
    const moved = commitmentWrites(v2, plenaria, [tracked], at, 'x');
    expect(moved[0]).toMatchObject({ expectedVersion: 2, commitment: { due: '2026-12-20', status: 'en_curso', notes: [{ text: 'Compromiso modificado en la versión 2 del acta.' }] } });
    const dropped = commitmentWrites({ ...v2, draft: { ...v2.draft, commitments: [] } }, plenaria, [tracked], at, 'x');
    expect(dropped[0]).toMatchObject({ commitment: { status: 'cancelado', notes: [{ text: 'Compromiso retirado en la versión 2 del acta.' }] } });
  });

  it('close as cumplido only with their impact, cancel only with a note, and are overdue past their date while open', () => {
    const c = commitmentWrites(withCommitments, plenaria, [], at, 'x')[0]!.commitment;
    expect(followUp(c, { status: 'cumplido' }, true, 'miembro-al-suba', at)).toEqual({ ok: false, message: 'Para cerrar un compromiso como cumplido, describe su impacto.' });
    expect(followUp(c, { status: 'cancelado' }, true, 'miembro-al-suba', at)).toMatchObject({ ok: false });
    expect(followUp(c, { status: 'abierto' }, true, 'miembro-al-suba', at)).toEqual({ ok: false, message: 'No hay cambios que guardar.' });
    expect(followUp(c, { status: 'en_curso', note: 'Borrador listo' }, false, 'enlace-al-usme', at)).toMatchObject({ ok: false });
    const done = followUp(c, { status: 'cumplido', impact: 'El informe se publicó y lo consultaron 300 personas.' }, true, 'miembro-al-suba', at);
    expect(done).toMatchObject({ ok: true, commitment: { status: 'cumplido', impact: 'El informe se publicó y lo consultaron 300 personas.' } });
    expect(isOverdue(c, '2026-12-16')).toBe(true);
    expect(isOverdue(c, '2026-12-15')).toBe(false);
    expect(done.ok && isOverdue(done.commitment, '2026-12-16')).toBe(false);
  });
});

describe('an acta is signed after its plenaria, with the OKR results of its date (issue 14, item 1)', () => {
  const december = { ...plenaria, date: '2026-12-10', startTime: '09:00' };

  it('the plenaria has started once its date and start time have passed in Bogotá (UTC−5)', () => {
    expect(plenariaHeld(december, new Date('2026-12-01T14:38:00Z'))).toBe(false);
    expect(plenariaHeld(december, new Date('2026-12-10T13:59:00Z'))).toBe(false); // 08:59 in Bogotá
    expect(plenariaHeld(december, new Date('2026-12-10T14:00:00Z'))).toBe(true); // 09:00
    // 23:30 of 9 December in Bogotá is already the 10th in UTC: not held yet.
    expect(plenariaHeld(december, new Date('2026-12-10T04:30:00Z'))).toBe(false);
    expect(plenariaHeld(december, new Date('2026-12-11T03:00:00Z'))).toBe(true);
  });

  it('results taken before the plenaria are of the day they were taken; after it, of its date', () => {
    expect(okrResultsDate('2026-12-10', '2026-12-01T14:38:00Z')).toBe('2026-12-01');
    expect(okrResultsDate('2026-12-10', '2026-12-10T04:30:00Z')).toBe('2026-12-09');
    expect(okrResultsDate('2026-12-10', '2026-12-15T15:00:00Z')).toBe('2026-12-10');
  });

  it('the acta’s statuses are the tree’s of the same day: 66 % is «En curso» on 1 December, as the tree says', () => {
    const bundle = sampleBundle();
    // Every key result at two thirds of the way on 1 December (expected ≈ 67 %).
    const checkIns = bundle.keyResults.map((kr) => ({ ...checkIn(kr.id, '2026-11', kr.kind === 'milestone' ? 1 : kr.kind === 'number' ? 15 - 5 * 0.66 : 66), createdAt: '2026-11-28T15:00:00Z' }));
    const rows = (date: string) => okrResultsOn({ unit, date, bundle, checkIns, institutionalObjectives: [] });
    const tree = buildTree({ unit, quarter: '2026-Q4', asOf: '2026-12-01', bundle, checkIns, institutionalObjectives: [] });
    const treeStatuses = [tree.strategic!, ...tree.strategic!.children].flatMap((o) => o.keyResults.map((k) => statusLabels[k.status]));
    expect(rows('2026-12-01').map((r) => r.status)).toEqual(treeStatuses);
    expect(rows('2026-12-01').find((r) => r.keyResult === 'Resultado 1.1')).toMatchObject({ progress: '66 %', status: 'En curso' });
    // On the 10th more was expected: the same 66 % is «Atrasado» in the tree of that day and in the acta.
    expect(rows('2026-12-10').find((r) => r.keyResult === 'Resultado 1.1')).toMatchObject({ progress: '66 %', status: 'Atrasado' });
  });

  it('the results are those reported by the plenaria’s date: a check-in reported later is not in them', () => {
    const bundle = sampleBundle();
    const early = { ...checkIn('kr11', '2026-11', 50), createdAt: '2026-12-03T15:00:00Z' };
    const late = { ...checkIn('kr12', '2026-11', 12), createdAt: '2026-12-12T15:00:00Z' };
    const rows = okrResultsOn({ unit, date: '2026-12-10', bundle, checkIns: [early, late], institutionalObjectives: [] });
    expect(rows.find((r) => r.keyResult === 'Resultado 1.1')!.progress).toBe('50 %');
    expect(rows.find((r) => r.keyResult === 'Resultado 1.2')!.progress).toBe('Sin reporte');
  });

  it('signing stays closed before the plenaria, and while its results predate it', () => {
    const before = { snapshotAt: '2026-12-01T14:38:00Z' };
    expect(signingClosed(december, before, new Date('2026-12-01T14:38:00Z'))).toMatch(/se abre el 10 de diciembre de 2026 a las 9:00 a\. m\./);
    expect(signingClosed(december, before, new Date('2026-12-10T15:00:00Z'))).toMatch(/Actualizar resultados/);
    expect(signingClosed(december, { snapshotAt: '2026-12-10T15:00:00Z' }, new Date('2026-12-10T15:00:00Z'))).toBeNull();
    // A dialogue session reviews no OKR results: only its date and time count.
    expect(signingClosed({ ...december, kind: 'dialogo', unitId: null }, before, new Date('2026-12-10T15:00:00Z'))).toBeNull();
  });
});
