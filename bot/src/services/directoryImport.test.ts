import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { fixedClock } from './clock.js';
import { DirectoryImportService } from './directoryImport.js';
import { readWorkbook } from '../imports/workbook.js';
import { cardText, seededStore, TEST_NOW } from '../testing/harness.js';
import { RecordingProactiveCards } from './proactiveCards.js';
import { directoryNotices } from '../teams/directoryNotices.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../imports/fixtures', name));
const setup = async () => {
  const store = await seededStore();
  return { store, imports: new DirectoryImportService(store, fixedClock(TEST_NOW)) };
};
const eti = async (store: Awaited<ReturnType<typeof seededStore>>) => (await store.getPerson('eti-1'))!;
const refusals = (report: { rows: Array<{ outcome: string; sheet: string; row: number; reason: string }> }) => report.rows.filter((r) => r.outcome === 'rechazada').map((r) => `${r.sheet}:${r.row} ${r.reason}`);

describe('importing the directory workbook', () => {
  it('dry-runs a tidy workbook row by row and changes nothing; the real run applies it once, audited; a second run changes nothing', async () => {
    const { store, imports } = await setup();
    const file = fixture('directorio-ordenado.xlsx');
    const dry = await imports.importWorkbook(await eti(store), file, 'directorio-ordenado.xlsx', { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, applied: false, counts: { crear: 11, cambiar: 0, terminar: 0, 'sin cambios': 0, rechazada: 0 } });
    expect(dry.rows.map((r) => [r.sheet, r.row, r.outcome, r.what])).toEqual([
      ['Unidades', 2, 'crear', 'Dirección de Gestión del Conocimiento'],
      ['Unidades', 3, 'crear', 'Subdirección de Gestión del Conocimiento'],
      ['Personas', 2, 'crear', 'Martha Lucía Becerra Galindo'],
      ['Personas', 3, 'crear', 'Jhon Fredy Cuervo Ardila'],
      ['Personas', 4, 'crear', 'Sara Quiroga Melo'],
      ['Asignaciones', 2, 'crear', 'Martha Lucía Becerra Galindo · Líder · Dirección de Gestión del Conocimiento'],
      ['Asignaciones', 3, 'crear', 'Jhon Fredy Cuervo Ardila · Enlace OKR · Dirección de Gestión del Conocimiento'],
      ['Asignaciones', 4, 'crear', 'Sara Quiroga Melo · Líder · Subdirección de Gestión del Conocimiento'],
      ['Asignaciones', 5, 'crear', 'Jhon Fredy Cuervo Ardila · Enlace OKR · Subdirección de Gestión del Conocimiento'],
      ['Objetivos', 2, 'crear', 'OE1 2027'],
      ['Objetivos', 3, 'crear', 'OE6 2027'],
    ]);
    expect(dry.summary).toContain('Simulación: no se cambió nada.');
    expect(await store.getUnit('dgc')).toBeNull();

    const run = await imports.importWorkbook(await eti(store), file, 'directorio-ordenado.xlsx', { dryRun: false });
    expect(run).toMatchObject({ applied: true, counts: { crear: 11 } });
    expect(await store.getUnit('sgcon')).toMatchObject({ name: 'Subdirección de Gestión del Conocimiento', parentId: 'dgc', level: 'subdireccion' });
    expect((await store.findPersonByAadObjectId('2b7e1c4a-9d3f-4e21-8c5b-6a0f1e2d3c4b'))?.name).toBe('Jhon Fredy Cuervo Ardila');
    expect((await store.rolesOf('jhon-cuervo')).map((r) => r.unitId)).toEqual(['dgc', 'sgcon']);
    expect((await store.listAudit({ entity: 'person' })).map((a) => a.actorId)).toEqual(['eti-1', 'eti-1', 'eti-1']);

    const again = await imports.importWorkbook(await eti(store), file, 'directorio-ordenado.xlsx', { dryRun: false });
    expect(again).toMatchObject({ applied: false, counts: { crear: 0, 'sin cambios': 11 } });
    expect(again.summary).toContain('El directorio ya tiene todo lo que dice el archivo: no hay cambios.');
  });

  it('welcomes in Teams, once, each enlace the real run adds, as one added by hand; líderes and members get none (nor do they by hand)', async () => {
    const store = await seededStore();
    const clock = fixedClock(TEST_NOW);
    // Jhon (enlace of two new units) has written to the bot; nobody else the workbook brings has.
    const cards = new RecordingProactiveCards((personId) => personId === 'jhon-cuervo');
    const imports = new DirectoryImportService(store, clock, directoryNotices({ store, clock, tabUrl: (unitId) => `https://tab/?unit=${unitId}` }, cards));
    const file = fixture('directorio-ordenado.xlsx');
    const dry = await imports.importWorkbook(await eti(store), file, 'directorio-ordenado.xlsx', { dryRun: true });
    expect(cards.sent).toEqual([]);
    expect(dry.summary.join(' ')).not.toContain('bienvenida');

    const run = await imports.importWorkbook(await eti(store), file, 'directorio-ordenado.xlsx', { dryRun: false });
    // One card per enlace role it created (Jhon takes two units), none for the líderes.
    expect(cards.sent.map((s) => s.personId)).toEqual(['jhon-cuervo', 'jhon-cuervo']);
    const [dgc, sgcon] = cards.sent.map((s) => cardText(s.card));
    expect(dgc).toContain('Bienvenido/a al equipo OKR, Jhon');
    expect(dgc).toContain('Desde el 9 de noviembre de 2026 eres Enlace OKR de Dirección de Gestión del Conocimiento');
    expect(sgcon).toContain('Desde el 17 de noviembre de 2026 eres Enlace OKR de Subdirección de Gestión del Conocimiento');
    expect(dgc).toContain('La unidad no tiene set de OKR para');
    expect(run.summary).toContain('Los 2 enlaces nuevos recibieron en Teams la tarjeta de bienvenida con lo pendiente: Jhon Fredy Cuervo Ardila (Dirección de Gestión del Conocimiento); Jhon Fredy Cuervo Ardila (Subdirección de Gestión del Conocimiento).');

    // Run again: nothing new, no second card.
    const again = await imports.importWorkbook(await eti(store), file, 'directorio-ordenado.xlsx', { dryRun: false });
    expect(again.applied).toBe(false);
    expect(cards.sent).toHaveLength(2);
    expect(again.summary.join(' ')).not.toContain('bienvenida');
  });

  it('says which new enlaces the bot cannot reach yet (they get the bot’s welcome when they first write), and the import stands', async () => {
    const store = await seededStore();
    const clock = fixedClock(TEST_NOW);
    const cards = new RecordingProactiveCards(() => false);
    const imports = new DirectoryImportService(store, clock, directoryNotices({ store, clock, tabUrl: () => 'https://tab/' }, cards));
    const run = await imports.importWorkbook(await eti(store), fixture('directorio-ordenado.xlsx'), 'directorio-ordenado.xlsx', { dryRun: false });
    expect(run.applied).toBe(true);
    expect(cards.sent).toEqual([]);
    expect(run.summary).toContain('2 enlaces nuevos aún no han abierto la aplicación en Teams y recibirán la bienvenida cuando escriban al bot: Jhon Fredy Cuervo Ardila (Dirección de Gestión del Conocimiento); Jhon Fredy Cuervo Ardila (Subdirección de Gestión del Conocimiento).');
    expect((await store.rolesOf('jhon-cuervo')).map((r) => r.unitId)).toEqual(['dgc', 'sgcon']);
  });

  it('reads a messy workbook — headers in any order and case, extra columns, blank rows, Ñ, dates as text, Excel dates and serials — as the tidy one', async () => {
    const { store, imports } = await setup();
    const messy = await imports.importWorkbook(await eti(store), fixture('directorio-desordenado.xlsx'), 'directorio-desordenado.xlsx', { dryRun: false });
    expect(refusals(messy)).toEqual([]);
    expect(messy.applied).toBe(true);
    expect(messy.summary.join(' ')).toContain('Columnas que no se leen (se ignoran): Unidades: Observaciones; Personas: Dependencia (texto libre); Asignaciones: Nota.');
    const dir = await store.loadDirectory();
    const roles = dir.assignments.filter((a) => ['dgc', 'sgcon'].includes(a.unitId ?? '')).map((a) => [a.personId, a.role, a.unitId, a.from, a.to]);
    expect(roles).toEqual([
      ['martha-becerra', 'lider', 'dgc', '2026-11-03', null],
      ['jhon-cuervo', 'enlace', 'dgc', '2026-11-09', null],
      ['sara-quiroga', 'lider', 'sgcon', '2026-11-17', null],
      ['jhon-cuervo', 'enlace', 'sgcon', '2026-11-17', null],
      ['nusta-yanez', 'miembro', 'sgcon', '2026-11-17', '2026-12-31'],
    ]);
    expect(dir.people.find((p) => p.id === 'martha-becerra')).toMatchObject({ email: 'martha.becerra@gobiernobogota.gov.co', phone: '601 338 7000 ext. 2101' });
    expect(dir.people.find((p) => p.id === 'jhon-cuervo')!.phone).toBe('3005550142');
    expect((await store.getPerson('nusta-yanez'))!.name).toBe('Ñusta Yáñez Muñoz');
    expect(dir.objectives.filter((o) => o.vigencia === 2027).map((o) => o.id)).toEqual(['oe1-2027', 'oe6-2027']);
    // The tidy workbook says the same, except Jhon's Entra id and how his phone is written.
    const tidy = await imports.importWorkbook(await eti(store), fixture('directorio-ordenado.xlsx'), 'directorio-ordenado.xlsx', { dryRun: true });
    expect(tidy.counts).toMatchObject({ crear: 0, cambiar: 1, rechazada: 0 });
    expect(tidy.rows.find((r) => r.outcome === 'cambiar')).toMatchObject({ sheet: 'Personas', what: 'Jhon Fredy Cuervo Ardila', reason: 'cambia teléfono; cambia id de Entra ID' });
  });

  it('refuses every bad row with its reason in Spanish and imports nothing at all', async () => {
    const { store, imports } = await setup();
    // Two people of the directory share an e-mail (typed by hand long ago).
    await store.applyDirectoryChanges(
      ['a', 'b'].map((x) => ({ kind: 'person' as const, before: null, after: { id: `compartido-${x}`, aadObjectId: '', name: `Persona ${x.toUpperCase()} Compartida`, email: 'compartido@gobiernobogota.gov.co', jobTitle: '', phone: '', active: true, version: 1 } })),
      'eti-1',
    );
    const before = await store.loadDirectory();
    const report = await imports.importWorkbook(await eti(store), fixture('directorio-errores.xlsx'), 'directorio-errores.xlsx', { dryRun: false });
    expect(report.applied).toBe(false);
    expect(refusals(report)).toEqual([
      'Unidades:3 El id «dgc» ya aparece en la fila 2.',
      'Unidades:4 No existe la unidad «no-existe» (ni en el directorio ni en la hoja «Unidades»).',
      ...['Líder', 'Integrante', 'Enlace OKR', 'Promotor\/a de mejora'].map((role) => expect.stringMatching(new RegExp(`^Unidades:5 Subdirección de Bienes y Servicios queda desactivada pero .+ sigue como ${role}: escribe el «Hasta» de ese rol en «Asignaciones»\\.$`))),
      'Personas:3 El correo «martha.becerra@gobiernobogota.gov.co» ya aparece en la fila 2.',
      'Personas:4 «correo-sin-arroba» no es un correo válido.',
      'Personas:5 El correo compartido@gobiernobogota.gov.co corresponde a dos personas del directorio (Persona A Compartida y Persona B Compartida); corrígelo en el Directorio antes de importar.',
      'Asignaciones:2 No existe la unidad «unidad-inventada» (ni en el directorio ni en la hoja «Unidades»).',
      'Asignaciones:3 Subdirección de Bienes y Servicios está desactivada: no admite roles vigentes (escribe su «Hasta»).',
      'Asignaciones:5 Martha Lucía Becerra Galindo ya es Líder de Dirección de Gestión del Conocimiento entre 3 de noviembre de 2026 y hoy: las fechas se cruzan.',
      'Asignaciones:6 «mañana» en «Desde» no es una fecha (escribe 2026-12-01 o 1/12/2026).',
      'Asignaciones:7 Rol «Jefa de prensa» desconocido: Líder, Enlace, Integrante, Promotor/a de mejora, OKR Coach, ETI, OAP, DTI o Secretario/a.',
      'Asignaciones:8 Equipo ETI es un rol de toda la entidad: deja la unidad vacía.',
      'Asignaciones:9 El correo compartido@gobiernobogota.gov.co corresponde a dos personas del directorio (Persona A Compartida y Persona B Compartida); corrígelo en el Directorio antes de importar.',
    ]);
    expect(report.summary).toContain('16 filas rechazadas: no se importó nada. Corrige el archivo y vuelve a intentarlo.');
    expect(await store.loadDirectory()).toEqual(before);
  });

  it('refuses a workbook without a sheet or a column, a file that is not a workbook, a zip bomb and a 50 MB file — never touching the file', async () => {
    const { store, imports } = await setup();
    const who = await eti(store);
    const run = (bytes: Buffer, name: string) => imports.importWorkbook(who, bytes, name, { dryRun: false }).then(refusals);
    expect(await run(fixture('directorio-sin-hoja.xlsx'), 'directorio-sin-hoja.xlsx')).toEqual(['Asignaciones:0 Falta la hoja «Asignaciones». Descarga la plantilla desde el Directorio para ver las hojas y columnas que se esperan.']);
    expect(await run(fixture('directorio-sin-columna.xlsx'), 'x.xlsx')).toEqual(['Personas:1 Faltan las columnas «Correo» en la primera fila.']);
    expect(await run(fixture('no-es-excel.xlsx'), 'no-es-excel.xlsx')).toEqual(['no-es-excel.xlsx:0 «no-es-excel.xlsx» no es un libro de Excel (.xlsx), un CSV ni un .zip: no se importó nada.']);
    expect(await run(Buffer.from('correo;nombre\nana@x.co;Ana\n'), 'directorio.csv')).toEqual(['directorio.csv:0 El directorio se importa desde un libro de Excel (.xlsx). Descarga la plantilla desde el Directorio.']);
    // A workbook with a sheet of 8 MB of nothing, packed a thousand to one: a zip bomb by its ratio.
    const bomb = new JSZip();
    const real = await new JSZip().loadAsync(fixture('directorio-ordenado.xlsx'));
    for (const [name, file] of Object.entries(real.files)) if (!file.dir) bomb.file(name, await file.async('uint8array'));
    bomb.file('xl/worksheets/sheet9.xml', Buffer.alloc(8 * 1024 * 1024, 0x20));
    const bombBytes = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bombBytes.length).toBeLessThan(1024 * 1024);
    expect(await run(bombBytes, 'bomba.xlsx')).toEqual(['bomba.xlsx:0 «bomba.xlsx» se descomprime a un tamaño desproporcionado (posible «bomba zip»): no se abrió.']);
    expect(await run(Buffer.alloc(50 * 1024 * 1024, 1), 'grande.xlsx')).toEqual(['grande.xlsx:0 El archivo pesa 50 MB; el máximo es 20 MB.']);
    const original = fixture('directorio-ordenado.xlsx');
    const copy = Buffer.from(original);
    await imports.importWorkbook(who, copy, 'directorio-ordenado.xlsx', { dryRun: false });
    expect(copy.equals(original)).toBe(true);
  });

  it('exports the directory as the same workbook, which imports back with no change; the template has the four sheets and the instructions', async () => {
    const { store, imports } = await setup();
    const who = await eti(store);
    const exported = await imports.exportWorkbook(who);
    const sheets = await readWorkbook(exported, 'directorio.xlsx');
    expect(sheets.map((s) => [s.name, s.rows.length])).toEqual([['Unidades', 44], ['Personas', 140], ['Asignaciones', expect.any(Number)], ['Objetivos', 5]]);
    expect(sheets[2]!.rows.length).toBeGreaterThan(140);
    const back = await imports.importWorkbook(who, exported, 'directorio.xlsx', { dryRun: true });
    expect(back.counts).toMatchObject({ crear: 0, cambiar: 0, terminar: 0, rechazada: 0 });
    const template = await readWorkbook(await imports.template(), 'plantilla.xlsx');
    expect(template.map((s) => s.name)).toEqual(['Unidades', 'Personas', 'Asignaciones', 'Objetivos', 'Instrucciones']);
    expect(template[2]!.header).toEqual(['Correo', 'Rol', 'Unidad', 'Desde', 'Hasta']);
    await expect(imports.exportWorkbook((await store.getPerson('enlace-al-usaquen'))!)).rejects.toThrow('No tienes permiso');
  });

  it('ends a role when its «hasta» is written, and reports it as ended', async () => {
    const { store, imports } = await setup();
    const who = await eti(store);
    await imports.importWorkbook(who, fixture('directorio-ordenado.xlsx'), 'a.xlsx', { dryRun: false });
    const sheets = await readWorkbook(await imports.exportWorkbook(who), 'directorio.xlsx');
    const wb = new (await import('exceljs')).default.Workbook();
    for (const s of sheets) {
      const ws = wb.addWorksheet(s.name);
      ws.addRow(s.header);
      for (const r of s.rows) {
        const cells = [...r.cells];
        if (s.name === 'Asignaciones' && cells[0] === 'jhon.cuervo@gobiernobogota.gov.co' && cells[2] === 'sgcon') cells[4] = '30/11/2026';
        ws.addRow(cells);
      }
    }
    const report = await imports.importWorkbook(who, Buffer.from(await wb.xlsx.writeBuffer()), 'fin.xlsx', { dryRun: false });
    expect(report.rows.filter((r) => r.outcome === 'terminar')).toEqual([{ sheet: 'Asignaciones', row: expect.any(Number), outcome: 'terminar', what: 'Jhon Fredy Cuervo Ardila · Enlace OKR · Subdirección de Gestión del Conocimiento', reason: 'del 17 de noviembre de 2026 al 30 de noviembre de 2026' }]);
    expect((await store.listAssignments({ unitId: 'sgcon' })).find((a) => a.role === 'enlace')!.to).toBe('2026-11-30');
  });
});
