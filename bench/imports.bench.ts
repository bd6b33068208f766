// The imports at the entity's scale (issue 16): the directory workbook of 44 units and 1,500 people,
// and a Viva Goals data export of 3 years (44 units × 12 quarters × 13 objectives and key results,
// 9 check-ins a month per unit), each into the embedded store and into the SharePoint store over
// the Graph fake: the time of the dry run and of the real run, and the Graph requests and
// resource units of the real run (what a small tenant's 1,250 RU a minute makes of it).
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { quarterMonths, type QuarterId } from '@okr/core';
import { fixedClock } from '../bot/src/services/clock.js';
import { DirectoryImportService } from '../bot/src/services/directoryImport.js';
import { VivaImportService } from '../bot/src/services/vivaImport.js';
import { buildDemoDirectory } from '../bot/src/store/seed/demoDirectory.js';
import { fakeSharePoint } from '../bot/src/store/sharepoint/fake/harness.js';
import { SqliteStore } from '../bot/src/store/sqlite/SqliteStore.js';
import type { Store } from '../bot/src/store/Store.js';

const NOW = '2026-11-23T15:00:00.000Z';
const clock = fixedClock(NOW);
const demo = buildDemoDirectory();
const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** The ETI's workbook: the 44 units, 1,500 people, their roles, the objectives. */
async function directoryWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet('Unidades');
  units.addRow(['Id', 'Nombre', 'Tipo', 'Nivel', 'Unidad superior', 'Activa']);
  for (const u of demo.units) units.addRow([u.id, u.name, u.kind === 'central' ? 'Central' : 'Alcaldía local', u.level, u.parentId ?? '', 'sí']);
  const people = wb.addWorksheet('Personas');
  people.addRow(['Correo', 'Nombre', 'Cargo', 'Teléfono', 'Id de Entra ID', 'Activa']);
  const roles = wb.addWorksheet('Asignaciones');
  roles.addRow(['Correo', 'Rol', 'Unidad', 'Desde', 'Hasta']);
  for (let i = 0; i < 1500; i++) {
    const unit = demo.units[i % demo.units.length]!;
    const email = `persona.${i + 1}@gobiernobogota.gov.co`;
    people.addRow([email, `Persona ${i + 1} Apellido Apellido`, 'Profesional', '', '', 'sí']);
    const role = i < 44 ? 'Líder' : i < 88 ? 'Enlace' : i < 92 ? 'ETI' : 'Integrante';
    roles.addRow([email, role, role === 'ETI' ? '' : unit.id, '2025-02-03', '']);
  }
  const objectives = wb.addWorksheet('Objetivos');
  objectives.addRow(['Vigencia', 'Código', 'Enunciado', 'Activo']);
  for (const o of demo.institutionalObjectives) objectives.addRow([2026, o.code, o.title, 'sí']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Viva Goals' full data export of 3 years: 44 units × 12 quarters × (1 + 3 objectives, 9 key results), a check-in a month per key result. */
async function vivaExport(): Promise<{ zip: Buffer; items: number; checkIns: number }> {
  const quarters: QuarterId[] = [2023, 2024, 2025].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}` as QuarterId));
  const objectives: unknown[] = [];
  const checkins: unknown[] = [];
  for (const unit of demo.units) {
    for (const quarter of quarters) {
      const period = { ID: `tp-${quarter}`, Name: `Q${quarter.slice(-1)} ${quarter.slice(0, 4)}` };
      const base = `${unit.id}-${quarter}`;
      objectives.push({ ID: `${base}-s`, Title: `Objetivo estratégico de ${unit.name}`, Type: 'Objective', Teams: [unit.name], 'Time Period': period, Alignment: [{ ID: 'oe1', Title: 'OE1 Gobernabilidad' }] });
      for (let t = 1; t <= 3; t++) {
        objectives.push({ ID: `${base}-t${t}`, Title: `Objetivo táctico ${t}`, Type: 'Objective', Teams: [unit.name], 'Time Period': period, 'Parent IDs': [`${base}-s`] });
        for (let k = 1; k <= 3; k++) {
          const id = `${base}-t${t}-k${k}`;
          objectives.push({ ID: id, Title: `Resultado clave ${t}.${k}`, Type: 'Key Result', Teams: [unit.name], 'Time Period': period, 'Parent IDs': [`${base}-t${t}`], Outcome: { Type: 'Metric', Unit: 'trámites', Start: 0, Target: 90 } });
          quarterMonths(quarter).forEach((month, m) => checkins.push({ 'OKR ID': id, 'Check-in Date': `${month}-25T15:00:00Z`, Owner: { Name: 'Enlace' }, Note: { Text: `Avance del mes ${m + 1}.` }, 'Current Value': 30 * (m + 1) }));
        }
      }
    }
  }
  const zip = new JSZip();
  zip.file('TimePeriods.json', JSON.stringify(quarters.map((q) => ({ ID: `tp-${q}`, Name: `Q${q.slice(-1)} ${q.slice(0, 4)}` }))));
  zip.file('Objectives.json', JSON.stringify(objectives));
  zip.file('checkins.json', JSON.stringify(checkins));
  return { zip: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), items: objectives.length, checkIns: checkins.length };
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const out = await run();
  return [out, performance.now() - start];
}

const book = await directoryWorkbook();
const viva = await vivaExport();
console.log(`import_directory_file_kb ${(book.length / 1024).toFixed(0)}`);
console.log(`import_viva_file_mb ${(viva.zip.length / 1024 / 1024).toFixed(1)}`);
console.log(`import_viva_objectives_and_key_results ${viva.items}`);
console.log(`import_viva_checkins ${viva.checkIns}`);


for (const kind of ['sqlite', 'sharepoint'] as const) {
  const sp = kind === 'sharepoint' ? fakeSharePoint({ now: () => new Date(NOW) }) : null;
  const store: Store = sp ? sp.store : new SqliteStore({ path: ':memory:', now: () => new Date(NOW) });
  const directory = new DirectoryImportService(store, clock);
  const [dry, dryMs] = await timed(() => directory.importWorkbook('cli', book, 'directorio.xlsx', { dryRun: true }));
  if (dry.counts.rechazada > 0) throw new Error(`directory refused: ${JSON.stringify(dry.rows.find((r) => r.outcome === 'rechazada'))}`);
  sp?.fake.resetStats();
  const [run, runMs] = await timed(() => directory.importWorkbook('cli', book, 'directorio.xlsx', { dryRun: false }));
  if (!run.applied) throw new Error('directory import not applied');
  console.log(`import_directory_1500_people_dry_run_s_${kind} ${seconds(dryMs)}`);
  console.log(`import_directory_1500_people_s_${kind} ${seconds(runMs)}`);
  if (sp) {
    console.log(`graph_requests_import_directory ${sp.fake.stats.requests}`);
    console.log(`graph_ru_import_directory ${sp.fake.stats.ru}`);
    console.log(`import_directory_minutes_at_1250_ru ${(sp.fake.stats.ru / 1250).toFixed(1)}`);
  }

  const vivaImport = new VivaImportService(store);
  const [vdry, vdryMs] = await timed(() => vivaImport.importFile('cli', viva.zip, 'viva.zip', { dryRun: true }));
  if (vdry.counts.rechazada > 0) throw new Error(`viva refused: ${JSON.stringify(vdry.rows.find((r) => r.outcome === 'rechazada'))}`);
  sp?.fake.resetStats();
  const [vrun, vrunMs] = await timed(() => vivaImport.importFile('cli', viva.zip, 'viva.zip', { dryRun: false }));
  if (!vrun.applied) throw new Error('viva import not applied');
  console.log(`import_viva_3y_dry_run_s_${kind} ${seconds(vdryMs)}`);
  console.log(`import_viva_3y_s_${kind} ${seconds(vrunMs)}`);
  if (sp) {
    console.log(`graph_requests_import_viva ${sp.fake.stats.requests}`);
    console.log(`graph_ru_import_viva ${sp.fake.stats.ru}`);
    console.log(`import_viva_minutes_at_1250_ru ${(sp.fake.stats.ru / 1250).toFixed(1)}`);
  }
  await store.close();
}
