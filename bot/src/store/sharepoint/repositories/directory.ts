import { bogotaDate, foldText, inForce, type Assignment, type DirectoryChange, type DirectoryPerson, type DirectoryUnit, type InstitutionalObjective, type Person, type RoleAssignment, type StrategicObjective, type Unit } from '@okr/core';
import { DIRECTORY_AUDIT, domainAadId, SEED_DEFAULT_FROM, storedAadId } from '../../directoryRules.js';
import { ConflictError } from '../../errors.js';
import type { DirectoryPort, SeedRole } from '../../ports/directory.js';
import type { Item, SharePointModule, WriteOp } from '../engine.js';
import { binary, byNumericId } from './itemTools.js';
import { num, numOrNull, str, strOrNull, title, type Fields } from '../fields.js';
import { idempotencyKey, indexed, note, number, recordKey, text, type ListSpec } from '../schema.js';
import { runAllOrNothing, RUNS_LIBRARY, RUNS_LIST } from '../runs.js';

const version = number('RecordVersion', 'versión; sube con cada cambio (compare-and-set)');
const active = number('Active', '1 activa, 0 desactivada (nunca se borra: su historia queda)');

export const DIRECTORY_LISTS = {
  units: {
    name: 'OkrUnidades',
    description: 'Dependencias de la SDG: unidades del nivel central y alcaldías locales',
    columns: [recordKey('id de la unidad'), idempotencyKey, text('Kind', 'central o alcaldia'), text('Level', 'nivel de la unidad'), text('ParentId', 'id de la unidad superior'), active, version],
    audit: 'unit',
    small: true,
  },
  people: {
    name: 'OkrPersonas',
    description: 'Directorio de personas (líderes, enlaces, coaches, ETI, OAP)',
    columns: [
      recordKey('id de la persona'),
      idempotencyKey,
      text('AadObjectId', 'id del objeto en Entra ID, como se recibió'),
      { name: 'AadKey', type: 'text', indexed: true, unique: true, description: 'id de Entra ID en minúsculas, para buscar sin distinguir mayúsculas (sin-entra:<id> hasta el primer ingreso)' },
      text('Email', 'correo'),
      text('JobTitle', 'cargo'),
      text('Phone', 'teléfono o canal de contacto'),
      active,
      version,
    ],
    audit: 'person',
    // Who is saving (an inactive person may not): checked before every check-in save.
    decides: ['checkInSave'],
    small: true,
  },
  roles: {
    name: 'OkrRoles',
    description: 'Roles de cada persona, por unidad o para toda la entidad, con sus fechas desde y hasta',
    columns: [
      recordKey('persona|rol|unidad|desde'),
      idempotencyKey,
      indexed('PersonId', 'id de la persona'),
      text('Role', 'rol'),
      indexed('UnitId', 'id de la unidad; vacío = toda la entidad'),
      text('FromDate', 'desde (AAAA-MM-DD, incluido)'),
      text('ToDate', 'hasta (AAAA-MM-DD, incluido); vacío = vigente'),
      version,
    ],
    audit: DIRECTORY_AUDIT.assignment,
    // Whether they may report for the unit.
    decides: ['checkInSave'],
    small: true,
  },
  institutionalObjectives: {
    name: 'OkrObjetivosInstitucionales',
    description: 'Objetivos estratégicos del Plan Estratégico Institucional, por vigencia',
    columns: [recordKey('id del objetivo'), idempotencyKey, text('Code', 'código'), note('Statement', 'enunciado completo'), number('Vigencia', 'año'), active, version],
    audit: 'institutionalObjective',
    small: true,
  },
  vivaTeams: {
    name: 'OkrEquiposViva',
    description: 'Equipos de Viva Goals y la unidad a la que corresponden (confirmado al importar el historial)',
    columns: [recordKey('nombre del equipo sin tildes ni mayúsculas'), idempotencyKey, text('Team', 'nombre del equipo como viene en Viva Goals'), text('UnitId', 'id de la unidad')],
    audit: 'vivaTeamMap',
    small: true,
  },
  importRuns: RUNS_LIST,
} satisfies Record<string, ListSpec>;

const isActive = (f: Fields) => numOrNull(f, 'Active') !== 0;
const versionOf = (f: Fields) => numOrNull(f, 'RecordVersion') ?? 1;

const unitFields = (u: DirectoryUnit): Fields => ({ RecordKey: u.id, Title: title(u.name), Kind: u.kind, Level: u.level, ParentId: u.parentId, Active: u.active ? 1 : 0, RecordVersion: u.version });
const toUnit = (f: Fields): Unit => ({
  id: str(f, 'RecordKey'),
  name: str(f, 'Title'),
  kind: str(f, 'Kind') as Unit['kind'],
  level: str(f, 'Level') as Unit['level'],
  parentId: strOrNull(f, 'ParentId'),
});
const toDirectoryUnit = (f: Fields): DirectoryUnit => ({ ...toUnit(f), active: isActive(f), version: versionOf(f) });

