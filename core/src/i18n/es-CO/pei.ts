/** The Plan Estratégico Institucional (seed 002), the validation of the figures (seed 003) and open data: labels, rule messages, cards (es-CO). */
import type { DifferentialDimension, PeiIndicatorKind, ValidationState } from '../../pei/types.js';

const n2 = (v: number) => new Intl.NumberFormat('es-CO', { maximumFractionDigits: 2 }).format(v);
const list = (xs: readonly string[]) => xs.join(', ');

/** Seed 002's status texts. X is the distance to 100 % in points, with two decimals. */
export const peiStatusText = {
  onTrack: 'En cumplimiento',
  behind: (gap: number) => `Rezago ${n2(gap)} %`,
  over: (gap: number) => `Sobre ejecución ${n2(gap)} %`,
  noProgrammingYear: 'Sin programación en la vigencia',
  noProgrammingCutoff: 'Sin programación al corte',
  executedWithoutProgramming: 'Ejecución sin programación al corte',
  notReported: 'Sin reporte validado al corte',
} as const;

export const indicatorKindLabels: Record<PeiIndicatorKind, string> = {
  sectorial: 'Indicador sectorial',
  inversion: 'Meta de proyecto de inversión',
  gestion: 'Meta de gestión',
};

export const validationStateLabels: Record<ValidationState | 'pending', string> = {
  pending: 'Sin reportar',
  draft: 'En borrador del área',
  reported: 'Reportada, en validación de la OAP',
  returned: 'Devuelta al área para confirmación',
  validated: 'Validada y publicada',
};

export const differentialLabels: Record<DifferentialDimension, string> = {
  sexo: 'Sexo',
  grupo_etario: 'Grupo etario',
  etnia: 'Pertenencia étnica',
  discapacidad: 'Discapacidad',
  victima: 'Víctimas del conflicto armado',
};

export const validationCheckLabels = {
  definicion: 'Variables y método de cálculo',
  localidades: 'Desagregación por localidad',
  enfoque_diferencial: 'Enfoque diferencial',
  totales: 'Totales y desagregaciones',
  variacion: 'Variación frente al corte anterior',
} as const;

export const exclusionLabels = {
  sin_programacion_vigencia: 'no tiene programación en la vigencia',
  sin_programacion_corte: 'no tiene programación al corte',
  sin_reporte: 'aún no tiene cifra validada al corte',
} as const;

/** Seed 002's «Metodología de medición», as the PEI view and the presentation print it. */
export const peiMethodology = [
  'Cada objetivo estratégico busca llegar al 100 % de cumplimiento anual a partir de la ponderación de los indicadores que le aportan.',
  'La ponderación de los indicadores podrá modificarse anualmente, en atención al número de indicadores programados por vigencia.',
  'El cálculo para estimar el cumplimiento de cada objetivo estratégico es un promedio ponderado de los indicadores que le conforman y que tienen programación para la vigencia.',
  'El porcentaje de avance al corte es la magnitud ejecutada al corte sobre la programada al corte; no se limita al 100 %.',
] as const;

