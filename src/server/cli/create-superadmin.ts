import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { systemClock } from '../clock.js';
import { openFileStore } from '../files/storage.js';
import { noMetrics } from '../metrics/metrics.js';
import { RateBudget } from '../plugins/rate-budget.js';
import { openDatabase } from '../db/client.js';
import { memoryBus } from '../realtime/bus.js';
import { systemCtx } from '../context.js';
import { createSuperAdmin } from '../modules/accounts/superadmin.js';
import { ZodError } from 'zod';

// npm run create-superadmin -- --email a@b.c [--password …]; asks for what is missing.
async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, password: { type: 'string' }, 'first-name': { type: 'string' }, 'last-name': { type: 'string' } },
  });
  const config = loadConfig();
  const ask = async (q: string, fallback?: string) => {
    if (fallback) return fallback;
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      return (await rl.question(q)).trim();
    } finally {
      rl.close();
    }
  };
  const email = await ask('Email: ', values.email ?? config.superAdmin.email);
  const password = await ask('Password (at least 8 characters): ', values.password ?? config.superAdmin.password);
  const database = await openDatabase(config.database);
  const bus = memoryBus();
  try {
    const user = await createSuperAdmin(systemCtx({ db: database.db, config, bus, clock: systemClock, limits: { chatSends: new RateBudget(1) }, files: openFileStore(config), metrics: noMetrics, log: console as never }, 'an operator adds a platform administrator from the command line'), {
      email,
      password,
      firstName: values['first-name'],
      lastName: values['last-name'],
    });
    console.log(`Created super admin ${user.email}.`);
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  if (e instanceof ZodError) console.error(e.issues.map((i) => i.message).join('\n'));
  else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
