import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { flashFor } from '../flash.js';
import { cx } from './cx.js';

/**
 * Where a layout shows the message left for the next page (lib/flash.ts). The live region is
 * always there, so the message is announced when it appears; it stays until the next page.
 */
export function FlashMessage({ className }: { className?: string }) {
  const { pathname } = useLocation();
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setMessage(flashFor(pathname)), [pathname]);
  return (
    <div role="status" className={cx(!message && 'sr-only', className)}>
      {message && (
        <p className="flex gap-3 rounded-lg border border-green-300 bg-green-50 p-4 text-sm text-green-950">
          <span aria-hidden="true" className="font-bold">
            ✓
          </span>
          <span className="min-w-0 flex-1 break-words">{message}</span>
        </p>
      )}
    </div>
  );
}
