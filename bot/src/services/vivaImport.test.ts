import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { CheckInService } from './checkIns.js';
import { fixedClock } from './clock.js';
import { VivaImportService } from './vivaImport.js';
import { runImportCli } from '../imports/importCli.js';
import { seededStore, TEST_NOW } from '../testing/harness.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../imports/fixtures', name));
const setup = async () => {
  const store = await seededStore();
  const clock = fixedClock(TEST_NOW);
  return { store, clock, viva: new VivaImportService(store), eti: (await store.getPerson('eti-1'))! };
};

describe('importing the Viva Goals history', () => {
  it('from the Explorer CSV: counts what it found, asks to confirm the teams it cannot map, then imports loaded, read-only sets once', async () => {
    const { store, clock, viva, eti } = await setup();
    const dry = await viva.importFile(eti, fixture('viva-explorador.csv'), 'viva-explorador.csv', { dryRun: true });
    expect(dry.summary[0]).toBe('Encontrados: 4 objetivos, 4 resultados clave, 4 check-ins.');
    expect(dry.unmappedTeams).toEqual([{ team: 'Talento Humano', suggestion: 'dgth' }]);
    expect(dry.rows.find((r) => r.outcome === 'rechazada')).toEqual({ sheet: 'Equipos', row: 0, outcome: 'rechazada', what: 'Talento Humano', reason: 'El equipo «Talento Humano» no coincide con ninguna unidad: elige a cuál corresponde (¿Dirección de Gestión del Talento Humano?).' });
    expect(dry.applied).toBe(false);

    await viva.confirmTeams(eti, [{ team: 'Talento Humano', unitId: 'dgth' }]);
    const confirmed = await viva.importFile(eti, fixture('viva-explorador.csv'), 'viva-explorador.csv', { dryRun: true });
    expect(confirmed.unmappedTeams).toEqual([]);
    expect(confirmed.summary[1]).toBe('Se importarían: 3 sets con 6 objetivos, 4 resultados clave y 4 check-ins mensuales.');
    expect(await store.getSet('al-usaquen', '2024-Q1')).toBeNull();

    const run = await viva.importFile(eti, fixture('viva-explorador.csv'), 'viva-explorador.csv', { dryRun: false });
    expect(run.applied).toBe(true);
    const usaquen = (await store.getSet('al-usaquen', '2024-Q1'))!;
    expect(usaquen.set).toMatchObject({ id: 'viva-al-usaquen-2024-Q1', state: 'active', institutionalObjectiveId: 'oe1' });
    expect(usaquen.objectives.map((o) => [o.level, o.title])).toEqual([
      ['strategic', 'Acercar la gestión de la alcaldía local a la ciudadanía'],
      ['tactical', 'Agilizar la respuesta a los requerimientos ciudadanos'],
    ]);
    expect(usaquen.keyResults.map((k) => [k.title, k.baseline, k.target, k.direction, k.ownerId])).toEqual([
      ['Responder a tiempo el 95 % de las PQRS', 0, 95, 'increase', 'enlace-al-usaquen'],
      ['Reducir el rezago de PQRS a menos de 50', 180, 50, 'decrease', 'enlace-al-usaquen'],
    ]);
    expect((await store.listCheckIns('al-usaquen', ['2024-03'])).map((c) => [c.value, c.comment, c.authorId])).toEqual([
      [72, 'Se respondieron 720 de 1.000 PQRS a tiempo; el rezago de enero se depuró.', 'enlace-al-usaquen'],
      [45, 'Rezago en 45 casos, meta cumplida.', 'enlace-al-usaquen'],
    ]);
    // Suba's one objective has its key result directly: imported as it is, with its shape alerts.
    const suba = (await store.getSet('al-suba', '2024-Q2'))!;
    expect(suba.keyResults[0]).toMatchObject({ ownerId: 'enlace-al-suba', unitOfMeasure: 'unidades' });
    expect(run.rows.find((r) => r.what.includes('Suba'))!.reason).toContain('Forma:');
    // A Viva owner who is not in the directory: the key result keeps the one who is.
    expect((await store.getSet('dgth', '2024-Q1'))!.keyResults[0]!.ownerId).toBe('enlace-dgth');
    expect((await store.listSetEvents(usaquen.set.id)).map((e) => [e.action, e.actorId, e.comment])).toEqual([['import', 'eti-1', 'Importado de Viva Goals con su historial de check-ins.']]);
    expect((await store.listAudit({ entity: 'okrSet', limit: 3 })).map((a) => a.actorId)).toEqual(['eti-1', 'eti-1', 'eti-1']);

    // Read-only: no new reports on an imported set.
    const checkIns = new CheckInService(store, fixedClock('2024-03-28T15:00:00.000Z'));
    const refused = await checkIns.submit((await store.getPerson('enlace-al-usaquen'))!, 'al-usaquen', '2024-03', [{ keyResultId: usaquen.keyResults[0]!.id, value: '80', comment: 'x', evidenceUrl: 'https://x.gov.co' }]);
    expect(refused).toEqual({ kind: 'refused', message: 'Este set se importó de Viva Goals: es de solo consulta.' });
    void clock;

    // Twice: nothing changes the second time.
    const again = await viva.importFile(eti, fixture('viva-explorador.csv'), 'viva-explorador.csv', { dryRun: false });
    expect(again.applied).toBe(false);
    expect(again.counts).toMatchObject({ crear: 0, rechazada: 0, 'sin cambios': 4 });
  });

  it('from the Explorer .xlsx with Spanish headers, extra columns, blank rows and dates as Excel dates and serials', async () => {
    const { store, viva, eti } = await setup();
    const run = await viva.importFile(eti, fixture('viva-explorador.xlsx'), 'viva-explorador.xlsx', { dryRun: false });
    expect(run.rows.filter((r) => r.outcome === 'rechazada')).toEqual([]);
    const set = (await store.getSet('al-usaquen', '2024-Q1'))!;
    expect(set.keyResults).toHaveLength(2);
    expect((await store.listCheckIns('al-usaquen', ['2024-03'])).map((c) => [c.value, c.createdAt.slice(0, 10)])).toEqual([
      [72, '2024-03-28'],
      [45, '2024-03-27'],
    ]);
  });

  it('from the full data export (.zip of JSON): periods by their dates, outcome types, owners through Users, every check-in to its month', async () => {
    const { store, viva, eti } = await setup();
    const dry = await viva.importFile(eti, fixture('viva-exportacion.zip'), 'viva-exportacion.zip', { dryRun: true });
    expect(dry.summary.slice(0, 2)).toEqual(['Encontrados: 2 objetivos, 3 resultados clave, 7 check-ins.', 'Se importarían: 1 set con 2 objetivos, 3 resultados clave y 6 check-ins mensuales.']);
    expect(dry.rows.find((r) => r.what === 'Tablero de clima laboral')!.reason).toContain('proyecto');
    await viva.importFile(eti, fixture('viva-exportacion.zip'), 'viva-exportacion.zip', { dryRun: false });
    const set = (await store.getSet('al-usaquen', '2024-Q2'))!;
    expect(set.keyResults.map((k) => [k.kind, k.unitOfMeasure, k.target, k.ownerId])).toEqual([
      ['percentage', '%', 95, 'enlace-al-usaquen'],
      ['number', 'audiencias', 40, 'enlace-al-usaquen'],
      ['milestone', 'hito', 1, 'enlace-al-usaquen'],
    ]);
    const checkIns = await store.listCheckIns('al-usaquen', ['2024-04', '2024-05', '2024-06']);
    expect(checkIns.map((c) => [c.keyResultId.split('-').pop(), c.period, c.value, c.comment, c.authorId])).toEqual([
      ['k1', '2024-04', 61, 'Abril: 61 % a tiempo.', 'enlace-al-usaquen'],
      ['k1', '2024-05', 78, 'Mayo: 78 % a tiempo.', 'enlace-al-usaquen'],
      ['k2', '2024-05', 18, '18 audiencias en Verbenal y Toberín.', 'enlace-al-usaquen'],
      ['k1', '2024-06', 91, 'Junio: 91 %; faltó el pico de fin de mes.', 'enlace-al-usaquen'],
      ['k2', '2024-06', 37, 'Cierre del trimestre: 37 audiencias (reportado en julio).', 'enlace-al-usaquen'],
      ['k3', '2024-06', 1, 'Tablero publicado en la web de la alcaldía.', 'lider-al-usaquen'],
    ]);
  });

  it('refuses what is not a Viva Goals export, a zip bomb and a 50 MB file, importing nothing', async () => {
    const { store, viva, eti } = await setup();
    const reason = async (bytes: Buffer, name: string) => (await viva.importFile(eti, bytes, name, { dryRun: false })).rows.map((r) => r.reason);
    expect(await reason(fixture('directorio-ordenado.xlsx'), 'directorio.xlsx')).toEqual(['El archivo no parece una exportación del Explorador de Viva Goals (faltan las columnas de título, tipo, equipo o periodo).']);
    const notViva = await new JSZip().file('leeme.txt', 'hola').generateAsync({ type: 'nodebuffer' });
    expect(await reason(notViva, 'otra.zip')).toEqual(['El .zip no parece una exportación de datos de Viva Goals (faltan los archivos de objetivos).']);
    const bomb = await new JSZip().file('Objectives.json', Buffer.alloc(8 * 1024 * 1024, 0x20)).generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(await reason(bomb, 'bomba.zip')).toEqual(['«bomba.zip» se descomprime a un tamaño desproporcionado (posible «bomba zip»): no se abrió.']);
    expect(await reason(Buffer.alloc(50 * 1024 * 1024, 0x41), 'enorme.csv')).toEqual(['El archivo pesa 50 MB; el máximo es 20 MB.']);
    expect(await reason(fixture('no-es-excel.xlsx'), 'foto.zip')).toEqual(['«foto.zip» no es un libro de Excel (.xlsx), un CSV ni un .zip: no se importó nada.']);
    expect(await store.listSetsByState(['active'])).toHaveLength((await (await seededStore()).listSetsByState(['active'])).length);
  });
});

