/**
 * The documented lists a breakdown is checked against (seed 003: «verifica los niveles de
 * desagregación territorial por localidad, valida los datos correspondientes al uso del enfoque
 * diferencial» and «unificar categorías de enfoque diferencial de acuerdo con los criterios del Plan
 * Estadístico Distrital»). One list per dimension; the flat-file layout and the checks read them.
 */
import type { DifferentialDimension } from './types.js';

/** Bogotá's 20 localidades, by their number (Acuerdo 8 de 1977 and later). */
export const LOCALIDADES = [
  'Usaquén', 'Chapinero', 'Santa Fe', 'San Cristóbal', 'Usme', 'Tunjuelito', 'Bosa', 'Kennedy', 'Fontibón', 'Engativá',
  'Suba', 'Barrios Unidos', 'Teusaquillo', 'Los Mártires', 'Antonio Nariño', 'Puente Aranda', 'La Candelaria',
  'Rafael Uribe Uribe', 'Ciudad Bolívar', 'Sumapaz',
] as const;

/** A row that cannot be placed in a localidad (e.g. an attention by phone without an address). */
export const NO_LOCALITY = 'Sin información de localidad';

/** The differential-approach categories of each dimension («Sin información» is always allowed). */
export const DIFFERENTIAL_CATEGORIES: Readonly<Record<DifferentialDimension, readonly string[]>> = {
  sexo: ['Mujer', 'Hombre', 'Intersexual', 'Sin información'],
  grupo_etario: ['Primera infancia (0 a 5 años)', 'Infancia (6 a 11 años)', 'Adolescencia (12 a 17 años)', 'Juventud (18 a 28 años)', 'Adultez (29 a 59 años)', 'Persona mayor (60 años o más)', 'Sin información'],
  etnia: ['Indígena', 'Negro, afrocolombiano', 'Raizal', 'Palenquero', 'Rrom o gitano', 'Ninguno', 'Sin información'],
  discapacidad: ['Con discapacidad', 'Sin discapacidad', 'Sin información'],
  victima: ['Víctima del conflicto armado', 'No víctima', 'Sin información'],
};

export const DIFFERENTIAL_DIMENSIONS = Object.keys(DIFFERENTIAL_CATEGORIES) as DifferentialDimension[];

/** Accents, case and spacing do not matter when a name is matched against a list («santafe» is not «Santa Fe»). */
export const normalizeName = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** The documented name a typed category stands for, or null. */
export function matchCategory(typed: string, list: readonly string[]): string | null {
  const key = normalizeName(typed);
  return list.find((c) => normalizeName(c) === key) ?? null;
}
