import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

export interface Upload {
  bytes: Buffer;
  filename: string;
}

const TOO_LARGE = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

/**
 * Reads a multipart form with at most one file of `maxBytes` and a few text fields. A file over
 * the limit is a 413 (never stored truncated), a malformed or cut-off body a 400: never a 500.
 */
export async function readForm(req: FastifyRequest, maxBytes: number, maxFields = 4): Promise<{ file?: Upload; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'Send a multipart/form-data form');
  const fields: Record<string, string> = {};
  let file: Upload | undefined;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: maxFields } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw tooLarge(maxBytes);
        file = { bytes, filename: part.filename };
      } else fields[part.fieldname] = String(part.value);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code && TOO_LARGE.has(code)) throw tooLarge(maxBytes);
    throw new AppError(400, 'validation_failed', 'The form could not be read: it is incomplete or malformed');
  }
  return { file, fields };
}

const tooLarge = (maxBytes: number) =>
  new AppError(413, 'payload_too_large', `Files are limited to ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB`);
