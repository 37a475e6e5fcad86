import { useState } from 'react';
import { Link } from 'react-router';
import { SignupBody } from '../../../contracts/auth.js';
import { describeZone } from '../../lib/datetime.js';
import { useForm } from '../../lib/form.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { Alert } from '../../lib/ui/alert.js';
import { Button } from '../../lib/ui/button.js';
import { Card } from '../../lib/ui/card.js';
import { EmptyState } from '../../lib/ui/empty-state.js';
import { FormAlert } from '../../lib/ui/form-alert.js';
import { QueryError } from '../../lib/ui/query-error.js';
import { SelectField } from '../../lib/ui/select-field.js';
import { Loading } from '../../lib/ui/spinner.js';
import { TextField } from '../../lib/ui/text-field.js';
import { usePublicHospitals } from '../../features/auth/api/use-public-hospitals.js';
import { useSignup } from '../../features/auth/api/use-signup.js';

export function SignupPage() {
  useDocumentTitle('Create a patient account');
  const hospitals = usePublicHospitals();
  const form = useForm({ firstName: '', lastName: '', email: '', password: '', hospitalId: '' }, { schema: SignupBody });
  const signup = useSignup();
  // Where mail is configured the address is confirmed first: the answer is the same for every address.
  const [pendingFor, setPendingFor] = useState<string | null>(null);

  // On success "me" is set and the guest-only guard moves on; with mail, the address is confirmed first.
  const onSubmit = form.handleSubmit(async (body) => {
    const result = await signup.mutateAsync(body);
    if (!('user' in result)) setPendingFor(body.email);
  });

  if (pendingFor)
    return (
      <Card>
        <h1 className="text-2xl font-bold text-slate-900">Check your email</h1>
        <Alert tone="success" className="mt-6" title="One more step">
          <p>
            We sent a message to <strong>{pendingFor}</strong>. Follow its link to confirm your address; then sign in and book
            your visits.
          </p>
          <p className="mt-2">Nothing arrived after a few minutes? Look in your spam folder.</p>
        </Alert>
        <p className="mt-6 text-sm text-slate-700">
          <Link to="/login" className="font-semibold text-brand-900 underline">
            Go to sign in
          </Link>
        </p>
      </Card>
    );

  const items = hospitals.data?.items ?? [];
  const chosen = items.find((h) => h.id === form.values.hospitalId);

  return (
    <Card>
      <h1 className="text-2xl font-bold text-slate-900">Create a patient account</h1>
      <p className="mt-1 text-slate-700">
        Join your hospital to book visits and talk to your doctor online.
      </p>
      <div className="mt-6">
        {hospitals.isPending ? (
          <Loading label="Loading hospitals…" />
        ) : hospitals.isError ? (
          <QueryError
            error={hospitals.error}
            title="Could not load the list of hospitals"
            onRetry={() => void hospitals.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState
            headingLevel={2}
            title="No hospitals are accepting patients yet"
            action={
              <Link to="/login" className="font-semibold text-brand-900 underline">
                Back to sign in
              </Link>
            }
          >
            Sign-up opens once your hospital is set up on Telemedicine. Please check back later or
            ask your hospital’s front desk.
          </EmptyState>
        ) : (
          <form ref={form.formRef} noValidate onSubmit={onSubmit} className="space-y-5">
            <FormAlert failure={form.failure} />
            <SelectField
              label="Hospital"
              placeholder="Choose your hospital"
              required
              options={items.map((h) => ({ value: h.id, label: h.name }))}
              hint={chosen ? `${chosen.address} · ${describeZone(chosen.timezone)}` : undefined}
              {...form.text('hospitalId')}
            />
            <div className="grid gap-5 sm:grid-cols-2">
              <TextField label="First name" autoComplete="given-name" required {...form.text('firstName')} />
              <TextField label="Last name" autoComplete="family-name" required {...form.text('lastName')} />
            </div>
            <TextField
              label="Email address"
              type="email"
              inputMode="email"
              autoComplete="email"
              required
              {...form.text('email')}
            />
            <TextField
              label="Password"
              type="password"
              autoComplete="new-password"
              hint="At least 8 characters. A few words you can remember work well."
              required
              {...form.text('password')}
            />
            <Button type="submit" className="w-full" pending={signup.isPending} pendingLabel="Creating account…">
              Create account
            </Button>
          </form>
        )}
      </div>
      <p className="mt-6 text-sm text-slate-700">
        Already have an account?{' '}
        <Link to="/login" className="font-semibold text-brand-900 underline">
          Sign in
        </Link>
      </p>
    </Card>
  );
}
