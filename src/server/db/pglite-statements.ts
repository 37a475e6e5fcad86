import { parse, protocol, type PGlite, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';

/** Past it, new texts run as PGlite runs them (a named statement lasts as long as the database is open). */
const MAX_NAMED = 200;
const { serialize } = protocol;

interface Statement {
  name: string;
  /** The parameters' types, from PostgreSQL's description: they choose each value's serializer. */
  types: number[];
}

/** What drizzle's PGlite driver uses of a PGlite: its queries and its transactions. */
export type PgliteClient = Pick<PGlite, 'query' | 'transaction'>;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, at), (at += p.length);
  return out;
}

/**
 * PGlite's queries with parameters as named statements, each run in one call into the engine.
 * `PGlite.query` parses and plans every query afresh, and makes six calls into the engine to do it
 * (parse, describe, bind, describe, execute, sync). The signed-in person's lookup took 450–510 µs
 * that way and 120 µs as a named statement bound, described, executed and synced in one call
 * (bench data, small set). The same reason as the named statements on PostgreSQL
 * (named-statements.ts), where PostgreSQL's parse and plan are cheaper but a round trip each.
 * Queries without parameters (transaction control, migrations) go to PGlite as they are.
 */
export function withNamedStatements(pglite: PGlite): PgliteClient {
  const statements = new Map<string, Statement>();

  /** PGlite's own mutexes, taken as its `query` takes them (and, in a transaction, as `tx.query` does). */
  const exclusive = <T>(inTransaction: boolean, fn: () => Promise<T>) =>
    inTransaction ? pglite._runExclusiveQuery(fn) : pglite._runExclusiveTransaction(() => pglite._runExclusiveQuery(fn));

  async function prepare(text: string, syncToFs: boolean): Promise<Statement | undefined> {
    let statement = statements.get(text);
    if (statement || statements.size >= MAX_NAMED) return statement;
    const name = `tm_${statements.size}`;
    const { messages } = await pglite.execProtocol(concat([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]), { syncToFs });
    statements.set(text, (statement = { name, types: parse.parseDescribeStatementResults(messages) }));
    return statement;
  }

  async function run<T>(inTransaction: boolean, text: string, params: unknown[], options: QueryOptions | undefined, fallback: () => Promise<Results<T>>) {
    if (params.length === 0 || options?.blob) return fallback();
    const syncToFs = !inTransaction;
    const result = await exclusive(inTransaction, async () => {
      const statement = await prepare(text, syncToFs);
      if (!statement) return undefined;
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const type = statement.types[i]!;
        const serializer = options?.serializers?.[type] ?? pglite.serializers[type];
        return serializer ? serializer(value) : String(value);
      });
      const { messages } = await pglite.execProtocol(
        concat([serialize.bind({ statement: statement.name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]),
        { syncToFs },
      );
      return parse.parseResults(messages, pglite.parsers, options)[0] as Results<T>;
    });
    return result ?? fallback();
  }

  return {
    query: <T>(text: string, params: unknown[] = [], options?: QueryOptions) => run<T>(false, text, params, options, () => pglite.query<T>(text, params, options)),
    transaction: <T>(callback: (tx: Transaction) => Promise<T>) =>
      pglite.transaction((tx) =>
        callback(
          Object.defineProperties({ ...tx }, {
            closed: { get: () => tx.closed },
            query: {
              value: <R>(text: string, params: unknown[] = [], options?: QueryOptions) => {
                if (tx.closed) throw new Error('Transaction is closed');
                return run<R>(true, text, params, options, () => tx.query<R>(text, params, options));
              },
            },
          }),
        ),
      ),
  } as PgliteClient;
}
