import { test as base } from '@playwright/test';
import { startStack, type Stack } from './stack.js';

/** The deployment, started once for the worker (the check runs in one) and stopped at its end. */
export const test = base.extend<object, { stack: Stack }>({
  // Pages and API contexts go through nginx.
  baseURL: async ({ stack }, use) => use(stack.url),
  stack: [
    async ({}, use) => {
      const stack = await startStack();
      await use(stack);
      await stack.stop();
    },
    { scope: 'worker', timeout: 240_000 },
  ],
});
export { expect } from '@playwright/test';
