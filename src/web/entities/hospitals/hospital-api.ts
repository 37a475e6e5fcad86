import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { listOf } from '../../../contracts/common.js';
import { Hospital } from '../../../contracts/hospitals.js';
import { api, withQuery } from '../../lib/api-client.js';
import { queryKeys } from '../../lib/query-keys.js';

const HospitalList = listOf(Hospital);

/** GET /api/hospitals/:id: the hospital's page, the admin's dashboard and the visit fee read this one entry. */
export const hospitalQuery = (hospitalId: string) =>
  queryOptions({
    queryKey: queryKeys.hospitals.detail(hospitalId),
    queryFn: ({ signal }) => api.get(`/api/hospitals/${hospitalId}`, Hospital, signal),
  });

/** Every hospital with its counts (the super admin). */
export const hospitalListQuery = (params: { q?: string; limit: number; offset: number }) =>
  queryOptions({
    queryKey: queryKeys.hospitals.list({ ...params }),
    queryFn: ({ signal }) => api.get(withQuery('/api/hospitals', { ...params }), HospitalList, signal),
    placeholderData: keepPreviousData,
  });
