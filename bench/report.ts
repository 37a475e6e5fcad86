// The bench's table: each figure beside the ceiling measured in the same pass, and the ratio.
import type { HttpFigure } from './http.js';

export interface Pass {
  database: string;
  size: string;
  /** The machine's 1-minute load average when the pass began: figures from a busy machine are noisy. */
  load: number;
  seedSeconds?: number;
  counts?: Record<string, number>;
  scenarios: Record<string, any>;
}

export interface Report {
  at: string;
  server: string;
  cpus: number;
  minutes: number;
  passes: Pass[];
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const num = (n: number | null | undefined, digits = 0) => (n === null || n === undefined ? '-' : n.toFixed(digits));

export function printReport(report: Report) {
  console.log(`\nServer: ${report.server}, ${report.cpus} cores`);
  for (const pass of report.passes) {
    console.log(`\n== ${pass.database}, ${pass.size} data set (load ${pass.load.toFixed(1)}; seeded in ${pass.seedSeconds ?? '-'} s: ${JSON.stringify(pass.counts ?? {})})`);
    const s = pass.scenarios;
    if (s.http) {
      const [ceiling, ...rest] = s.http as HttpFigure[];
      console.log(`${pad('http, 50 connections', 36)}${pad('req/s', 9)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('errors', 8)}of ceiling`);
      for (const f of [ceiling!, ...rest]) {
        const unit = f.per ? ` (${f.per} req)` : '';
        console.log(`${pad(f.name + unit, 36)}${pad(f.reqPerSec, 9)}${pad(num(f.p50Ms), 8)}${pad(num(f.p99Ms), 8)}${pad(f.errors, 8)}${num(f.reqPerSec / ceiling!.reqPerSec, 3)}`);
      }
    }
    if (s.startup) console.log(`start-up to /healthz ${num(s.startup.startupMs)} ms; RSS at rest ${s.rest?.rssMb} MB, after load ${s.afterLoad?.rssMb} MB`);
  }
}
