import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { systemCtx } from './context.js';
import { DataDirLockedError } from './db/lock.js';
import { ensureSuperAdmin } from './modules/accounts/superadmin.js';
import { shutDown } from './shutdown.js';

async function main() {
  const config = loadConfig();
  const app = await buildApp(config);
  const note = await ensureSuperAdmin(systemCtx(app, 'the first start creates the platform administrator'));
  // A generated password is shown once, on the console, for the operator; any other note is a log line.
  if (note && config.production && config.superAdmin.password) app.log.info(note);
  else if (note) console.log(`\n${note}\n`);
  // SIGTERM (docker stop, systemd, Kubernetes) and Ctrl-C: a graceful stop (shutdown.ts).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info(`${signal}: shutting down`);
      shutDown(app).then(() => process.exit(0), (err) => (app.log.error({ err }, 'shutdown failed'), process.exit(1)));
    });
  }
  await app.listen({ host: config.host, port: config.port });
  if (config.production) app.log.info({ publicUrl: config.publicUrl }, 'listening');
  else console.log(`Telemedicine platform at http://${config.host}:${config.port}`);
}

main().catch((e) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError) {
    console.error(`\n${e.message}\n`);
    process.exit(1);
  }
  console.error(e);
  process.exit(1);
});
