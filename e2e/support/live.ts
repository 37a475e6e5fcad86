import type { Page } from '@playwright/test';

/**
 * Resolves once the page's notifications socket says `ready` (signed in and in its room), so a
 * test that makes something happen elsewhere knows the page will hear of it live. Call it before
 * the navigation that opens the socket.
 */
export function notificationsReady(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (ws) => {
      if (!ws.url().includes('/ws/notifications/')) return;
      ws.on('framereceived', ({ payload }) => {
        if (typeof payload === 'string' && payload.includes('"type":"ready"')) resolve();
      });
    });
  });
}
