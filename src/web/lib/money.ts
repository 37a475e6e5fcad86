/** Money is integer paisa in the API (1 rupee = 100 paisa); people read and type rupees. */

const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 150050 -> "Rs 1,500.50". Integer arithmetic only, so no float drift. */
export function formatPaisa(paisa: number): string {
  const sign = paisa < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(paisa));
  const rupees = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${sign}Rs ${grouping.format(rupees)}.${rest}`;
}

/** 150050 -> "1500.50", the value an amount input starts with. */
export function paisaToRupeesInput(paisa: number): string {
  const abs = Math.abs(Math.trunc(paisa));
  return `${paisa < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export type RupeesParse = { ok: true; paisa: number } | { ok: false; message: string };

/**
 * "1,500.5" -> 150050 paisa. Parses the digits as text (never through a float), so
 * "0.29" is exactly 29 paisa. Up to two decimals; commas and a leading "Rs" are allowed.
 */
export function parseRupees(input: string): RupeesParse {
  const text = input.trim().replace(/^rs\.?\s*/i, '').replace(/,/g, '');
  if (text === '') return { ok: false, message: 'Enter an amount in rupees' };
  const match = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) {
    return /^\d*\.\d{3,}$/.test(text)
      ? { ok: false, message: 'Use at most 2 decimal places (paisa)' }
      : { ok: false, message: 'Enter an amount such as 1500 or 1500.50' };
  }
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return { ok: true, paisa: whole * 100 + fraction };
}
