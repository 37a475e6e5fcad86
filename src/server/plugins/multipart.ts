import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { spool, type SpooledFile } from '../files/spool.js';

const TOO_LARGE = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

export interface FileRule {
  maxBytes: number;
  /** The types its bytes may show (sniff.ts); any other is a 415 with `refusal` as its detail. */
  types: readonly string[];
  refusal: string;
}

/**
 * Reads a multipart form with at most one file and a few text fields. The file streams to the
 * store's spool (never held in memory whole): over `maxBytes` it is a 413 (never kept
 * truncated), of another type a 415, a malformed or cut-off body a 400: never a 500. The caller
 * hands the file to the store, or discards it.
 */
export async function readForm(req: FastifyRequest, rule: FileRule, maxFields = 4): Promise<{ file?: SpooledFile; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'Send a multipart/form-data form');
  const fields: Record<string, string> = {};
  let file: SpooledFile | undefined;
  try {
    for await (const part of req.parts({ limits: { fileSize: rule.maxBytes, files: 1, fields: maxFields } })) {
      if (part.type === 'file') {
        const spooled = await spool(part.file, part.filename, req.server.files.spoolDir, rule.types);
        if (part.file.truncated) {
          await spooled?.discard();
          throw tooLarge(rule.maxBytes);
        }
        if (!spooled) throw new AppError('unsupported_media_type', rule.refusal);
        file = spooled;
      } else fields[part.fieldname] = String(part.value);
    }
  } catch (e) {
    await file?.discard();
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code && TOO_LARGE.has(code)) throw tooLarge(rule.maxBytes);
    throw new AppError('validation_failed', 'The form could not be read: it is incomplete or malformed');
  }
  return { file, fields };
}

const tooLarge = (maxBytes: number) =>
  new AppError('payload_too_large', `Files are limited to ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB`);
