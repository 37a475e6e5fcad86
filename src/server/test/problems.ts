import { expect } from 'vitest';
import type { Response } from './harness.js';

/** The answer is problem+json with this status and code (and, when given, an error on `path`). */
export function expectProblem(res: Pick<Response, 'status' | 'body' | 'headers'>, status: number, code: string, path?: string) {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  if (path) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
}
