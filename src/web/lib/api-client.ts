import { z } from 'zod';
import type { ErrorCode } from '../../contracts/errors.js';

/**
 * RFC 9457 problem details as the browser reads them. Deliberately looser than the contract's
 * `Problem`: a code this build does not know yet must not hide the server's explanation.
 */
const LenientProblem = z.object({
  type: z.string().optional(),
  title: z.string(),
  status: z.number().int().optional(),
  code: z.string(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** With 429 (and a throttled sign-in): when to try again. */
  retryAfterSeconds: z.number().int().nonnegative().optional(),
  /** With a failed sign-in: attempts left before sign-in for that email is slowed down. */
  attemptsLeft: z.number().int().nonnegative().optional(),
});
export type Problem = z.infer<typeof LenientProblem>;

export function readProblemJson(data: unknown): Problem | null {
  const parsed = LenientProblem.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** An error answer from the API, carrying its RFC 9457 problem document when there is one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  /** Seconds to wait before trying again: the problem's `retryAfterSeconds`, else a Retry-After header. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, problem: Problem | null, fallback: string, retryAfterHeader?: string | null) {
    super(problem?.detail ?? problem?.title ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = problem?.retryAfterSeconds ?? parseRetryAfter(retryAfterHeader);
  }

  /** The stable error code (see contracts/errors.ts), if the server sent one. */
  get code(): ErrorCode | (string & {}) | undefined {
    return this.problem?.code;
  }
}

/** A Retry-After header: seconds, or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The response did not match the shared contract: a bug on one side, not the user's fault. */
export class ContractError extends Error {
  constructor(path: string, issues: string) {
    super(`The server answered ${path} in an unexpected shape (${issues}).`);
    this.name = 'ContractError';
  }
}

type Listener = (error: ApiError, path: string) => void;
const listeners = new Set<Listener>();

/** Hear about every failed API call (the app uses it for 401 and forced password changes). */
export function onApiError(listener: Listener) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** `/api/x` plus the non-empty params as a query string. */
export function withQuery(path: string, params: QueryParams = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readProblem(response: Response): Promise<Problem | null> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return readProblemJson(await response.json());
  } catch {
    return null;
  }
}

function fallbackMessage(status: number) {
  if (status === 0) return 'Could not reach the server. Check your connection and try again.';
  if (status === 413) return 'That file or request is too large.';
  if (status === 429) return 'Too many requests. Wait a moment and try again.';
  if (status >= 500) return 'The server had a problem. Try again in a moment.';
  return `The request failed (HTTP ${status}).`;
}

export function toApiError(status: number, problem: Problem | null, path: string, retryAfter?: string | null) {
  const error = new ApiError(status, problem, fallbackMessage(status), retryAfter);
  for (const listener of listeners) listener(error, path);
  return error;
}

export function parseWith<S extends z.ZodType>(schema: S, data: unknown, path: string): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new ContractError(path, issues);
  }
  return parsed.data;
}

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

async function request(method: string, path: string, options: RequestOptions = {}) {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw toApiError(0, null, path);
  }
  if (!response.ok) throw toApiError(response.status, await readProblem(response), path, response.headers.get('retry-after'));
  if (response.status === 204) return undefined;
  const type = response.headers.get('content-type') ?? '';
  return type.includes('json') ? ((await response.json()) as unknown) : undefined;
}

/** The one way the browser talks to the API: JSON, same-origin cookie, typed by the contracts. */
export const api = {
  get<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal) {
    return request('GET', path, { signal }).then((data) => parseWith(schema, data, path));
  },
  post<S extends z.ZodType>(path: string, body: unknown, schema: S) {
    return request('POST', path, { body }).then((data) => parseWith(schema, data, path));
  },
  patch<S extends z.ZodType>(path: string, body: unknown, schema: S) {
    return request('PATCH', path, { body }).then((data) => parseWith(schema, data, path));
  },
  put<S extends z.ZodType>(path: string, body: unknown, schema: S) {
    return request('PUT', path, { body }).then((data) => parseWith(schema, data, path));
  },
  delete<S extends z.ZodType>(path: string, schema: S) {
    return request('DELETE', path).then((data) => parseWith(schema, data, path));
  },
  /** For endpoints that answer 204 No Content. */
  send(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown) {
    return request(method, path, { body }).then(() => undefined);
  },
};

/** A user-facing sentence for any error a query or mutation can throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof ContractError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}
