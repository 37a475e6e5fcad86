import type { Config } from '../../config.js';
import { AppError } from '../../errors.js';
import { khaltiClient, type KhaltiClient } from './khalti.client.js';
import { STAND_IN_PATH, embeddedStandIn, inProcessTransport } from './stand-in/mount.js';

/**
 * Who takes payments: Khalti (with a key), the stand-in inside this server (no key, outside
 * production), or nobody (production without a key: visits are paid at the desk).
 */
export interface Payments {
  mode: Config['payments']['mode'];
  online: boolean;
  test: boolean;
  /** A client; `origin` is the address the payer uses (the embedded stand-in's links start with it). */
  client(origin: string): KhaltiClient;
}

export function paymentsOf(config: Config): Payments {
  const p = config.payments;
  const base = { mode: p.mode, online: p.mode !== 'off', test: p.test };
  if (p.mode === 'off')
    return {
      ...base,
      client: () => {
        throw new AppError('online_payment_unavailable');
      },
    };
  if (p.mode === 'stand-in') {
    const standIn = embeddedStandIn();
    return {
      ...base,
      client: (origin) =>
        khaltiClient({ baseUrl: `${origin}${STAND_IN_PATH}/api/v2/`, secretKey: standIn.secretKey, timeoutMs: p.khalti.timeoutMs, transport: inProcessTransport(standIn) }),
    };
  }
  const client = khaltiClient({ baseUrl: p.khalti.baseUrl, secretKey: p.khalti.secretKey!, timeoutMs: p.khalti.timeoutMs });
  return { ...base, client: () => client };
}

/** The address to name when there is no request to take it from (the background job). */
export const defaultOrigin = (config: Config) => config.publicUrl?.replace(/\/+$/, '') ?? `http://127.0.0.1:${config.port}`;
