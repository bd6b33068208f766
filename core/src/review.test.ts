import { describe, expect, it } from 'vitest';
import { checkIn, sampleBundle, unit } from './testing/sampleSet.js';
import type { CheckIn, Unit } from './types.js';
import type { UnitMonthStatus } from './reminders.js';
import {
  buildReviewQueue,
  buildUnitMonthReview,
  checkInsEditable,
  decideReview,
  isOpenMonth,
  monthToOpen,
  reviewDigest,
  unitMonth,
  type MonthReview,
  type ReviewDecisionInput,
  type UnitMonth,
} from './review.js';

const bundle = sampleBundle();
const krIds = bundle.keyResults.map((k) => k.id);
const all = (period: string, at = `${period}-25T15:00:00Z`): CheckIn[] =>
  krIds.map((id, i) => ({ ...checkIn(id, period, i % 3 === 2 ? 0 : i % 3 === 1 ? 14 : 30), createdAt: at, updatedAt: at, comment: 'Avance del mes con soporte en la carpeta.', evidenceUrl: `https://gobiernobogota.sharepoint.com/sites/OKR/ev/${period}` }));
const review = (over: Partial<MonthReview> = {}): MonthReview => ({
  unitId: unit.id,
  period: '2026-11',
  state: 'correction_requested',
  actorId: 'eti-1',
  at: '2026-12-02T15:00:00.000Z',
  note: null,
  observations: [],
  // Every key result reported, at version 1, when the correction was asked.
  checkInVersions: Object.fromEntries(krIds.map((id) => [id, 1])),
  version: 1,
  ...over,
});
const edited = (c: CheckIn, at: string): CheckIn => ({ ...c, updatedAt: at, version: c.version + 1 });

describe('the state of a unit’s month', () => {
  it('follows the check-ins while the ETI has not decided: sin reportar, incompleto, por revisar', () => {
    expect(unitMonth(krIds, [], null)).toEqual({ state: 'sin_reportar', reported: 0, total: 9, waitingSince: null, corrected: [] });
    expect(unitMonth(krIds, all('2026-11').slice(0, 4), null)).toMatchObject({ state: 'incompleto', reported: 4, waitingSince: null });
    const month = all('2026-11');
    month[8] = { ...month[8]!, createdAt: '2026-11-28T20:00:00.000Z', updatedAt: '2026-11-28T20:00:00.000Z' };
    // Waiting since the month became complete: when its last key result was first reported.
    expect(unitMonth(krIds, month, null)).toEqual({ state: 'por_revisar', reported: 9, total: 9, waitingSince: '2026-11-28T20:00:00.000Z', corrected: [] });
  });

  it('counts only the set’s key results', () => {
    expect(unitMonth(krIds, [...all('2026-11').slice(0, 8), checkIn('other-kr', '2026-11', 1)], null)).toMatchObject({ state: 'incompleto', reported: 8 });
  });

  it('is closed once the ETI closes it', () => {
    expect(unitMonth(krIds, all('2026-11'), review({ state: 'closed' }))).toEqual({ state: 'cerrado', reported: 9, total: 9, waitingSince: null, corrected: [] });
  });

  it('waits for the enlace after a correction request, and is corregido once every observed KR was saved again', () => {
    const request = review({ observations: [{ keyResultId: 'kr11', text: 'El 30 % no coincide.' }, { keyResultId: 'kr22', text: 'Falta la evidencia.' }] });
    const month = all('2026-11');
    expect(unitMonth(krIds, month, request)).toEqual({ state: 'correccion_pedida', reported: 9, total: 9, waitingSince: request.at, corrected: [] });
    month[0] = edited(month[0]!, '2026-12-03T14:00:00.000Z');
    expect(unitMonth(krIds, month, request)).toMatchObject({ state: 'correccion_pedida', corrected: ['kr11'] });
    month[4] = edited(month[4]!, '2026-12-03T15:30:00.000Z');
    expect(unitMonth(krIds, month, request)).toEqual({ state: 'corregido', reported: 9, total: 9, waitingSince: '2026-12-03T15:30:00.000Z', corrected: ['kr11', 'kr22'] });
  });

  it('with only a general observation, any edit after the request corrects it — once the month is complete', () => {
    const month = all('2026-11').slice(0, 7);
    const request = review({ note: 'Faltan resultados clave.', checkInVersions: Object.fromEntries(month.map((c) => [c.keyResultId, 1])) });
    month[0] = edited(month[0]!, '2026-12-03T14:00:00.000Z');
    expect(unitMonth(krIds, month, request).state).toBe('correccion_pedida');
    const complete = [...month, ...all('2026-11', '2026-12-03T16:00:00.000Z').slice(7)];
    expect(unitMonth(krIds, complete, request)).toMatchObject({ state: 'corregido', waitingSince: '2026-12-03T16:00:00.000Z' });
  });

  it('locks check-ins only when closed', () => {
    expect(checkInsEditable(null, unit.name)).toEqual({ ok: true });
    expect(checkInsEditable(review(), unit.name)).toEqual({ ok: true });
    expect(checkInsEditable(review({ state: 'closed' }), unit.name)).toEqual({
      ok: false,
      message:
        'El equipo ETI ya cerró el reporte de noviembre de 2026 de Alcaldía Local de Usaquén: no se puede modificar. Si hay un error, pide al equipo ETI que solicite una corrección.',
    });
  });
});

