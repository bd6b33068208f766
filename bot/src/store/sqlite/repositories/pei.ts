import type { OkrValidation, PeiChange, PeiIndicator, PeiObjective, PeiPlan, PeiProgramming, PeiValue, PeiWeight } from '@okr/core';
import type { PeiPort } from '../../ports/pei.js';
import { byIndicatorCutoff, nextVersion, okrValidationKey, valueKey } from '../../peiRules.js';
import type { Row, SqliteDb, SqliteModule } from '../db.js';

const json = (v: unknown): string => JSON.stringify(v);
const parse = <T>(r: Row): T => JSON.parse(r.record_json as string) as T;

/** The PEI's tables: each record is JSON beside the columns its queries use (plan, vigencia, keys). */
export const peiSqlite: SqliteModule<PeiPort> = {
  name: 'pei',
  migrations: [
    {
      version: 1,
      name: 'plan estratégico institucional: plans, objectives, indicators, weights and programming per vigencia, figures at cut-offs, changes; OKR validations',
      sql: `
      CREATE TABLE pei_plans (id TEXT PRIMARY KEY, record_json TEXT NOT NULL);
      CREATE TABLE pei_objectives (id TEXT PRIMARY KEY, plan_id TEXT NOT NULL REFERENCES pei_plans(id), record_json TEXT NOT NULL);
      CREATE INDEX pei_objectives_plan ON pei_objectives(plan_id);
      CREATE TABLE pei_indicators (id TEXT PRIMARY KEY, plan_id TEXT NOT NULL REFERENCES pei_plans(id), record_json TEXT NOT NULL);
      CREATE INDEX pei_indicators_plan ON pei_indicators(plan_id);
      CREATE TABLE pei_weights (
        plan_id TEXT NOT NULL REFERENCES pei_plans(id), year INTEGER NOT NULL, objective_id TEXT NOT NULL REFERENCES pei_objectives(id),
        indicator_id TEXT NOT NULL REFERENCES pei_indicators(id), record_json TEXT NOT NULL,
        PRIMARY KEY (plan_id, year, objective_id, indicator_id)
      );
      CREATE TABLE pei_programming (
        plan_id TEXT NOT NULL REFERENCES pei_plans(id), year INTEGER NOT NULL, indicator_id TEXT NOT NULL REFERENCES pei_indicators(id), record_json TEXT NOT NULL,
        PRIMARY KEY (plan_id, year, indicator_id)
      );
      CREATE TABLE pei_values (
        plan_id TEXT NOT NULL REFERENCES pei_plans(id), year INTEGER NOT NULL, indicator_id TEXT NOT NULL REFERENCES pei_indicators(id), cutoff TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('draft','reported','returned','validated')), version INTEGER NOT NULL, record_json TEXT NOT NULL,
        PRIMARY KEY (plan_id, indicator_id, cutoff)
      );
      CREATE INDEX pei_values_year ON pei_values(plan_id, year);
      CREATE TABLE pei_changes (id TEXT PRIMARY KEY, plan_id TEXT NOT NULL REFERENCES pei_plans(id), at TEXT NOT NULL, record_json TEXT NOT NULL);
      CREATE INDEX pei_changes_plan ON pei_changes(plan_id);
      CREATE TABLE okr_validations (
        unit_id TEXT NOT NULL REFERENCES units(id), quarter TEXT NOT NULL, state TEXT NOT NULL, version INTEGER NOT NULL, record_json TEXT NOT NULL,
        PRIMARY KEY (unit_id, quarter)
      );
      CREATE INDEX okr_validations_quarter ON okr_validations(quarter);`,
    },
  ],
  tables: {
    // The plan's definition changes only with the seed (or a future editor, which will audit it as `peiPlan`).
    pei_plans: 'peiPlan',
    pei_objectives: 'peiPlan',
    pei_indicators: 'peiPlan',
    pei_programming: 'peiPlan',
    pei_weights: 'peiWeights',
    // The «control de cambios» entry is written with the change it records.
    pei_changes: 'peiWeights',
    pei_values: 'peiValue',
    okr_validations: 'okrValidation',
  },

  seed(db, data) {
    for (const p of data.peiPlans ?? []) db.run('INSERT INTO pei_plans (id, record_json) VALUES (?, ?)', p.id, json(p));
    for (const o of data.peiObjectives ?? []) db.run('INSERT INTO pei_objectives (id, plan_id, record_json) VALUES (?, ?, ?)', o.id, o.planId, json(o));
    for (const i of data.peiIndicators ?? []) db.run('INSERT INTO pei_indicators (id, plan_id, record_json) VALUES (?, ?, ?)', i.id, i.planId, json(i));
    for (const w of data.peiWeights ?? []) insertWeight(db, w);
    for (const p of data.peiProgramming ?? []) db.run('INSERT INTO pei_programming (plan_id, year, indicator_id, record_json) VALUES (?, ?, ?, ?)', p.planId, p.year, p.indicatorId, json(p));
    for (const v of data.peiValues ?? []) upsertValue(db, v);
    for (const c of data.peiChanges ?? []) insertChange(db, c);
    for (const v of data.okrValidations ?? []) upsertOkr(db, v);
  },

  repository: (db: SqliteDb): PeiPort => ({
    async listPeiPlans() {
      return db.all('SELECT * FROM pei_plans ORDER BY id').map((r) => parse<PeiPlan>(r));
    },

    async loadPeiYear(planId, year) {
      const plan = db.one((r) => parse<PeiPlan>(r), 'SELECT * FROM pei_plans WHERE id = ?', planId);
      if (!plan) return null;
      return {
        plan,
        objectives: db.all('SELECT * FROM pei_objectives WHERE plan_id = ?', planId).map((r) => parse<PeiObjective>(r)).sort((a, b) => a.number - b.number),
        indicators: db.all('SELECT * FROM pei_indicators WHERE plan_id = ? ORDER BY id', planId).map((r) => parse<PeiIndicator>(r)),
        weights: db.all('SELECT * FROM pei_weights WHERE plan_id = ? AND year = ? ORDER BY objective_id, indicator_id', planId, year).map((r) => parse<PeiWeight>(r)),
        programming: db.all('SELECT * FROM pei_programming WHERE plan_id = ? AND year = ? ORDER BY indicator_id', planId, year).map((r) => parse<PeiProgramming>(r)),
        values: db.all('SELECT * FROM pei_values WHERE plan_id = ? AND year = ?', planId, year).map((r) => parse<PeiValue>(r)).sort(byIndicatorCutoff),
        changes: db.all('SELECT * FROM pei_changes WHERE plan_id = ? ORDER BY at, id', planId).map((r) => parse<PeiChange>(r)),
      };
    },

    async writePeiValues(writes, actorId) {
      return db.tx(() =>
        writes.map((w) => {
          const before = db.one((r) => parse<PeiValue>(r), 'SELECT * FROM pei_values WHERE plan_id = ? AND indicator_id = ? AND cutoff = ?', w.value.planId, w.value.indicatorId, w.value.cutoff);
          const value = nextVersion(before, w.value, w.expectedVersion, 'pei value');
          upsertValue(db, value);
          db.audit(actorId, 'peiValue', valueKey(value), before ? 'update' : 'create', before, value);
          return value;
        }),
      );
    },

    async replacePeiWeights(write) {
      db.tx(() => {
        const before = db.all('SELECT * FROM pei_weights WHERE plan_id = ? AND year = ?', write.planId, write.year).map((r) => parse<PeiWeight>(r));
        db.run('DELETE FROM pei_weights WHERE plan_id = ? AND year = ?', write.planId, write.year);
        for (const w of write.weights) insertWeight(db, w);
        insertChange(db, write.change);
        db.audit(write.actorId, 'peiWeights', `${write.planId}|${write.year}`, 'update', before, { weights: write.weights, change: write.change });
      });
    },

    async listOkrValidations(quarter) {
      return db.all('SELECT * FROM okr_validations WHERE quarter = ? ORDER BY unit_id', quarter).map((r) => parse<OkrValidation>(r));
    },

    async writeOkrValidation({ validation, expectedVersion, actorId }) {
      return db.tx(() => {
        const before = db.one((r) => parse<OkrValidation>(r), 'SELECT * FROM okr_validations WHERE unit_id = ? AND quarter = ?', validation.unitId, validation.quarter);
        const next = nextVersion(before, validation, expectedVersion, 'okr validation');
        upsertOkr(db, next);
        db.audit(actorId, 'okrValidation', okrValidationKey(next), before ? 'update' : 'create', before, next);
        return next;
      });
    },
  }),
};

