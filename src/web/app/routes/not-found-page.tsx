import { useDocumentTitle } from '../../lib/use-document-title.js';
import { ButtonLink } from '../../lib/ui/button.js';
import { PageHeader } from '../../lib/ui/page-header.js';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <div className="max-w-2xl">
      <PageHeader
        title="Page not found"
        description="There is no page at this address. Check the link, or start again from your dashboard."
      />
      <ButtonLink to="/">Go to your dashboard</ButtonLink>
    </div>
  );
}
