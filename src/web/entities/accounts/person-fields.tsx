import { nullable, type TextBinding } from '../../lib/form.js';
import { TextField } from '../../lib/ui/text-field.js';

type PersonField = 'firstName' | 'lastName' | 'phone';

/** A person's names and phone, as staff edit someone's record, or (`own`) a person their own. */
export function PersonFields({ text, own = false }: { text: (name: PersonField) => TextBinding; own?: boolean }) {
  return (
    <>
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="First name" autoComplete={own ? 'given-name' : undefined} required {...text('firstName')} />
        <TextField label="Last name" autoComplete={own ? 'family-name' : undefined} required {...text('lastName')} />
      </div>
      <TextField label="Phone" type="tel" inputMode="tel" autoComplete={own ? 'tel' : undefined} optional fieldClassName="sm:max-w-sm" {...text('phone')} />
    </>
  );
}

export function personValues(p: { firstName: string; lastName: string; phone: string | null }) {
  return { firstName: p.firstName, lastName: p.lastName, phone: p.phone ?? '' };
}

/** Form text -> the names and phone of a PATCH body (a blank phone clears it). */
export function personBody(v: Record<PersonField, string | boolean>) {
  return { firstName: String(v.firstName), lastName: String(v.lastName), phone: nullable(v.phone) };
}
