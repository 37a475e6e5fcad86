import { spawnSync } from 'node:child_process';

/**
 * A TCP port nobody listens on now, asked of the operating system (listening on port 0).
 * Synchronous, because Playwright evaluates its config synchronously: a short-lived child does
 * the asynchronous part.
 */
export function freePort(host = '127.0.0.1'): number {
  const script = `const s=require('node:net').createServer();s.listen(0,${JSON.stringify(host)},()=>{process.stdout.write(String(s.address().port));s.close();});`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  const port = Number(result.stdout);
  if (result.status !== 0 || !Number.isInteger(port) || port <= 0) {
    throw new Error(`Could not find a free port: ${result.stderr || result.stdout}`);
  }
  return port;
}
