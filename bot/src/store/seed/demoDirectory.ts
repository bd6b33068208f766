import type { InstitutionalObjective, Person, RoleAssignment, Unit } from '@okr/core';

/**
 * Demo directory of the Secretaría Distrital de Gobierno: the 20 alcaldías locales by their real
 * names and 24 central-level units. People are fictitious; in production the ETI team's directory
 * of líderes and enlaces replaces all of this.
 */

export const LOCALIDADES = [
  'Usaquén', 'Chapinero', 'Santa Fe', 'San Cristóbal', 'Usme', 'Tunjuelito', 'Bosa', 'Kennedy', 'Fontibón', 'Engativá',
  'Suba', 'Barrios Unidos', 'Teusaquillo', 'Los Mártires', 'Antonio Nariño', 'Puente Aranda', 'La Candelaria',
  'Rafael Uribe Uribe', 'Ciudad Bolívar', 'Sumapaz',
] as const;

/** [id, name, level, parentId] of the central units, parents before children. */
const CENTRAL: ReadonlyArray<[string, string, Unit['level'], string | null]> = [
  ['despacho', 'Despacho del Secretario Distrital de Gobierno', 'despacho', null],
  ['oap', 'Oficina Asesora de Planeación', 'oficina', 'despacho'],
  ['oac', 'Oficina Asesora de Comunicaciones', 'oficina', 'despacho'],
  ['oci', 'Oficina de Control Interno', 'oficina', 'despacho'],
  ['ocdi', 'Oficina de Control Disciplinario Interno', 'oficina', 'despacho'],
  ['sgi', 'Subsecretaría de Gestión Institucional', 'subsecretaria', 'despacho'],
  ['dgth', 'Dirección de Gestión del Talento Humano', 'direccion', 'sgi'],
  ['dadm', 'Dirección Administrativa', 'direccion', 'sgi'],
  ['dfin', 'Dirección Financiera', 'direccion', 'sgi'],
  ['dti', 'Dirección de Tecnologías e Información', 'direccion', 'sgi'],
  ['dcon', 'Dirección de Contratación', 'direccion', 'sgi'],
  ['djur', 'Dirección Jurídica', 'direccion', 'despacho'],
  ['sgl', 'Subsecretaría de Gestión Local', 'subsecretaria', 'despacho'],
  ['dgdl', 'Dirección para la Gestión del Desarrollo Local', 'direccion', 'sgl'],
  ['dgp', 'Dirección para la Gestión Policiva', 'direccion', 'sgl'],
  ['dgaep', 'Dirección para la Gestión Administrativa Especial de Policía', 'direccion', 'sgl'],
  ['sggd', 'Subsecretaría para la Gobernabilidad y la Garantía de Derechos', 'subsecretaria', 'despacho'],
  ['ddhh', 'Dirección de Derechos Humanos', 'direccion', 'sggd'],
  ['dae', 'Dirección de Asuntos Étnicos', 'direccion', 'sggd'],
  ['dcds', 'Dirección de Convivencia y Diálogo Social', 'direccion', 'sggd'],
  ['drp', 'Dirección de Relaciones Políticas', 'direccion', 'sggd'],
  ['salrc', 'Subdirección de Asuntos de Libertad Religiosa y de Conciencia', 'subdireccion', 'ddhh'],
  ['sgd', 'Subdirección de Gestión Documental', 'subdireccion', 'dadm'],
  ['sbs', 'Subdirección de Bienes y Servicios', 'subdireccion', 'dadm'],
];

export const INSTITUTIONAL_OBJECTIVES: InstitutionalObjective[] = [
  { id: 'oe1', code: 'OE1', title: 'Fortalecer la gobernabilidad democrática local y la participación ciudadana en los territorios.' },
  { id: 'oe2', code: 'OE2', title: 'Promover la convivencia pacífica, el diálogo social y la garantía de los derechos humanos en Bogotá.' },
  { id: 'oe3', code: 'OE3', title: 'Mejorar la gestión policiva y la inspección, vigilancia y control para una ciudad segura y ordenada.' },
  { id: 'oe4', code: 'OE4', title: 'Modernizar la gestión institucional con transformación digital, talento humano y trabajo inteligente.' },
  { id: 'oe5', code: 'OE5', title: 'Fortalecer la planeación, la transparencia y la rendición de cuentas de la gestión pública.' },
];

