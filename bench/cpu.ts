// CPU time of the processes under test, from /proc: what each request costs the server and the
// database, a figure a busy machine disturbs far less than requests a second (the same code gave
// 477 and 700 req/s in two rounds, decision 27).
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux

/** CPU seconds (user and system) a process has used so far; 0 once it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    // The fields after the command name, which may itself hold spaces: utime and stime are 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU seconds of every PostgreSQL process on the machine (the bench's database is the only busy one). */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').startsWith('postgres')) total += cpuSeconds(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** Whose CPU a load is charged to: the server's process, and PostgreSQL's when it is separate. */
export interface CpuMeter {
  server: () => number;
  database?: () => number;
}

export const meterFor = (serverPid: number, database: 'postgres' | 'pglite'): CpuMeter => ({
  server: () => cpuSeconds(serverPid),
  ...(database === 'postgres' ? { database: postgresCpuSeconds } : {}),
});
