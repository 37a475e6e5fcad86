import type { QueryParams } from './api-client.js';

/**
 * Every cache key in one place, so a change in one feature (say, a new doctor) can refresh
 * what another shows (the hospital's doctor count) without importing that feature. Each
 * resource's query is defined once, in `entities/<resource>`; what each change makes stale is
 * named in `invalidations.ts`.
 */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  mailConfig: ['public', 'mail-config'] as const,
  twoFactor: ['auth', 'two-factor'] as const,
  mailPreferences: ['mail-preferences'] as const,
  publicHospitals: ['public', 'hospitals'] as const,
  hospitals: {
    all: ['hospitals'] as const,
    lists: ['hospitals', 'list'] as const,
    list: (params: QueryParams) => ['hospitals', 'list', params] as const,
    detail: (id: string) => ['hospitals', 'detail', id] as const,
    admins: (id: string) => ['hospitals', 'admins', id] as const,
  },
  doctors: {
    all: ['doctors'] as const,
    lists: ['doctors', 'list'] as const,
    list: (hospitalId: string, params: QueryParams) => ['doctors', 'list', hospitalId, params] as const,
    detail: (id: string) => ['doctors', 'detail', id] as const,
    specializations: ['doctors', 'specializations'] as const,
    specializationsOf: (hospitalId: string) => ['doctors', 'specializations', hospitalId] as const,
  },
  patients: {
    all: ['patients'] as const,
    lists: ['patients', 'list'] as const,
    list: (hospitalId: string, params: QueryParams) => ['patients', 'list', hospitalId, params] as const,
    detail: (id: string) => ['patients', 'detail', id] as const,
  },
  audit: (params: QueryParams) => ['audit', params] as const,
  appointments: {
    all: ['appointments'] as const,
    lists: ['appointments', 'list'] as const,
    list: (params: QueryParams) => ['appointments', 'list', params] as const,
    detail: (id: string) => ['appointments', 'detail', id] as const,
  },
  availability: (doctorId: string) => ['availability', doctorId] as const,
  slots: {
    all: ['slots'] as const,
    doctor: (doctorId: string) => ['slots', doctorId] as const,
    range: (doctorId: string, from: string, to: string) => ['slots', doctorId, from, to] as const,
  },
  notifications: {
    all: ['notifications'] as const,
    list: (params: QueryParams) => ['notifications', 'list', params] as const,
  },
  /** Whether online payment is on here: it changes only with the server's settings. */
  paymentsConfig: ['payments-config'] as const,
  payments: {
    all: ['payments'] as const,
    appointment: (appointmentId: string) => ['payments', 'appointment', appointmentId] as const,
    list: (params: QueryParams) => ['payments', 'list', params] as const,
    totals: (params: QueryParams) => ['payments', 'totals', params] as const,
  },
  /** The one call that answers a dashboard's panels when the app opens on it. */
  dashboard: (userId: string) => ['dashboard', userId] as const,
  chat: {
    all: ['chat'] as const,
    history: (appointmentId: string) => ['chat', 'history', appointmentId] as const,
    unread: ['chat', 'unread'] as const,
  },
};
