import type { IsoDate, Person, StrategicObjective, Unit } from '@okr/core';
import type { SeedRole } from '../ports/directory.js';
import { prng } from './prng.js';

/**
 * Demo directory of the Secretaría Distrital de Gobierno: the 20 alcaldías locales by their real
 * names and 24 central-level units, one fictitious person per role (distinct names, Colombian
 * naming, e-mails as the entity gives them) and assignments with believable «desde» dates. In
 * production the ETI team's directory replaces all of this (`npm run import -- directorio`).
 * The ids (`lider-<unit>`, `enlace-<unit>`, `miembro-<unit>`, `coach-1`, `eti-1`, `oap-1`, …) are
 * what tests and the README use.
 */

export const LOCALIDADES = [
  'Usaquén', 'Chapinero', 'Santa Fe', 'San Cristóbal', 'Usme', 'Tunjuelito', 'Bosa', 'Kennedy', 'Fontibón', 'Engativá',
  'Suba', 'Barrios Unidos', 'Teusaquillo', 'Los Mártires', 'Antonio Nariño', 'Puente Aranda', 'La Candelaria',
  'Rafael Uribe Uribe', 'Ciudad Bolívar', 'Sumapaz',
] as const;

/** [id, name, level, parentId] of the central units, parents before children. */
const CENTRAL: ReadonlyArray<[string, string, Unit['level'], string | null]> = [
  ['despacho', 'Despacho de la Secretaría Distrital de Gobierno', 'despacho', null],
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

export const INSTITUTIONAL_OBJECTIVES: StrategicObjective[] = [
  { id: 'oe1', code: 'OE1', title: 'Fortalecer la gobernabilidad democrática local y la participación ciudadana en los territorios.', vigencia: 2026, active: true, version: 1 },
  { id: 'oe2', code: 'OE2', title: 'Promover la convivencia pacífica, el diálogo social y la garantía de los derechos humanos en Bogotá.', vigencia: 2026, active: true, version: 1 },
  { id: 'oe3', code: 'OE3', title: 'Mejorar la gestión policiva y la inspección, vigilancia y control para una ciudad segura y ordenada.', vigencia: 2026, active: true, version: 1 },
  { id: 'oe4', code: 'OE4', title: 'Modernizar la gestión institucional con transformación digital, talento humano y trabajo inteligente.', vigencia: 2026, active: true, version: 1 },
  { id: 'oe5', code: 'OE5', title: 'Fortalecer la planeación, la transparencia y la rendición de cuentas de la gestión pública.', vigencia: 2026, active: true, version: 1 },
];

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

export interface DemoDirectory {
  units: Unit[];
  people: Person[];
  roles: SeedRole[];
  institutionalObjectives: StrategicObjective[];
}

export function buildDemoDirectory(): DemoDirectory {
  const units: Unit[] = [
    ...CENTRAL.map(([id, name, level, parentId]): Unit => ({ id, name, kind: 'central', level, parentId })),
    ...LOCALIDADES.map((l): Unit => ({ id: `al-${slugify(l)}`, name: `Alcaldía Local de ${l}`, kind: 'alcaldia', level: 'alcaldia', parentId: 'sgl' })),
  ];
  const names = new DemoNames(prng(20_240_101));
  const people: Person[] = [];
  const roles: SeedRole[] = [];
  const addPerson = (id: string, jobTitle: (female: boolean) => string): Person => {
    const n = names.next();
    const person: Person = { id, aadObjectId: demoAadId(people.length + 1), name: n.name, email: n.email, jobTitle: jobTitle(n.female) };
    people.push(person);
    return person;
  };
  const dates = prng(4_2026);
  /** A day of the span, a weekday (a contract or an appointment starts on one). */
  const dayIn = (from: IsoDate, to: IsoDate): IsoDate => {
    const start = Date.parse(`${from}T12:00:00Z`);
    const days = Math.round((Date.parse(`${to}T12:00:00Z`) - start) / 86_400_000);
    let d = new Date(start + Math.floor(dates() * (days + 1)) * 86_400_000);
    while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d = new Date(d.getTime() + 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  units.forEach((unit, i) => {
    // The administration that took office in January 2024 appointed its team in the first months;
    // a few líderes changed in 2025.
    const liderFrom = unit.id === 'despacho' ? '2024-01-02' : i % 9 === 4 ? dayIn('2025-03-03', '2025-08-29') : unit.kind === 'alcaldia' ? dayIn('2024-02-12', '2024-05-31') : dayIn('2024-01-09', '2024-03-29');
    const lider = addPerson(`lider-${unit.id}`, (f) => `${leaderTitle(unit.level, f)} — ${unit.name}`);
    roles.push({ personId: lider.id, role: 'lider', unitId: unit.id, from: liderFrom });
    // Enlaces are mostly contractors whose contracts start early in the year.
    const enlaceFrom = i % 4 === 0 ? dayIn('2026-01-19', '2026-03-13') : dayIn('2025-01-20', '2025-07-31');
    const enlace = addPerson(`enlace-${unit.id}`, () => `Enlace OKR — ${unit.name}`);
    // Every seventh enlace was a member of the unit's team before taking the role: that history stays.
    if (i % 7 === 3) roles.push({ personId: enlace.id, role: 'miembro', unitId: unit.id, from: dayIn('2024-02-05', '2024-09-30'), to: dayBefore(enlaceFrom) });
    roles.push({ personId: enlace.id, role: 'enlace', unitId: unit.id, from: enlaceFrom });
    const miembro = addPerson(`miembro-${unit.id}`, (f) => `${f ? 'Profesional especializada' : 'Profesional especializado'} — ${unit.name}`);
    roles.push({ personId: miembro.id, role: 'miembro', unitId: unit.id, from: dayIn('2024-02-05', '2026-02-27') });
  });
  roles.push({ personId: 'lider-despacho', role: 'secretario', unitId: null, from: '2024-01-02' });
  // One enlace reports for two units, as happens when a contract ends and a colleague covers.
  roles.push({ personId: 'enlace-dgth', role: 'enlace', unitId: 'sgd', from: '2026-09-15' });
  const team = (id: string, jobTitle: string, role: SeedRole['role'], unitId: string, from: IsoDate) => {
    const p = addPerson(id, () => jobTitle);
    roles.push({ personId: p.id, role, unitId: null, from }, { personId: p.id, role: 'miembro', unitId, from });
  };
  team('coach-1', 'OKR Coach — Dirección de Gestión del Talento Humano', 'coach', 'dgth', '2024-03-04');
  team('coach-2', 'OKR Coach — Dirección de Gestión del Talento Humano', 'coach', 'dgth', '2025-02-10');
  team('eti-1', 'Equipo Estrategia de Trabajo Inteligente — SGI', 'eti', 'sgi', '2024-02-19');
  team('eti-2', 'Equipo Estrategia de Trabajo Inteligente — SGI', 'eti', 'sgi', '2024-08-01');
  team('eti-3', 'Equipo Estrategia de Trabajo Inteligente — SGI', 'eti', 'sgi', '2025-02-03');
  team('oap-1', 'Profesional — Oficina Asesora de Planeación', 'oap', 'oap', '2024-02-26');
  team('oap-2', 'Profesional — Oficina Asesora de Planeación', 'oap', 'oap', '2025-01-27');
  team('dti-1', 'Administrador/a de la plataforma — DTI', 'dti', 'dti', '2024-04-15');
  return { units, people, roles, institutionalObjectives: INSTITUTIONAL_OBJECTIVES };
}

function dayBefore(date: IsoDate): IsoDate {
  return new Date(Date.parse(`${date}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

function leaderTitle(level: Unit['level'], female: boolean): string {
  const t: Record<Unit['level'], [string, string]> = {
    despacho: ['Secretario Distrital de Gobierno', 'Secretaria Distrital de Gobierno'],
    subsecretaria: ['Subsecretario', 'Subsecretaria'],
    direccion: ['Director', 'Directora'],
    subdireccion: ['Subdirector', 'Subdirectora'],
    oficina: ['Jefe de Oficina', 'Jefa de Oficina'],
    alcaldia: ['Alcalde Local', 'Alcaldesa Local'],
  };
  return t[level][female ? 1 : 0];
}

const WOMEN = ['María', 'Ana', 'Luz', 'Carolina', 'Diana', 'Paula', 'Sandra', 'Claudia', 'Marcela', 'Natalia', 'Juliana', 'Adriana', 'Liliana', 'Ángela', 'Lorena', 'Catalina', 'Viviana', 'Yolanda', 'Gloria', 'Paola', 'Johana', 'Mónica', 'Sofía', 'Valentina', 'Daniela', 'Laura', 'Camila', 'Tatiana', 'Yuliana', 'Esperanza', 'Beatriz', 'Rocío', 'Patricia', 'Ximena', 'Alejandra', 'Andrea', 'Milena', 'Nubia', 'Sonia', 'Yaneth'];
const MEN = ['Juan', 'Carlos', 'Luis', 'Jorge', 'Andrés', 'Felipe', 'Camilo', 'Diego', 'Sergio', 'Mauricio', 'Hernán', 'Álvaro', 'Óscar', 'Fabián', 'Wilson', 'Edwin', 'Jairo', 'Germán', 'Iván', 'Julián', 'Ricardo', 'Nicolás', 'Santiago', 'Alejandro', 'Fernando', 'Gustavo', 'Héctor', 'Rafael', 'Orlando', 'Mario', 'Esteban', 'Cristian', 'David', 'Daniel', 'Eduardo', 'Javier', 'Leonardo', 'Manuel', 'Pedro', 'Rubén'];
const SECOND_WOMEN = ['Fernanda', 'Alejandra', 'Cristina', 'Isabel', 'Lucía', 'Victoria', 'Marcela', 'Andrea', 'Patricia', 'Carolina', 'Milena', 'Paola'];
const SECOND_MEN = ['David', 'Andrés', 'Felipe', 'Alberto', 'Eduardo', 'José', 'Ernesto', 'Mauricio', 'Enrique', 'Antonio', 'Alejandro', 'Camilo'];
const SURNAMES = [
  'Rodríguez', 'Gómez', 'González', 'Martínez', 'García', 'López', 'Hernández', 'Sánchez', 'Ramírez', 'Pérez', 'Díaz', 'Muñoz', 'Rojas', 'Moreno', 'Jiménez',
  'Vargas', 'Castro', 'Gutiérrez', 'Ortiz', 'Álvarez', 'Ruiz', 'Suárez', 'Romero', 'Herrera', 'Valencia', 'Quintero', 'Cárdenas', 'Rincón', 'Mejía', 'Ospina',
  'Salazar', 'Pardo', 'Beltrán', 'Acosta', 'Cifuentes', 'Bermúdez', 'Castañeda', 'Ibáñez', 'Patiño', 'Peña', 'Rueda', 'Sierra', 'Zapata', 'Forero', 'Garzón',
  'Londoño', 'Cortés', 'Murillo', 'Niño', 'Torres', 'Ávila', 'Bohórquez', 'Calderón', 'Duarte', 'Espinosa', 'Guerrero', 'Lozano', 'Montoya', 'Naranjo', 'Ocampo',
];

/** Realistic Colombian names, none repeated: one or two given names and two surnames, with the e-mail the entity would give. */
class DemoNames {
  private readonly used = new Set<string>();
  private readonly emails = new Set<string>();
  private count = 0;
  constructor(private readonly random: () => number) {}

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  next(): { name: string; email: string; female: boolean } {
    for (;;) {
      this.count += 1;
      const female = this.random() < 0.52;
      const first = this.pick(female ? WOMEN : MEN);
      const second = this.random() < 0.45 ? this.pick(female ? SECOND_WOMEN : SECOND_MEN) : null;
      const last1 = this.pick(SURNAMES);
      const last2 = this.pick(SURNAMES);
      if (second === first || last1 === last2) continue;
      const name = [first, second, last1, last2].filter(Boolean).join(' ');
      const key = `${first}|${last1}`;
      if (this.used.has(name) || this.used.has(key)) continue;
      this.used.add(name);
      this.used.add(key);
      const local = [first, last1].map((w) => slugify(w)).join('.');
      const email = this.emails.has(local) ? `${local}.${slugify(last2).slice(0, 1)}` : local;
      this.emails.add(email);
      return { name, email: `${email}@gobiernobogota.gov.co`, female };
    }
  }
}
