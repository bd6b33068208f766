import { describe, expect, it } from 'vitest';
import type { CheckIn, KeyResult } from './types.js';
import { checkInFlags, evidenceProblem, percentagesIn, REVIEW_THRESHOLDS } from './reviewFlags.js';

const pctKr: KeyResult = { id: 'kr1', setId: 's', objectiveId: 'ot1', title: 'Responder a tiempo el 95 % de las PQRS', kind: 'percentage', unitOfMeasure: '%', baseline: 0, target: 100, direction: 'increase', ownerId: null, order: 1 };
const daysKr: KeyResult = { ...pctKr, id: 'kr2', title: 'Reducir el tiempo de respuesta', kind: 'number', unitOfMeasure: 'días', baseline: 15, target: 10, direction: 'decrease' };
const milestone: KeyResult = { ...pctKr, id: 'kr3', title: 'Publicar el informe de rendición de cuentas', kind: 'milestone', unitOfMeasure: 'hito', baseline: 0, target: 1 };

const EVIDENCE = 'https://gobiernobogota.sharepoint.com/sites/OKR/al-usaquen/Evidencias/2026-11';
function ci(kr: KeyResult, period: string, value: number, comment: string, evidenceUrl = `${EVIDENCE.slice(0, -7)}${period}`): CheckIn {
  return { id: `${kr.id}-${period}`, keyResultId: kr.id, unitId: 'al-usaquen', period, value, comment, evidenceUrl, authorId: 'enlace-al-usaquen', createdAt: `${period}-26T15:00:00Z`, updatedAt: `${period}-26T15:00:00Z`, version: 1 };
}
const codes = (flags: ReturnType<typeof checkInFlags>) => flags.map((f) => f.code);
const GOOD = 'Se respondieron las PQRS del mes con el equipo de atención; se adjunta el informe.';

