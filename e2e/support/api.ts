import { expect, request, type APIRequestContext } from '@playwright/test';
import type { Person } from './accounts.js';

/**
 * Test set-up through the API (what the UI tests already proved works through the UI), so a
 * spec can start from a known state in a second instead of clicking through every form.
 */
export class Api {
  private constructor(readonly ctx: APIRequestContext) {}

  static async signIn(baseURL: string, email: string, password: string) {
    const ctx = await request.newContext({ baseURL });
    const res = await ctx.post('/api/auth/login', { data: { email, password } });
    expect(res.status(), `sign in ${email}: ${await res.text()}`).toBe(200);
    return new Api(ctx);
  }

  /** Sign in with the temporary password and replace it, as the forced change requires. */
  static async signInFirstTime(baseURL: string, p: Person) {
    const api = await Api.signIn(baseURL, p.email, p.password);
    await api.send('post', '/api/auth/password', { currentPassword: p.password, newPassword: p.newPassword }, 204);
    return api;
  }

  static async signUpPatient(baseURL: string, p: Person, hospitalId: string) {
    const ctx = await request.newContext({ baseURL });
    const res = await ctx.post('/api/auth/signup', {
      data: { email: p.email, password: p.password, firstName: p.firstName, lastName: p.lastName, hospitalId },
    });
    expect(res.status(), `sign up ${p.email}: ${await res.text()}`).toBe(201);
    return new Api(ctx);
  }

  async send<T = unknown>(method: 'post' | 'patch' | 'get', path: string, data?: unknown, status = 200): Promise<T> {
    const res = await this.ctx[method](path, data === undefined ? {} : { data });
    expect(res.status(), `${method.toUpperCase()} ${path}: ${await res.text()}`).toBe(status);
    return (status === 204 ? undefined : await res.json()) as T;
  }

  dispose() {
    return this.ctx.dispose();
  }
}

export function hospitalBody(name: string) {
  return {
    name,
    address: 'Maharajgunj, Kathmandu',
    phone: '+977 1 4412303',
    email: `contact.${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@e2e.test`,
    timezone: 'Asia/Kathmandu',
    appointmentFee: 150_000,
  };
}
