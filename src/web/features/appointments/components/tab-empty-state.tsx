import type { Viewer } from '../../../entities/appointments/appointment-status.js';
import { ButtonLink } from '../../../lib/ui/button.js';
import { EmptyState } from '../../../lib/ui/empty-state.js';
import type { Tab } from '../utils/appointment-filters.js';

/** One line under the lists saying what the chosen one holds, for this viewer. */
export function tabDescription(tab: Tab, viewer: Viewer): string {
  switch (tab) {
    case 'needs-action':
      return viewer === 'doctor'
        ? 'Requests waiting for your answer.'
        : viewer === 'patient'
          ? 'New times the doctor proposed, and agreed visits whose fee is due.'
          : 'Requests the doctor has not answered, proposals the patient has not answered, and visits not paid yet.';
    case 'upcoming':
      return viewer === 'doctor'
        ? 'Visits still to come: confirmed, or waiting for the patient (a proposal or the fee).'
        : viewer === 'patient'
          ? 'Visits still to come: confirmed, or requested and waiting for the doctor.'
          : 'Confirmed visits still to come, and visits under way.';
    case 'past':
      return 'Visits that took place.';
    case 'cancelled':
      return 'Requests that were declined and appointments that were cancelled.';
  }
}

/** Nothing in this list: say what would be here and, where it helps, what to do. */
export function TabEmptyState({ tab, viewer }: { tab: Tab; viewer: Viewer }) {
  switch (tab) {
    case 'needs-action':
      return (
        <EmptyState title={viewer === 'staff' ? 'Nothing is waiting' : 'Nothing needs your action'}>
          {viewer === 'doctor'
            ? 'New requests from patients appear here for you to approve, reschedule or reject.'
            : viewer === 'patient'
              ? 'When the doctor proposes another time, or a visit’s fee is due, it appears here.'
              : 'Requests, proposals and unpaid visits appear here until someone acts on them.'}
        </EmptyState>
      );
    case 'upcoming':
      return (
        <EmptyState title="No upcoming appointments" action={viewer === 'patient' && <ButtonLink to="/find-doctor">Find a doctor</ButtonLink>}>
          {viewer === 'patient'
            ? 'Find a doctor and request a visit; it will be listed here.'
            : viewer === 'doctor'
              ? 'Visits booked with you will be listed here.'
              : 'Appointments of your hospital’s doctors will be listed here.'}
        </EmptyState>
      );
    case 'past':
      return <EmptyState title="No past appointments">Visits that took place will be listed here.</EmptyState>;
    case 'cancelled':
      return <EmptyState title="No cancelled appointments">Declined requests and cancelled appointments will be listed here.</EmptyState>;
  }
}
