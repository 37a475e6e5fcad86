import { describe, expect, it } from 'vitest';
import { flash, flashFor } from './flash.js';

describe('a message for the next page', () => {
  it('shows on the next page only, however often that page asks', () => {
    expect(flashFor('/profile')).toBeNull();
    flash('You have signed out.');
    expect(flashFor('/login')).toBe('You have signed out.');
    expect(flashFor('/login')).toBe('You have signed out.');
    expect(flashFor('/signup')).toBeNull();
    expect(flashFor('/login')).toBeNull();
  });
});
