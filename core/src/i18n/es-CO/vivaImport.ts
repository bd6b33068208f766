/** The Viva Goals history import (es-CO). */

/** «1 objetivo», «2 objetivos». */
const n = (count: number, one: string, many: string) => `${count.toLocaleString('es-CO')} ${count === 1 ? one : many}`;
const objectives = (c: number) => n(c, 'objetivo', 'objetivos');
const keyResults = (c: number) => n(c, 'resultado clave', 'resultados clave');
const checkIns = (c: number) => n(c, 'check-in', 'check-ins');
const monthly = (c: number) => n(c, 'check-in mensual', 'check-ins mensuales');
const sets = (c: number) => n(c, 'set', 'sets');

export const vivaText = {
  notOkr: 'No es un objetivo ni un resultado clave (proyecto o tarea): no se importa.',
  noTeam: 'No tiene equipo: no se sabe de qué unidad es.',
  noPeriod: (period: string) => `No se reconoce el periodo «${period}» como un trimestre (p. ej. «Q1 2024»).`,
  unmappedTeam: (team: string, suggestion: string | null) => `El equipo «${team}» no coincide con ninguna unidad: elige a cuál corresponde${suggestion ? ` (¿${suggestion}?)` : ''}.`,
  setName: (unit: string, quarter: string) => `Set de ${unit} · ${quarter}`,
  setExists: 'La unidad ya tiene un set de OKR para ese trimestre en la aplicación: no se reemplaza.',
  alreadyImported: 'Ya se importó antes.',
  strategicFallback: (unit: string, quarter: string) => `OKR de ${unit} (${quarter}, Viva Goals)`,
  defaultUnit: 'unidades',
  noNote: 'Check-in importado de Viva Goals (sin nota).',
  setContent: (o: number, k: number, c: number) => `${objectives(o)}, ${keyResults(k)}, ${checkIns(c)}.`,
  unaligned: 'Sin alineación a un objetivo institucional en Viva Goals.',
  shape: (messages: readonly string[]) => `Forma: ${messages.join(' ')}`,
  found: (o: number, k: number, c: number) => `Encontrados: ${objectives(o)}, ${keyResults(k)}, ${checkIns(c)}.`,
  toImport: (s: number, o: number, k: number, c: number) => `Se importarían: ${sets(s)} con ${objectives(o)}, ${keyResults(k)} y ${monthly(c)}.`,
  imported: (s: number, o: number, k: number, c: number) => `Importados: ${sets(s)} con ${objectives(o)}, ${keyResults(k)} y ${monthly(c)}, cargados y de solo consulta («importado de Viva Goals»).`,
  teamsMapped: (c: number) => `${n(c, 'equipo asociado', 'equipos asociados')} a unidades.`,
  teamsToConfirm: (n: number) => `${n === 1 ? 'Un equipo' : `${n} equipos`} por asociar a una unidad: confírmalos y vuelve a simular.`,
  notVivaZip: 'El .zip no parece una exportación de datos de Viva Goals (faltan los archivos de objetivos).',
  notVivaTable: 'El archivo no parece una exportación del Explorador de Viva Goals (faltan las columnas de título, tipo, equipo o periodo).',
  unalignedTitle: 'Sin alineación registrada en Viva Goals',
  readOnly: 'Este set se importó de Viva Goals: es de solo consulta.',
  eventComment: 'Importado de Viva Goals con su historial de check-ins.',
} as const;
