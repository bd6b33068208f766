import type { Request } from 'restify';
import { importText } from '@okr/core';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from '../imports/files.js';
import { HttpError } from './errors.js';

export const UPLOAD_TYPE = 'application/octet-stream';

/** A request whose body is a file (the tab sends imports as raw bytes). */
export const isUpload = (req: Request): boolean => (req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase() === UPLOAD_TYPE;

/** The uploaded file's bytes, refused in Spanish past the import limit (without reading the rest). */
export async function readUpload(req: Request, max = MAX_UPLOAD_BYTES): Promise<Buffer> {
  if (!isUpload(req)) throw new HttpError('invalid', importText.fileEmpty);
  const declared = Number(req.header('content-length') ?? 0);
  if (declared > max) throw new HttpError('invalid', importText.fileTooBig(declared / 1024 / 1024, MAX_UPLOAD_MB));
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      req.destroy();
      throw new HttpError('invalid', importText.fileTooBig(size / 1024 / 1024, MAX_UPLOAD_MB));
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The file's name as the tab sends it (`?name=`), without any folder. */
export const uploadName = (req: Request, fallback: string): string => {
  const name = typeof req.query?.name === 'string' ? req.query.name : '';
  return (name.split(/[\\/]/).pop() ?? '').slice(0, 200) || fallback;
};
