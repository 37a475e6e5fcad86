import { useNavigate } from 'react-router';
import { roleLabels, useMe, useSignOut } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { Button, ButtonLink } from '../../lib/ui/button.js';
import { Card, Section } from '../../lib/ui/card.js';
import { DetailList } from '../../lib/ui/detail-list.js';
import { PageHeader } from '../../lib/ui/page-header.js';
import { OwnRecord } from '../../features/profile/components/own-record.js';
import { personName } from '../../../contracts/people.js';

export function ProfilePage() {
  useDocumentTitle('My profile');
  const me = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <>
      <PageHeader title="My profile" description={`${personName(me, me.role)} · ${roleLabels[me.role]}`} />
      <div className="grid gap-8 lg:grid-cols-[1fr_2fr]">
        <div className="space-y-8">
          <Section title="Account">
            <Card className="space-y-5">
              <DetailList
                items={[
                  { label: 'Name', value: personName(me, me.role) },
                  { label: 'Email', value: me.email },
                  { label: 'Role', value: roleLabels[me.role] },
                  { label: 'Hospital', value: me.hospitalName ?? 'All hospitals' },
                ]}
              />
              <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-4">
                <ButtonLink to="/change-password" variant="secondary">
                  Change password
                </ButtonLink>
                <Button
                  variant="secondary"
                  pending={signOut.isPending}
                  onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
                >
                  Sign out
                </Button>
              </div>
            </Card>
          </Section>
        </div>
        <OwnRecord me={me} />
      </div>
    </>
  );
}
