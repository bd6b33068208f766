/**
 * The files people upload to import (the directory workbook, Viva Goals exports): what kind each
 * is by its bytes (never by its name alone), a size cap, and zip archives (.xlsx is one too)
 * opened with guards against zip bombs — a cap on entries, on the total size they unpack to and on
 * each entry's compression ratio, checked on the bytes as they are inflated (yauzl verifies every
 * entry's real size against what its header says). The original file is only read, never changed.
 */
import { importText as t } from '@okr/core';
import yauzl from 'yauzl';

/** The largest file an import accepts. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / 1024 / 1024;
/** What every entry of an archive may unpack to, together. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const MAX_ENTRIES = 5_000;
/** Text and XML compress well (10–20:1, rarely 100:1); a bomb is thousands to one. */
const MAX_RATIO = 200;

/** A file an import refuses, with the Spanish reason. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export type FileKind = 'xlsx' | 'zip' | 'csv';

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06);

/** Text a person could have saved as CSV: UTF-8 (or Latin-1) without NUL bytes. */
function looksLikeText(b: Buffer): boolean {
  const sample = b.subarray(0, 64 * 1024);
  if (sample.includes(0)) return false;
  const printable = sample.filter((c) => c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d).length;
  return printable / Math.max(1, sample.length) > 0.95;
}

/** Checks the size and tells the kind: an .xlsx (a zip holding a workbook), another .zip, or CSV text. */
export async function fileKind(bytes: Buffer, fileName: string): Promise<FileKind> {
  if (bytes.length === 0) throw new ImportFileError(t.fileEmpty);
  if (bytes.length > MAX_UPLOAD_BYTES) throw new ImportFileError(t.fileTooBig(bytes.length / 1024 / 1024, MAX_UPLOAD_MB));
  if (isZip(bytes)) {
    const names = await zipEntryNames(bytes, fileName);
    return names.includes('xl/workbook.xml') ? 'xlsx' : 'zip';
  }
  if (looksLikeText(bytes)) return 'csv';
  throw new ImportFileError(t.notAFile(fileName));
}

function open(bytes: Buffer, fileName: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => (error || !zip ? reject(new ImportFileError(t.unreadable(fileName))) : resolve(zip))),
  );
}

/** Walks the archive's entries, calling `visit` for each (with a function that inflates it under the caps). */
async function walk(bytes: Buffer, fileName: string, visit: (entry: yauzl.Entry, read: () => Promise<Buffer>) => Promise<void>): Promise<void> {
  const zip = await open(bytes, fileName);
  if (zip.entryCount > MAX_ENTRIES) {
    zip.close();
    throw new ImportFileError(t.zipTooMany(zip.entryCount, MAX_ENTRIES));
  }
  let unpacked = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.close();
      reject(error instanceof ImportFileError ? error : new ImportFileError(t.unreadable(fileName)));
    };
    zip.on('error', fail);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      const dir = entry.fileName.endsWith('/');
      if (entry.isEncrypted()) return fail(new ImportFileError(t.zipEncrypted));
      if (!dir && (entry.uncompressedSize > MAX_UNPACKED_BYTES || (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize / Math.max(1, entry.compressedSize) > MAX_RATIO))) {
        return fail(new ImportFileError(t.zipBomb(fileName)));
      }
      unpacked += entry.uncompressedSize;
      if (unpacked > MAX_UNPACKED_BYTES) return fail(new ImportFileError(t.zipBomb(fileName)));
      const read = () =>
        new Promise<Buffer>((res, rej) => {
          zip.openReadStream(entry, (error, stream) => {
            if (error || !stream) return rej(new ImportFileError(t.unreadable(fileName)));
            const chunks: Buffer[] = [];
            let size = 0;
            stream.on('data', (chunk: Buffer) => {
              size += chunk.length;
              // Never more than the header said (yauzl checks that too) nor than the caps allow.
              if (size > entry.uncompressedSize || size > MAX_UNPACKED_BYTES) {
                stream.destroy();
                rej(new ImportFileError(t.zipBomb(fileName)));
              } else chunks.push(chunk);
            });
            stream.on('error', () => rej(new ImportFileError(t.zipBomb(fileName))));
            stream.on('end', () => res(Buffer.concat(chunks)));
          });
        });
      visit(entry, read).then(() => zip.readEntry(), fail);
    });
    zip.readEntry();
  });
}

async function zipEntryNames(bytes: Buffer, fileName: string): Promise<string[]> {
  const names: string[] = [];
  await walk(bytes, fileName, async (entry) => void names.push(entry.fileName));
  return names;
}

/** Inflates every entry once under the caps (so a library that unzips without guards meets only a checked archive). */
export async function checkArchive(bytes: Buffer, fileName: string): Promise<void> {
  await walk(bytes, fileName, async (entry, read) => {
    if (!entry.fileName.endsWith('/')) await read();
  });
}

/** The entries of an archive whose names pass `wanted`, inflated under the caps. */
export async function readArchive(bytes: Buffer, fileName: string, wanted: (name: string) => boolean): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  await walk(bytes, fileName, async (entry, read) => {
    if (!entry.fileName.endsWith('/') && wanted(entry.fileName)) out.set(entry.fileName, await read());
  });
  return out;
}

/** CSV text as people save it: UTF-8 (with or without BOM) or Latin-1, separated by commas or semicolons, quotes as RFC 4180. */
export function parseCsv(bytes: Buffer): string[][] {
  let text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) text = bytes.toString('latin1');
  text = text.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}
