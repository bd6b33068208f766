import {
  LOCALIDADES,
  PLAN_IN_FORCE,
  differentialLabels,
  figuresOf,
  indicatorKindLabels,
  objectiveCompliance,
  programmingTypeLabels,
  quarterCutoffs,
  type DifferentialDimension,
  type IsoDate,
  type QuarterId,
} from '@okr/core';
import type { DirectoryPort, PeiPort, PlanPort, PeiYearData } from '../store/Store.js';
import { indicatorFigure, type IndicatorFigure } from '../pei/figures.js';
import { metasOf } from '../store/planRules.js';

/**
 * The open datasets: ONE table that the OData feed (`/odata/`, its `$metadata`), the CSV and JSON
 * downloads (`/datos/`) and their metadata files read. Each dataset says its columns (name, EDM
 * type, unit, description, whether `$filter` may use it), how it is partitioned — by vigencia, by
 * quarter, or not at all — so that one page of the feed reads ONE partition through an indexed
 * query (one batch on SharePoint), and how a partition's rows are made. Only what is published is
 * served: validated figures with their validation date; people only as units; analyses only when
 * the area marked them public. The API key (`audience: 'internal'`) adds the PEI figures still in
 * validation and the plan de gestión quarters under review, marked `Validada = false`.
 */

export type EdmType = 'Edm.String' | 'Edm.Int32' | 'Edm.Double' | 'Edm.Boolean' | 'Edm.Date' | 'Edm.DateTimeOffset';

export interface Column {
  name: string;
  type: EdmType;
  description: string;
  /** Unit of measure of a number («%», «magnitud del indicador»). */
  unit?: string;
  /** `$filter … eq …` may use it: it is a partition key or an indexed column of the list the rows come from. */
  filterable?: boolean;
  nullable?: boolean;
}

export type Audience = 'public' | 'internal';
export type Row = Record<string, string | number | boolean | null>;

export interface OpenDataContext {
  store: PeiPort & PlanPort & DirectoryPort;
  /** The open vigencias, oldest first (the own PEI's period up to next year). */
  years: number[];
  /** The quarters whose OKR results may be published, oldest first. */
  quarters: QuarterId[];
  plans: Array<{ id: string; startYear: number; endYear: number; own: boolean }>;
}

/** A partition: what one page reads from the store; `match` tells whether a filter's values can hit it (no read). */
export interface Partition {
  key: string;
  match(filter: ReadonlyMap<string, string | number>): boolean;
}

export interface Dataset {
  /** The OData entity set and the file name. */
  name: string;
  /** The file slug at /datos/ («cifras-al-corte»). */
  slug: string;
  title: string;
  description: string;
  frequency: string;
  keys: string[];
  columns: Column[];
  partitions(ctx: OpenDataContext): Partition[];
  rows(ctx: OpenDataContext, partition: string, audience: Audience): Promise<Row[]>;
}

const S = (name: string, description: string, extra: Partial<Column> = {}): Column => ({ name, type: 'Edm.String', description, ...extra });
const N = (name: string, description: string, extra: Partial<Column> = {}): Column => ({ name, type: 'Edm.Double', nullable: true, description, ...extra });
const I = (name: string, description: string, extra: Partial<Column> = {}): Column => ({ name, type: 'Edm.Int32', description, ...extra });

const single: Partition = { key: 'all', match: () => true };
const eqOr = (filter: ReadonlyMap<string, string | number>, name: string, value: string | number) => !filter.has(name) || String(filter.get(name)) === String(value);

