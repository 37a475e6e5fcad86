import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlState } from './errors.js';
import { withNamedStatements, type PgliteClient } from './pglite-statements.js';

describe('named statements (PGlite)', () => {
  let pglite: PGlite;
  let client: PgliteClient;
  beforeAll(async () => {
    pglite = await PGlite.create();
    client = withNamedStatements(pglite);
    await pglite.exec(`create table t (id int primary key, at timestamptz, tags text[], doc jsonb, ok boolean, note text)`);
  });
  afterAll(() => pglite.close());

  const prepared = async () => (await pglite.query<{ name: string; statement: string }>('select name, statement from pg_prepared_statements order by name')).rows;
  const countOf = async (c: Pick<PgliteClient, 'query'>) => (await c.query<{ n: number }>('select count(*)::int as n from t where id > $1', [0])).rows[0]!.n;

  it('gives what PGlite gives, for every kind of value, preparing each text once', async () => {
    const at = new Date('2026-12-05T08:30:00.123Z');
    const insert = 'insert into t (id, at, tags, doc, ok, note) values ($1, $2, $3, $4, $5, $6) returning *';
    const ours = await client.query(insert, [1, at, ['a', 'b,c'], { x: [1, 'y'] }, true, null]);
    const theirs = await pglite.query(insert, [2, at, ['a', 'b,c'], { x: [1, 'y'] }, true, null]);
    expect(ours.rows).toEqual([{ id: 1, at, tags: ['a', 'b,c'], doc: { x: [1, 'y'] }, ok: true, note: null }]);
    expect({ ...ours, rows: [{ ...(ours.rows[0] as object), id: 2 }] }).toEqual(theirs);
    const select = 'select id, at from t where at = $1 order by id';
    for (let i = 0; i < 3; i++) expect((await client.query(select, [at], { rowMode: 'array' })).rows).toEqual([[1, at], [2, at]]);
    expect(await prepared()).toEqual([
      { name: 'tm_0', statement: insert },
      { name: 'tm_1', statement: select },
    ]);
    // Without parameters, as PGlite runs it: nothing prepared.
    expect((await client.query<{ n: number }>('select 41 + 1 as n')).rows).toEqual([{ n: 42 }]);
    expect(await prepared()).toHaveLength(2);
  });

  it('reports the database error and stays usable', async () => {
    const insert = 'insert into t (id) values ($1)';
    await client.query(insert, [10]);
    const refused = await client.query(insert, [10]).catch((e: unknown) => e);
    expect(sqlState(refused)).toBe('23505');
    expect((await client.query<{ id: number }>('select id from t where id = $1', [10])).rows).toEqual([{ id: 10 }]);
  });

  it('runs inside a transaction, which sees its own writes and can be undone', async () => {
    const before = await countOf(client);
    await expect(
      client.transaction(async (tx) => {
        await tx.query('insert into t (id) values ($1)', [20]);
        expect(await countOf(tx)).toBe(before + 1);
        await tx.query('insert into t (id) values ($1)', [20]); // a duplicate: the transaction fails
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await countOf(client)).toBe(before);
    await client.transaction(async (tx) => void (await tx.query('insert into t (id) values ($1)', [21])));
    expect(await countOf(client)).toBe(before + 1);
  });

  it('keeps a query outside a transaction out of it until it ends', async () => {
    const before = await countOf(client);
    let seenOutside: number | undefined;
    let outside: Promise<unknown> | undefined;
    await client.transaction(async (tx) => {
      await tx.query('insert into t (id) values ($1)', [30]);
      // Asked while the transaction is open: it must wait, not run inside it.
      outside = countOf(client).then((n) => (seenOutside = n));
      await new Promise((r) => setTimeout(r, 20));
      expect(seenOutside).toBeUndefined();
      await tx.rollback();
    });
    await outside;
    expect(seenOutside).toBe(before);
  });

  it('names no more than its limit of texts, and still runs the others', async () => {
    for (let i = 0; i < 205; i++) expect((await client.query<{ n: number }>(`select $1::int + ${i} as n`, [1])).rows[0]!.n).toBe(1 + i);
    expect((await prepared()).length).toBe(200);
  });
});
