import { expect } from '@playwright/test';
import type { Api } from './api.js';

/**
 * The patient (signed in as `api`) pays a scheduled appointment through the Khalti stand-in
 * built into the test server, as its checkout page's Pay button does: the order, the checkout
 * form, Khalti's return and the server's lookup are all real. The browser flow has its own
 * test (payments.spec.ts); other specs start from a paid visit with this.
 */
export async function payThroughStandIn(api: Api, appointmentId: string) {
  const order = await api.send<{ paymentUrl: string }>('post', `/api/appointments/${appointmentId}/payments`, {}, 201);
  const checkout = new URL(order.paymentUrl);
  const res = await api.ctx.post(checkout.pathname, { form: { pidx: checkout.searchParams.get('pidx')!, choice: 'pay', mobile: '9800000001' } });
  expect(new URL(res.url()).search, 'where Khalti’s return sent the payer').toBe('?payment=paid');
}