const personFields = (p: DirectoryPerson): Fields => {
  const aad = storedAadId(p.id, p.aadObjectId);
  return { RecordKey: p.id, Title: title(p.name), AadObjectId: aad, AadKey: aad.toLowerCase(), Email: p.email, JobTitle: p.jobTitle, Phone: p.phone, Active: p.active ? 1 : 0, RecordVersion: p.version };
};
const toPerson = (f: Fields): Person => ({
  id: str(f, 'RecordKey'),
  aadObjectId: domainAadId(str(f, 'AadObjectId')),
  name: str(f, 'Title'),
  email: str(f, 'Email'),
  jobTitle: str(f, 'JobTitle'),
});
const toDirectoryPerson = (f: Fields): DirectoryPerson => ({ ...toPerson(f), phone: str(f, 'Phone'), active: isActive(f), version: versionOf(f) });

const assignmentFields = (a: Assignment): Fields => ({
  RecordKey: a.id,
  Title: title(a.id),
  PersonId: a.personId,
  Role: a.role,
  UnitId: a.unitId,
  FromDate: a.from,
  ToDate: a.to,
  RecordVersion: a.version,
});
const toAssignment = (f: Fields): Assignment => ({
  id: str(f, 'RecordKey'),
  personId: str(f, 'PersonId'),
  role: str(f, 'Role') as RoleAssignment['role'],
  unitId: strOrNull(f, 'UnitId'),
  // Roles stored before dates existed have none: they count as held since ever.
  from: strOrNull(f, 'FromDate') ?? SEED_DEFAULT_FROM,
  to: strOrNull(f, 'ToDate'),
  version: versionOf(f),
});
const toRole = ({ personId, role, unitId }: Assignment): RoleAssignment => ({ personId, role, unitId });

const objectiveFields = (o: StrategicObjective): Fields => ({ RecordKey: o.id, Title: title(o.title), Code: o.code, Statement: o.title, Vigencia: o.vigencia, Active: o.active ? 1 : 0, RecordVersion: o.version });
const toInstitutionalObjective = (f: Fields): InstitutionalObjective => ({ id: str(f, 'RecordKey'), code: str(f, 'Code'), title: str(f, 'Statement') });
const toObjective = (f: Fields): StrategicObjective => ({ ...toInstitutionalObjective(f), vigencia: num(f, 'Vigencia'), active: isActive(f), version: versionOf(f) });

const LIST_OF = { unit: DIRECTORY_LISTS.units, person: DIRECTORY_LISTS.people, assignment: DIRECTORY_LISTS.roles, objective: DIRECTORY_LISTS.institutionalObjectives } as const;

function fieldsOf(change: DirectoryChange): Fields {
  switch (change.kind) {
    case 'unit':
      return unitFields(change.after);
    case 'person':
      return personFields(change.after);
    case 'assignment':
      return assignmentFields(change.after);
    case 'objective':
      return objectiveFields(change.after);
  }
}

/** The active units by name (the OKR module's screens read the list too). */
export const unitsOf = (items: readonly Item[]): Unit[] =>
  items
    .filter((i) => isActive(i.fields))
    .map((i) => toUnit(i.fields))
    .sort((a, b) => binary(a.name, b.name));

/** People of the directory from their list's items, by name (other modules' screens read them in their own batch). */
export const peopleOf = (items: readonly Item[]): Person[] => items.map((i) => toPerson(i.fields)).sort((a, b) => binary(a.name, b.name));

/** Institutional objectives by code, every vigencia (the OKR module's screens read the list too). */
export const institutionalObjectivesOf = (items: readonly Item[]): InstitutionalObjective[] =>
  items
    .map((i) => ({ o: toInstitutionalObjective(i.fields), vigencia: num(i.fields, 'Vigencia') }))
    .sort((a, b) => binary(a.o.code, b.o.code) || a.vigencia - b.vigencia)
    .map((x) => x.o);

const seedAssignment = (r: SeedRole): Assignment => {
  const from = r.from ?? SEED_DEFAULT_FROM;
  return { id: `${r.personId}|${r.role}|${r.unitId ?? '*'}|${from}`, personId: r.personId, role: r.role, unitId: r.unitId, from, to: r.to ?? null, version: 1 };
};