/** One partition per plan and vigencia of the plan's period. */
function planYears(ctx: OpenDataContext): Partition[] {
  return ctx.plans.flatMap((p) => Array.from({ length: p.endYear - p.startYear + 1 }, (_, i) => p.startYear + i).map((year) => ({ key: `${p.id}|${year}`, match: (f: ReadonlyMap<string, string | number>) => eqOr(f, 'PlanId', p.id) && eqOr(f, 'Vigencia', year) })));
}
const years = (ctx: OpenDataContext): Partition[] => ctx.years.map((y) => ({ key: String(y), match: (f: ReadonlyMap<string, string | number>) => eqOr(f, 'Vigencia', y) }));
const quarters = (ctx: OpenDataContext): Partition[] => ctx.quarters.map((q) => ({ key: q, match: (f: ReadonlyMap<string, string | number>) => eqOr(f, 'Trimestre', q) && eqOr(f, 'Vigencia', Number(q.slice(0, 4))) }));

const splitKey = (key: string): [string, number] => {
  const i = key.lastIndexOf('|');
  return [key.slice(0, i), Number(key.slice(i + 1))];
};

/** Reads a plan's year and the figure of every indicator at each of its cut-offs that are published (or, internally, in validation). */
async function peiYear(ctx: OpenDataContext, key: string): Promise<{ data: PeiYearData; figures: Array<{ cutoff: IsoDate; indicatorId: string; f: IndicatorFigure }> } | null> {
  const [planId, year] = splitKey(key);
  const data = await ctx.store.loadPeiYear(planId, year);
  if (!data) return null;
  const plan = data.plan.own && data.indicators.some((i) => i.planMeta) ? await ctx.store.loadPlanYear(year) : null;
  const cutoffs = [...new Set([...data.values.map((v) => v.cutoff), ...(plan ? quarterCutoffs(year) : [])])].sort();
  const figures = cutoffs.flatMap((cutoff) => data.indicators.filter((i) => data.weights.some((w) => w.indicatorId === i.id)).map((i) => ({ cutoff, indicatorId: i.id, f: indicatorFigure(data, plan, i, cutoff) })));
  return { data, figures };
}

const published = (f: IndicatorFigure, audience: Audience) => f.state === 'validated' || (audience === 'internal' && (f.state === 'reported' || f.state === 'returned'));

