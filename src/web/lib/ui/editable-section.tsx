import { useState, type ReactNode } from 'react';
import { Alert } from './alert.js';
import { Button } from './button.js';
import { Card, Section } from './card.js';

export interface EditControls {
  /** Leaves editing; `changed` shows the saved message. */
  done: (changed: boolean) => void;
  cancel: () => void;
}

/** A record's details with an "Edit" button that swaps them for a form, and a note once saved. */
export function EditableSection({
  title,
  editLabel = 'Edit profile',
  savedMessage,
  view,
  form,
}: {
  title: string;
  editLabel?: string;
  savedMessage: string;
  view: ReactNode;
  form: (controls: EditControls) => ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const controls: EditControls = {
    done: (changed) => {
      setEditing(false);
      setSaved(changed);
    },
    cancel: () => setEditing(false),
  };
  return (
    <Section
      title={title}
      actions={
        !editing && (
          <Button variant="secondary" onClick={() => { setSaved(false); setEditing(true); }}>
            {editLabel}
          </Button>
        )
      }
    >
      {saved && <Alert tone="success">{savedMessage}</Alert>}
      <Card>{editing ? form(controls) : view}</Card>
    </Section>
  );
}
