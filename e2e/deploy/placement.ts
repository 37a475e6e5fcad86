import { expect, type Page } from '@playwright/test';
import { until } from './processes.js';
import { socketsOn, type Stack } from './stack.js';

/** How many sockets of `kind` each instance holds now. */
export const counts = (stack: Stack, kind: string) => Promise.all(stack.instances.map(async (i) => (await socketsOn(i, stack.metricsToken))[kind] ?? 0));

const total = (n: number[]) => n.reduce((a, b) => a + b, 0);

/**
 * Opens `path` on `page` and returns the instance its socket of `kind` landed on, given the
 * sockets of that kind already open (nginx balances round-robin, so it lands wherever).
 */
export async function openAndPlace(stack: Stack, page: Page, path: string, kind: string, before: number[]): Promise<number> {
  await page.goto(path);
  const after = await until(`a ${kind} socket opens`, async () => {
    const now = await counts(stack, kind);
    return total(now) === total(before) + 1 ? now : null;
  }, 30_000);
  return after.findIndex((n, i) => n > before[i]!);
}

/**
 * Opens `path` on `page` until its socket of `kind` is on another instance than `other`'s (a
 * reload reconnects through nginx, which may pick either): two people served by different
 * instances. Returns the instance.
 */
export async function openOnAnotherInstance(stack: Stack, page: Page, path: string, kind: string, other: number): Promise<number> {
  for (let attempt = 0; attempt < 15; attempt++) {
    const before = await counts(stack, kind);
    const on = await openAndPlace(stack, page, path, kind, before);
    if (on !== other) return on;
    // Same instance: leave, wait for the socket to close, and come again.
    await page.goto('about:blank');
    await until(`the ${kind} socket closes`, async () => total(await counts(stack, kind)) === total(before), 30_000);
  }
  expect.soft(false, `the ${kind} sockets never landed on different instances`).toBe(true);
  throw new Error('no placement on different instances');
}