export const validationCheckText = {
  noFigure: 'No hay magnitud ejecutada al corte.',
  variablesMissing: (num: string, den: string) => `Faltan las variables del método de cálculo: ${num} (numerador) y ${den} (denominador).`,
  denominatorZero: 'El denominador debe ser mayor que cero.',
  methodMismatch: (reported: number, computed: number) => `La cifra reportada (${n2(reported)}) no coincide con numerador / denominador × 100 = ${n2(computed)}.`,
  methodOk: 'La cifra coincide con numerador / denominador × 100.',
  notACount: 'La cifra cuenta personas o eventos: debe ser un número entero.',
  magnitudeOk: 'La magnitud corresponde a la definición del indicador.',
  noLocalities: 'Falta la desagregación por localidad.',
  missingLocalities: (names: readonly string[]) => (names.length === 1 ? `Falta 1 localidad: ${names[0]}.` : `Faltan ${names.length} localidades: ${list(names)}.`),
  unknownLocalities: (names: readonly string[]) => `No son localidades de Bogotá: ${list(names.map((x) => `«${x}»`))}.`,
  localitiesOk: 'Están las 20 localidades.',
  dimensionMissing: (d: DifferentialDimension) => `Falta la desagregación por ${differentialLabels[d].toLowerCase()}.`,
  unknownCategories: (d: DifferentialDimension, names: readonly string[]) => `${differentialLabels[d]}: categorías fuera de la lista documentada: ${list(names.map((x) => `«${x}»`))}.`,
  undeclaredDimensions: (ds: readonly DifferentialDimension[]) => `El indicador no se desagrega por ${list(ds.map((d) => differentialLabels[d].toLowerCase()))}.`,
  differentialOk: 'Las categorías son las de la lista documentada.',
  byLocality: 'la suma por localidad',
  dimension: (d: DifferentialDimension) => `la suma por ${differentialLabels[d].toLowerCase()}`,
  totalDiffers: (what: string, got: number, total: number) => `${what[0]!.toUpperCase()}${what.slice(1)} (${n2(got)}) no es igual al total (${n2(total)}).`,
  totalsOk: 'Las desagregaciones suman el total.',
  jumpPercent: (from: number, to: number, label: string) => `El % al corte pasó de ${n2(from)} % (${label}) a ${n2(to)} %.`,
  wentDown: (from: number, to: number, label: string) => `La magnitud acumulada bajó de ${n2(from)} (${label}) a ${n2(to)}.`,
  noJump: (label: string) => `Sin variaciones fuertes frente al ${label}.`,
  explained: 'El área explicó la variación.',
  explain: 'El área debe explicar la variación.',
} as const;

export const flatFileText = {
  empty: 'El archivo no tiene filas.',
  missingColumns: (missing: readonly string[], all: readonly string[]) => `Al archivo le faltan las columnas ${list(missing)}. El formato tiene las columnas: ${list(all)}.`,
  unknownIndicator: (row: number, v: string) => `Fila ${row}: «${v}» no es un indicador de este plan.`,
  badDate: (row: number, v: string) => `Fila ${row}: «${v}» no es una fecha de corte (use 2026-09-30 o 30/09/2026).`,
  badBreakdown: (row: number, v: string, names: readonly string[]) => `Fila ${row}: «${v}» no es una desagregación (use ${list(names)}).`,
  badNumber: (row: number, v: string) => `Fila ${row}: «${v}» no es un valor válido (un número igual o mayor que cero).`,
  badVariables: (row: number) => `Fila ${row}: el numerador y el denominador deben ser números iguales o mayores que cero.`,
  noCategory: (row: number) => `Fila ${row}: falta la categoría de la desagregación.`,
  twoTotals: (row: number, ref: string) => `Fila ${row}: ${ref} tiene dos filas «total».`,
  twoCutoffs: (row: number) => `Fila ${row}: un archivo trae las cifras de un solo corte.`,
  noTotal: (ref: string) => `${ref}: falta la fila «total» con la magnitud ejecutada.`,
  unreadable: 'No pudimos leer el archivo: súbalo como CSV (UTF-8) o como Excel (.xlsx).',
} as const;

