import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { systemCtx } from './context.js';
import { DataDirLockedError } from './db/lock.js';
import { ensureSuperAdmin } from './modules/accounts/superadmin.js';

async function main() {
  const config = loadConfig();
  const app = await buildApp(config);
  const note = await ensureSuperAdmin(systemCtx(app, 'the first start creates the platform administrator'));
  if (note) console.log(`\n${note}\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info(`${signal}: shutting down`);
      app.close().then(() => process.exit(0), () => process.exit(1));
    });
  }
  await app.listen({ host: config.host, port: config.port });
  console.log(`Telemedicine platform at http://${config.host}:${config.port}`);
}

main().catch((e) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError) {
    console.error(`\n${e.message}\n`);
    process.exit(1);
  }
  console.error(e);
  process.exit(1);
});
