import type { FormFailure } from '../form-errors.js';
import { Alert } from './alert.js';

/** The failure above a form after a submit did not go through. */
export function FormAlert({ failure }: { failure: FormFailure | null }) {
  if (!failure) return null;
  return (
    <Alert tone="error" title={failure.title} focusable>
      {failure.message !== failure.title && <p>{failure.message}</p>}
      {failure.unmatched.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {failure.unmatched.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
