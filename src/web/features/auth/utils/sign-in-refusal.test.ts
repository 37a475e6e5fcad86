import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client.js';
import { signInRefusal } from './sign-in-refusal.js';

const problem = (status: number, code: string, extra: Record<string, number> = {}) =>
  new ApiError(status, { title: 'x', code, status, ...extra }, 'x');

describe('a refused sign-in, as the page explains it', () => {
  it('warns only when few attempts are left', () => {
    expect(signInRefusal(problem(401, 'invalid_credentials', { attemptsLeft: 4 }))).toEqual({ kind: 'wrong', warning: null });
    expect(signInRefusal(problem(401, 'invalid_credentials'))).toEqual({ kind: 'wrong', warning: null });
    expect(signInRefusal(problem(401, 'invalid_credentials', { attemptsLeft: 2 }))).toEqual({
      kind: 'wrong',
      warning: '2 attempts left before sign-in for this email is slowed down.',
    });
    expect(signInRefusal(problem(401, 'invalid_credentials', { attemptsLeft: 1 }))?.kind).toBe('wrong');
    expect(signInRefusal(problem(401, 'invalid_credentials', { attemptsLeft: 0 }))).toEqual({
      kind: 'wrong',
      warning: 'Another wrong attempt will make sign-in for this email wait a while.',
    });
  });

  it('turns a throttled answer into a wait, from the problem or the Retry-After header', () => {
    expect(signInRefusal(problem(429, 'login_throttled', { retryAfterSeconds: 40 }))).toEqual({ kind: 'wait', seconds: 40, wrong: false });
    expect(signInRefusal(new ApiError(429, { title: 'x', code: 'login_throttled' }, 'x', '12'))).toEqual({ kind: 'wait', seconds: 12, wrong: false });
    expect(signInRefusal(problem(401, 'invalid_credentials', { attemptsLeft: 0, retryAfterSeconds: 30 }))).toEqual({ kind: 'wait', seconds: 30, wrong: true });
    expect(signInRefusal(problem(429, 'rate_limited', { retryAfterSeconds: 5 }))).toEqual({ kind: 'wait', seconds: 5, wrong: false });
  });

  it('leaves every other failure to the form', () => {
    expect(signInRefusal(problem(403, 'account_inactive'))).toBeNull();
    expect(signInRefusal(new Error('offline'))).toBeNull();
  });
});