const FIRST = ['Ana', 'Carlos', 'Diana', 'Andrés', 'Laura', 'Juan', 'Paola', 'Felipe', 'Natalia', 'Jorge', 'Camila', 'Luis', 'Marcela', 'Sergio', 'Valentina', 'Óscar', 'Lorena', 'Mauricio', 'Juliana', 'Hernán', 'Catalina', 'Ricardo', 'Adriana', 'Fabián'];
const LAST = ['Rodríguez', 'Gómez', 'Martínez', 'López', 'García', 'Hernández', 'Ramírez', 'Torres', 'Díaz', 'Moreno', 'Rojas', 'Vargas', 'Castro', 'Ortiz', 'Suárez', 'Jiménez', 'Pardo', 'Cárdenas', 'Mejía', 'Quintero', 'Salazar', 'Ospina', 'Beltrán', 'Acosta'];

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Deterministic, well-formed Entra object id for demo person n. */
function demoAadId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

function ascii(text: string): string {
  return slugify(text).replace(/-/g, '.');
}

export interface DemoDirectory {
  units: Unit[];
  people: Person[];
  roles: RoleAssignment[];
  institutionalObjectives: InstitutionalObjective[];
}

export function buildDemoDirectory(): DemoDirectory {
  const units: Unit[] = [
    ...CENTRAL.map(([id, name, level, parentId]): Unit => ({ id, name, kind: 'central', level, parentId })),
    ...LOCALIDADES.map((l): Unit => ({ id: `al-${slugify(l)}`, name: `Alcaldía Local de ${l}`, kind: 'alcaldia', level: 'alcaldia', parentId: 'sgl' })),
  ];
  const people: Person[] = [];
  const roles: RoleAssignment[] = [];
  let n = 0;
  const addPerson = (id: string, jobTitle: string): Person => {
    n += 1;
    const first = FIRST[(n * 7) % FIRST.length]!;
    const last = `${LAST[(n * 5) % LAST.length]!} ${LAST[(n * 11 + 3) % LAST.length]!}`;
    const person: Person = { id, aadObjectId: demoAadId(n), name: `${first} ${last}`, email: `${ascii(first)}.${ascii(last.split(' ')[0]!)}${n}@gobiernobogota.gov.co`, jobTitle };
    people.push(person);
    return person;
  };
  const leaderTitle: Record<Unit['level'], string> = {
    despacho: 'Secretario Distrital de Gobierno',
    subsecretaria: 'Subsecretario/a',
    direccion: 'Director/a',
    subdireccion: 'Subdirector/a',
    oficina: 'Jefe/a de Oficina',
    alcaldia: 'Alcalde/sa Local',
  };
  for (const unit of units) {
    const lider = addPerson(`lider-${unit.id}`, `${leaderTitle[unit.level]} — ${unit.name}`);
    roles.push({ personId: lider.id, role: 'lider', unitId: unit.id });
    const enlace = addPerson(`enlace-${unit.id}`, `Enlace OKR — ${unit.name}`);
    roles.push({ personId: enlace.id, role: 'enlace', unitId: unit.id });
    const miembro = addPerson(`miembro-${unit.id}`, `Profesional — ${unit.name}`);
    roles.push({ personId: miembro.id, role: 'miembro', unitId: unit.id });
  }
  roles.push({ personId: 'lider-despacho', role: 'secretario', unitId: null });
  // One enlace reports for two units, as happens when a contract ends and a colleague covers.
  roles.push({ personId: 'enlace-dgth', role: 'enlace', unitId: 'sgd' });
  for (const i of [1, 2]) {
    const coach = addPerson(`coach-${i}`, 'OKR Coach — Dirección de Gestión del Talento Humano');
    roles.push({ personId: coach.id, role: 'coach', unitId: null }, { personId: coach.id, role: 'miembro', unitId: 'dgth' });
  }
  for (const i of [1, 2, 3]) {
    const eti = addPerson(`eti-${i}`, 'Equipo Estrategia de Trabajo Inteligente — SGI');
    roles.push({ personId: eti.id, role: 'eti', unitId: null }, { personId: eti.id, role: 'miembro', unitId: 'sgi' });
  }
  for (const i of [1, 2]) {
    const oap = addPerson(`oap-${i}`, 'Profesional — Oficina Asesora de Planeación');
    roles.push({ personId: oap.id, role: 'oap', unitId: null }, { personId: oap.id, role: 'miembro', unitId: 'oap' });
  }
  const dti = addPerson('dti-1', 'Administrador/a de la plataforma — DTI');
  roles.push({ personId: dti.id, role: 'dti', unitId: null }, { personId: dti.id, role: 'miembro', unitId: 'dti' });
  return { units, people, roles, institutionalObjectives: INSTITUTIONAL_OBJECTIVES };
}
