import { describe, expect, it } from 'vitest';
import { blockingProblems, contentFromDraft, emptyKr, type SetDraft } from './setDraft.js';

const draftWith = (baseline: string, target: string): SetDraft => ({
  institutionalObjectiveId: 'oe1',
  strategicTitle: 'Acercar la alcaldía a la ciudadanía',
  tactical: [{ id: 'ot1', title: 'Agilizar trámites', keyResults: [{ ...emptyKr(), id: 'kr1', title: 'Atender solicitudes', kind: 'number', unitOfMeasure: 'solicitudes', baseline, target }] }],
});

describe('baselines and targets follow the one es-CO number rule (issue 13, item 7)', () => {
  it('reads «1.234,5» as 1234,5 and «45.5» as 45,5', () => {
    const [kr] = contentFromDraft(draftWith('45.5', '1.234,5')).keyResults;
    expect(kr).toMatchObject({ baseline: 45.5, target: 1234.5 });
    expect(blockingProblems(draftWith('45.5', '1.234,5'))).toEqual([]);
  });

  it('asks what «1.000» means instead of storing 1', () => {
    expect(blockingProblems(draftWith('0', '1.000'))).toEqual(['Resultado clave 1.1: «1.000» se puede leer de dos formas: ¿quisiste decir 1000 o 1? Escríbelo sin punto de miles y con coma decimal, por ejemplo 1000.']);
    expect(blockingProblems(draftWith('0', 'mil'))).toEqual(['Resultado clave 1.1: la línea base y la meta deben ser números.']);
  });
});