describe('npm run import', () => {
  const io = (answers: Array<boolean | null> = []) => {
    const lines: string[] = [];
    return { lines, io: { print: (l: string) => void lines.push(l), ask: async () => answers.shift() ?? null } };
  };
  const file = (name: string) => join(import.meta.dirname, '../imports/fixtures', name);

  it('directorio: prints the dry run row by row, asks, applies; --dry-run never applies; a refused file exits 1', async () => {
    const { store, clock } = await setup();
    const dry = io();
    expect(await runImportCli(['directorio', file('directorio-ordenado.xlsx'), '--dry-run'], store, clock, dry.io)).toBe(0);
    expect(dry.lines[0]).toBe('Directorio: directorio-ordenado.xlsx (simulación)');
    expect(dry.lines).toContain('  Unidades 2             Crear        Dirección de Gestión del Conocimiento');
    expect(await store.getUnit('dgc')).toBeNull();
    const no = io([false]);
    expect(await runImportCli(['directorio', file('directorio-ordenado.xlsx')], store, clock, no.io)).toBe(0);
    expect(no.lines.at(-1)).toBe('No se aplicó nada.');
    const yes = io([true]);
    const welcomed: string[] = [];
    expect(await runImportCli(['directorio', file('directorio-ordenado.xlsx')], store, clock, yes.io, { welcomeEnlace: async (personId, unitId) => (welcomed.push(`${personId}@${unitId}`), true) })).toBe(0);
    expect(yes.lines).toContain('  Importación aplicada.');
    // `npm run import` welcomes the enlaces it adds, as the tab does; the dry runs before sent nothing.
    expect(welcomed).toEqual(['jhon-cuervo@dgc', 'jhon-cuervo@sgcon']);
    expect(yes.lines.some((l) => l.includes('recibieron en Teams la tarjeta de bienvenida'))).toBe(true);
    expect((await store.listAudit({ entity: 'unit', limit: 1 }))[0]!.actorId).toBe('cli');
    const bad = io();
    expect(await runImportCli(['directorio', file('directorio-errores.xlsx'), '--yes'], store, clock, bad.io)).toBe(1);
    expect(bad.lines.some((l) => l.includes('Rechazada') && l.includes('«mañana»'))).toBe(true);
    expect(await runImportCli(['nada'], store, clock, io().io)).toBe(2);
  });

  it('viva --yes takes the suggested units for unknown teams and imports; without a terminal it only reports', async () => {
    const { store, clock } = await setup();
    const quiet = io();
    expect(await runImportCli(['viva', file('viva-explorador.csv')], store, clock, quiet.io)).toBe(1);
    expect(quiet.lines.some((l) => l.includes('Talento Humano'))).toBe(true);
    const yes = io();
    expect(await runImportCli(['viva', file('viva-explorador.csv'), '--yes'], store, clock, yes.io)).toBe(0);
    expect(yes.lines.find((l) => l.startsWith('  Importados:'))).toBe('  Importados: 3 sets con 6 objetivos, 4 resultados clave y 4 check-ins mensuales, cargados y de solo consulta («importado de Viva Goals»).');
    expect(await store.vivaTeamMap()).toEqual({ 'talento humano': 'dgth' });
  });
});
