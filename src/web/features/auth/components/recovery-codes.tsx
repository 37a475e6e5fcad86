import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../../lib/ui/alert.js';
import { Button } from '../../../lib/ui/button.js';

/**
 * Ten recovery codes, shown once: each signs in once when the phone is not at hand. The
 * person copies or downloads them before going on.
 */
export function RecoveryCodesView({ codes, onDone, doneLabel }: { codes: string[]; onDone: () => void; doneLabel: string }) {
  const [copied, setCopied] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const text = `Telemedicine recovery codes (each works once)\n\n${codes.join('\n')}\n`;
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <div ref={ref} tabIndex={-1} className="space-y-4 outline-none">
      <Alert tone="warning" title="Save your recovery codes now">
        They are shown only this once. Keep them somewhere safe (a password manager, or printed): each code signs you in once
        if you lose your phone.
      </Alert>
      <ul aria-label="Recovery codes" className="grid grid-cols-1 gap-2 rounded-lg border border-slate-200 bg-slate-50 p-4 font-mono text-sm sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <Button
          variant="secondary"
          onClick={() =>
            void navigator.clipboard?.writeText(text).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          Copy codes
        </Button>
        <a href={download} download="telemedicine-recovery-codes.txt" className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-900 shadow-sm hover:bg-slate-100">
          Download codes
        </a>
        <Button onClick={onDone}>{doneLabel}</Button>
      </div>
      <p role="status" className="text-sm text-slate-700">
        {copied ? 'Copied.' : ''}
      </p>
    </div>
  );
}
