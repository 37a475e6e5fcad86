import { describe, expect, it } from 'vitest';
import { paged, pagedOver } from './page.js';

describe('paged', () => {
  const rows = (n: number) => Promise.resolve(Array.from({ length: n }, (_, i) => i));
  const counted = (n: number) => {
    const calls: number[] = [];
    return { calls, count: async () => (calls.push(1), [{ n }]) };
  };

  it('knows the total of a page with room left without counting', async () => {
    const c = counted(99);
    expect(await paged({ limit: 20, offset: 0 }, rows(5), c.count)).toMatchObject({ total: 5 });
    expect(await paged({ limit: 20, offset: 40 }, rows(3), c.count)).toMatchObject({ total: 43 });
    expect(await paged({ limit: 20, offset: 0 }, rows(0), c.count)).toMatchObject({ total: 0 });
    expect(c.calls).toHaveLength(0);
  });

  it('counts for a full page, and for a page past the end', async () => {
    const c = counted(57);
    expect(await paged({ limit: 20, offset: 0 }, rows(20), c.count)).toMatchObject({ total: 57 });
    expect(await paged({ limit: 20, offset: 80 }, rows(0), c.count)).toMatchObject({ total: 57 });
    expect(c.calls).toHaveLength(2);
  });
});

describe('pagedOver', () => {
  it('takes the total from the rows, and counts only past the end', async () => {
    const calls: number[] = [];
    const count = async () => (calls.push(1), [{ n: 57 }]);
    const page = (n: number) => Promise.resolve(Array.from({ length: n }, () => ({ total: 57 })));
    expect((await pagedOver({ limit: 20, offset: 0 }, page(20), count)).total).toBe(57);
    expect((await pagedOver({ limit: 20, offset: 0 }, page(0), count)).total).toBe(0);
    expect(calls).toHaveLength(0);
    expect((await pagedOver({ limit: 20, offset: 80 }, page(0), count)).total).toBe(57);
    expect(calls).toHaveLength(1);
  });
});
