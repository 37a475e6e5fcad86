import type { TextBinding } from '../../../lib/form.js';
import { TextAreaField } from '../../../lib/ui/textarea-field.js';
import { TextField } from '../../../lib/ui/text-field.js';

type Name = 'licenseNumber' | 'specialization' | 'experienceYears' | 'bio';

/** Licence, specialization, experience and bio (create and edit forms). */
export function DoctorProfileFields({ text }: { text: (name: Name) => TextBinding }) {
  return (
    <>
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="Specialization" placeholder="e.g. Cardiology" required {...text('specialization')} />
        <TextField label="Licence number" required autoComplete="off" {...text('licenseNumber')} />
      </div>
      <TextField
        label="Years of experience"
        inputMode="numeric"
        required
        fieldClassName="sm:max-w-48"
        {...text('experienceYears')}
      />
      <TextAreaField label="Bio" hint="What patients see about the doctor." rows={4} optional {...text('bio')} />
    </>
  );
}
