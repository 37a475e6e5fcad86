import type { Tx } from './client.js';

interface Runnable<R> {
  execute(values?: Record<string, unknown>): Promise<R>;
}

/**
 * A query built once per database and run again with new values (drizzle's `prepare`, values as
 * `sql.placeholder`s). Building a query costs drizzle more CPU than running it: the signed-in
 * person with their hospital took 117–144 µs of the server's CPU built each time and 33 µs
 * prepared (PostgreSQL, bench database), and PostgreSQL then parses and plans it once per
 * connection. For the queries that run on most requests. Inside a transaction it is prepared for
 * that transaction, since a prepared query belongs to the session that made it.
 */
export function prepared<R>(name: string, build: (db: Tx) => { prepare(name: string): Runnable<R> }) {
  const byDb = new WeakMap<Tx, Runnable<R>>();
  return (db: Tx, values: Record<string, unknown>): Promise<R> => {
    let query = byDb.get(db);
    if (!query) byDb.set(db, (query = build(db).prepare(name)));
    return query.execute(values);
  };
}
