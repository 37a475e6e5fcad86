import { sql } from 'drizzle-orm';
import type { Bind } from '../access/scope.js';
import type { Tx } from './client.js';
import { mapRowsOnce } from './row-mapper.js';

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
    if (!query) byDb.set(db, (query = mapRowsOnce(build(db).prepare(name))));
    return query.execute(values);
  };
}

/** The values of a query prepared once per shape, each going in as a named placeholder. */
export class Bindings {
  readonly values: Record<string, unknown> = {};
  readonly bind: Bind = (name, value) => {
    this.values[name] = value;
    return sql.placeholder(name) as never;
  };
  /** The names bound, in order: part of what fixes the query's text. */
  get names() {
    return Object.keys(this.values).join(',');
  }
}

/**
 * `prepared` for a query whose text varies with the request (which filters it has, who asks):
 * one prepared query per shape, run with the request's bound values. The key must name
 * everything the text depends on; the same key always builds the same text.
 */
export function preparedByShape<R>(name: string) {
  const names = new Map<string, string>();
  const byDb = new WeakMap<Tx, Map<string, Runnable<R>>>();
  return (db: Tx, key: string, build: () => { prepare(name: string): Runnable<R> }, values: Record<string, unknown>): Promise<R> => {
    let shapes = byDb.get(db);
    if (!shapes) byDb.set(db, (shapes = new Map()));
    let query = shapes.get(key);
    if (!query) {
      // One name per text, whichever database or transaction prepares it: a connection refuses a name reused for another text.
      let statement = names.get(key);
      if (!statement) names.set(key, (statement = `${name}_${names.size}`));
      shapes.set(key, (query = mapRowsOnce(build().prepare(statement))));
    }
    return query.execute(values);
  };
}
