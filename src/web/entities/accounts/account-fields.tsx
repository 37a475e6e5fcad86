import type { TextBinding } from '../../lib/form.js';
import { generatePassword } from '../../lib/generate-password.js';
import { Button } from '../../lib/ui/button.js';
import { TextField } from '../../lib/ui/text-field.js';

type AccountField = 'firstName' | 'lastName' | 'email' | 'phone' | 'password';

/**
 * The fields every admin-created account has (NewAccount): names, email, phone and a
 * temporary password the person must change at first sign-in, or, where the installation
 * sends mail (`welcomeLinks`), no password: the person is mailed a link to choose their own.
 */
export function AccountFields({
  text,
  setPassword,
  who,
  welcomeLinks = false,
}: {
  text: (name: AccountField) => TextBinding;
  setPassword: (value: string) => void;
  /** "the doctor", "the patient" … for the hints. */
  who: string;
  welcomeLinks?: boolean;
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
      {welcomeLinks ? (
        <p className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950">
          A welcome mail goes to this address with a link for {who} to choose their own password.
        </p>
      ) : (
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
      )}
    </>
  );
}

export const emptyAccount = { firstName: '', lastName: '', email: '', phone: '', password: '' };

/** What the admin is told once an account exists: how its person gets in. */
export const firstSignInNote = (account: { mustChangePassword: boolean; email: string }) =>
  account.mustChangePassword
    ? 'can sign in with the temporary password and will be asked to choose a new one.'
    : `was sent a welcome mail at ${account.email} with a link to choose their password.`;
