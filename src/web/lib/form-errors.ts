import type { z } from 'zod';
import { ApiError, errorMessage } from './api-client.js';

/** Field name -> the message shown under that field. */
export type FieldErrors = Record<string, string>;

/** What a failed submit says above the form. */
export interface FormFailure {
  title: string;
  message: string;
  /** Server messages whose path matched no field on this form. */
  unmatched: string[];
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** API paths may come as "email", "body.email" or "/email"; fields are named "email". */
function normalisePath(path: string) {
  return path.replace(/^\/+/, '').replace(/^body[./]/, '').replace(/\//g, '.');
}

export function problemFieldErrors(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (error instanceof ApiError) {
    for (const item of error.problem?.errors ?? []) {
      errors[normalisePath(item.path) || '_form'] ??= item.message;
    }
  }
  return errors;
}

/** Error codes that belong to one field even when the API lists no `errors[]`. */
const CODE_FIELDS: Partial<Record<string, string>> = {
  email_taken: 'email',
  license_taken: 'licenseNumber',
  wrong_password: 'currentPassword',
  password_reused: 'newPassword',
  hospital_inactive: 'hospitalId',
};

/**
 * What a refused request means for a form whose fields are named `present`: messages whose path
 * (or whose code, when the server listed no paths) names a field go under it; the rest are listed
 * in the failure above the form, which also carries the problem's title and explanation.
 */
export function serverFailure(error: unknown, present: ReadonlySet<string>): { matched: FieldErrors; failure: FormFailure } {
  const fieldErrors = problemFieldErrors(error);
  const matched: FieldErrors = {};
  const unmatched: string[] = [];
  const codeField = error instanceof ApiError && error.code ? CODE_FIELDS[error.code] : undefined;
  if (codeField && present.has(codeField) && Object.keys(fieldErrors).length === 0) {
    matched[codeField] = errorMessage(error);
  }
  for (const [path, message] of Object.entries(fieldErrors)) {
    const field = present.has(path) ? path : path.split('.')[0];
    if (field && present.has(field)) matched[field] ??= message;
    else unmatched.push(path === '_form' ? message : `${path}: ${message}`);
  }
  const title = error instanceof ApiError && error.problem ? error.problem.title : 'That did not work';
  return { matched, failure: { title, message: errorMessage(error), unmatched } };
}

/** RHF's nested errors as "path" -> message; `root` (form-level) is shown above the form instead. */
export function flattenErrors(errors: object, prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, value] of Object.entries(errors) as [string, unknown][]) {
    if (!prefix && key === 'root') continue;
    if (!value || typeof value !== 'object') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string') out[path] = message;
    else Object.assign(out, flattenErrors(value, path));
  }
  return out;
}
