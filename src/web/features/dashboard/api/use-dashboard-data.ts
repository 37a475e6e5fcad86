import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Appointment } from '../../../../contracts/appointments.js';
import { AvailabilityView } from '../../../../contracts/availability.js';
import { listOf } from '../../../../contracts/common.js';
import { DoctorView } from '../../../../contracts/doctors.js';
import { Hospital } from '../../../../contracts/hospitals.js';
import { Patient } from '../../../../contracts/patients.js';
import { api, withQuery } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';

const HospitalList = listOf(Hospital);
const OVERVIEW = { limit: 200, offset: 0 };

/** Every hospital with its counts (super admin). */
export function useHospitalsOverview() {
  return useQuery({
    queryKey: queryKeys.hospitals.list(OVERVIEW),
    queryFn: ({ signal }) => api.get(withQuery('/api/hospitals', OVERVIEW), HospitalList, signal),
  });
}

export function useOwnHospital(hospitalId: string) {
  return useQuery({
    queryKey: queryKeys.hospitals.detail(hospitalId),
    queryFn: ({ signal }) => api.get(`/api/hospitals/${hospitalId}`, Hospital, signal),
  });
}

/** The signed-in doctor's own record. */
export function useOwnDoctor(doctorId: string) {
  return useQuery({
    queryKey: queryKeys.doctors.detail(doctorId),
    queryFn: ({ signal }) => api.get(`/api/doctors/${doctorId}`, DoctorView, signal),
  });
}

/** The doctor's hours (shares the availability feature's cache entry, so saving there updates this). */
export function useOwnHours(doctorId: string) {
  return useQuery({
    queryKey: queryKeys.availability(doctorId),
    queryFn: ({ signal }) => api.get(`/api/doctors/${doctorId}/availability`, AvailabilityView, signal),
  });
}

export function useSetAvailability(doctorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (isAvailable: boolean) => api.patch(`/api/doctors/${doctorId}`, { isAvailable }, DoctorView),
    onSuccess: (doctor) => queryClient.setQueryData(queryKeys.doctors.detail(doctor.id), doctor),
  });
}

/** The signed-in patient's own record. */
export function useOwnPatient(patientId: string) {
  return useQuery({
    queryKey: queryKeys.patients.detail(patientId),
    queryFn: ({ signal }) => api.get(`/api/patients/${patientId}`, Patient, signal),
  });
}

const AppointmentList = listOf(Appointment);

/** Appointments for a dashboard panel (shares the appointments feature's cache keys). */
export function useDashboardAppointments(params: { status: string; from?: string; to?: string; order: 'asc' | 'desc'; limit: number }) {
  const query = { ...params, offset: 0 };
  return useQuery({
    queryKey: queryKeys.appointments.list(query),
    queryFn: ({ signal }) => api.get(withQuery('/api/appointments', query), AppointmentList, signal),
    refetchInterval: 30_000,
  });
}