/** Units, people, assignments with their dates, and the strategic objectives per vigencia. */
export const directorySharePoint: SharePointModule<DirectoryPort, typeof DIRECTORY_LISTS> = {
  lists: DIRECTORY_LISTS,
  libraries: [RUNS_LIBRARY],

  seed: (engine, data) => {
    const year = Number(bogotaDate(engine.now()).slice(0, 4));
    return [
      ...data.people.map((p) => engine.create(DIRECTORY_LISTS.people, personFields({ phone: '', ...p, active: true, version: 1 }))),
      ...data.roles.map((r) => engine.create(DIRECTORY_LISTS.roles, assignmentFields(seedAssignment(r)))),
      ...data.institutionalObjectives.map((o) => engine.create(DIRECTORY_LISTS.institutionalObjectives, objectiveFields({ vigencia: year, active: true, ...o, version: 1 }))),
      ...data.units.map((u) => engine.create(DIRECTORY_LISTS.units, unitFields({ ...u, active: true, version: 1 }))),
    ];
  },

  repository: (engine): DirectoryPort => {
    const { units, people, roles, institutionalObjectives } = DIRECTORY_LISTS;
    const today = () => bogotaDate(engine.now());
    const one = async <T>(list: ListSpec, key: string, map: (f: Fields) => T): Promise<T | null> => {
      const item = await engine.item(list, key);
      return item ? map(item.fields) : null;
    };
    const assignmentsOf = (items: readonly Item[]) => [...items].sort(byNumericId).map((i) => toAssignment(i.fields));
    const inForceToday = (items: readonly Item[]) => {
      const date = today();
      return assignmentsOf(items).filter((a) => inForce(a, date)).map(toRole);
    };
    const byFrom = (list: Assignment[]) => list.sort((a, b) => binary(a.from, b.from));
    return {
      listUnits: async () => unitsOf(await engine.readOne({ list: units })),
      getUnit: (id) => one(units, id, toUnit),
      listPeople: async () => peopleOf(await engine.readOne({ list: people })),
      getPerson: (id) => one(people, id, toPerson),
      async findPersonByAadObjectId(aadObjectId) {
        if (!aadObjectId.trim()) return null;
        const [item] = await engine.readOne({ list: people, where: ['AadKey', aadObjectId.toLowerCase()] });
        return item ? toPerson(item.fields) : null;
      },
      listRoles: async () => inForceToday(await engine.readOne({ list: roles })),
      rolesOf: async (personId) => inForceToday(await engine.readOne({ list: roles, where: ['PersonId', personId] })),
      // The ones a set can align to (formulation): the active ones. Screens of existing sets read every one (institutionalObjectivesOf).
      listInstitutionalObjectives: async () => institutionalObjectivesOf((await engine.readOne({ list: institutionalObjectives })).filter((i) => isActive(i.fields))),

      async loadDirectory() {
        const [u, p, r, o] = await engine.read([{ list: units }, { list: people }, { list: roles }, { list: institutionalObjectives }]);
        return {
          units: u!.map((i) => toDirectoryUnit(i.fields)).sort((a, b) => binary(a.name, b.name)),
          people: p!.map((i) => toDirectoryPerson(i.fields)).sort((a, b) => binary(a.name, b.name)),
          assignments: byFrom(assignmentsOf(r!)),
          objectives: o!.map((i) => toObjective(i.fields)).sort((a, b) => a.vigencia - b.vigencia || binary(a.code, b.code)),
        };
      },
      async listAssignments(filter) {
        const where: [string, string] = 'personId' in filter ? ['PersonId', filter.personId] : ['UnitId', filter.unitId];
        return byFrom(assignmentsOf(await engine.readOne({ list: roles, where })));
      },
      async vivaTeamMap() {
        return Object.fromEntries((await engine.readOne({ list: DIRECTORY_LISTS.vivaTeams })).map((i) => [str(i.fields, 'RecordKey'), str(i.fields, 'UnitId')]));
      },
      async saveVivaTeamMap(entries, actorId) {
        const list = DIRECTORY_LISTS.vivaTeams;
        const found = await engine.read(entries.map((e) => ({ list, where: ['RecordKey', foldText(e.team)] as [string, string] })));
        const ops = entries.flatMap((e, i) => {
          const key = foldText(e.team);
          const item = found[i]![0];
          const fields = { RecordKey: key, Title: title(e.team), Team: e.team, UnitId: e.unitId };
          const before = item ? { team: str(item.fields, 'Team'), unitId: str(item.fields, 'UnitId') } : null;
          return [item ? engine.update(list, item, fields) : engine.create(list, fields), engine.audit({ actorId, entity: 'vivaTeamMap', entityId: key, action: item ? 'update' : 'create', before, after: { team: e.team, unitId: e.unitId } })];
        });
        await engine.write(ops);
      },
      async applyDirectoryChanges(changes, actorId, options) {
        if (changes.length === 0) return;
        // The items the updates replace, read together (one batch), to check versions and send If-Match.
        const updates = changes.filter((c) => c.before !== null);
        const found = await engine.read(updates.map((c) => ({ list: LIST_OF[c.kind], where: ['RecordKey', c.after.id] as [string, string] })));
        const ops: WriteOp[] = [];
        changes.forEach((change) => {
          const list = LIST_OF[change.kind];
          if (change.before === null) ops.push(engine.create(list, fieldsOf(change)));
          else {
            const item = found[updates.indexOf(change)]![0];
            if (!item || versionOf(item.fields) !== change.before.version) throw new ConflictError(`${change.kind} ${change.after.id} changed`);
            ops.push(engine.update(list, item, fieldsOf(change)));
          }
          ops.push(engine.audit({ actorId, entity: DIRECTORY_AUDIT[change.kind], entityId: change.after.id, action: change.before === null ? 'create' : 'update', before: change.before, after: change.after }));
        });
        if (options?.importRun) await runAllOrNothing(engine, ops, { kind: 'directorio', actorId });
        else await engine.write(ops);
      },
    };
  },
};
