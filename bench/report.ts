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
      console.log(`${pad('http, 50 connections', 40)}${pad('req/s', 9)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('errors', 8)}${pad('of ceiling', 12)}CPU µs each: server, database`);
      for (const f of [ceiling!, ...rest]) {
        const unit = f.per ? ` (${f.per} req)` : '';
        const cpu = `${num(f.serverCpuUs)}${f.databaseCpuUs === undefined ? '' : `, ${f.databaseCpuUs}`}`;
        console.log(`${pad(f.name + unit, 40)}${pad(f.reqPerSec, 9)}${pad(num(f.p50Ms), 8)}${pad(num(f.p99Ms), 8)}${pad(f.errors, 8)}${pad(num(f.reqPerSec / ceiling!.reqPerSec, 3), 12)}${cpu}`);
      }
    }
    if (s.booking) {
      const b = s.booking;
      console.log(`booking: ${b.requests} patients for 20 slots in ${b.seconds} s: ${b.booked} booked, ${b.refused} refused, ${b.otherErrors} other; ${b.bookingsPerSec} bookings/s, ${b.requestsPerSec} req/s; slots held twice: ${b.doubleBooked}`);
    }
    if (s.chat) {
      const c = s.chat;
      const line = (name: string, f: any, ceiling?: any) =>
        f && console.log(`${pad(name, 36)}${pad(f.msgPerSec, 9)}${pad(num(f.p50Ms, 1), 8)}${pad(num(f.p99Ms, 1), 8)}${pad(`${f.lost}/${f.refused}`, 10)}${ceiling ? num(f.msgPerSec / ceiling.msgPerSec, 3) : ''}`);
      console.log(`${pad(`chat, ${c.pairs} pairs`, 36)}${pad('msg/s', 9)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('late/ref', 10)}of ceiling`);
      line('bare relay: one at a time', c.relaySequential);
      line('bare relay: burst, unpaced (ceiling)', c.relayBurst);
      line('one at a time', c.sequential, c.relaySequential);
      line('burst, 10/s per socket', c.burst, c.relayBurst);
      line('two instances: one at a time', c.twoSequential, c.relaySequential);
      line('two instances: burst', c.twoBurst, c.relayBurst);
    }
    if (s.footprint) {
      const f = s.footprint;
      console.log(`idle sockets: RSS ${f.rssBeforeMb} MB → ${f.rssWith1kMb} MB with 1,000 → ${f.rssWith10kMb} MB with 10,000 (+${f.addedBy10kMb} MB)`);
      const c = f.chatAmong10k;
      console.log(`chat among them (50 pairs, 2/s a side, 30 s): ${c.msgPerSec} msg/s, p50 ${num(c.p50Ms, 1)} ms, p99 ${num(c.p99Ms, 1)} ms, lost ${c.lost}, refused ${c.refused}`);
    }
    if (s.video) {
      const v = s.video.setup;
      if (typeof v === 'string') console.log(`video: ${v}`);
      else
        for (const [name, f] of [['two bare pages (ceiling)', v.bare], ['our call (from the admit click)', v.ours]] as const)
          console.log(`video, ${pad(name, 32)} connected ${num(f.connectedMs)} ms, first frame ${num(f.firstFrameMs)} ms at ${f.firstFrameHeights.join('/')}p, 720p at ${num(f.hdMs)} ms`);
      console.log(`video signaling round trip: ${JSON.stringify(s.video.signaling)}`);
    }
    if (s.startup) console.log(`start-up to /healthz ${num(s.startup.startupMs)} ms; RSS at rest ${s.rest?.rssMb} MB, after load ${s.afterLoad?.rssMb} MB`);
  }
}
