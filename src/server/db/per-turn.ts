import type { Tx } from './client.js';

/** What `run` answers for one item: its result, or why that one item failed. */
export type Settled<O> = { ok: O } | { failed: unknown };

/**
 * Work that many requests and sockets ask for in the same turn of the event loop, done for all of
 * them at once: `run` gets every item asked for in the turn (per database) and answers each, in
 * order. Each caller still waits for its own answer, so nothing is acknowledged before it is
 * written; under load, one statement and one commit serve many callers instead of one each.
 */
export function perTurn<I, O>(run: (db: Tx, items: I[]) => Promise<Settled<O>[]>): (db: Tx, item: I) => Promise<O> {
  const pending = new WeakMap<Tx, { items: I[]; callers: { resolve: (o: O) => void; reject: (e: unknown) => void }[] }>();
  return (db, item) =>
    new Promise<O>((resolve, reject) => {
      let turn = pending.get(db);
      if (!turn) {
        const t = (turn = { items: [] as I[], callers: [] as { resolve: (o: O) => void; reject: (e: unknown) => void }[] });
        pending.set(db, t);
        setImmediate(() => {
          pending.delete(db);
          run(db, t.items).then(
            (answers) => t.callers.forEach((c, i) => { const a = answers[i]!; if ('ok' in a) c.resolve(a.ok); else c.reject(a.failed); }),
            (err) => t.callers.forEach((c) => c.reject(err)),
          );
        });
      }
      turn.items.push(item);
      turn.callers.push({ resolve, reject });
    });
}

/** Every item's answer is the same. */
export const allOk = <O>(n: number, ok: O): Settled<O>[] => Array.from({ length: n }, () => ({ ok }));

/**
 * `all` over every item at once; should that fail, over each item alone, so that an item the
 * database refuses fails only its own caller.
 */
export async function togetherOrAlone<I, O>(items: I[], all: (items: I[]) => Promise<O[]>): Promise<Settled<O>[]> {
  try {
    return (await all(items)).map((ok) => ({ ok }));
  } catch (failed) {
    if (items.length === 1) return [{ failed }];
    return Promise.all(items.map((item) => all([item]).then(([ok]) => ({ ok: ok as O }), (failed: unknown) => ({ failed }))));
  }
}