export const DATASETS: readonly Dataset[] = [
  {
    name: 'Unidades',
    slug: 'unidades',
    title: 'Dependencias de la Secretaría Distrital de Gobierno',
    description: 'Las 24 dependencias del nivel central y las 20 alcaldías locales, con su jerarquía. Son las unidades a las que pertenecen las metas, los indicadores y los OKR publicados.',
    frequency: 'Cuando cambie la estructura de la entidad',
    keys: ['Id'],
    columns: [S('Id', 'Identificador de la dependencia', { filterable: true }), S('Nombre', 'Nombre de la dependencia'), S('Tipo', 'Nivel central o alcaldía local'), S('Nivel', 'Despacho, subsecretaría, dirección, subdirección, oficina o alcaldía'), S('UnidadPadreId', 'Dependencia de la que depende', { nullable: true })],
    partitions: () => [single],
    rows: async (ctx) => (await ctx.store.listUnits()).map((u) => ({ Id: u.id, Nombre: u.name, Tipo: u.kind === 'alcaldia' ? 'Alcaldía local' : 'Nivel central', Nivel: u.level, UnidadPadreId: u.parentId })),
  },
  {
    name: 'PlanesEstrategicos',
    slug: 'planes-estrategicos',
    title: 'Planes estratégicos institucionales',
    description: 'Planes estratégicos institucionales publicados: entidad, periodo de gobierno, misión y visión.',
    frequency: 'Cuando se adopte o modifique un plan',
    keys: ['Id'],
    columns: [S('Id', 'Identificador del plan', { filterable: true }), S('Entidad', 'Entidad del plan'), S('Nombre', 'Nombre del plan'), I('AnioInicio', 'Primer año del periodo'), I('AnioFin', 'Último año del periodo'), S('Mision', 'Misión'), S('Vision', 'Visión')],
    partitions: () => [single],
    rows: async (ctx) => (await ctx.store.listPeiPlans()).map((p) => ({ Id: p.id, Entidad: p.entity, Nombre: p.name, AnioInicio: p.startYear, AnioFin: p.endYear, Mision: p.mission, Vision: p.vision })),
  },
  {
    name: 'ObjetivosEstrategicos',
    slug: 'objetivos-estrategicos',
    title: 'Objetivos estratégicos de los planes estratégicos institucionales',
    description: 'Objetivos estratégicos de cada plan. Los de la Secretaría Distrital de Gobierno son los objetivos institucionales a los que se alinean los OKR de las dependencias.',
    frequency: 'Cuando se modifique un plan',
    keys: ['Id'],
    columns: [S('Id', 'Identificador del objetivo'), S('PlanId', 'Plan al que pertenece', { filterable: true }), I('Numero', 'Número del objetivo en el plan'), S('Titulo', 'Enunciado del objetivo'), S('ObjetivoInstitucionalId', 'Objetivo institucional del directorio (planes de la entidad)', { nullable: true })],
    partitions: (ctx) => ctx.plans.map((p) => ({ key: `${p.id}|${p.startYear}`, match: (f) => eqOr(f, 'PlanId', p.id) })),
    rows: async (ctx, key) => {
      const [planId, year] = splitKey(key);
      const [data, institutional] = await Promise.all([ctx.store.loadPeiYear(planId, year), ctx.store.listInstitutionalObjectives()]);
      return (data?.objectives ?? []).map((o) => ({ Id: o.id, PlanId: o.planId, Numero: o.number, Titulo: institutional.find((x) => x.id === o.institutionalObjectiveId)?.title ?? o.title, ObjetivoInstitucionalId: o.institutionalObjectiveId }));
    },
  },
  {
    name: 'Indicadores',
    slug: 'indicadores',
    title: 'Indicadores de los planes estratégicos institucionales',
    description: 'Indicadores sectoriales, metas de proyectos de inversión y metas de gestión que miden los objetivos estratégicos, con su método de cálculo y sus desagregaciones.',
    frequency: 'Cuando se modifique un plan',
    keys: ['Id'],
    columns: [
      S('Id', 'Identificador del indicador', { filterable: true }),
      S('PlanId', 'Plan al que pertenece', { filterable: true }),
      S('Tipo', 'Indicador sectorial, meta de proyecto de inversión o meta de gestión'),
      S('Referencia', 'Cómo lo nombra el plan (p. ej. «Indicador sectorial 545»)'),
      S('Nombre', 'Nombre del indicador'),
      S('AreaResponsable', 'Dependencia responsable del reporte'),
      S('UnidadResponsableId', 'Dependencia responsable (planes de la entidad)', { nullable: true }),
      S('UnidadMedida', 'Unidad de medida de las magnitudes'),
      S('MetodoCalculo', 'Magnitud reportada, o porcentaje = numerador / denominador × 100'),
      { name: 'DesagregaLocalidad', type: 'Edm.Boolean', description: 'Se reporta por las 20 localidades' },
      S('EnfoqueDiferencial', 'Dimensiones de enfoque diferencial con que se reporta, separadas por «;»'),
      S('MetaPlanGestion', 'Meta del plan de gestión de la que toma sus cifras (unidad|meta)', { nullable: true }),
    ],
    partitions: (ctx) => ctx.plans.map((p) => ({ key: `${p.id}|${p.startYear}`, match: (f) => eqOr(f, 'PlanId', p.id) })),
    rows: async (ctx, key) => {
      const [planId, year] = splitKey(key);
      return ((await ctx.store.loadPeiYear(planId, year))?.indicators ?? []).map((i) => ({
        Id: i.id,
        PlanId: i.planId,
        Tipo: indicatorKindLabels[i.kind],
        Referencia: i.reference,
        Nombre: i.name,
        AreaResponsable: i.responsibleArea,
        UnidadResponsableId: i.responsibleUnitId,
        UnidadMedida: i.unitOfMeasure,
        MetodoCalculo: i.method === 'porcentaje' && i.variables ? `(${i.variables.numerator} / ${i.variables.denominator}) × 100` : 'Magnitud reportada',
        DesagregaLocalidad: i.breakdown.locality,
        EnfoqueDiferencial: i.breakdown.differential.map((d) => differentialLabels[d]).join('; '),
        MetaPlanGestion: i.planMeta ? `${i.planMeta.unitId}|${i.planMeta.metaId}` : null,
      }));
    },
  },
  {
    name: 'Ponderaciones',
    slug: 'ponderaciones',
    title: 'Ponderación de los indicadores por objetivo y vigencia',
    description: 'Peso de cada indicador en cada objetivo estratégico, por vigencia (la Oficina Asesora de Planeación puede cambiarlo cada año). Un indicador puede aportar a varios objetivos.',
    frequency: 'Anual',
    keys: ['PlanId', 'Vigencia', 'ObjetivoId', 'IndicadorId'],
    columns: [S('PlanId', 'Plan', { filterable: true }), I('Vigencia', 'Año', { filterable: true }), S('ObjetivoId', 'Objetivo estratégico'), S('IndicadorId', 'Indicador'), N('Peso', 'Peso del indicador en el objetivo (relativo a los demás del objetivo)')],
    partitions: planYears,
    rows: async (ctx, key) => ((await ctx.store.loadPeiYear(...splitKey(key)))?.weights ?? []).map((w) => ({ PlanId: w.planId, Vigencia: w.year, ObjetivoId: w.objectiveId, IndicadorId: w.indicatorId, Peso: w.weight })),
  },
  {
    name: 'CifrasAlCorte',
    slug: 'cifras-al-corte',
    title: 'Avance de los indicadores del plan estratégico al corte',
    description: 'Por indicador y fecha de corte: programación de la vigencia, programación al corte, magnitud ejecutada al corte, porcentaje de avance al corte (ejecutado / programado al corte, sin tope) y su estado («En cumplimiento», «Rezago X %», «Sobre ejecución X %»). Solo cifras validadas, con su fecha de validación.',
    frequency: 'Trimestral',
    keys: ['PlanId', 'IndicadorId', 'Corte'],
    columns: [
      S('PlanId', 'Plan', { filterable: true }),
      S('IndicadorId', 'Indicador', { filterable: true }),
      I('Vigencia', 'Año', { filterable: true }),
      { name: 'Corte', type: 'Edm.Date', description: 'Fecha de corte', filterable: true },
      N('ProgramadoVigencia', 'Magnitud programada para la vigencia', { unit: 'magnitud del indicador' }),
      N('ProgramadoCorte', 'Magnitud programada al corte', { unit: 'magnitud del indicador' }),
      N('EjecutadoCorte', 'Magnitud ejecutada al corte', { unit: 'magnitud del indicador' }),
      N('PorcentajeCorte', 'Porcentaje de avance al corte (sin tope)', { unit: '%' }),
      S('Estado', 'En cumplimiento, Rezago X %, Sobre ejecución X %'),
      S('Fuente', 'Reporte del plan estratégico o del plan de gestión'),
      S('Analisis', 'Análisis del área responsable (solo si lo marcó como público)', { nullable: true }),
      { name: 'Validada', type: 'Edm.Boolean', description: 'La cifra fue validada (siempre verdadero sin clave de API)' },
      { name: 'FechaValidacion', type: 'Edm.DateTimeOffset', description: 'Cuándo se validó', nullable: true },
    ],
    partitions: planYears,
    rows: async (ctx, key, audience) => {
      const y = await peiYear(ctx, key);
      if (!y) return [];
      return y.figures.filter((x) => published(x.f, audience)).map(({ cutoff, indicatorId, f }) => ({
        PlanId: y.data.plan.id,
        IndicadorId: indicatorId,
        Vigencia: Number(cutoff.slice(0, 4)),
        Corte: cutoff,
        ProgramadoVigencia: f.figures.annual,
        ProgramadoCorte: f.figures.programmedAtCutoff,
        EjecutadoCorte: f.figures.executed,
        PorcentajeCorte: f.figures.percent === null ? null : Math.round(f.figures.percent * 1e6) / 1e4,
        Estado: f.figures.status.text,
        Fuente: f.source === 'plan' ? 'Plan de gestión' : 'Plan estratégico',
        Analisis: f.analysisPublic && f.analysis ? f.analysis : null,
        Validada: f.state === 'validated',
        FechaValidacion: f.validatedAt,
      }));
    },
  },
  {
    name: 'CumplimientoObjetivos',
    slug: 'cumplimiento-objetivos',
    title: 'Cumplimiento de los objetivos estratégicos al corte',
    description: 'Promedio ponderado, al corte, de los indicadores de cada objetivo que tienen programación en la vigencia y cifra validada (sin tope).',
    frequency: 'Trimestral',
    keys: ['PlanId', 'ObjetivoId', 'Corte'],
    columns: [S('PlanId', 'Plan', { filterable: true }), S('ObjetivoId', 'Objetivo estratégico'), I('Vigencia', 'Año', { filterable: true }), { name: 'Corte', type: 'Edm.Date', description: 'Fecha de corte', filterable: true }, N('Cumplimiento', 'Cumplimiento del objetivo al corte', { unit: '%' }), I('IndicadoresContados', 'Indicadores que cuentan en el promedio')],
    partitions: planYears,
    rows: async (ctx, key) => {
      const y = await peiYear(ctx, key);
      if (!y) return [];
      const cutoffs = [...new Set(y.figures.filter((x) => x.f.state === 'validated').map((x) => x.cutoff))];
      return cutoffs.flatMap((cutoff) =>
        y.data.objectives.map((o) => {
          const c = objectiveCompliance(y.data.weights.filter((w) => w.objectiveId === o.id).map((w) => {
            const f = y.figures.find((x) => x.cutoff === cutoff && x.indicatorId === w.indicatorId)!.f;
            return { indicatorId: w.indicatorId, weight: w.weight, figures: f.state === 'validated' ? f.figures : { ...f.figures, percent: null, status: { code: 'sin_reporte' as const, gap: null, text: '' } } };
          }));
          return { PlanId: y.data.plan.id, ObjetivoId: o.id, Vigencia: Number(cutoff.slice(0, 4)), Corte: cutoff, Cumplimiento: c.value === null ? null : Math.round(c.value * 1e6) / 1e4, IndicadoresContados: c.counted.length };
        }),
      );
    },
  },
  {
    name: 'CifrasDesagregadas',
    slug: 'cifras-desagregadas',
    title: 'Cifras del plan estratégico por localidad y enfoque diferencial',
    description: 'Desagregación de las cifras validadas por las 20 localidades de Bogotá y por las categorías de enfoque diferencial del Plan Estadístico Distrital (sexo, grupo etario, pertenencia étnica, discapacidad, víctimas).',
    frequency: 'Trimestral',
    keys: ['PlanId', 'IndicadorId', 'Corte', 'Desagregacion', 'Categoria'],
    columns: [S('PlanId', 'Plan', { filterable: true }), S('IndicadorId', 'Indicador', { filterable: true }), I('Vigencia', 'Año', { filterable: true }), { name: 'Corte', type: 'Edm.Date', description: 'Fecha de corte', filterable: true }, S('Desagregacion', 'Localidad, Sexo, Grupo etario, Pertenencia étnica, Discapacidad o Víctimas'), S('Categoria', 'Localidad o categoría'), N('Valor', 'Magnitud de la categoría', { unit: 'magnitud del indicador' })],
    partitions: planYears,
    rows: async (ctx, key, audience) => {
      const y = await peiYear(ctx, key);
      if (!y) return [];
      return y.figures.filter((x) => x.f.value && published(x.f, audience)).flatMap(({ cutoff, indicatorId, f }) => {
        const base = { PlanId: y.data.plan.id, IndicadorId: indicatorId, Vigencia: Number(cutoff.slice(0, 4)), Corte: cutoff };
        const v = f.value!;
        const localities = Object.entries(v.localities ?? {}).sort(([a], [b]) => (LOCALIDADES as readonly string[]).indexOf(a) - (LOCALIDADES as readonly string[]).indexOf(b));
        return [
          ...localities.map(([Categoria, Valor]) => ({ ...base, Desagregacion: 'Localidad', Categoria, Valor })),
          ...(Object.entries(v.differential) as Array<[DifferentialDimension, Record<string, number>]>).flatMap(([dim, b]) => Object.entries(b).map(([Categoria, Valor]) => ({ ...base, Desagregacion: differentialLabels[dim], Categoria, Valor }))),
        ];
      });
    },
  },
  {
    name: 'MetasPlanGestion',
    slug: 'metas-plan-gestion',
    title: 'Metas de los planes de gestión',
    description: 'Metas de la versión publicada (oficializada) del plan de gestión de cada dependencia y alcaldía local, con su indicador, tipo de programación y programación trimestral.',
    frequency: 'Anual, y con cada modificación aprobada',
    keys: ['Vigencia', 'UnidadId', 'MetaId'],
    columns: [
      I('Vigencia', 'Año', { filterable: true }),
      S('UnidadId', 'Dependencia o alcaldía local', { filterable: true }),
      S('MetaId', 'Identificador de la meta en el plan'),
      I('Orden', 'Número de la meta'),
      S('Meta', 'Enunciado de la meta'),
      S('ObjetivoEstrategicoId', 'Objetivo institucional al que aporta'),
      S('Indicador', 'Nombre del indicador'),
      S('Formula', 'Fórmula del indicador'),
      S('UnidadMedida', 'Unidad de medida'),
      S('TipoProgramacion', 'Suma, Constante, Creciente o Decreciente'),
      N('MagnitudTotal', 'Magnitud de la vigencia'),
      N('ProgramadoT1', 'Programado en el primer trimestre'),
      N('ProgramadoT2', 'Programado en el segundo trimestre'),
      N('ProgramadoT3', 'Programado en el tercer trimestre'),
      N('ProgramadoT4', 'Programado en el cuarto trimestre'),
      N('Peso', 'Peso de la meta en el plan', { unit: '%' }),
      I('VersionPlan', 'Versión publicada del plan'),
      { name: 'Eliminada', type: 'Edm.Boolean', description: '«Meta eliminada» (no cuenta en el resultado)' },
    ],
    partitions: years,
    rows: async (ctx, key) => {
      const data = await ctx.store.loadPlanYear(Number(key));
      return data.plans.filter((p) => p.publishedVersion !== null).flatMap((p) =>
        metasOf(data.metas, p.id, p.publishedVersion!).map((m) => ({
          Vigencia: p.year,
          UnidadId: p.unitId,
          MetaId: m.id,
          Orden: m.order,
          Meta: m.statement,
          ObjetivoEstrategicoId: m.strategicObjectiveId,
          Indicador: m.indicator.name,
          Formula: m.indicator.formula,
          UnidadMedida: m.indicator.unit,
          TipoProgramacion: programmingTypeLabels[m.programmingType],
          MagnitudTotal: m.totalMagnitude,
          ProgramadoT1: m.programmed[0],
          ProgramadoT2: m.programmed[1],
          ProgramadoT3: m.programmed[2],
          ProgramadoT4: m.programmed[3],
          Peso: m.weight,
          VersionPlan: p.publishedVersion!,
          Eliminada: m.eliminated,
        })),
      );
    },
  },
  {
    name: 'ReportesPlanGestion',
    slug: 'reportes-plan-gestion',
    title: 'Reportes trimestrales de los planes de gestión',
    description: 'Ejecución de cada meta por trimestre y su acumulado según el tipo de programación, de los trimestres que la Oficina Asesora de Planeación revisó y cerró (su validación), con la fecha de cierre.',
    frequency: 'Trimestral',
    keys: ['Vigencia', 'UnidadId', 'MetaId', 'Trimestre'],
    columns: [
      I('Vigencia', 'Año', { filterable: true }),
      S('UnidadId', 'Dependencia o alcaldía local', { filterable: true }),
      S('MetaId', 'Meta'),
      I('Trimestre', 'Trimestre (1 a 4)', { filterable: true }),
      N('ProgramadoTrimestre', 'Programado en el trimestre'),
      N('EjecutadoTrimestre', 'Ejecutado en el trimestre'),
      N('PorcentajeTrimestre', 'Cumplimiento del trimestre', { unit: '%' }),
      N('ProgramadoAcumulado', 'Programado acumulado al trimestre'),
      N('EjecutadoAcumulado', 'Ejecutado acumulado al trimestre'),
      N('PorcentajeAcumulado', 'Cumplimiento acumulado (sin tope)', { unit: '%' }),
      { name: 'Validada', type: 'Edm.Boolean', description: 'El trimestre fue revisado y cerrado por la OAP' },
      { name: 'FechaValidacion', type: 'Edm.DateTimeOffset', description: 'Cuándo la OAP cerró el trimestre', nullable: true },
    ],
    partitions: years,
    rows: async (ctx, key, audience) => {
      const data = await ctx.store.loadPlanYear(Number(key));
      const pct = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e4);
      return data.plans.filter((p) => PLAN_IN_FORCE.has(p.state) && p.publishedVersion !== null).flatMap((p) => {
        const reports = data.reports.filter((r) => r.planId === p.id);
        return data.quarters
          .filter((q) => q.planId === p.id && (q.state === 'closed' || (audience === 'internal' && q.state !== 'draft')))
          .flatMap((q) =>
            metasOf(data.metas, p.id, p.publishedVersion!)
              .filter((m) => !m.eliminated && m.programmed.slice(0, q.quarter).some((v) => v !== null))
              .map((m) => {
                const f = figuresOf(m, reports, q.quarter);
                return { Vigencia: p.year, UnidadId: p.unitId, MetaId: m.id, Trimestre: q.quarter, ProgramadoTrimestre: f.programmedQuarter, EjecutadoTrimestre: f.executedQuarter, PorcentajeTrimestre: pct(f.quarterCompliance), ProgramadoAcumulado: f.programmedCumulative, EjecutadoAcumulado: f.executedCumulative, PorcentajeAcumulado: pct(f.cumulativeCompliance), Validada: q.state === 'closed', FechaValidacion: q.state === 'closed' ? q.closedAt : null };
              }),
          );
      });
    },
  },
  ...okrDatasets(),
];

