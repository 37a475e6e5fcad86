import { describe, expect, it } from 'vitest';
import { ApiError, readProblemJson } from './api-client.js';
import { flattenErrors, serverFailure } from './form-errors.js';

const refusal = (status: number, problem: Record<string, unknown>) =>
  new ApiError(status, readProblemJson({ type: 'about:blank', status, ...problem }), 'refused');

describe('a refused request on a form', () => {
  const fields = new Set(['email', 'firstName', 'windows']);

  it('puts each listed path under its field, the rest above the form', () => {
    const error = refusal(400, {
      title: 'Check the form',
      code: 'validation_failed',
      detail: 'Some fields are not right.',
      errors: [
        { path: '/email', message: 'Enter an email address' },
        { path: 'body.firstName', message: 'Required' },
        { path: 'windows.0.end', message: 'The window must end after it starts' },
        { path: 'licenseNumber', message: 'Taken' },
        { path: '', message: 'Nothing to change' },
      ],
    });
    expect(serverFailure(error, fields)).toEqual({
      matched: { email: 'Enter an email address', firstName: 'Required', windows: 'The window must end after it starts' },
      failure: { title: 'Check the form', message: 'Some fields are not right.', unmatched: ['licenseNumber: Taken', 'Nothing to change'] },
    });
  });

  it('puts a code that belongs to a field under it when no path is listed, if the form has that field', () => {
    const taken = refusal(409, { title: 'Email already used', code: 'email_taken', detail: 'An account with this email exists.' });
    expect(serverFailure(taken, fields).matched).toEqual({ email: 'An account with this email exists.' });
    expect(serverFailure(taken, new Set(['firstName'])).matched).toEqual({});
  });

  it('says something plain about what is not a problem document', () => {
    expect(serverFailure(new Error('Failed to fetch'), fields)).toEqual({
      matched: {},
      failure: { title: 'That did not work', message: 'Failed to fetch', unmatched: [] },
    });
  });
});

describe('react-hook-form errors as field messages', () => {
  it('flattens nested paths and leaves the form-level error out', () => {
    const errors = {
      email: { type: 'custom', message: 'Required' },
      windows: { 0: { end: { type: 'custom', message: 'Too early', ref: undefined } } },
      root: { type: 'custom', message: 'Nothing to change' },
    };
    expect(flattenErrors(errors)).toEqual({ email: 'Required', 'windows.0.end': 'Too early' });
  });
});
