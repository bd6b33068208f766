import type { OkrValidation, PeiChange, PeiIndicator, PeiObjective, PeiPlan, PeiProgramming, PeiValue, PeiWeight } from '@okr/core';
import type { PeiPort } from '../../ports/pei.js';
import { byIndicatorCutoff, nextVersion, okrValidationKey, planYearKey, valueKey } from '../../peiRules.js';
import type { Item, SharePointModule, WriteOp } from '../engine.js';
import { binary, byNumericId } from './itemTools.js';
import { noteJson, str, title, type Fields } from '../fields.js';
import { idempotencyKey, indexed, note, number, quarter, recordKey, text, type ColumnSpec, type ListSpec } from '../schema.js';

/**
 * The PEI's lists. Each item is one JSON note beside the columns its queries use: `PlanId` for a
 * plan's definition, `PlanVigencia` (`<plan>|<year>`, indexed) for what changes by vigencia — so a
 * plan's year, which the PEI screen, the validation round and a page of the open-data feed read, is
 * one batch of indexed queries — and `Quarter` for the OKR validations.
 */
const planId: ColumnSpec = indexed('PlanId', 'Id del plan estratégico');
const planVigencia: ColumnSpec = indexed('PlanVigencia', 'Plan y vigencia, p. ej. sdg-pei-2024-2027|2026');
const json = (what: string) => note('RecordJson', `${what} (JSON)`);

export const PEI_LISTS = {
  peiPlans: { name: 'OkrPeiPlanes', description: 'Planes estratégicos institucionales (misión, visión, periodo)', columns: [recordKey('id del plan'), idempotencyKey, json('el plan')], audit: 'peiPlan' },
  peiObjectives: { name: 'OkrPeiObjetivos', description: 'Objetivos estratégicos de cada plan', columns: [recordKey('id del objetivo'), idempotencyKey, planId, json('el objetivo')], audit: 'peiPlan' },
  peiIndicators: { name: 'OkrPeiIndicadores', description: 'Indicadores sectoriales, metas de proyectos de inversión y metas de gestión de cada plan', columns: [recordKey('id del indicador'), idempotencyKey, planId, json('el indicador')], audit: 'peiPlan' },
  peiProgramming: { name: 'OkrPeiProgramacion', description: 'Programación de cada indicador por vigencia (anual y acumulada por mes)', columns: [recordKey('plan|vigencia|indicador'), idempotencyKey, planVigencia, json('la programación')], audit: 'peiPlan' },
  peiWeights: { name: 'OkrPeiPonderaciones', description: 'Ponderación de cada indicador en cada objetivo por vigencia', columns: [recordKey('plan|vigencia|objetivo|indicador'), idempotencyKey, planVigencia, json('la ponderación')], audit: 'peiWeights' },
  peiChanges: { name: 'OkrPeiCambios', description: 'Control de cambios del plan estratégico', columns: [recordKey('id del cambio'), idempotencyKey, planId, text('At', 'cuándo (ISO 8601)'), json('el cambio')], audit: 'peiWeights' },
  peiValues: {
    name: 'OkrPeiCifras',
    description: 'Cifra de cada indicador en cada corte y su validación (reportada, devuelta, validada)',
    columns: [recordKey('plan|indicador|corte'), idempotencyKey, planVigencia, text('State', 'estado de la validación'), number('RecordVersion', 'versión (compare-and-set)'), json('la cifra')],
    audit: 'peiValue',
  },
  okrValidations: {
    name: 'OkrValidacionesOkr',
    description: 'Validación de los resultados OKR de cada unidad y trimestre, con las cifras validadas',
    columns: [recordKey('unidad|trimestre'), idempotencyKey, quarter, text('State', 'estado de la validación'), number('RecordVersion', 'versión (compare-and-set)'), json('la validación')],
    audit: 'okrValidation',
  },
} satisfies Record<string, ListSpec>;

