import type { TextBinding } from '../../lib/form.js';
import { generatePassword } from '../../lib/generate-password.js';
import { Button } from '../../lib/ui/button.js';
import { TextField } from '../../lib/ui/text-field.js';

type AccountField = 'firstName' | 'lastName' | 'email' | 'phone' | 'password';

/**
 * The fields every admin-created account has (NewAccount): names, email, phone and a
 * temporary password the person must change at first sign-in.
 */
export function AccountFields({
  text,
  setPassword,
  who,
}: {
  text: (name: AccountField) => TextBinding;
  setPassword: (value: string) => void;
  /** "the doctor", "the patient" … for the hints. */
  who: string;
}) {
  return (
    <>
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="First name" autoComplete="off" required {...text('firstName')} />
        <TextField label="Last name" autoComplete="off" required {...text('lastName')} />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="Email address" type="email" inputMode="email" autoComplete="off" required {...text('email')} />
        <TextField label="Phone" type="tel" inputMode="tel" autoComplete="off" optional {...text('phone')} />
      </div>
      <TextField
        label="Temporary password"
        autoComplete="off"
        spellCheck={false}
        className="font-mono"
        hint={`At least 8 characters. Share it with ${who} privately; they choose their own at first sign-in.`}
        required
        addon={
          <Button variant="secondary" onClick={() => setPassword(generatePassword())}>
            Generate
          </Button>
        }
        {...text('password')}
      />
    </>
  );
}

export const emptyAccount = { firstName: '', lastName: '', email: '', phone: '', password: '' };
