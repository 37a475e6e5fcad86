import { keepPreviousData, queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { listOf } from '../../../contracts/common.js';
import { Patient, type PatientPatch } from '../../../contracts/patients.js';
import { api, withQuery } from '../../lib/api-client.js';
import { invalidate, invalidations } from '../../lib/invalidations.js';
import { queryKeys } from '../../lib/query-keys.js';

const PatientList = listOf(Patient);

/** GET /api/patients/:id: the patient's page, their profile and their dashboard read this one entry. */
export const patientQuery = (patientId: string) =>
  queryOptions({
    queryKey: queryKeys.patients.detail(patientId),
    queryFn: ({ signal }) => api.get(`/api/patients/${patientId}`, Patient, signal),
  });

export const patientListQuery = (hospitalId: string, params: { q?: string; limit: number; offset: number }) =>
  queryOptions({
    queryKey: queryKeys.patients.list(hospitalId, { ...params }),
    queryFn: ({ signal }) => api.get(withQuery(`/api/hospitals/${hospitalId}/patients`, { ...params }), PatientList, signal),
    placeholderData: keepPreviousData,
  });

/** A patient record the server just returned: stored as it is, and every other view refreshed. */
export function storePatient(queryClient: QueryClient, patient: Patient) {
  queryClient.setQueryData(patientQuery(patient.id).queryKey, patient);
  void invalidate(queryClient, invalidations.patientSaved());
}

/** PATCH /api/patients/:id, by an admin or by the patient. */
export function useUpdatePatient(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PatientPatch) => api.patch(`/api/patients/${patientId}`, body, Patient),
    onSuccess: (patient) => storePatient(queryClient, patient),
  });
}
