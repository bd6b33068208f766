import type { InstitutionalObjective, Person, RoleAssignment, Unit } from '@okr/core';
import type { DirectoryPort } from '../../ports/directory.js';
import { binary, byNumericId, type Item, type SharePointModule } from '../engine.js';
import { str, strOrNull, title, type Fields } from '../fields.js';
import { idempotencyKey, indexed, note, recordKey, text, type ListSpec } from '../schema.js';

export const DIRECTORY_LISTS = {
  units: {
    name: 'OkrUnidades',
    description: 'Dependencias de la SDG: unidades del nivel central y alcaldías locales',
    columns: [recordKey('id de la unidad'), idempotencyKey, text('Kind', 'central o alcaldia'), text('Level', 'nivel de la unidad'), text('ParentId', 'id de la unidad superior')],
    audit: 'unit',
  },
  people: {
    name: 'OkrPersonas',
    description: 'Directorio de personas (líderes, enlaces, coaches, ETI, OAP)',
    columns: [
      recordKey('id de la persona'),
      idempotencyKey,
      text('AadObjectId', 'id del objeto en Entra ID, como se recibió'),
      { name: 'AadKey', type: 'text', indexed: true, unique: true, description: 'id de Entra ID en minúsculas, para buscar sin distinguir mayúsculas' },
      text('Email', 'correo'),
      text('JobTitle', 'cargo'),
    ],
    audit: 'person',
  },
  roles: {
    name: 'OkrRoles',
    description: 'Roles de cada persona, por unidad o para toda la entidad',
    columns: [recordKey('persona|rol|unidad'), idempotencyKey, indexed('PersonId', 'id de la persona'), text('Role', 'rol'), text('UnitId', 'id de la unidad; vacío = toda la entidad')],
    audit: 'role',
  },
  institutionalObjectives: {
    name: 'OkrObjetivosInstitucionales',
    description: 'Objetivos estratégicos del Plan Estratégico Institucional',
    columns: [recordKey('id del objetivo'), idempotencyKey, text('Code', 'código'), note('Statement', 'enunciado completo')],
    audit: 'institutionalObjective',
  },
} satisfies Record<string, ListSpec>;

const roleKey = (r: RoleAssignment): string => `${r.personId}|${r.role}|${r.unitId ?? '*'}`;

const unitFields = (u: Unit): Fields => ({ RecordKey: u.id, Title: title(u.name), Kind: u.kind, Level: u.level, ParentId: u.parentId });
const toUnit = (f: Fields): Unit => ({
  id: str(f, 'RecordKey'),
  name: str(f, 'Title'),
  kind: str(f, 'Kind') as Unit['kind'],
  level: str(f, 'Level') as Unit['level'],
  parentId: strOrNull(f, 'ParentId'),
});

const personFields = (p: Person): Fields => ({
  RecordKey: p.id,
  Title: title(p.name),
  AadObjectId: p.aadObjectId,
  AadKey: p.aadObjectId.toLowerCase(),
  Email: p.email,
  JobTitle: p.jobTitle,
});
const toPerson = (f: Fields): Person => ({
  id: str(f, 'RecordKey'),
  aadObjectId: str(f, 'AadObjectId'),
  name: str(f, 'Title'),
  email: str(f, 'Email'),
  jobTitle: str(f, 'JobTitle'),
});

const roleFields = (r: RoleAssignment): Fields => ({ RecordKey: roleKey(r), Title: title(roleKey(r)), PersonId: r.personId, Role: r.role, UnitId: r.unitId });
const toRole = (f: Fields): RoleAssignment => ({ personId: str(f, 'PersonId'), role: str(f, 'Role') as RoleAssignment['role'], unitId: strOrNull(f, 'UnitId') });

const institutionalObjectiveFields = (o: InstitutionalObjective): Fields => ({ RecordKey: o.id, Title: title(o.title), Code: o.code, Statement: o.title });
const toInstitutionalObjective = (f: Fields): InstitutionalObjective => ({ id: str(f, 'RecordKey'), code: str(f, 'Code'), title: str(f, 'Statement') });

/** Units by name (the OKR module's screens read the list too). */
export const unitsOf = (items: readonly Item[]): Unit[] => items.map((i) => toUnit(i.fields)).sort((a, b) => binary(a.name, b.name));
/** People of the directory from their list's items, by name (other modules' screens read them in their own batch). */
export const peopleOf = (items: readonly Item[]): Person[] => items.map((i) => toPerson(i.fields)).sort((a, b) => binary(a.name, b.name));

/** Institutional objectives by code (the OKR module's screens read the list too). */
export const institutionalObjectivesOf = (items: readonly Item[]): InstitutionalObjective[] => items.map((i) => toInstitutionalObjective(i.fields)).sort((a, b) => binary(a.code, b.code));

/** Units, people, roles and institutional objectives; written only by the seed today. */
export const directorySharePoint: SharePointModule<DirectoryPort, typeof DIRECTORY_LISTS> = {
  lists: DIRECTORY_LISTS,

  seed: (engine, data) => [
    ...data.people.map((p) => engine.create(DIRECTORY_LISTS.people, personFields(p))),
    ...data.roles.map((r) => engine.create(DIRECTORY_LISTS.roles, roleFields(r))),
    ...data.institutionalObjectives.map((o) => engine.create(DIRECTORY_LISTS.institutionalObjectives, institutionalObjectiveFields(o))),
    ...data.units.map((u) => engine.create(DIRECTORY_LISTS.units, unitFields(u))),
  ],

  repository: (engine): DirectoryPort => {
    const { units, people, roles, institutionalObjectives } = DIRECTORY_LISTS;
    const one = async <T>(list: ListSpec, key: string, map: (f: Fields) => T): Promise<T | null> => {
      const item = await engine.item(list, key);
      return item ? map(item.fields) : null;
    };
    return {
      listUnits: async () => unitsOf(await engine.readOne({ list: units })),
      getUnit: (id) => one(units, id, toUnit),
      listPeople: async () => peopleOf(await engine.readOne({ list: people })),
      getPerson: (id) => one(people, id, toPerson),
      async findPersonByAadObjectId(aadObjectId) {
        const [item] = await engine.readOne({ list: people, where: ['AadKey', aadObjectId.toLowerCase()] });
        return item ? toPerson(item.fields) : null;
      },
      listRoles: async () => (await engine.readOne({ list: roles })).sort(byNumericId).map((i) => toRole(i.fields)),
      rolesOf: async (personId) => (await engine.readOne({ list: roles, where: ['PersonId', personId] })).sort(byNumericId).map((i) => toRole(i.fields)),
      listInstitutionalObjectives: async () => institutionalObjectivesOf(await engine.readOne({ list: institutionalObjectives })),
    };
  },
};
