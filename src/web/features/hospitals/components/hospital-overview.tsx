import { useState } from 'react';
import type { Hospital } from '../../../../contracts/hospitals.js';
import { describeZone, formatDateTime } from '../../../lib/datetime.js';
import { formatPaisa } from '../../../lib/money.js';
import { policyHoursText } from '../../../lib/refund-policy.js';
import { Alert } from '../../../lib/ui/alert.js';
import { Button } from '../../../lib/ui/button.js';
import { Card, Section } from '../../../lib/ui/card.js';
import { DetailList } from '../../../lib/ui/detail-list.js';
import { useUpdateHospital } from '../api/use-hospital.js';
import { HospitalForm } from './hospital-form.js';

/** A hospital's details, with an Edit form in place. */
export function HospitalOverview({ hospital }: { hospital: Hospital }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const update = useUpdateHospital(hospital.id);

  return (
    <Section
      title="Details"
      actions={
        !editing && (
          <Button
            variant="secondary"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            Edit details
          </Button>
        )
      }
    >
      {saved && <Alert tone="success">Hospital details saved.</Alert>}
      <Card>
        {editing ? (
          <HospitalForm
            hospital={hospital}
            label="Edit hospital details"
            submitLabel="Save changes"
            onCancel={() => setEditing(false)}
            onSubmit={async (body) => {
              const changes = Object.fromEntries(
                Object.entries(body).filter(([k, v]) => hospital[k as keyof Hospital] !== v),
              );
              if (Object.keys(changes).length > 0) await update.mutateAsync(changes);
              setEditing(false);
              setSaved(true);
            }}
          />
        ) : (
          <DetailList
            items={[
              { label: 'Address', value: hospital.address },
              { label: 'Phone', value: hospital.phone },
              { label: 'Email', value: hospital.email },
              { label: 'Time zone', value: describeZone(hospital.timezone) },
              { label: 'Appointment fee', value: formatPaisa(hospital.appointmentFee) },
              { label: 'Refund policy', value: `A patient’s cancellation is refunded in full ${policyHoursText(hospital.refundFullUntilHours)}` },
              { label: 'Added', value: formatDateTime(hospital.createdAt) },
              { label: 'Doctors', value: hospital.doctorCount },
              { label: 'Patients', value: hospital.patientCount },
            ]}
          />
        )}
      </Card>
    </Section>
  );
}
