import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { startApi } from '../testing/apiServer.js';
import { DATASETS, type Dataset, type OpenDataContext } from './datasets.js';
import { ODataFeed } from './odata.js';

const EDMX = 'http://docs.oasis-open.org/odata/ns/edmx';
const EDM = 'http://docs.oasis-open.org/odata/ns/edm';

/** Follows @odata.nextLink to the end, as Power BI's OData connector does. */
async function readAll(base: string, first: string, headers: Record<string, string> = {}) {
  const rows: any[] = [];
  let url: string | undefined = `${base}${first}`;
  let pages = 0;
  while (url) {
    const res = await fetch(url, { headers });
    expect(res.status, url).toBe(200);
    expect(res.headers.get('odata-version')).toBe('4.0');
    const body = (await res.json()) as { value: any[]; '@odata.nextLink'?: string };
    rows.push(...body.value);
    url = body['@odata.nextLink'];
    pages++;
    expect(pages).toBeLessThan(200);
  }
  return { rows, pages };
}

describe('the OData v4 feed (Power BI «OData feed»)', () => {
  it('serves $metadata as CSDL XML that names every entity set, its key and typed properties', async () => {
    const { base } = await startApi();
    const res = await fetch(`${base}/odata/$metadata`);
    expect(res.headers.get('content-type')).toContain('application/xml');
    const doc = new JSDOM(await res.text(), { contentType: 'application/xml' }).window.document;
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.namespaceURI).toBe(EDMX);
    expect(doc.documentElement.getAttribute('Version')).toBe('4.0');
    const schema = doc.getElementsByTagNameNS(EDM, 'Schema')[0]!;
    const types = [...schema.getElementsByTagNameNS(EDM, 'EntityType')];
    const sets = [...doc.getElementsByTagNameNS(EDM, 'EntitySet')];
    expect(sets.map((s) => s.getAttribute('Name'))).toEqual(DATASETS.map((d) => d.name));
    for (const d of DATASETS) {
      const type = types.find((t) => t.getAttribute('Name') === d.name)!;
      const keys = [...type.getElementsByTagNameNS(EDM, 'PropertyRef')].map((k) => k.getAttribute('Name'));
      expect(keys).toEqual(d.keys);
      const props = [...type.getElementsByTagNameNS(EDM, 'Property')];
      expect(props.map((p) => [p.getAttribute('Name'), p.getAttribute('Type')])).toEqual(d.columns.map((c) => [c.name, c.type]));
      for (const k of d.keys) expect(props.find((p) => p.getAttribute('Name') === k)!.getAttribute('Nullable')).toBe('false');
      expect(sets.find((s) => s.getAttribute('Name') === d.name)!.getAttribute('EntityType')).toBe(`SDG.DatosAbiertos.${d.name}`);
    }
    const service = (await (await fetch(`${base}/odata/`)).json()) as { value: Array<{ url: string }> };
    expect(service.value.map((v) => v.url)).toEqual(DATASETS.map((d) => d.name));
  });

  it('reads every entity set to the end through server-driven paging, with nothing personal in it', async () => {
    const { base } = await startApi();
    for (const d of DATASETS) {
      const { rows, pages } = await readAll(base, `/odata/${d.name}`, { prefer: 'odata.maxpagesize=250' });
      expect(rows.length, d.name).toBeGreaterThan(0);
      for (const r of rows) expect(Object.keys(r).sort(), d.name).toEqual(d.columns.map((c) => c.name).sort());
      const keys = new Set(rows.map((r) => d.keys.map((k) => r[k]).join('|')));
      expect(keys.size, `${d.name}: no row twice across pages`).toBe(rows.length);
      if (rows.length > 250) expect(pages).toBeGreaterThan(1);
      const text = JSON.stringify(rows);
      expect(text, d.name).not.toMatch(/\b(enlace|lider|miembro|coach|eti)-[a-z]|"oap-\d"|@gobiernobogota|sharepoint\.com/);
    }
    // Only validated figures: the Q3 round's returned and reported figures are not there.
    const q3 = (await readAll(base, `/odata/CifrasAlCorte?$filter=PlanId eq 'sdg-pei-2024-2027' and Corte eq 2026-09-30`)).rows;
    expect(q3.every((r) => r.Validada === true && r.FechaValidacion)).toBe(true);
    expect(q3.map((r) => r.IndicadorId)).not.toContain('sdg-i02');
    expect(q3.map((r) => r.IndicadorId)).toContain('sdg-i01');
  });

  it('publishes nobody: no person’s name, e-mail or id, and no analysis its area kept internal — not even with the API key, nor in the downloads', async () => {
    const key = 'clave-de-prueba-del-tablero-oap';
    const { base, store } = await startApi(true, { env: { OPEN_DATA_API_KEYS: key } });
    const people = await store.listPeople();
    // A validated figure whose area kept its analysis internal, and one whose analysis is public.
    const values = (await store.loadPeiYear('sdg-pei-2024-2027', 2026))!.values.filter((v) => v.state === 'validated');
    const [kept, shown] = [values[0]!, values[1]!];
    const internal = 'Análisis interno del área: la cifra depende de un contrato aún sin liquidar.';
    const open = 'Análisis público del área: se cumplió lo programado en las 20 localidades.';
    await store.writePeiValues([{ value: { ...kept, analysis: internal, analysisPublic: false }, expectedVersion: kept.version }, { value: { ...shown, analysis: open, analysisPublic: true }, expectedVersion: shown.version }], 'oap-1');
    expect(people.length).toBeGreaterThan(100);
    const texts: Array<[string, string]> = [];
    for (const d of DATASETS) {
      texts.push([`${d.name} (public)`, JSON.stringify((await readAll(base, `/odata/${d.name}`)).rows)]);
      texts.push([`${d.name} (API key)`, JSON.stringify((await readAll(base, `/odata/${d.name}?apikey=${key}`)).rows)]);
      texts.push([`${d.slug}.csv`, await (await fetch(`${base}/datos/${d.slug}.csv`)).text()]);
    }
    for (const [name, text] of texts) {
      for (const p of people) {
        expect(text.includes(p.name), `${name}: ${p.name}`).toBe(false);
        expect(text.includes(p.email), `${name}: ${p.email}`).toBe(false);
        expect(text.includes(`"${p.id}"`), `${name}: ${p.id}`).toBe(false);
      }
      expect(text.includes(internal), `${name}: the internal analysis`).toBe(false);
    }
    expect(texts.find(([name]) => name === 'CifrasAlCorte (public)')![1]).toContain(open);
    expect(texts.find(([name]) => name === 'cifras-al-corte.csv')![1]).toContain(open);
  });

  it('answers $filter on filterable properties, $select, $top and $skip', async () => {
    const { base } = await startApi();
    const sg = (await readAll(base, `/odata/CifrasAlCorte?$filter=PlanId eq 'sg-pei-2020-2024' and Vigencia eq 2023&$select=IndicadorId,PorcentajeCorte,Estado`)).rows;
    expect(sg).toHaveLength(14);
    expect(sg.find((r) => r.IndicadorId === 'sg-546')).toEqual({ IndicadorId: 'sg-546', PorcentajeCorte: 144.5241, Estado: 'Sobre ejecución 44,52 %' });
    const cumplimiento = (await readAll(base, `/odata/CumplimientoObjetivos?$filter=PlanId eq 'sg-pei-2020-2024'`)).rows;
    expect(cumplimiento.map((r) => r.Cumplimiento)).toEqual([99.3197, 100, 100, 100, 99.1272, 100, 97.5, 100]);
    const all = (await readAll(base, '/odata/Unidades')).rows;
    const paged = (await readAll(base, '/odata/Unidades?$skip=10&$top=5')).rows;
    expect(paged).toEqual(all.slice(10, 15));
    const reports = (await readAll(base, "/odata/ReportesPlanGestion?$filter=Vigencia eq 2026 and UnidadId eq 'al-kennedy' and Trimestre eq 2")).rows;
    expect(reports.length).toBe(5);
    expect(reports.every((r) => r.Validada && r.FechaValidacion)).toBe(true);
    // $top across partitions and pages.
    const top = await readAll(base, '/odata/AvanceMensualOkr?$top=600', { prefer: 'odata.maxpagesize=250' });
    expect(top.rows).toHaveLength(600);
    // At most 250 rows a page, and at most three partitions read a page (the early quarters have none).
    expect(top.pages).toBeGreaterThanOrEqual(3);
  });

  it('gives an OData error body, never a 500, for a bad $filter, an unknown set or property, a bad key', async () => {
    const { base } = await startApi();
    const cases: Array<[string, number, string]> = [
      ['/odata/NoExiste', 404, 'NotFound'],
      ['/odata/CifrasAlCorte?$filter=Vigencia eq', 400, 'BadRequest'],
      ['/odata/CifrasAlCorte?$filter=Vigencia eq Corte', 400, 'NotSupported'],
      ['/odata/CifrasAlCorte?$filter=(((', 400, 'BadRequest'],
      ["/odata/CifrasAlCorte?$filter=Estado eq 'En cumplimiento'", 400, 'NotSupported'],
      ['/odata/CifrasAlCorte?$filter=Vigencia gt 2020', 400, 'NotSupported'],
      ["/odata/CifrasAlCorte?$filter=contains(IndicadorId,'sg')", 400, 'NotSupported'],
      ["/odata/CifrasAlCorte?$filter=Vigencia eq 'dos mil'", 400, 'BadRequest'],
      ['/odata/CifrasAlCorte?$filter=Color eq 1', 400, 'BadRequest'],
      ['/odata/Unidades?$select=Nombre,Correo', 400, 'BadRequest'],
      ['/odata/Unidades?$orderby=Nombre', 400, 'NotSupported'],
      ['/odata/Unidades?$top=-1', 400, 'BadRequest'],
      ['/odata/Unidades?$skiptoken=nope', 400, 'BadRequest'],
      ['/odata/Unidades?apikey=equivocada', 401, 'Unauthorized'],
      ["/odata/Unidades('al-bosa')", 404, 'NotFound'],
      ['/odata/Unidades/$count', 404, 'NotFound'],
    ];
    for (const [path, status, code] of cases) {
      const res = await fetch(`${base}${path}`);
      const body = (await res.json()) as { error: { code: string; message: unknown } };
      expect([path, res.status, body.error?.code]).toEqual([path, status, code]);
      expect(typeof body.error.message).toBe('string');
    }
    const message = ((await (await fetch(`${base}/odata/CifrasAlCorte?$filter=Estado eq 'x'`)).json()) as { error: { message: string } }).error.message;
    expect(message).toBe('«Estado» no se puede filtrar: filtre por PlanId, IndicadorId, Vigencia, Corte.');
    // A date that does not exist is refused as every date the app takes is.
    const impossible = await fetch(`${base}/odata/CifrasAlCorte?$filter=Corte eq 2026-02-31`);
    expect(impossible.status).toBe(400);
    expect(((await impossible.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'BadRequest', message: expect.stringContaining('2026-02-31') });
  });

  it('sends ETags and cache headers: a reader with the page gets a 304 without a body', async () => {
    const { base } = await startApi();
    const first = await fetch(`${base}/odata/Indicadores`);
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    const again = await fetch(`${base}/odata/Indicadores`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    for (const path of ['/publico/pei/', '/publico/', '/datos/']) {
      const page = await fetch(`${base}${path}`);
      expect(page.status, path).toBe(200);
      expect((await fetch(`${base}${path}`, { headers: { 'if-none-match': page.headers.get('etag')! } })).status, path).toBe(304);
    }
  });

  it('rate-limits each client on every public path, with Retry-After', async () => {
    const { base } = await startApi();
    let limited: Response | null = null;
    for (let i = 0; i < 130 && !limited; i++) {
      const res = await fetch(`${base}/odata/$metadata`);
      if (res.status === 429) limited = res;
      else await res.arrayBuffer();
    }
    expect(limited).not.toBeNull();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited!.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests');
    expect((await fetch(`${base}/publico/pei/`)).status).toBe(429);
    // The signed-in API is not a public path.
    expect((await fetch(`${base}/api/pei/plans`, { headers: { 'x-dev-person-id': 'oap-1' } })).status).toBe(200);
  });
});

describe('the partition cache', () => {
  it('serves 2,000 concurrent readers of a page with one read of the store', async () => {
    let reads = 0;
    const dataset: Dataset = { ...DATASETS[0]!, partitions: () => [{ key: 'all', match: () => true }], rows: async () => (reads++, [{ Id: 'u1', Nombre: 'Usaquén', Tipo: 'Alcaldía local', Nivel: 'alcaldia', UnidadPadreId: null }]) };
    const ctx = {} as OpenDataContext;
    const feed = new ODataFeed(async () => ctx, 60);
    await Promise.all(Array.from({ length: 2000 }, () => feed.rows(ctx, dataset, 'all', 'public')));
    expect(reads).toBe(1);
    expect(feed.cache.misses).toBe(1);
  });
});
