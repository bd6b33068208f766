// `npm run import -- directorio ARCHIVO.xlsx [--dry-run] [--yes] [--env env/.env.dev]`
// `npm run import -- viva ARCHIVO(.xlsx|.csv|.zip) [--dry-run] [--yes] [--env env/.env.dev]`
// Reads the file (never changes it), prints what the import would do row by row, and — after a
// question, or at once with --yes — applies it, all or nothing. --dry-run only reports. Reads the
// same settings as the server (env/.env.local by default: the embedded store in .data/). The enlaces
// the run adds get the bot's welcome card in Teams, as those the ETI adds in the tab.
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { importText as t, type ImportReport } from '@okr/core';
import type { Store } from '../store/Store.js';
import type { Clock } from '../services/clock.js';
import type { DirectoryNotices } from '../services/directory.js';
import { DirectoryImportService } from '../services/directoryImport.js';
import { VivaImportService } from '../services/vivaImport.js';

export interface CliIo {
  print(line: string): void;
  /** A yes/no question; null when nobody can answer (no terminal). */
  ask(question: string): Promise<boolean | null>;
}

const USAGE = [
  'Uso:',
  '  npm run import -- directorio ARCHIVO.xlsx [--dry-run] [--yes] [--env env/.env.dev]',
  '  npm run import -- viva ARCHIVO.xlsx|.csv|.zip [--dry-run] [--yes] [--env env/.env.dev]',
  '  --dry-run  solo muestra lo que haría; no cambia nada',
  '  --yes      aplica sin preguntar (para scripts); sin él, pregunta después de la simulación',
];

/** The report as lines for a terminal: the summary, then one line per row that is not «sin cambios». */
export function reportLines(report: ImportReport): string[] {
  const lines = [`${report.kind === 'directorio' ? 'Directorio' : 'Viva Goals'}: ${report.fileName}${report.dryRun ? ' (simulación)' : ''}`, ...report.summary.map((s) => `  ${s}`)];
  const shown = report.rows.filter((r) => r.outcome !== 'sin cambios');
  if (shown.length > 0) lines.push('', '  Hoja / fila            Resultado    Qué — motivo');
  for (const r of shown) {
    const where = `${r.sheet}${r.row > 0 ? ` ${r.row}` : ''}`;
    lines.push(`  ${where.padEnd(22)} ${t.outcomeLabels[r.outcome].padEnd(12)} ${r.what}${r.reason ? ` — ${r.reason}` : ''}`);
  }
  const unchanged = report.rows.length - shown.length;
  if (unchanged > 0) lines.push(`  (${unchanged} ${unchanged === 1 ? 'fila sin cambios' : 'filas sin cambios'})`);
  return lines;
}

/** Runs one import as the command line asks; returns the exit code (0 done or nothing to do, 1 refused, 2 usage). `notices`: the welcome of the enlaces it adds. */
export async function runImportCli(argv: readonly string[], store: Store, clock: Clock, io: CliIo, notices?: DirectoryNotices): Promise<number> {
  const [kind, file] = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--env');
  if ((kind !== 'directorio' && kind !== 'viva') || !file) {
    USAGE.forEach((l) => io.print(l));
    return 2;
  }
  if (!existsSync(file)) {
    io.print(`No existe el archivo ${file}.`);
    return 2;
  }
  const bytes = readFileSync(file);
  const name = basename(file);
  const dryRunOnly = argv.includes('--dry-run');
  const yes = argv.includes('--yes');
  const run = (dryRun: boolean) =>
    kind === 'directorio'
      ? new DirectoryImportService(store, clock, notices).importWorkbook('cli', bytes, name, { dryRun })
      : new VivaImportService(store).importFile('cli', bytes, name, { dryRun, confirmTeams: yes ? 'suggested' : 'none' });
  const dry = await run(true);
  reportLines(dry).forEach((l) => io.print(l));
  if (dry.counts.rechazada > 0 || (dry.unmappedTeams?.length ?? 0) > 0) return 1;
  const changes = dry.counts.crear + dry.counts.cambiar + dry.counts.terminar;
  if (dryRunOnly || changes === 0) return 0;
  if (!yes) {
    const answer = await io.ask(`¿Aplicar ${changes === 1 ? 'el cambio' : `los ${changes} cambios`}? (s/N) `);
    if (answer === null) {
      io.print('Sin terminal para preguntar: vuelve a ejecutar con --yes para aplicar.');
      return 0;
    }
    if (!answer) {
      io.print('No se aplicó nada.');
      return 0;
    }
  }
  const applied = await run(false);
  reportLines(applied).forEach((l) => io.print(l));
  return applied.applied || applied.counts.rechazada === 0 ? 0 : 1;
}

async function main(): Promise<void> {
  const { ConfigError, loadConfig } = await import('../config.js');
  const { openStore } = await import('../store/openStore.js');
  const { systemClock } = await import('../services/clock.js');
  const root = resolve(fileURLToPath(import.meta.url), '../../../..');
  const args = process.argv.slice(2);
  const envAt = args.indexOf('--env');
  const envFile = envAt >= 0 ? args[envAt + 1] : resolve(root, 'env/.env.local');
  if (envFile && existsSync(resolve(envFile))) process.loadEnvFile(resolve(envFile));
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const store = openStore(config, systemClock, root);
  // The enlaces an import adds are welcomed in Teams as from the server (the same bot, its stored conversations).
  const [{ default: pino }, { createAdapter }, { RateLimitedNotifier }, { BotFrameworkSender }, { TeamsProactiveCards }, { directoryNotices }, { tabLinks }] = await Promise.all([
    import('pino'),
    import('../teams/adapter.js'),
    import('../jobs/notifier.js'),
    import('../teams/proactiveSender.js'),
    import('../teams/teamsProactiveCards.js'),
    import('../teams/directoryNotices.js'),
    import('../teams/tabLinks.js'),
  ]);
  const log = pino({ level: 'error', base: undefined });
  const proactive = new TeamsProactiveCards(new RateLimitedNotifier(new BotFrameworkSender(createAdapter(config, log), config.MicrosoftAppId)), store, log);
  const notices = directoryNotices({ store, clock: systemClock, tabUrl: tabLinks(config) }, proactive);
  const rl = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : null;
  const io: CliIo = {
    print: (line) => console.log(line),
    ask: async (question) => (rl ? /^(s|si|sí|y|yes)$/i.test((await rl.question(question)).trim()) : null),
  };
  try {
    process.exitCode = await runImportCli(args, store, systemClock, io, notices);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  } finally {
    rl?.close();
    await store.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
