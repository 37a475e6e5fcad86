import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bodyResolver, integer } from './form.js';

const Body = z
  .object({ name: z.string().min(1, 'Required'), years: z.number().int() })
  .refine((b) => b.name !== 'nobody', 'Nothing to save');

const resolve = (values: { name: string; years: string }) =>
  bodyResolver<typeof values, typeof Body>(() => ({
    schema: Body,
    toBody: (v, addError) => ({ name: v.name.trim(), years: integer(v.years, 'years', addError, true) }),
  }))(values, undefined, { fields: {}, shouldUseNativeValidation: false });

describe('the form resolver (the contract schema on the request body)', () => {
  it('hands the parsed body on when it passes', async () => {
    expect(await resolve({ name: ' Asha ', years: '12' })).toEqual({ values: { name: 'Asha', years: 12 }, errors: {} });
  });

  it('reports the schema’s messages by field, and toBody’s own over the schema’s', async () => {
    const { values, errors } = await resolve({ name: '', years: 'twelve' });
    expect(values).toEqual({});
    expect(errors).toMatchObject({ name: { message: 'Required' }, years: { message: 'Enter a whole number' } });
  });

  it('reports an issue about the body as a whole as the form’s root error', async () => {
    expect((await resolve({ name: 'nobody', years: '1' })).errors).toMatchObject({ root: { message: 'Nothing to save' } });
  });
});