const L = PEI_LISTS;
const read = <T>(f: Fields): T => JSON.parse(str(f, 'RecordJson')) as T;
const all = <T>(items: readonly Item[]): T[] => items.slice().sort(byNumericId).map((i) => read<T>(i.fields));

const planFields = (p: PeiPlan): Fields => ({ RecordKey: p.id, Title: title(p.name), RecordJson: noteJson(p, `Plan ${p.id}`) });
const objectiveFields = (o: PeiObjective): Fields => ({ RecordKey: o.id, Title: title(`Objetivo ${o.number}`), PlanId: o.planId, RecordJson: noteJson(o, `Objetivo ${o.id}`) });
const indicatorFields = (i: PeiIndicator): Fields => ({ RecordKey: i.id, Title: title(i.name), PlanId: i.planId, RecordJson: noteJson(i, `Indicador ${i.id}`) });
const programmingFields = (p: PeiProgramming): Fields => ({ RecordKey: `${planYearKey(p.planId, p.year)}|${p.indicatorId}`, Title: title(`Programación ${p.year} ${p.indicatorId}`), PlanVigencia: planYearKey(p.planId, p.year), RecordJson: noteJson(p, 'Programación') });
const weightFields = (w: PeiWeight): Fields => ({ RecordKey: `${planYearKey(w.planId, w.year)}|${w.objectiveId}|${w.indicatorId}`, Title: title(`Ponderación ${w.year} ${w.indicatorId}`), PlanVigencia: planYearKey(w.planId, w.year), RecordJson: noteJson(w, 'Ponderación') });
const changeFields = (c: PeiChange): Fields => ({ RecordKey: c.id, IdempotencyKey: c.id, Title: title(c.description), PlanId: c.planId, At: c.at, RecordJson: noteJson(c, `Cambio ${c.id}`) });
const valueFields = (v: PeiValue): Fields => ({ RecordKey: valueKey(v), Title: title(`${v.indicatorId} ${v.cutoff}`), PlanVigencia: planYearKey(v.planId, v.year), State: v.state, RecordVersion: v.version, RecordJson: noteJson(v, `Cifra ${valueKey(v)}`) });
const okrFields = (v: OkrValidation): Fields => ({ RecordKey: okrValidationKey(v), Title: title(`OKR ${v.unitId} ${v.quarter}`), Quarter: v.quarter, State: v.state, RecordVersion: v.version, RecordJson: noteJson(v, `Validación OKR ${okrValidationKey(v)}`) });

