import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, ListQuery, listOf } from '../../../contracts/common.js';
import { Hospital, HospitalCreate, HospitalPatch, PublicHospital } from '../../../contracts/hospitals.js';
import { AdminPatch, HospitalAdmin, HospitalAdminCreate } from '../../../contracts/users.js';
import { actorCtxOf, ctxOf } from '../../context.js';
import { createAdmin, listAdmins, patchAdmin } from './admins.service.js';
import { createHospital, getHospital, listHospitals, listPublicHospitals, patchHospital } from './hospitals.service.js';

const HospitalParams = IdParams('hospitalId');
const AdminParams = IdParams('adminId');

export async function hospitalRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['hospitals'];

  app.get('/api/public/hospitals', {
    schema: { tags, response: { 200: listOf(PublicHospital) } },
    config: { access: 'public' },
  }, async (req) => listPublicHospitals(ctxOf(req)));

  app.get('/api/hospitals', {
    schema: { tags, querystring: ListQuery, response: { 200: listOf(Hospital) } },
  }, async (req) => listHospitals(actorCtxOf(req), req.query));

  app.post('/api/hospitals', {
    schema: { tags, body: HospitalCreate, response: { 201: Hospital } },
    config: { access: ['super_admin'] },
  }, async (req, reply) => reply.code(201).send(await createHospital(actorCtxOf(req), req.body)));

  app.get('/api/hospitals/:hospitalId', {
    schema: { tags, params: HospitalParams, response: { 200: Hospital } },
  }, async (req) => getHospital(actorCtxOf(req), req.params.hospitalId));

  app.patch('/api/hospitals/:hospitalId', {
    schema: { tags, params: HospitalParams, body: HospitalPatch, response: { 200: Hospital } },
    config: { access: ['super_admin', 'hospital_admin'] },
  }, async (req) => patchHospital(actorCtxOf(req), req.params.hospitalId, req.body));

  app.get('/api/hospitals/:hospitalId/admins', {
    schema: { tags, params: HospitalParams, querystring: ListQuery, response: { 200: listOf(HospitalAdmin) } },
    config: { access: ['super_admin', 'hospital_admin'] },
  }, async (req) => listAdmins(actorCtxOf(req), req.params.hospitalId, req.query));

  app.post('/api/hospitals/:hospitalId/admins', {
    schema: { tags, params: HospitalParams, body: HospitalAdminCreate, response: { 201: HospitalAdmin } },
    config: { access: ['super_admin'] },
  }, async (req, reply) => reply.code(201).send(await createAdmin(actorCtxOf(req), req.params.hospitalId, req.body)));

  app.patch('/api/admins/:adminId', {
    schema: { tags, params: AdminParams, body: AdminPatch, response: { 200: HospitalAdmin } },
    config: { access: ['super_admin', 'hospital_admin'] },
  }, async (req) => patchAdmin(actorCtxOf(req), req.params.adminId, req.body));
}
