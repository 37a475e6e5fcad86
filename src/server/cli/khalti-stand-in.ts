import { parseArgs } from 'node:util';
import { startKhaltiStandIn } from '../modules/payments/stand-in/server.js';

/**
 * npm run khalti-stand-in -- [--port 8451] [--host 127.0.0.1] [--key …] [--public-url https://…]
 * The Khalti stand-in as a server of its own, for several app instances to share (each instance's
 * built-in stand-in keeps its orders to itself). Point the app at it with the two lines it prints.
 */
async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' }, key: { type: 'string' }, 'public-url': { type: 'string' } } });
  const port = Number(values.port ?? 8451);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error('--port must be a port number');
  const k = await startKhaltiStandIn({ port, host: values.host ?? '127.0.0.1', secretKey: values.key, publicUrl: values['public-url'] });
  console.log(`Khalti stand-in at ${k.url} (test payments: no money moves). For the app:\n  KHALTI_BASE_URL=${k.baseUrl}\n  KHALTI_SECRET_KEY=${k.secretKey}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void k.close().then(() => process.exit(0)));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
