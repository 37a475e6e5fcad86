import type { z } from 'zod';
import { parseWith, readProblemJson, toApiError, type Problem } from './api-client.js';

export interface UploadOptions<S extends z.ZodType> {
  method: 'PUT' | 'POST';
  path: string;
  file: File;
  field?: string;
  /** Other form fields sent before the file (a caption, an idempotency key …). */
  fields?: Record<string, string>;
  schema: S;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

function problemOf(xhr: XMLHttpRequest): Problem | null {
  try {
    return readProblemJson(JSON.parse(xhr.responseText));
  } catch {
    return null;
  }
}

/** A multipart upload with progress (fetch cannot report upload progress yet). */
export function uploadFile<S extends z.ZodType>(options: UploadOptions<S>): Promise<z.output<S>> {
  const { method, path, file, field = 'file', fields = {}, schema, onProgress, signal } = options;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(parseWith(schema, JSON.parse(xhr.responseText), path));
        } catch (error) {
          reject(error);
        }
      } else {
        reject(toApiError(xhr.status, problemOf(xhr), path, xhr.getResponseHeader('retry-after')));
      }
    };
    xhr.onerror = () => reject(toApiError(0, null, path));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append(field, file);
    xhr.send(form);
  });
}
