import { describe, expect, it } from 'vitest';
import { sampleContext, sampleMeta } from '../testing/samplePlan.js';
import { metaChecks, metaErrors, planContentErrors, weightsCheck } from './metaRules.js';

describe('a meta’s content: refused when saved', () => {
  it('accepts a complete, coherent meta', () => {
    expect(metaErrors(sampleMeta(), sampleContext)).toEqual([]);
  });

  it('refuses a quarter that breaks the programming type, in Spanish, naming the meta', () => {
    expect(metaErrors(sampleMeta({ programmed: [10, 10, 10, 5] }), sampleContext)).toEqual([
      '«Realizar 40 mesas de trabajo con las alcaldías locales» (suma): los trimestres no suman la magnitud total (40).',
    ]);
    expect(metaErrors(sampleMeta({ programmingType: 'creciente', programmed: [10, 30, 20, 40] }), sampleContext)[0]).toContain('en una meta creciente la programación nunca baja');
    expect(metaErrors(sampleMeta({ programmingType: 'decreciente', totalMagnitude: 10, programmed: [15, 16, 12, 10] }), sampleContext)[0]).toContain('nunca sube');
    expect(metaErrors(sampleMeta({ programmingType: 'constante', totalMagnitude: 100, programmed: [100, 90, 100, 100] }), sampleContext)[0]).toContain('cada trimestre programado debe ser igual a la magnitud total (100)');
  });

  it('refuses a negative magnitude, a negative quarter, a weight out of range and unknown references', () => {
    expect(metaErrors(sampleMeta({ totalMagnitude: -40 }), sampleContext)).toEqual(['«Realizar 40 mesas de trabajo con las alcaldías locales»: la magnitud total no puede ser negativa.']);
    expect(metaErrors(sampleMeta({ programmed: [10, -10, 20, 20] }), sampleContext)[0]).toContain('ninguna magnitud puede ser negativa');
    expect(metaErrors(sampleMeta({ weight: 120 }), sampleContext)).toEqual(['«Realizar 40 mesas de trabajo con las alcaldías locales»: el peso en el plan va de 0 a 100 %.']);
    expect(metaErrors(sampleMeta({ strategicObjectiveId: 'oe9' }), sampleContext)[0]).toContain('no existe en el marco estratégico');
    expect(metaErrors(sampleMeta({ local: true, leadUnitId: 'al-usaquen' }), sampleContext)[0]).toContain('debe ser una dependencia del nivel central');
    expect(metaErrors(sampleMeta({ statement: ' ' }), sampleContext)).toContain('«Meta 1»: falta la redacción de la meta.');
    expect(metaErrors(sampleMeta({ programmed: [10, Number.NaN, 10, 10] }), sampleContext)[0]).toContain('debe ser un número');
  });

  it('refuses duplicate metas and too many of them', () => {
    expect(planContentErrors([sampleMeta(), sampleMeta()], sampleContext)).toContain('Dos metas tienen el mismo identificador.');
    expect(planContentErrors(Array.from({ length: 31 }, (_, i) => sampleMeta({ id: `m${i}` })), sampleContext)).toContain('Un plan tiene como máximo 30 metas.');
  });
});

describe('coherence checks per meta (activity 4), for the team and the OAP', () => {
  it('passes every check for a complete meta of a central unit', () => {
    expect(metaChecks(sampleMeta(), 'central').every((c) => c.ok)).toBe(true);
    expect(metaChecks(sampleMeta(), 'central').map((c) => c.code)).toEqual(['objectives', 'programming', 'indicator', 'deliverables']);
  });

  it('flags a meta not tied to its objectives, an incomplete indicator, no deliverables, no lead area, no supervisor', () => {
    const meta = sampleMeta({ processObjective: '', indicator: { name: 'Mesas', numerator: 'Mesas', denominator: '', formula: '', unit: 'mesas' }, deliverables: '', local: true });
    const failed = metaChecks(meta, 'alcaldia').filter((c) => !c.ok);
    expect(failed.map((c) => c.message)).toEqual([
      'Falta el objetivo estratégico o el objetivo del proceso al que aporta.',
      'El indicador está incompleto: falta el denominador, la fórmula.',
      'No tiene entregables.',
      'Es local o transversal pero no dice qué área del nivel central la lidera y reporta.',
      'No dice qué dependencia supervisa esta meta de la alcaldía (Subsecretaría de Gestión Local, Dirección para la Gestión Policiva o Dirección para la Gestión del Desarrollo Local).',
    ]);
  });

  it('checks that the weights add up to 100 %, leaving out metas marked «Meta eliminada»', () => {
    expect(weightsCheck([{ weight: 50 }, { weight: 50 }]).ok).toBe(true);
    expect(weightsCheck([{ weight: 50 }, { weight: 30 }]).message).toBe('Los pesos de las metas suman 80 %; deben sumar 100 %.');
    expect(weightsCheck([{ weight: 60 }, { weight: 40 }, { weight: 20, eliminated: true }]).ok).toBe(true);
  });
});
