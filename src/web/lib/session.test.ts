import { describe, expect, it } from 'vitest';
import { safeNext } from './session.js';

describe('returning after sign-in', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeNext('/doctors')).toBe('/doctors');
    expect(safeNext('/patients?q=sita')).toBe('/patients?q=sita');
  });

  it('never leaves the site or loops back to sign-in', () => {
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example/')).toBe('/');
    expect(safeNext('/login?next=/x')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
