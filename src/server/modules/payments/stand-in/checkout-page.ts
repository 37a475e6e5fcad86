import type { KhaltiStandIn, StandInRequest, StandInResponse } from './khalti-stand-in.js';

/**
 * The stand-in's checkout page, where `payment_url` points: what is being paid, and Pay or
 * Cancel, or (a stand-in facility) pay but leave the payment `Pending`, as Khalti reports a
 * wallet payment that has not settled yet; the same link then offers to settle it. No script and
 * no inline style, so it passes our own CSP when served by our server.
 */
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const rupees = (paisa: number) => `Rs ${Math.floor(paisa / 100).toLocaleString('en-US')}.${String(paisa % 100).padStart(2, '0')}`;

function page(status: number, title: string, main: string): StandInResponse {
  const body = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} · Khalti stand-in</title></head>
<body>
<main>
<p><strong>Test payment.</strong> This is the Khalti stand-in: no money moves.</p>
${main}
</main>
</body>
</html>
`;
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body };
}

export function checkoutPage(k: KhaltiStandIn, req: StandInRequest): StandInResponse {
  const o = k.orders.get(req.query.get('pidx') ?? '');
  if (!o) return page(404, 'No such payment', '<h1>No such payment</h1><p>This payment link is not valid.</p>');
  k.settleExpiry(o);
  if (o.status === 'Expired') return page(410, 'Link expired', `<h1>This payment link has expired</h1><p><a href="${escape(o.websiteUrl)}">Back to the merchant</a></p>`);
  if (o.status !== 'Initiated' && o.status !== 'Pending')
    return page(409, 'Already settled', `<h1>This payment is ${escape(o.status.toLowerCase())}</h1><p><a href="${escape(k.returnUrlOf(o))}">Back to the merchant</a></p>`);
  const amount = rupees(o.amount);
  if (o.status === 'Pending')
    return page(
      200,
      'Payment pending',
      `<h1>This payment of ${escape(amount)} is pending</h1>
<p>Stand-in facility: the wallet has not settled it yet, so a lookup says <code>Pending</code>. Settling it here does not send you back: the merchant finds out when it looks the payment up.</p>
<form method="post" action="${escape(req.base)}/pay/">
<input type="hidden" name="pidx" value="${escape(o.pidx)}">
<p><button type="submit" name="choice" value="settle">Settle the pending payment</button></p>
</form>`,
    );
  return page(
    200,
    `Pay ${amount}`,
    `<h1>Pay ${escape(amount)}</h1>
<dl>
<dt>For</dt><dd>${escape(o.purchaseOrderName)}</dd>
<dt>Amount</dt><dd>${escape(amount)}</dd>
</dl>
<form method="post" action="${escape(req.base)}/pay/">
<input type="hidden" name="pidx" value="${escape(o.pidx)}">
<p><label for="mobile">Khalti ID (test IDs 9800000000 to 9800000005)</label><br><input id="mobile" name="mobile" value="9800000001" inputmode="numeric" autocomplete="off"></p>
<p><button type="submit" name="choice" value="pay">Pay ${escape(amount)}</button> <button type="submit" name="choice" value="cancel">Cancel</button></p>
<p>Stand-in facility: <button type="submit" name="choice" value="pending">Pay, but leave it pending</button> (the wallet settles later; settle it from this link).</p>
</form>`,
  );
}

/**
 * The form's answer. Pay, Cancel or leave pending: the payer's browser goes back to the
 * merchant's return URL. Settle (a pending payment): it completes, and nobody is sent anywhere.
 */
export function checkoutChoice(k: KhaltiStandIn, req: StandInRequest): StandInResponse {
  const form = new URLSearchParams(req.body);
  const o = k.orders.get(form.get('pidx') ?? '');
  if (!o) return page(404, 'No such payment', '<h1>No such payment</h1>');
  k.settleExpiry(o);
  if (o.status !== 'Initiated' && o.status !== 'Pending') return checkoutPage(k, { ...req, query: new URLSearchParams({ pidx: o.pidx }) });
  const choice = form.get('choice');
  if (o.status === 'Pending') {
    if (choice !== 'settle') return page(400, 'Choose', '<h1>This payment is pending: settle it or leave it</h1>');
    k.settle(o.pidx);
    return page(200, 'Payment settled', `<h1>The payment is settled</h1><p>Khalti now reports it <code>Completed</code> to the merchant's lookup.</p><p><a href="${escape(o.websiteUrl)}">Back to the merchant</a></p>`);
  }
  if (choice !== 'pay' && choice !== 'cancel' && choice !== 'pending') return page(400, 'Choose', '<h1>Choose Pay or Cancel</h1>');
  const raw = (form.get('mobile') ?? '').replace(/\D/g, '');
  const mobile = /^980000000[0-5]$/.test(raw) ? raw : '9800000001';
  const to = choice === 'pay' ? k.pay(o.pidx, mobile) : choice === 'pending' ? k.hold(o.pidx, mobile) : k.cancel(o.pidx);
  return { status: 303, headers: { location: to, 'cache-control': 'no-store' }, body: '' };
}
