// Lists processes the suites left running: servers, browsers, coturn or nginx working in this
// checkout that are not this script or one of its ancestors. Exits 1 if any.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const repo = process.cwd();
const parentOf = (pid) => Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
const mine = new Set();
for (let pid = process.pid; pid > 1; pid = parentOf(pid)) mine.add(pid);

const left = [];
for (const name of readdirSync('/proc')) {
  const pid = Number(name);
  if (!pid || mine.has(pid)) continue;
  try {
    const cwd = readlinkSync(`/proc/${pid}/cwd`);
    if (cwd !== repo && !cwd.startsWith(`${repo}/`)) continue;
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    // What the suites start: servers, browsers, coturn, nginx (not the shells around them).
    if (/node|tsx|chrom|turnserver|nginx|vite|playwright/.test(cmd.split(' ')[0] ?? '')) left.push(`${pid} ${cmd.slice(0, 160)}`);
  } catch {
    // gone meanwhile, or not ours to read
  }
}
if (left.length) {
  console.log(`Processes left running by the suites:\n${left.join('\n')}`);
  process.exit(1);
}
console.log('No process left running by the suites.');
