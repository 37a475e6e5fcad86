import { useState, type ReactNode } from 'react';
import { Card } from './card.js';

/** A list's "Add" flow: the form opens, closes on Cancel, and what it made is named once it closes. */
export function useCreateFlow<T>() {
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<T | null>(null);
  return {
    creating,
    created,
    open: () => {
      setCreated(null);
      setCreating(true);
    },
    cancel: () => setCreating(false),
    done: (item: T) => {
      setCreating(false);
      setCreated(item);
    },
  };
}

/** The card an "Add" form opens in, above the list. */
export function CreateCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <h3 className="mb-4 font-semibold">{title}</h3>
      {children}
    </Card>
  );
}
