import { describe, expect, it } from 'vitest';
import { withFields } from './fields.js';

describe('withFields', () => {
  it('is a new object with both sets of fields, the second winning, and changes neither', () => {
    const a = { id: 'a', name: 'Sita', seq: 1 };
    const b = { seq: 2, readAt: null };
    const both = withFields(a, b);
    expect(both).toEqual({ id: 'a', name: 'Sita', seq: 2, readAt: null });
    expect(both).not.toBe(a);
    expect(a).toEqual({ id: 'a', name: 'Sita', seq: 1 });
    expect(b).toEqual({ seq: 2, readAt: null });
  });
});