function okrDatasets(): Dataset[] {
  const base = [S('UnidadId', 'Dependencia o alcaldía local', { filterable: true }), S('Trimestre', 'Trimestre, p. ej. 2026-Q3', { filterable: true })];
  const validated = async (ctx: OpenDataContext, q: string) => (await ctx.store.listOkrValidations(q as QuarterId)).filter((v) => v.state === 'validated' && v.snapshot);
  return [
    {
      name: 'ConjuntosOkr',
      slug: 'conjuntos-okr',
      title: 'Conjuntos de OKR validados por dependencia y trimestre',
      description: 'El conjunto de OKR de cada dependencia y trimestre cuyos resultados validó la Oficina Asesora de Planeación con la dependencia, y el objetivo institucional al que se alinea.',
      frequency: 'Trimestral',
      keys: ['Id'],
      columns: [S('Id', 'Identificador del conjunto'), ...base, S('ObjetivoInstitucionalId', 'Objetivo institucional al que se alinea'), { name: 'FechaValidacion', type: 'Edm.DateTimeOffset', description: 'Cuándo la dependencia confirmó los resultados validados' }],
      partitions: quarters,
      rows: async (ctx, q) => (await validated(ctx, q)).map((v) => ({ Id: v.snapshot!.setId, UnidadId: v.unitId, Trimestre: v.quarter, ObjetivoInstitucionalId: v.snapshot!.institutionalObjectiveId, FechaValidacion: v.validatedAt })),
    },
    {
      name: 'ObjetivosOkr',
      slug: 'objetivos-okr',
      title: 'Objetivos de los OKR validados',
      description: 'Objetivo estratégico y objetivos tácticos de cada conjunto validado, con su avance al cierre del trimestre (promedio de sus resultados clave, de 0 a 100 %).',
      frequency: 'Trimestral',
      keys: ['Id'],
      columns: [S('Id', 'Identificador del objetivo'), S('ConjuntoId', 'Conjunto de OKR'), ...base, S('ObjetivoPadreId', 'Objetivo estratégico del que depende (tácticos)', { nullable: true }), S('Nivel', 'Estratégico o táctico'), S('Titulo', 'Enunciado'), I('Orden', 'Orden'), N('Avance', 'Avance al cierre', { unit: '%' })],
      partitions: quarters,
      rows: async (ctx, q) => (await validated(ctx, q)).flatMap((v) => v.snapshot!.objectives.map((o) => ({ Id: o.id, ConjuntoId: v.snapshot!.setId, UnidadId: v.unitId, Trimestre: v.quarter, ObjetivoPadreId: o.parentId, Nivel: o.level === 'strategic' ? 'Estratégico' : 'Táctico', Titulo: o.title, Orden: o.order, Avance: o.progress === null ? null : Math.round(o.progress * 1e6) / 1e4 }))),
    },
    {
      name: 'ResultadosClave',
      slug: 'resultados-clave',
      title: 'Resultados clave de los OKR validados',
      description: 'Resultados clave de cada conjunto validado: métrica, unidad de medida, línea base, meta y sentido.',
      frequency: 'Trimestral',
      keys: ['Id'],
      columns: [S('Id', 'Identificador del resultado clave'), S('ConjuntoId', 'Conjunto de OKR'), S('ObjetivoId', 'Objetivo táctico'), ...base, S('Titulo', 'Enunciado'), S('Tipo', 'percentage, number o milestone'), S('UnidadMedida', 'Unidad de medida'), N('LineaBase', 'Línea base'), N('Meta', 'Meta del trimestre'), S('Sentido', 'increase o decrease'), I('Orden', 'Orden')],
      partitions: quarters,
      rows: async (ctx, q) => (await validated(ctx, q)).flatMap((v) => v.snapshot!.keyResults.map((k) => ({ Id: k.id, ConjuntoId: v.snapshot!.setId, ObjetivoId: k.objectiveId, UnidadId: v.unitId, Trimestre: v.quarter, Titulo: k.title, Tipo: k.kind, UnidadMedida: k.unitOfMeasure, LineaBase: k.baseline, Meta: k.target, Sentido: k.direction, Orden: k.order }))),
    },
    {
      name: 'AvanceMensualOkr',
      slug: 'avance-mensual-okr',
      title: 'Avance mensual de los resultados clave validados',
      description: 'Valor reportado cada mes por cada resultado clave validado y su avance frente a la meta ((valor − línea base) / (meta − línea base), sin tope).',
      frequency: 'Trimestral',
      keys: ['ResultadoClaveId', 'Mes'],
      columns: [S('ResultadoClaveId', 'Resultado clave'), ...base, S('Mes', 'Mes, p. ej. 2026-08'), N('Valor', 'Valor reportado', { unit: 'unidad del resultado clave' }), N('Avance', 'Avance frente a la meta', { unit: '%' })],
      partitions: quarters,
      rows: async (ctx, q) => (await validated(ctx, q)).flatMap((v) => v.snapshot!.keyResults.flatMap((k) => k.months.map((mo) => ({ ResultadoClaveId: k.id, UnidadId: v.unitId, Trimestre: v.quarter, Mes: mo.period, Valor: mo.value, Avance: Math.round(mo.progress * 1e6) / 1e4 })))),
    },
  ];
}

export const datasetByName = (name: string): Dataset | undefined => DATASETS.find((d) => d.name === name);
export const datasetBySlug = (slug: string): Dataset | undefined => DATASETS.find((d) => d.slug === slug);
