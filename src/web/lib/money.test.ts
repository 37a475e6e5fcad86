import { describe, expect, it } from 'vitest';
import { formatPaisa, paisaToRupeesInput, parseRupees } from './money.js';

describe('money in the browser', () => {
  it('formats paisa as rupees with grouping and two decimals', () => {
    expect(formatPaisa(150_000)).toBe('Rs 1,500.00');
    expect(formatPaisa(150_050)).toBe('Rs 1,500.50');
    expect(formatPaisa(5)).toBe('Rs 0.05');
    expect(formatPaisa(0)).toBe('Rs 0.00');
    expect(formatPaisa(100_000_000)).toBe('Rs 1,000,000.00');
  });

  it('parses what people type exactly, without float drift', () => {
    expect(parseRupees('1500')).toEqual({ ok: true, paisa: 150_000 });
    expect(parseRupees('1500.5')).toEqual({ ok: true, paisa: 150_050 });
    expect(parseRupees('1,500.50')).toEqual({ ok: true, paisa: 150_050 });
    expect(parseRupees('Rs 0.29')).toEqual({ ok: true, paisa: 29 });
    expect(parseRupees(' 0.07 ')).toEqual({ ok: true, paisa: 7 });
    // 1.15 * 100 is 114.99999999999999 in floating point; text parsing gives 115.
    expect(parseRupees('1.15')).toEqual({ ok: true, paisa: 115 });
  });

  it('refuses what is not an amount, saying why', () => {
    expect(parseRupees('')).toMatchObject({ ok: false, message: 'Enter an amount in rupees' });
    expect(parseRupees('12.345')).toMatchObject({ ok: false, message: 'Use at most 2 decimal places (paisa)' });
    expect(parseRupees('-5')).toMatchObject({ ok: false });
    expect(parseRupees('1e3')).toMatchObject({ ok: false });
    expect(parseRupees('abc')).toMatchObject({ ok: false });
  });

  it('round-trips through the edit field', () => {
    for (const paisa of [0, 1, 99, 100, 150_050, 99_999_999]) {
      const parsed = parseRupees(paisaToRupeesInput(paisa));
      expect(parsed).toEqual({ ok: true, paisa });
    }
  });
});