function insertWeight(db: SqliteDb, w: PeiWeight): void {
  db.run('INSERT INTO pei_weights (plan_id, year, objective_id, indicator_id, record_json) VALUES (?, ?, ?, ?, ?)', w.planId, w.year, w.objectiveId, w.indicatorId, json(w));
}
function insertChange(db: SqliteDb, c: PeiChange): void {
  db.run('INSERT INTO pei_changes (id, plan_id, at, record_json) VALUES (?, ?, ?, ?)', c.id, c.planId, c.at, json(c));
}
function upsertValue(db: SqliteDb, v: PeiValue): void {
  db.run(
    'INSERT INTO pei_values (plan_id, year, indicator_id, cutoff, state, version, record_json) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(plan_id, indicator_id, cutoff) DO UPDATE SET state = excluded.state, version = excluded.version, record_json = excluded.record_json',
    v.planId, v.year, v.indicatorId, v.cutoff, v.state, v.version, json(v),
  );
}
function upsertOkr(db: SqliteDb, v: OkrValidation): void {
  db.run(
    'INSERT INTO okr_validations (unit_id, quarter, state, version, record_json) VALUES (?, ?, ?, ?, ?) ON CONFLICT(unit_id, quarter) DO UPDATE SET state = excluded.state, version = excluded.version, record_json = excluded.record_json',
    v.unitId, v.quarter, v.state, v.version, json(v),
  );
}
