import { PaymentOutcome } from '../../../../contracts/payments.js';

/** The outcome Khalti's return put in the URL (`?payment=paid`), if it is one we know. */
export function parseOutcome(value: string | null): PaymentOutcome | null {
  const parsed = PaymentOutcome.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Where the browser goes to pay: only an http(s) address (the server got it from Khalti, or
 * from the stand-in), never anything a `javascript:` link could hide in.
 */
export function checkoutUrl(paymentUrl: string, base: string): string | null {
  try {
    const url = new URL(paymentUrl, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}
