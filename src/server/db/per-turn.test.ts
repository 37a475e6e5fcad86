import { describe, expect, it } from 'vitest';
import type { Tx } from './client.js';
import { perTurn, togetherOrAlone, type Settled } from './per-turn.js';

// The batching alone, with a stand-in for the database: what each batch is given, and answers.
const db = {} as Tx;
const other = {} as Tx;

describe('perTurn', () => {
  it('runs what is asked for in one turn together, and answers each caller with its own', async () => {
    const batches: number[][] = [];
    const double = perTurn<number, number>(async (_db, items) => (batches.push(items), items.map((n) => ({ ok: n * 2 }))));
    expect(await Promise.all([double(db, 1), double(db, 2), double(db, 3)])).toEqual([2, 4, 6]);
    expect(await double(db, 4)).toBe(8);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('keeps each database apart', async () => {
    const seen: [Tx, number[]][] = [];
    const echo = perTurn<number, number>(async (d, items) => (seen.push([d, items]), items.map((ok) => ({ ok }))));
    await Promise.all([echo(db, 1), echo(other, 2), echo(db, 3)]);
    expect(seen).toEqual([[db, [1, 3]], [other, [2]]]);
  });

  it('fails only the callers whose items failed; all of them when the batch does', async () => {
    const odd = perTurn<number, number>(async (_db, items) => items.map((n): Settled<number> => (n % 2 ? { failed: new Error(`odd ${n}`) } : { ok: n })));
    const results = await Promise.allSettled([odd(db, 1), odd(db, 2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    const broken = perTurn<number, number>(async () => {
      throw new Error('database gone');
    });
    const both = await Promise.allSettled([broken(db, 1), broken(db, 2)]);
    expect(both.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'ok'))).toEqual(['database gone', 'database gone']);
  });
});

describe('togetherOrAlone', () => {
  it('runs all items at once, and when that fails, each alone: only the bad one fails', async () => {
    const runs: number[][] = [];
    const all = async (items: number[]) => {
      runs.push(items);
      if (items.includes(13)) throw new Error('refused 13');
      return items.map((n) => n + 1);
    };
    expect(await togetherOrAlone([1, 2], all)).toEqual([{ ok: 2 }, { ok: 3 }]);
    const mixed = await togetherOrAlone([1, 13, 3], all);
    expect(mixed.map((r) => ('ok' in r ? r.ok : (r.failed as Error).message))).toEqual([2, 'refused 13', 4]);
    expect(runs).toEqual([[1, 2], [1, 13, 3], [1], [13], [3]]);
  });
});