describe('which months a unit may report', () => {
  it('a started month of a loaded set that the ETI has not closed', () => {
    expect(isOpenMonth('2026-11', '2026-12', 'active', null)).toBe(true);
    expect(isOpenMonth('2026-12', '2026-12', 'active', review())).toBe(true);
    expect(isOpenMonth('2027-01', '2026-12', 'active', null)).toBe(false);
    expect(isOpenMonth('2026-11', '2026-12', 'active', review({ state: 'closed' }))).toBe(false);
    expect(isOpenMonth('2026-09', '2026-12', 'closed', null)).toBe(false);
    expect(isOpenMonth('2026-11', '2026-12', 'draft', null)).toBe(false);
  });

  it('opens a pending correction first, then the earliest month with something missing, else the latest', () => {
    const m = (state: UnitMonth['state']): UnitMonth => ({ state, reported: 0, total: 9, waitingSince: null, corrected: [] });
    expect(monthToOpen([{ period: '2026-12', month: m('sin_reportar') }, { period: '2026-11', month: m('incompleto') }])).toBe('2026-11');
    expect(monthToOpen([{ period: '2026-10', month: m('incompleto') }, { period: '2026-11', month: m('correccion_pedida') }])).toBe('2026-11');
    expect(monthToOpen([{ period: '2026-11', month: m('por_revisar') }, { period: '2026-12', month: m('corregido') }])).toBe('2026-12');
    expect(monthToOpen([])).toBeNull();
  });
});

