import { expect } from 'vitest';
import type { Tenant } from './factories.js';
import type { Client } from './harness.js';
import { expectProblem } from './problems.js';

/** Each body POSTed answers 400 naming its field, and `state` (row counts) is unchanged after all. */
export async function expectFieldsRefused(client: Client, url: string, cases: [Record<string, unknown>, string][], state: () => Promise<unknown>) {
  const before = await state();
  for (const [body, path] of cases) expectProblem(await client.post(url, body), 400, 'validation_failed', path);
  expect(await state()).toEqual(before);
}

/**
 * Only hospital A's admins create under `path(A)`: A's doctor and patient get 403, B's admin
 * 404 (A's records do not exist for B), and nothing changes.
 */
export async function expectOnlyAdminsCreate(A: Tenant, B: Tenant, path: (hospitalId: string) => string, body: () => Record<string, unknown>, state: () => Promise<unknown>) {
  const before = await state();
  for (const client of [A.as.doctor, A.as.patient]) expectProblem(await client.post(path(A.hospital.id), body()), 403, 'forbidden');
  expectProblem(await B.as.admin.post(path(A.hospital.id), body()), 404, 'not_found');
  expect(await state()).toEqual(before);
}
