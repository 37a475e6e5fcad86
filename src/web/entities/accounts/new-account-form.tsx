import type { ReactNode } from 'react';
import type { Form } from '../../lib/form.js';
import { FormFrame } from '../../lib/ui/form-frame.js';
import { useWelcomeLinks } from '../../lib/use-mail-config.js';
import { AccountFields, type emptyAccount } from './account-fields.js';

type AccountValues = typeof emptyAccount & Record<string, string | boolean>;

/**
 * The form an admin makes an account with (a doctor, a patient, an administrator): the
 * account's fields, then what this kind of account has besides (`children`). `create` sends
 * the body `form` checked; `onCreated` gets what the server made. Where mail is configured the
 * form asks no password (its `toBody` leaves it out: useWelcomeLinks) and a welcome mail goes out.
 */
export function NewAccountForm<V extends AccountValues, B, R>({
  form,
  noun,
  create,
  onCreated,
  onCancel,
  children,
}: {
  form: Form<V, B>;
  /** "doctor", "patient", "administrator". */
  noun: string;
  create: (body: B) => Promise<R>;
  onCreated: (made: R) => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const welcomeLinks = useWelcomeLinks();
  return (
    <FormFrame
      form={form}
      label={`New ${noun}`}
      onSubmit={form.handleSubmit(async (body) => onCreated(await create(body)))}
      submitLabel={`Create ${noun}`}
      onCancel={onCancel}
    >
      <AccountFields text={form.text} setPassword={(p) => form.setValue('password', p as V['password'])} who={`the ${noun}`} welcomeLinks={welcomeLinks} />
      {children}
    </FormFrame>
  );
}