export const peiMessages = {
  badNumber: (what: string) => `Revise ${what}: debe ser un número igual o mayor que cero.`,
  badCategory: 'Cada categoría de una desagregación debe tener un nombre (hasta 120 caracteres).',
  tooManyCategories: (max: number) => `Una desagregación admite hasta ${max} categorías.`,
  tooLong: (what: string, max: number) => `${what[0]!.toUpperCase()}${what.slice(1)} admite hasta ${max} caracteres.`,
  badCutoff: (v: string) => `«${v}» no es una fecha de corte válida (AAAA-MM-DD).`,
  futureCutoff: (d: string) => `El corte ${d} aún no ha llegado: se reporta después de la fecha de corte.`,
  notInPlan: (d: string) => `El corte ${d} está fuera del periodo del plan.`,
  unknownPlan: 'No encontramos ese plan estratégico.',
  unknownIndicator: 'Ese indicador no es de este plan.',
  notYourIndicator: (area: string) => `Solo el área responsable (${area}) reporta y confirma esta cifra.`,
  linkedToPlan: (unit: string) => `Esta meta de gestión toma sus cifras del plan de gestión de ${unit}: se reporta allí, en el reporte trimestral.`,
  onlyOap: 'Solo la Oficina Asesora de Planeación puede hacer esto.',
  periodClosed: (label: string, date: string) => `El periodo ${label} se cerró en la sesión de validación del ${date}: sus cifras ya no cambian.`,
  observationsRequired: 'Escriba sus observaciones para el área: qué revisó, qué ajustó o qué debe confirmar o aclarar.',
  weights: {
    bad: (name: string) => `El peso de «${name}» debe ser un número mayor que cero.`,
    unknown: 'Uno de los indicadores o de los objetivos no es de este plan.',
    empty: 'Un objetivo debe tener al menos un indicador con peso.',
    reason: 'Explique el cambio de ponderación (queda en el control de cambios).',
  },
  cycle: {
    validated: 'Esta cifra ya está validada y publicada.',
    onlyArea: 'Solo el área responsable reporta y confirma sus cifras.',
    onlyOap: 'Solo la OAP valida y devuelve las cifras para confirmación.',
    waitingOap: 'La cifra está en validación de la OAP: espere su respuesta para ajustarla.',
    alreadyReturned: 'La cifra ya se devolvió al área: espere su confirmación.',
    notReported: 'El área aún no ha reportado esta cifra.',
    nothingToConfirm: 'No hay una cifra devuelta por la OAP para confirmar.',
  },
  okr: {
    notEnded: (q: string) => `El trimestre ${q} aún no ha terminado: sus resultados OKR se validan después.`,
    noSet: (unit: string, q: string) => `${unit} no tiene un conjunto de OKR en ${q}.`,
  },
  stale: 'Otra persona cambió esta cifra mientras la veía; recargue para ver la versión actual.',
} as const;

/** What the validation cards and the `validacion` command say. */
export const peiBotText = {
  command: '`validacion` — las cifras que debe reportar, validar o confirmar (Plan estratégico y datos abiertos)',
  nothing: 'No tiene cifras pendientes de reportar, validar o confirmar.',
  listTitle: 'Validación de cifras',
  toReport: (n: number) => `${n} por reportar`,
  toConfirm: (n: number) => `${n} devueltas por la OAP para su confirmación`,
  toValidate: (n: number) => `${n} reportadas, por validar (OAP)`,
  returnedTitle: 'La OAP devolvió una cifra para su confirmación',
  returnedIntro: (area: string, cutoff: string) => `Cifra de ${area} al corte ${cutoff}. Revise la versión de la OAP y confírmela, o ajústela en la pestaña.`,
  okrReturnedIntro: (unit: string, q: string) => `Resultados OKR de ${unit} en ${q}. Confirme que las cifras son las que deben publicarse, o corríjalas en la pestaña.`,
  reported: 'Reportado por el área',
  oapVersion: 'Versión de la OAP',
  observations: 'Observaciones de la OAP',
  percent: '% al corte',
  status: 'Estado',
  checks: 'Verificaciones',
  confirm: 'Confirmar la cifra',
  adjust: 'Ajustar en la pestaña',
  confirmed: (validatedAt: string) => `Cifra confirmada y publicada (validada el ${validatedAt}).`,
  alreadyValidated: (validatedAt: string) => `Esta cifra ya estaba validada (el ${validatedAt}).`,
  notReturnedNow: 'Esta cifra ya no está devuelta para su confirmación: ábrala en la pestaña para ver su estado.',
  open: 'Abrir la validación',
} as const;

export const okrCheckText = {
  missing: (n: number, of: number) => `Faltan ${n} de ${of} reportes mensuales de los resultados clave.`,
  complete: (krs: number, months: number) => `Los ${krs} resultados clave tienen sus ${months} reportes mensuales.`,
  wentBack: (titles: readonly string[]) => `Retrocedieron sin explicación en el comentario: ${titles.map((x) => `«${x}»`).join(', ')}.`,
  noSetback: 'Ningún resultado clave retrocedió sin explicación.',
} as const;
