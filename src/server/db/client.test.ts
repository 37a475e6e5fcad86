import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, rowsOf } from './client.js';

const url = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;

const pageCost = async (config: Parameters<typeof openDatabase>[0]) => {
  const database = await openDatabase(config);
  try {
    return rowsOf<{ random_page_cost: string }>(await database.db.execute(sql`show random_page_cost`))[0]!.random_page_cost;
  } finally {
    await database.close();
  }
};

describe('the planner settings of an opened database', () => {
  it('prices reading out of order for data in memory, on the embedded database', async () => {
    expect(await pageCost({ kind: 'pglite', dir: null })).toBe('1.1');
  });

  it.runIf(url)('does the same on PostgreSQL, unless DATABASE_URL sets its own options', async () => {
    expect(await pageCost({ kind: 'postgres', url: url! })).toBe('1.1');
    const own = new URL(url!);
    own.searchParams.set('options', '-c random_page_cost=2');
    expect(await pageCost({ kind: 'postgres', url: own.toString() })).toBe('2');
  });
});
