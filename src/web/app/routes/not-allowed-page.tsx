import { useDocumentTitle } from '../../lib/use-document-title.js';
import { roleLabels } from '../../entities/accounts/roles.js';
import { useMe } from '../../lib/session.js';
import { ButtonLink } from '../../lib/ui/button.js';
import { PageHeader } from '../../lib/ui/page-header.js';

export function NotAllowedPage() {
  useDocumentTitle('Not allowed');
  const me = useMe();
  return (
    <div className="max-w-2xl">
      <PageHeader
        title="You don’t have access to this page"
        description={`Your account is a ${roleLabels[me.role].toLowerCase()} account, and this page is for other roles. If you think you need access, ask your hospital’s administrator.`}
      />
      <ButtonLink to="/">Go to your dashboard</ButtonLink>
    </div>
  );
}