describe('consistency flags of a check-in', () => {
  it('finds nothing in a consistent report', () => {
    expect(checkInFlags(pctKr, ci(pctKr, '2026-11', 60, `${GOOD} Avance: 60 %.`), ci(pctKr, '2026-10', 30, GOOD))).toEqual([]);
  });

  it('flags a missing evidence link, with why in one sentence', () => {
    const flags = checkInFlags(pctKr, ci(pctKr, '2026-11', 60, GOOD, ''), ci(pctKr, '2026-10', 30, GOOD));
    expect(flags).toEqual([{ code: 'evidence_missing', keyResultId: 'kr1', message: 'No tiene enlace a la evidencia.' }]);
  });

  it('flags evidence links that do not look reachable', () => {
    const cases: Array<[string, string]> = [
      ['pendiente', 'parece un texto provisional'],
      ['carpeta compartida del equipo', 'no es una dirección web'],
      ['http://intranet.gobiernobogota.gov.co/evidencia', 'no empieza por https://'],
      ['https://localhost/evidencia', 'apunta a un equipo local o a una dirección interna'],
      ['https://10.1.2.3/evidencia', 'apunta a un equipo local o a una dirección interna'],
      ['https://servidor/evidencia', 'apunta a un equipo local o a una dirección interna'],
      ['https://example.com/evidencia', 'es una dirección de ejemplo'],
      ['https://gobiernobogota.sharepoint.com/', 'lleva solo al sitio, no a un documento o carpeta'],
    ];
    for (const [url, why] of cases) {
      expect(evidenceProblem(url), url).toBe(why);
      expect(checkInFlags(pctKr, ci(pctKr, '2026-11', 60, GOOD, url), ci(pctKr, '2026-10', 30, GOOD)).map((f) => f.message), url).toEqual([`El enlace a la evidencia no parece consultable: ${why}.`]);
    }
    expect(evidenceProblem(EVIDENCE)).toBeNull();
    expect(evidenceProblem('https://gobiernobogota.sharepoint.com/?id=42')).toBeNull();
  });

  it('flags the same evidence as last month, however the link is written', () => {
    const current = ci(pctKr, '2026-11', 60, GOOD, 'https://GobiernoBogota.sharepoint.com/sites/OKR/ev/#inicio');
    const flags = checkInFlags(pctKr, current, ci(pctKr, '2026-10', 30, GOOD, 'https://gobiernobogota.sharepoint.com/sites/OKR/ev'));
    expect(flags).toEqual([{ code: 'evidence_repeated', keyResultId: 'kr1', message: 'Usa el mismo enlace a la evidencia que en octubre de 2026.' }]);
  });

  it('does not flag a done milestone that keeps last month’s evidence', () => {
    expect(checkInFlags(milestone, ci(milestone, '2026-11', 1, GOOD, EVIDENCE), ci(milestone, '2026-10', 1, GOOD, EVIDENCE))).toEqual([]);
  });

  it('flags a percentage in the comment that differs from the value, ignoring the one in the title', () => {
    const flags = checkInFlags(pctKr, ci(pctKr, '2026-11', 60, `${GOOD} Vamos en el 45 % y la meta es el 95 %.`), ci(pctKr, '2026-10', 30, GOOD));
    expect(flags).toEqual([{ code: 'percent_mismatch', keyResultId: 'kr1', message: 'El comentario menciona 45 %, pero lo reportado es 60 %.' }]);
    const within = REVIEW_THRESHOLDS.percentTolerancePoints;
    expect(codes(checkInFlags(pctKr, ci(pctKr, '2026-11', 60, `${GOOD} Vamos en el ${60 - within} %.`), ci(pctKr, '2026-10', 30, GOOD)))).toEqual([]);
  });

  it('compares a number KR’s written percentage with its progress', () => {
    // 15 → 10 días: 12 días is 60 % of the way.
    const october = ci(daysKr, '2026-10', 13, GOOD);
    expect(codes(checkInFlags(daysKr, ci(daysKr, '2026-11', 12, `${GOOD} Avance acumulado: 60 %.`), october))).toEqual([]);
    const flags = checkInFlags(daysKr, ci(daysKr, '2026-11', 12, `${GOOD} Avance acumulado: 90 por ciento.`), october);
    expect(flags.map((f) => f.message)).toEqual(['El comentario menciona 90 %, pero lo reportado es 12 días (progreso 60 %).']);
    expect(percentagesIn('45 %, 45,5% y 80 por ciento')).toEqual([45, 45.5, 80]);
  });

  it('flags a drop from last month with no explanation, in the KR’s direction', () => {
    // Days going up is progress going down.
    const flags = checkInFlags(daysKr, ci(daysKr, '2026-11', 14, GOOD), ci(daysKr, '2026-10', 12, GOOD));
    expect(flags).toEqual([
      { code: 'drop_unexplained', keyResultId: 'kr2', message: 'El avance bajó de 12 días (progreso 60 %) a 14 días (progreso 20 %) frente al mes anterior y el comentario no lo explica.' },
    ]);
    const explained = 'El tiempo subió debido a la emergencia invernal, que represó las solicitudes.';
    expect(checkInFlags(daysKr, ci(daysKr, '2026-11', 14, explained), ci(daysKr, '2026-10', 12, GOOD))).toEqual([]);
    expect(checkInFlags(pctKr, ci(pctKr, '2026-11', 59, 'Se reajustó la meta con la OAP tras depurar la base.'), ci(pctKr, '2026-10', 60, GOOD))).toEqual([]);
    // Less than the threshold is rounding.
    expect(codes(checkInFlags(pctKr, ci(pctKr, '2026-11', 59, GOOD), ci(pctKr, '2026-10', 60, GOOD)))).toEqual([]);
  });

  it('flags a jump over the threshold, from last month or from the baseline', () => {
    const flags = checkInFlags(pctKr, ci(pctKr, '2026-11', 85, GOOD), ci(pctKr, '2026-10', 20, GOOD));
    expect(flags).toEqual([{ code: 'jump', keyResultId: 'kr1', message: 'El avance subió 65 puntos en un mes (más de 50): confirma que la cifra sea correcta.' }]);
    expect(codes(checkInFlags(pctKr, ci(pctKr, '2026-10', 70, GOOD), null))).toEqual(['jump']);
    expect(codes(checkInFlags(pctKr, ci(pctKr, '2026-11', 70, GOOD), ci(pctKr, '2026-10', 30, GOOD)))).toEqual([]);
    // A milestone goes from not done to done in one step: no jump.
    expect(codes(checkInFlags(milestone, ci(milestone, '2026-11', 1, GOOD), ci(milestone, '2026-10', 0, GOOD)))).toEqual([]);
  });

  it('flags progress on a KR whose comment says nothing was done', () => {
    const flags = checkInFlags(pctKr, ci(pctKr, '2026-11', 50, 'Sin avance este mes por la contratación.'), ci(pctKr, '2026-10', 30, GOOD));
    expect(flags).toEqual([{ code: 'progress_without_work', keyResultId: 'kr1', message: 'Reporta avance, pero el comentario dice que no se hizo nada.' }]);
    // The same comment with no progress is consistent.
    expect(codes(checkInFlags(pctKr, ci(pctKr, '2026-11', 30, 'No se avanzó este mes por la contratación.'), ci(pctKr, '2026-10', 30, GOOD)))).toEqual([]);
  });

  it('flags a one-word comment', () => {
    expect(checkInFlags(pctKr, ci(pctKr, '2026-11', 40, 'Avance.'), ci(pctKr, '2026-10', 30, GOOD))).toEqual([
      { code: 'comment_too_short', keyResultId: 'kr1', message: 'El comentario tiene una sola palabra: no explica el avance.' },
    ]);
    expect(codes(checkInFlags(pctKr, ci(pctKr, '2026-11', 40, 'Avance del mes.'), ci(pctKr, '2026-10', 30, GOOD)))).toEqual([]);
  });

  it('flags a milestone marked done without evidence, instead of the evidence flag', () => {
    for (const url of ['', 'pendiente']) {
      expect(checkInFlags(milestone, ci(milestone, '2026-12', 1, GOOD, url), ci(milestone, '2026-11', 0, GOOD))).toEqual([
        { code: 'milestone_without_evidence', keyResultId: 'kr3', message: 'El hito figura cumplido pero no tiene una evidencia consultable.' },
      ]);
    }
    expect(codes(checkInFlags(milestone, ci(milestone, '2026-12', 0, GOOD, ''), null))).toEqual(['evidence_missing']);
  });
});
