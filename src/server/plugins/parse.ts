import type { z } from 'zod';
import { AppError } from '../errors.js';

/** Validates what a route could not declare as its schema (a multipart form, a socket message). */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message }));
  throw new AppError('validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}
