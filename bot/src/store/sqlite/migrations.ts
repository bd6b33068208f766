/**
 * Versioned schema of the embedded store. Append new migrations; never edit an applied one.
 * Applied in order at start-up inside a transaction, recorded in `schema_migrations`.
 */
export const migrations: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'directory, okr sets, check-ins, conversation references, audit',
    sql: `
      CREATE TABLE units (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('central','alcaldia')),
        level TEXT NOT NULL,
        parent_id TEXT REFERENCES units(id)
      );
      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        aad_object_id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        job_title TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE role_assignments (
        person_id TEXT NOT NULL REFERENCES people(id),
        role TEXT NOT NULL,
        unit_id TEXT REFERENCES units(id)
      );
      CREATE UNIQUE INDEX role_assignments_unique ON role_assignments(person_id, role, IFNULL(unit_id, ''));
      CREATE INDEX role_assignments_unit ON role_assignments(unit_id);
      CREATE TABLE institutional_objectives (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        title TEXT NOT NULL
      );
      CREATE TABLE okr_sets (
        id TEXT PRIMARY KEY,
        unit_id TEXT NOT NULL REFERENCES units(id),
        quarter TEXT NOT NULL,
        state TEXT NOT NULL,
        institutional_objective_id TEXT NOT NULL REFERENCES institutional_objectives(id),
        UNIQUE (unit_id, quarter)
      );
      CREATE TABLE objectives (
        id TEXT PRIMARY KEY,
        set_id TEXT NOT NULL REFERENCES okr_sets(id),
        parent_id TEXT REFERENCES objectives(id),
        level TEXT NOT NULL CHECK (level IN ('strategic','tactical')),
        title TEXT NOT NULL,
        ord INTEGER NOT NULL,
        weight REAL
      );
      CREATE INDEX objectives_set ON objectives(set_id);
      CREATE TABLE key_results (
        id TEXT PRIMARY KEY,
        set_id TEXT NOT NULL REFERENCES okr_sets(id),
        objective_id TEXT NOT NULL REFERENCES objectives(id),
        title TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('percentage','number','milestone')),
        unit_of_measure TEXT NOT NULL,
        baseline REAL NOT NULL,
        target REAL NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('increase','decrease')),
        owner_id TEXT REFERENCES people(id),
        ord INTEGER NOT NULL,
        weight REAL
      );
      CREATE INDEX key_results_set ON key_results(set_id);
      CREATE TABLE check_ins (
        id TEXT PRIMARY KEY,
        key_result_id TEXT NOT NULL REFERENCES key_results(id),
        unit_id TEXT NOT NULL REFERENCES units(id),
        period TEXT NOT NULL,
        value REAL NOT NULL,
        comment TEXT NOT NULL,
        evidence_url TEXT NOT NULL,
        author_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL,
        UNIQUE (key_result_id, period)
      );
      CREATE INDEX check_ins_unit_period ON check_ins(unit_id, period);
      CREATE TABLE conversation_refs (
        person_id TEXT PRIMARY KEY REFERENCES people(id),
        reference TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create','update','delete')),
        before_json TEXT,
        after_json TEXT
      );
      CREATE INDEX audit_entity ON audit(entity, entity_id);
    `,
  },
  {
    version: 2,
    name: 'monthly review of each unit by the ETI team (closed / correction requested)',
    sql: `
      CREATE TABLE month_reviews (
        unit_id TEXT NOT NULL REFERENCES units(id),
        period TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('closed','correction_requested')),
        actor_id TEXT NOT NULL,
        at TEXT NOT NULL,
        note TEXT,
        PRIMARY KEY (unit_id, period)
      );
    `,
  },
  {
    version: 3,
    name: 'formulation workflow: set versions, workflow events, cards to update',
    sql: `
      ALTER TABLE okr_sets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      CREATE TABLE set_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        set_id TEXT NOT NULL REFERENCES okr_sets(id),
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        set_version INTEGER NOT NULL,
        comment TEXT
      );
      CREATE INDEX set_events_set ON set_events(set_id);
      CREATE TABLE card_messages (
        set_id TEXT NOT NULL REFERENCES okr_sets(id),
        purpose TEXT NOT NULL,
        person_id TEXT NOT NULL REFERENCES people(id),
        activity_id TEXT NOT NULL,
        reference TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (set_id, purpose, person_id)
      );
    `,
  },
  {
    version: 4,
    name: 'reminders: log keyed by reminder key (claim once), global pause switch, snoozes, preferences',
    sql: `
      CREATE TABLE reminder_log (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        person_id TEXT NOT NULL,
        subject TEXT NOT NULL,
        period TEXT NOT NULL,
        step INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed','sent','failed')),
        owner TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        sent_at TEXT,
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX reminder_log_person ON reminder_log(person_id);
      CREATE INDEX reminder_log_state ON reminder_log(state);
      CREATE INDEX reminder_log_period ON reminder_log(period);
      CREATE TABLE reminder_control (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        paused INTEGER NOT NULL,
        actor_id TEXT,
        at TEXT
      );
      CREATE TABLE reminder_snoozes (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        person_id TEXT NOT NULL,
        subject TEXT NOT NULL,
        period TEXT NOT NULL,
        step INTEGER NOT NULL,
        until TEXT NOT NULL,
        count INTEGER NOT NULL
      );
      CREATE INDEX reminder_snoozes_person ON reminder_snoozes(person_id);
      CREATE TABLE reminder_preferences (
        person_id TEXT PRIMARY KEY,
        muted_kinds TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'plenarias, acta versions and their signed .docx, tracked commitments; cards about a set or an acta',
    sql: `
      CREATE TABLE plenarias (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('menor','mayor','dialogo')),
        unit_id TEXT REFERENCES units(id),
        quarter TEXT NOT NULL,
        date TEXT NOT NULL,
        start_time TEXT NOT NULL,
        modality TEXT NOT NULL,
        location TEXT NOT NULL,
        presiding_id TEXT NOT NULL REFERENCES people(id),
        secretary_id TEXT NOT NULL REFERENCES people(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX plenarias_quarter ON plenarias(quarter);
      CREATE INDEX plenarias_unit ON plenarias(unit_id);
      CREATE TABLE actas (
        plenaria_id TEXT NOT NULL REFERENCES plenarias(id),
        version INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        draft_json TEXT NOT NULL,
        okr_results_json TEXT NOT NULL,
        snapshot_at TEXT NOT NULL,
        secretary_signed_by TEXT,
        secretary_signed_at TEXT,
        presiding_signed_by TEXT,
        presiding_signed_at TEXT,
        sent_to_oap_on TEXT,
        sent_to_oap_by TEXT,
        file_name TEXT,
        correction_reason TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (plenaria_id, version)
      );
      CREATE TABLE acta_files (
        plenaria_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        bytes BLOB NOT NULL,
        saved_by TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (plenaria_id, version),
        FOREIGN KEY (plenaria_id, version) REFERENCES actas(plenaria_id, version)
      );
      CREATE TABLE commitments (
        id TEXT PRIMARY KEY,
        plenaria_id TEXT NOT NULL REFERENCES plenarias(id),
        unit_id TEXT REFERENCES units(id),
        task TEXT NOT NULL,
        owner_id TEXT NOT NULL REFERENCES people(id),
        due TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('abierto','en_curso','cumplido','cancelado')),
        notes_json TEXT NOT NULL,
        impact TEXT,
        revision INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX commitments_owner ON commitments(owner_id);
      CREATE INDEX commitments_plenaria ON commitments(plenaria_id);
      CREATE INDEX commitments_unit ON commitments(unit_id);
      -- A card is about a set or (acta:<plenariaId>) an acta: the subject no longer references okr_sets.
      CREATE TABLE card_messages_v5 (
        subject_id TEXT NOT NULL,
        purpose TEXT NOT NULL,
        person_id TEXT NOT NULL REFERENCES people(id),
        activity_id TEXT NOT NULL,
        reference TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (subject_id, purpose, person_id)
      );
      INSERT INTO card_messages_v5 (subject_id, purpose, person_id, activity_id, reference, at)
        SELECT set_id, purpose, person_id, activity_id, reference, at FROM card_messages;
      DROP TABLE card_messages;
      ALTER TABLE card_messages_v5 RENAME TO card_messages;
    `,
  },
];
