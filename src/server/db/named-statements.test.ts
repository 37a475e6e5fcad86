import { describe, expect, it } from 'vitest';
import { NamedStatementsClient } from './named-statements.js';

const url = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
if (!url) console.log('named statements test skipped: it needs a PostgreSQL DATABASE_URL');

describe.runIf(url)('named statements (PostgreSQL)', () => {
  const withClient = async (use: (c: NamedStatementsClient) => Promise<void>) => {
    const client = new NamedStatementsClient({ connectionString: url });
    await client.connect();
    try {
      await use(client);
    } finally {
      await client.end();
    }
  };
  const prepared = async (c: NamedStatementsClient) =>
    (await c.query<{ name: string; statement: string }>('select name, statement from pg_prepared_statements order by name')).rows;

  it('prepares each query with parameters once per connection, and runs the rest as they are', async () => {
    await withClient(async (c) => {
      for (const n of [1, 2, 3]) expect((await c.query<{ n: number }>({ text: 'select $1::int + 1 as n', values: [n] })).rows[0]!.n).toBe(n + 1);
      expect((await c.query<{ n: number }>('select $1::int * 2 as n', [4])).rows[0]!.n).toBe(8);
      await c.query('begin; select 1; commit'); // several statements, no parameters: the simple protocol
      expect(await prepared(c)).toEqual([
        { name: 'tm_0', statement: 'select $1::int + 1 as n' },
      ]);
    });
  });

  it('names no more than its limit of texts, and still runs the others', async () => {
    await withClient(async (c) => {
      for (let i = 0; i < 205; i++) expect((await c.query<{ n: number }>({ text: `select $1::int + ${i} as n`, values: [1] })).rows[0]!.n).toBe(1 + i);
      expect(await prepared(c)).toHaveLength(200);
    });
  });

  it('keeps a name given by the caller', async () => {
    await withClient(async (c) => {
      await c.query({ name: 'mine', text: 'select $1::text as s', values: ['x'] });
      expect((await prepared(c)).map((r) => r.name)).toEqual(['mine']);
    });
  });
});