export const peiSharePoint: SharePointModule<PeiPort, typeof PEI_LISTS> = {
  lists: PEI_LISTS,

  seed(engine, data) {
    return [
      ...(data.peiPlans ?? []).map((p) => engine.create(L.peiPlans, planFields(p))),
      ...(data.peiObjectives ?? []).map((o) => engine.create(L.peiObjectives, objectiveFields(o))),
      ...(data.peiIndicators ?? []).map((i) => engine.create(L.peiIndicators, indicatorFields(i))),
      ...(data.peiProgramming ?? []).map((p) => engine.create(L.peiProgramming, programmingFields(p))),
      ...(data.peiWeights ?? []).map((w) => engine.create(L.peiWeights, weightFields(w))),
      ...(data.peiChanges ?? []).map((c) => engine.create(L.peiChanges, changeFields(c))),
      ...(data.peiValues ?? []).map((v) => engine.create(L.peiValues, valueFields(v))),
      ...(data.okrValidations ?? []).map((v) => engine.create(L.okrValidations, okrFields(v))),
    ];
  },

  repository: (engine): PeiPort => ({
    async listPeiPlans() {
      return all<PeiPlan>(await engine.readOne({ list: L.peiPlans })).sort((a, b) => binary(a.id, b.id));
    },

    async loadPeiYear(id, year) {
      const py = planYearKey(id, year);
      const [plans, objectives, indicators, weights, programming, values, changes] = await engine.read([
        { list: L.peiPlans, where: ['RecordKey', id] },
        { list: L.peiObjectives, where: ['PlanId', id] },
        { list: L.peiIndicators, where: ['PlanId', id] },
        { list: L.peiWeights, where: ['PlanVigencia', py] },
        { list: L.peiProgramming, where: ['PlanVigencia', py] },
        { list: L.peiValues, where: ['PlanVigencia', py] },
        { list: L.peiChanges, where: ['PlanId', id] },
      ]);
      if (!plans![0]) return null;
      return {
        plan: read<PeiPlan>(plans![0].fields),
        objectives: all<PeiObjective>(objectives!).sort((a, b) => a.number - b.number),
        indicators: all<PeiIndicator>(indicators!).sort((a, b) => binary(a.id, b.id)),
        weights: all<PeiWeight>(weights!).sort((a, b) => binary(a.objectiveId, b.objectiveId) || binary(a.indicatorId, b.indicatorId)),
        programming: all<PeiProgramming>(programming!).sort((a, b) => binary(a.indicatorId, b.indicatorId)),
        values: all<PeiValue>(values!).sort(byIndicatorCutoff),
        changes: all<PeiChange>(changes!).sort((a, b) => binary(a.at, b.at) || binary(a.id, b.id)),
      };
    },

    async writePeiValues(writes, actorId) {
      const years = [...new Set(writes.map((w) => planYearKey(w.value.planId, w.value.year)))];
      const found = (await engine.read(years.map((py) => ({ list: L.peiValues, where: ['PlanVigencia', py] as [string, string] })))).flat();
      const byKey = new Map(found.map((i) => [str(i.fields, 'RecordKey'), i]));
      const ops: WriteOp[] = [];
      const out: PeiValue[] = [];
      for (const w of writes) {
        const item = byKey.get(valueKey(w.value));
        const before = item ? read<PeiValue>(item.fields) : null;
        const value = nextVersion(before, w.value, w.expectedVersion, 'pei value');
        ops.push(item ? engine.update(L.peiValues, item, valueFields(value)) : engine.create(L.peiValues, valueFields(value)));
        ops.push(engine.audit({ actorId, entity: 'peiValue', entityId: valueKey(value), action: before ? 'update' : 'create', before, after: value }));
        out.push(value);
      }
      await engine.write(ops);
      return out;
    },

    async replacePeiWeights(write) {
      const items = await engine.readOne({ list: L.peiWeights, where: ['PlanVigencia', planYearKey(write.planId, write.year)] });
      await engine.write([
        ...items.map((i) => engine.remove(L.peiWeights, i)),
        ...write.weights.map((w) => engine.create(L.peiWeights, weightFields(w))),
        engine.create(L.peiChanges, changeFields(write.change)),
        engine.audit({ actorId: write.actorId, entity: 'peiWeights', entityId: planYearKey(write.planId, write.year), action: 'update', before: all<PeiWeight>(items), after: { weights: write.weights, change: write.change } }),
      ]);
    },

    async listOkrValidations(q) {
      return all<OkrValidation>(await engine.readOne({ list: L.okrValidations, where: ['Quarter', q] })).sort((a, b) => binary(a.unitId, b.unitId));
    },

    async writeOkrValidation({ validation, expectedVersion, actorId }) {
      const item = await engine.item(L.okrValidations, okrValidationKey(validation));
      const before = item ? read<OkrValidation>(item.fields) : null;
      const next = nextVersion(before, validation, expectedVersion, 'okr validation');
      await engine.write([
        item ? engine.update(L.okrValidations, item, okrFields(next)) : engine.create(L.okrValidations, okrFields(next)),
        engine.audit({ actorId, entity: 'okrValidation', entityId: okrValidationKey(next), action: before ? 'update' : 'create', before, after: next }),
      ]);
      return next;
    },
  }),
};
