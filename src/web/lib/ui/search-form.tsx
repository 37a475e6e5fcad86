import type { ReactNode } from 'react';
import { TextField, type TextFieldProps } from './text-field.js';

/** A list's filters: each applies as it changes, so there is nothing to submit. */
export function SearchForm({ label, className, children }: { label?: string; className?: string; children: ReactNode }) {
  return (
    <form role="search" aria-label={label} onSubmit={(e) => e.preventDefault()} className={className}>
      {children}
    </form>
  );
}

/** A text filter kept in the URL (`useListState().search` or `useUrlText`). */
export function SearchField({
  filter,
  ...props
}: Omit<TextFieldProps, 'type' | 'value' | 'onChange'> & { filter: { input: string; setInput: (value: string) => void } }) {
  return <TextField type="search" value={filter.input} onChange={(e) => filter.setInput(e.target.value)} {...props} />;
}
