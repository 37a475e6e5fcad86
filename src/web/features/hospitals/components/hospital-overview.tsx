import { useState } from 'react';
import type { Hospital } from '../../../../contracts/hospitals.js';
import { hospitalDetails } from '../../../entities/hospitals/hospital-details.js';
import { formatDateTime } from '../../../lib/datetime.js';
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
              ...hospitalDetails(hospital),
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
