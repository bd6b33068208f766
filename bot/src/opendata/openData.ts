import { timingSafeEqual } from 'node:crypto';
import { quarterCutoffs, type QuarterId } from '@okr/core';
import type { Config } from '../config.js';
import type { Clock } from '../services/clock.js';
import { today } from '../services/clock.js';
import type { DirectoryPort, PeiPort, PlanPort } from '../store/Store.js';
import { PartitionCache, RateLimiter } from '../http/publicAccess.js';
import { DATASETS, type Audience, type Column, type Dataset, type OpenDataContext, type Row } from './datasets.js';
import { ODataFeed } from './odata.js';

/** The publisher the metadata files name (MinTIC's open-data guide: a metadata sheet per dataset). */
export const PUBLISHER = { entity: 'Secretaría Distrital de Gobierno de Bogotá', unit: 'Oficina Asesora de Planeación' } as const;
export const LICENCE = { name: 'Creative Commons Atribución-CompartirIgual 4.0 Internacional (CC BY-SA 4.0)', url: 'https://creativecommons.org/licenses/by-sa/4.0/deed.es' } as const;

/**
 * Open data: the feed, the downloads and their metadata, the per-client rate limit and the API
 * keys, over one partition cache (so a burst of readers costs the store one read per partition
 * and TTL). What the datasets are is `datasets.ts`; how the feed pages them, `odata.ts`.
 */
export class OpenDataService {
  readonly feed: ODataFeed;
  readonly limiter: RateLimiter;
  private readonly contextCache: PartitionCache<OpenDataContext>;

  constructor(
    private readonly store: PeiPort & PlanPort & DirectoryPort,
    private readonly clock: Clock,
    readonly config: Pick<Config, 'OPEN_DATA_API_KEYS' | 'OPEN_DATA_RATE_PER_MINUTE' | 'OPEN_DATA_CACHE_SECONDS' | 'OPEN_DATA_TRUST_PROXY' | 'PUBLIC_URL'>,
  ) {
    this.feed = new ODataFeed(() => this.context(), config.OPEN_DATA_CACHE_SECONDS, () => this.clock.now().getTime());
    this.limiter = new RateLimiter(config.OPEN_DATA_RATE_PER_MINUTE, () => this.clock.now().getTime());
    this.contextCache = new PartitionCache(config.OPEN_DATA_CACHE_SECONDS * 1000, () => this.clock.now().getTime());
  }

  /** What is published changed (a figure validated, weights changed): the next reads go to the store. */
  invalidate(): void {
    this.feed.cache.clear();
    this.contextCache.clear();
  }

  /** Which vigencias, quarters and plans the datasets are partitioned into (cached like a partition). */
  context(): Promise<OpenDataContext> {
    return this.contextCache.get('context', async () => {
      const plans = (await this.store.listPeiPlans()).map((p) => ({ id: p.id, startYear: p.startYear, endYear: p.endYear, own: p.own }));
      const now = today(this.clock).date;
      const year = Number(now.slice(0, 4));
      const first = Math.min(year, ...plans.filter((p) => p.own).map((p) => p.startYear));
      const years = Array.from({ length: year + 1 - first + 1 }, (_, i) => first + i);
      const quarters: QuarterId[] = years.flatMap((y) => [1, 2, 3, 4].filter((q) => quarterCutoffs(y)[q - 1]! < now).map((q) => `${y}-Q${q}` as QuarterId));
      return { store: this.store, years, quarters, plans };
    });
  }

  /** `?apikey=`: none is public; a configured key is internal; any other is refused (null). */
  audienceOf(apikey: string | undefined): Audience | null {
    if (apikey === undefined || apikey === '') return 'public';
    const given = Buffer.from(apikey);
    return this.config.OPEN_DATA_API_KEYS.some((k) => k.length === apikey.length && timingSafeEqual(Buffer.from(k), given)) ? 'internal' : null;
  }

  /** Every row of a dataset (the downloads), partition by partition through the cache. */
  async allRows(dataset: Dataset, audience: Audience = 'public'): Promise<Row[]> {
    const ctx = await this.context();
    const out: Row[] = [];
    for (const p of dataset.partitions(ctx)) out.push(...(await this.feed.rows(ctx, dataset, p.key, audience)));
    return out;
  }

  /** The dataset's metadata sheet (MinTIC's guide; the fields datos.gov.co asks for a dataset). */
  async metadata(dataset: Dataset, base: string): Promise<Record<string, unknown>> {
    const rows = await this.allRows(dataset);
    const dates = rows.map((r) => r.FechaValidacion).filter((v): v is string => typeof v === 'string').sort();
    return {
      titulo: dataset.title,
      descripcion: dataset.description,
      entidad: PUBLISHER.entity,
      dependencia: PUBLISHER.unit,
      categoria: 'Planeación y gestión pública',
      etiquetas: ['plan estratégico', 'plan de gestión', 'OKR', 'indicadores', 'Secretaría Distrital de Gobierno'],
      cobertura_geografica: 'Bogotá D.C.',
      idioma: 'Español',
      frecuencia_actualizacion: dataset.frequency,
      fecha_ultima_actualizacion: dates.at(-1) ?? null,
      licencia: LICENCE,
      marco_normativo: 'Ley 1712 de 2014; Resolución 1519 de 2020 del MinTIC; Guía para el uso y aprovechamiento de Datos Abiertos en Colombia',
      filas: rows.length,
      llave: dataset.keys,
      distribuciones: [
        { formato: 'CSV', url: `${base}/datos/${dataset.slug}.csv`, codificacion: 'UTF-8', separador: ',' },
        { formato: 'JSON', url: `${base}/datos/${dataset.slug}.json`, codificacion: 'UTF-8' },
        { formato: 'OData v4', url: `${base}/odata/${dataset.name}` },
      ],
      columnas: dataset.columns.map((c: Column) => ({ nombre: c.name, descripcion: c.description, tipo: TYPE_NAMES[c.type], ...(c.unit ? { unidad: c.unit } : {}), filtrable_en_odata: Boolean(c.filterable) })),
      datos_personales: 'No contiene datos personales: las personas aparecen solo como dependencias; los análisis se publican solo cuando el área los marcó como públicos.',
    };
  }
}

const TYPE_NAMES: Record<Column['type'], string> = {
  'Edm.String': 'texto',
  'Edm.Int32': 'número entero',
  'Edm.Double': 'número',
  'Edm.Boolean': 'verdadero/falso',
  'Edm.Date': 'fecha (AAAA-MM-DD)',
  'Edm.DateTimeOffset': 'fecha y hora (ISO 8601)',
};

/** RFC 4180 CSV, UTF-8, comma-separated, numbers with a decimal point. */
export function toCsv(dataset: Dataset, rows: readonly Row[]): string {
  const cell = (v: Row[string]) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [dataset.columns.map((c) => c.name).join(','), ...rows.map((r) => dataset.columns.map((c) => cell(r[c.name] ?? null)).join(','))].join('\r\n') + '\r\n';
}

export { DATASETS };
