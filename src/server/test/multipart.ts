import { randomBytes } from 'node:crypto';

export interface FormPart {
  name: string;
  filename?: string;
  type?: string;
  data: Uint8Array | string;
}

/** multipart/form-data by hand, as a browser's FormData sends it. */
export function multipartForm(parts: FormPart[]) {
  const boundary = `----tm${randomBytes(8).toString('hex')}`;
  const pieces: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
    pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`));
    pieces.push(typeof p.data === 'string' ? Buffer.from(p.data) : Buffer.from(p.data));
    pieces.push(Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(pieces), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, boundary };
}

/** A form with one file, as a browser's FormData would send it. */
export const multipartFile = (bytes: Uint8Array, filename: string, type: string, field = 'file') =>
  multipartForm([{ name: field, filename, type, data: bytes }]);

/** The smallest valid PNG: one transparent pixel. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