describe('the ETI’s decisions on a month', () => {
  const base = (over: Partial<ReviewDecisionInput>): ReviewDecisionInput => ({
    action: 'close',
    month: unitMonth(krIds, all('2026-11'), null),
    roles: ['eti'],
    setState: 'active',
    period: '2026-11',
    unitName: unit.name,
    keyResults: bundle.keyResults,
    ...over,
  });

  it('only the ETI decides', () => {
    expect(decideReview(base({ roles: ['enlace', 'lider', 'coach'] }))).toEqual({ ok: false, reason: 'not_allowed', message: 'Solo el equipo ETI revisa los reportes mensuales y cierra el trimestre.' });
  });

  it('closes a complete month (por revisar, corregido, or even with a correction pending), never an incomplete or closed one', () => {
    expect(decideReview(base({ note: '  Bien soportado. ' }))).toEqual({ ok: true, state: 'closed', note: 'Bien soportado.', observations: [] });
    expect(decideReview(base({ month: unitMonth(krIds, all('2026-11'), review()) }))).toMatchObject({ ok: true, state: 'closed' });
    expect(decideReview(base({ month: unitMonth(krIds, all('2026-11').slice(0, 6), null) }))).toEqual({
      ok: false,
      reason: 'invalid_state',
      message: 'No se puede cerrar el mes: faltan 3 de 9 resultados clave por reportar. Pide una corrección al enlace.',
    });
    expect(decideReview(base({ month: unitMonth(krIds, all('2026-11'), review({ state: 'closed' })) }))).toMatchObject({ ok: false, message: 'El mes de noviembre de 2026 de Alcaldía Local de Usaquén ya está cerrado.' });
  });

  it('asks for a correction with observations per KR or in general, from any state with reports', () => {
    const observations = [{ keyResultId: 'kr11', text: ' El 30 % no coincide con el comentario. ' }, { keyResultId: 'kr12', text: '  ' }];
    expect(decideReview(base({ action: 'request_correction', observations }))).toEqual({
      ok: true,
      state: 'correction_requested',
      note: null,
      observations: [{ keyResultId: 'kr11', text: 'El 30 % no coincide con el comentario.' }],
    });
    for (const month of [unitMonth(krIds, all('2026-11').slice(0, 3), null), unitMonth(krIds, all('2026-11'), review({ state: 'closed' }))]) {
      expect(decideReview(base({ action: 'request_correction', month, note: 'Revisa las evidencias.' }))).toMatchObject({ ok: true, state: 'correction_requested' });
    }
  });

  it('refuses a correction without observations, with an unknown KR, too long, or of a month with no reports', () => {
    const refused = (over: Partial<ReviewDecisionInput>) => decideReview(base({ action: 'request_correction', ...over }));
    expect(refused({ note: '   ' })).toMatchObject({ ok: false, message: 'Escribe al menos una observación para el enlace: sobre el mes o sobre un resultado clave.' });
    expect(refused({ observations: [{ keyResultId: 'nope', text: 'x' }] })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(refused({ observations: [{ keyResultId: 'kr11', text: 'x'.repeat(1001) }] })).toMatchObject({ ok: false, message: 'La observación de «Resultado 1.1» no puede superar 1.000 caracteres.' });
    expect(refused({ note: 'x'.repeat(2001) })).toMatchObject({ ok: false, message: 'La observación general no puede superar 2.000 caracteres.' });
    expect(refused({ note: 'Reporta ya.', month: unitMonth(krIds, [], null) })).toMatchObject({ ok: false, reason: 'invalid_state' });
  });

  it('never changes a month of a closed quarter', () => {
    expect(decideReview(base({ setState: 'closed' }))).toEqual({ ok: false, reason: 'invalid_state', message: 'El T4 2026 (octubre–diciembre) ya se cerró: sus meses no cambian.' });
    expect(decideReview(base({ setState: 'draft' }))).toMatchObject({ ok: false, reason: 'invalid_state' });
  });
});

describe('what the ETI reads', () => {
  const other = (id: string, name: string, kind: Unit['kind'] = 'central'): Unit => ({ id, name, kind, level: 'direccion', parentId: null });
  const bundleOf = (u: Unit, state: 'active' | 'draft' = 'active') => {
    const b = sampleBundle();
    return {
      set: { ...b.set, id: `s-${u.id}`, unitId: u.id, state },
      objectives: b.objectives.map((o) => ({ ...o, setId: `s-${u.id}` })),
      keyResults: b.keyResults.map((k) => ({ ...k, id: `${u.id}-${k.id}`, setId: `s-${u.id}` })),
    };
  };
  const reportsOf = (u: Unit, period: string, n: number, at: string, comment = 'Avance del mes con soporte en la carpeta.') =>
    bundleOf(u).keyResults.slice(0, n).map((k) => ({ ...checkIn(k.id, period, k.kind === 'milestone' ? 0 : k.kind === 'number' ? 14 : 30), unitId: u.id, createdAt: at, updatedAt: at, comment }));

  it('one unit’s month: nine key results in objective order, with last month, flags, observations and corrections', () => {
    const october = all('2026-10').map((c) => ({ ...c, value: c.value === 14 ? 15 : c.value / 2 }));
    const november = all('2026-11');
    november[0] = edited({ ...november[0]!, comment: 'Avance.' }, '2026-12-03T14:00:00.000Z');
    const request = review({ observations: [{ keyResultId: 'kr11', text: 'Explica mejor.' }] });
    const view = buildUnitMonthReview({ unit, period: '2026-11', bundle, checkIns: [...october, ...november], review: request });
    expect(view.keyResults.map((k) => k.keyResult.id)).toEqual(krIds);
    expect(view.month).toMatchObject({ state: 'corregido', corrected: ['kr11'] });
    const first = view.keyResults[0]!;
    expect(first).toMatchObject({ objectiveTitle: 'Táctico 1', observation: 'Explica mejor.', corrected: true, progress: 0.3, previous: { period: '2026-10', value: 15 } });
    expect(first.flags.map((f) => f.code)).toEqual(['comment_too_short']);
    expect(view.flagCount).toBe(1);
    // The first month of a quarter has no "last month": a new quarter's set starts afresh.
    expect(buildUnitMonthReview({ unit, period: '2026-10', bundle, checkIns: october, review: null }).keyResults.every((k) => k.previous === null)).toBe(true);
  });

  it('the queue: what waits for the ETI first, oldest first; then corrections, incomplete, nothing, closed', () => {
    const a = other('a', 'Dirección A');
    const b = other('b', 'Dirección B');
    const c = other('c', 'Dirección C');
    const d = other('d', 'Dirección D');
    const e = other('e', 'Dirección E');
    const f = other('f', 'Dirección F');
    const units = [a, b, c, d, e, f];
    const queue = buildReviewQueue({
      period: '2026-11',
      units,
      bundles: [...[a, b, c, d, e].map((u) => bundleOf(u)), bundleOf(f, 'draft')],
      checkIns: [
        ...reportsOf(a, '2026-11', 9, '2026-11-28T15:00:00.000Z'),
        ...reportsOf(b, '2026-11', 9, '2026-11-26T15:00:00.000Z', 'Avance.'),
        ...reportsOf(c, '2026-11', 4, '2026-11-26T15:00:00.000Z'),
        ...reportsOf(e, '2026-11', 9, '2026-11-20T15:00:00.000Z'),
      ],
      reviews: [{ ...review({ state: 'closed' }), unitId: e.id }],
    });
    expect(queue.rows.map((r) => [r.unit.id, r.month.state])).toEqual([
      ['b', 'por_revisar'],
      ['a', 'por_revisar'],
      ['c', 'incompleto'],
      ['d', 'sin_reportar'],
      ['e', 'cerrado'],
    ]);
    expect(queue.counts).toEqual({ sin_reportar: 1, incompleto: 1, por_revisar: 2, correccion_pedida: 0, corregido: 0, cerrado: 1 });
    expect(queue.withoutSet.map((u) => u.id)).toEqual(['f']);
    // B's one-word comments are flags: only A may be closed in bulk.
    expect(queue.rows.filter((r) => r.consistent).map((r) => r.unit.id)).toEqual(['a']);
    expect(queue.rows.find((r) => r.unit.id === 'b')!.flagCount).toBe(9);
  });
});

const digestStatus = (unitName: string, missing: string[], extra: Partial<UnitMonthStatus> = {}): UnitMonthStatus => ({
  unitId: unitName,
  unitName,
  period: '2026-11',
  missing,
  total: 9,
  closed: false,
  readyForReview: null,
  corrected: false,
  enlaceIds: [],
  liderIds: [],
  ...extra,
});

describe('the ETI’s daily digest of reports ready for review', () => {
  const ready = (unitName: string, at: string, corrected = false) => digestStatus(unitName, [], { readyForReview: at, corrected });
  const statuses = [ready('Alcaldía Local de Suba', '2026-11-27T15:00:00.000Z'), ready('Dirección Financiera', '2026-11-30T18:00:00.000Z', true), digestStatus('Alcaldía Local de Usaquén', ['KR 1'])];

  it('lists, once a day, what became ready since the last digest — never empty', () => {
    const due = reviewDigest('2026-12-01', statuses, ['eti-1', 'eti-2'], new Map([['eti-2', '2026-11-28T14:00:00.000Z']]));
    expect(due.map((d) => [d.key.personId, d.items])).toEqual([
      ['eti-1', ['Alcaldía Local de Suba · noviembre de 2026', 'Dirección Financiera · noviembre de 2026 (corregido)']],
      ['eti-2', ['Dirección Financiera · noviembre de 2026 (corregido)']],
    ]);
    expect(due[0]!.key).toEqual({ kind: 'review_digest', personId: 'eti-1', subject: 'entity', period: '2026-12', step: 1 });
    expect(reviewDigest('2026-12-01', statuses, ['eti-1'], new Map([['eti-1', '2026-12-01T13:00:00.000Z']]))).toEqual([]);
    // Not on a holiday (8 December) nor on a weekend.
    expect(reviewDigest('2026-12-08', statuses, ['eti-1'], new Map())).toEqual([]);
    expect(reviewDigest('2026-12-05', statuses, ['eti-1'], new Map())).toEqual([]);
  });
});
