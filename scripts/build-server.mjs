// Compiles the server to plain JavaScript in dist/ (dist/server, dist/contracts) and copies what
// it reads at run time beside it: the SQL migrations. `npm run start:prod` runs the result with
// node alone.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';

for (const dir of ['dist/server', 'dist/contracts']) rmSync(dir, { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
cpSync('src/server/db/migrations', 'dist/server/db/migrations', { recursive: true });
