import { describe, expect, it } from 'vitest';
import type { KeyResult } from './types.js';
import { parseLocaleNumber, validateCheckIn, validateCheckIns } from './checkInValidation.js';

const kr = (over: Partial<KeyResult>): KeyResult => ({
  id: 'kr',
  setId: 's',
  objectiveId: 'o',
  title: 'Responder PQRS a tiempo',
  kind: 'percentage',
  unitOfMeasure: '%',
  baseline: 0,
  target: 95,
  direction: 'increase',
  ownerId: null,
  order: 1,
  ...over,
});
const ok = { comment: 'Se respondieron 120 PQRS.', evidenceUrl: 'https://gobiernobogota.sharepoint.com/sites/OKR/e' };
const errorsOf = (k: KeyResult, draft: Record<string, unknown>) => {
  const r = validateCheckIn(k, { keyResultId: k.id, value: undefined, comment: undefined, evidenceUrl: undefined, ...draft });
  return r.ok ? [] : r.errors.map((e) => `${e.field}: ${e.message}`);
};

describe('check-in validation (one place for card, API and tab)', () => {
  it('parses numbers as people in Colombia type them', () => {
    expect(parseLocaleNumber('45')).toBe(45);
    expect(parseLocaleNumber('45,5')).toBe(45.5);
    expect(parseLocaleNumber('45.5')).toBe(45.5);
    expect(parseLocaleNumber('1.234,5')).toBe(1234.5);
    expect(parseLocaleNumber(' 80 % ')).toBe(80);
    expect(parseLocaleNumber(12)).toBe(12);
    expect(parseLocaleNumber('abc')).toBeNull();
    expect(parseLocaleNumber('4 5')).toBe(45);
    expect(parseLocaleNumber('')).toBeNull();
    expect(parseLocaleNumber(Number.NaN)).toBeNull();
  });

  it('accepts a complete, valid check-in', () => {
    expect(validateCheckIn(kr({}), { keyResultId: 'kr', value: '45,5', ...ok })).toEqual({ ok: true, checkIn: { keyResultId: 'kr', value: 45.5, ...ok, version: null } });
  });

  it('keeps percentages within 0–100, naming the KR and the field', () => {
    expect(errorsOf(kr({}), { value: '101', ...ok })).toEqual(['value: «Responder PQRS a tiempo» — Avance: debe estar entre 0 y 100.']);
    expect(errorsOf(kr({}), { value: '-1', ...ok })).toEqual(['value: «Responder PQRS a tiempo» — Avance: debe estar entre 0 y 100.']);
    expect(errorsOf(kr({}), { value: '100', ...ok })).toEqual([]);
    expect(errorsOf(kr({}), { value: 'abc', ...ok })).toEqual(['value: «Responder PQRS a tiempo» — Avance: «abc» no es un número. Usa cifras, por ejemplo 45 o 45,5.']);
    expect(errorsOf(kr({}), { value: '', ...ok })).toEqual(['value: «Responder PQRS a tiempo» — Avance: escribe el avance.']);
  });

  it('lets a decrease KR go below its target but not below zero, and catches typos far above', () => {
    const days = kr({ kind: 'number', unitOfMeasure: 'días', baseline: 15, target: 10, direction: 'decrease' });
    expect(errorsOf(days, { value: '8', ...ok })).toEqual([]);
    expect(errorsOf(days, { value: '-2', ...ok })).toEqual(['value: «Responder PQRS a tiempo» — Avance: no puede ser negativo.']);
    expect(errorsOf(days, { value: '151', ...ok })[0]).toContain('es demasiado grande para este resultado clave (máximo 150)');
  });

  it('takes milestones as done or not done', () => {
    const hito = kr({ kind: 'milestone', baseline: 0, target: 1, unitOfMeasure: 'hito' });
    for (const v of ['1', 'true', 'Sí', 'cumplido', true]) expect(validateCheckIn(hito, { keyResultId: 'kr', value: v, ...ok })).toMatchObject({ ok: true, checkIn: { value: 1 } });
    for (const v of ['0', 'no', false]) expect(validateCheckIn(hito, { keyResultId: 'kr', value: v, ...ok })).toMatchObject({ ok: true, checkIn: { value: 0 } });
    expect(errorsOf(hito, { value: 'quizás', ...ok })).toEqual(['value: «Responder PQRS a tiempo» — Avance: elige «Cumplido» o «No cumplido».']);
  });

  it('requires a comment of 1–2,000 characters with no markup', () => {
    expect(errorsOf(kr({}), { value: '5', evidenceUrl: ok.evidenceUrl, comment: '   ' })).toEqual(['comment: «Responder PQRS a tiempo» — Comentario: escribe un comentario que muestre el avance.']);
    expect(errorsOf(kr({}), { value: '5', evidenceUrl: ok.evidenceUrl, comment: 'x'.repeat(2000) })).toEqual([]);
    expect(errorsOf(kr({}), { value: '5', evidenceUrl: ok.evidenceUrl, comment: 'x'.repeat(2001) })).toEqual(['comment: «Responder PQRS a tiempo» — Comentario: no puede superar 2.000 caracteres.']);
    expect(errorsOf(kr({}), { value: '5', evidenceUrl: ok.evidenceUrl, comment: 'ONGs = 12; convenios = 3' })).toEqual([]);
    for (const bad of ['<script>alert(1)</script>', 'ver <img src=x onerror=alert(1)>', 'javascript:alert(1)', '<a href=x onclick=robar()>']) {
      expect(errorsOf(kr({}), { value: '5', evidenceUrl: ok.evidenceUrl, comment: bad })).toEqual(['comment: «Responder PQRS a tiempo» — Comentario: no puede contener etiquetas HTML ni código.']);
    }
    expect(errorsOf(kr({}), { value: '5', evidenceUrl: ok.evidenceUrl, comment: 'Avance 3 < 5 y 7 > 2' })).toEqual([]);
  });

  it('refuses evidence links to loopback, link-local or private addresses, IP literals, local names, or with credentials (issue 13, item 12)', () => {
    const err = 'evidenceUrl: «Responder PQRS a tiempo» — Enlace a la evidencia: debe llevar al sitio por su nombre (por ejemplo …sharepoint.com): no se admiten direcciones IP, localhost ni enlaces con usuario o contraseña.';
    for (const url of [
      'https://localhost/x',
      'https://127.0.0.1/evidencia',
      'https://2130706433/',
      'https://0x7f000001/',
      'https://169.254.169.254/latest/meta-data/',
      'https://10.0.0.5/compartido',
      'https://[::1]/x',
      'https://[fe80::1]/x',
      'https://intranet.local/x',
      'https://servidor.internal/x',
      'https://usuario:clave@gobiernobogota.sharepoint.com/x',
      'https://usuario@gobiernobogota.sharepoint.com/x',
      'https://intranet/evidencia',
    ]) {
      expect(errorsOf(kr({}), { value: '5', comment: ok.comment, evidenceUrl: url }), url).toEqual([err]);
    }
    expect(errorsOf(kr({}), { value: '5', comment: ok.comment, evidenceUrl: 'https://gobiernobogota.sharepoint.com/sites/OKR/Evidencias/acta.pdf' })).toEqual([]);
  });

  it('refuses control and bidirectional-override characters in a comment (issue 13, item 12)', () => {
    for (const comment of ['Avance \u0000 del mes', 'Avance\u0007 con campana', 'Color \u001b[31m rojo', 'Ver factura \u202Efdp.exe del mes', 'Aislado \u2066texto\u2069']) {
      const [error] = errorsOf(kr({}), { value: '5', comment, evidenceUrl: ok.evidenceUrl });
      expect(error, JSON.stringify(comment)).toMatch(/^comment: .*caracteres invisibles de control o de cambio de dirección de escritura \(U\+[0-9A-F]{4}/);
    }
    expect(errorsOf(kr({}), { value: '5', comment: 'Línea uno\nLínea dos\tcon tabulador, «comillas» y ñ.', evidenceUrl: ok.evidenceUrl })).toEqual([]);
  });

  it('requires an https evidence link of at most 2,048 characters', () => {
    const err = 'evidenceUrl: «Responder PQRS a tiempo» — Enlace a la evidencia: debe ser un enlace https:// válido (por ejemplo, la carpeta de SharePoint o OneDrive).';
    for (const url of ['http://intranet/evidencia', 'ftp://x.com/a', 'hola', 'javascript:alert(1)']) {
      expect(errorsOf(kr({}), { value: '5', comment: ok.comment, evidenceUrl: url })).toEqual([err]);
    }
    expect(errorsOf(kr({}), { value: '5', comment: ok.comment, evidenceUrl: '' })).toEqual(['evidenceUrl: «Responder PQRS a tiempo» — Enlace a la evidencia: pega el enlace donde se consulta la evidencia.']);
    const long = `https://gobiernobogota.sharepoint.com/${'a'.repeat(2048)}`;
    expect(errorsOf(kr({}), { value: '5', comment: ok.comment, evidenceUrl: long })[0]).toContain('no puede superar 2.048 caracteres');
    const base = 'https://gobiernobogota.sharepoint.com/';
    const exactly = (n: number) => base + 'a'.repeat(n - base.length);
    expect(exactly(2048)).toHaveLength(2048);
    expect(errorsOf(kr({}), { value: '5', comment: ok.comment, evidenceUrl: exactly(2048) })).toEqual([]);
    expect(errorsOf(kr({}), { value: '5', comment: ok.comment, evidenceUrl: exactly(2049) })).toEqual([
      'evidenceUrl: «Responder PQRS a tiempo» — Enlace a la evidencia: no puede superar 2.048 caracteres.',
    ]);
    for (const url of ['https://gobiernobogota.sharepoint.com/sites/OKR/Documentos/acta.pdf', 'https://onedrive.live.com/?id=1']) {
      expect(validateCheckIn(kr({}), { keyResultId: 'kr', value: '5', comment: ok.comment, evidenceUrl: `  ${url} ` })).toMatchObject({ ok: true, checkIn: { evidenceUrl: url } });
    }
  });

  it('rejects negative values for number KRs and trims what it keeps', () => {
    const tramites = kr({ kind: 'number', unitOfMeasure: 'trámites', baseline: 0, target: 50 });
    expect(errorsOf(tramites, { value: '-1', ...ok })).toEqual(['value: «Responder PQRS a tiempo» — Avance: no puede ser negativo.']);
    expect(errorsOf(tramites, { value: 0, ...ok })).toEqual([]);
    expect(errorsOf(tramites, { value: '500', ...ok })).toEqual([]); // ten times the target is still plausible
    expect(errorsOf(tramites, { value: '501', ...ok })).toEqual(['value: «Responder PQRS a tiempo» — Avance: es demasiado grande para este resultado clave (máximo 500). Revisa la cifra.']);
    expect(validateCheckIn({ ...tramites, target: 2000 }, { keyResultId: 'kr', value: ' 1.234,5 ', comment: '  Avance del mes.  ', evidenceUrl: ok.evidenceUrl })).toEqual({
      ok: true,
      checkIn: { keyResultId: 'kr', value: 1234.5, comment: 'Avance del mes.', evidenceUrl: ok.evidenceUrl, version: null },
    });
  });

  it('reports every bad field of one KR, in order', () => {
    expect(errorsOf(kr({ title: 'Sedes abiertas' }), { value: 'diez', comment: '', evidenceUrl: 'www.sharepoint.com' })).toEqual([
      'value: «Sedes abiertas» — Avance: «diez» no es un número. Usa cifras, por ejemplo 45 o 45,5.',
      'comment: «Sedes abiertas» — Comentario: escribe un comentario que muestre el avance.',
      'evidenceUrl: «Sedes abiertas» — Enlace a la evidencia: debe ser un enlace https:// válido (por ejemplo, la carpeta de SharePoint o OneDrive).',
    ]);
  });

  it('validates a whole card all or nothing, and flags KRs not in the set', () => {
    const a = kr({ id: 'a', title: 'A' });
    const b = kr({ id: 'b', title: 'B' });
    expect(validateCheckIns([a, b], [{ keyResultId: 'a', value: '5', ...ok }, { keyResultId: 'b', value: '6', ...ok }])).toMatchObject({ ok: true, checkIns: [{ value: 5 }, { value: 6 }] });
    const mixed = validateCheckIns([a, b], [{ keyResultId: 'a', value: '5', ...ok }, { keyResultId: 'b', value: '600', ...ok }, { keyResultId: 'zz', value: '1', ...ok }]);
    expect(mixed.ok).toBe(false);
    expect(!mixed.ok && mixed.errors.map((e) => e.keyResultId)).toEqual(['b', 'zz']);
    expect(!mixed.ok && mixed.errors[1]).toEqual({
      keyResultId: 'zz',
      field: 'value',
      message: 'Este resultado clave ya no hace parte del set del trimestre. Pide de nuevo la tarjeta con «check-in».',
    });
    expect(mixed).not.toHaveProperty('checkIns'); // nothing is saved when one KR fails
    expect(validateCheckIns([a], [])).toEqual({ ok: true, checkIns: [] });
  });
});
