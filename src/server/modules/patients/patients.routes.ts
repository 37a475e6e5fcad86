import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, ListQuery, listOf } from '../../../contracts/common.js';
import { Patient, PatientCreate, PatientPatch } from '../../../contracts/patients.js';
import { actorCtxOf } from '../../context.js';
import { createPatient, getPatient, listPatients, patchPatient } from './patients.service.js';

const admins = ['super_admin', 'hospital_admin'] as const;

export async function patientRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['patients'];
  const HospitalParams = IdParams('hospitalId');
  const PatientParams = IdParams('patientId');

  app.get('/api/hospitals/:hospitalId/patients', {
    schema: { tags, params: HospitalParams, querystring: ListQuery, response: { 200: listOf(Patient) } },
    config: { access: admins },
  }, async (req) => listPatients(actorCtxOf(req), req.params.hospitalId, req.query));

  app.post('/api/hospitals/:hospitalId/patients', {
    schema: { tags, params: HospitalParams, body: PatientCreate, response: { 201: Patient } },
    config: { access: admins },
  }, async (req, reply) => reply.code(201).send(await createPatient(actorCtxOf(req), req.params.hospitalId, req.body)));

  app.get('/api/patients/:patientId', {
    schema: { tags, params: PatientParams, response: { 200: Patient } },
  }, async (req) => getPatient(actorCtxOf(req), req.params.patientId));

  app.patch('/api/patients/:patientId', {
    schema: { tags, params: PatientParams, body: PatientPatch, response: { 200: Patient } },
    config: { access: [...admins, 'patient'] },
  }, async (req) => patchPatient(actorCtxOf(req), req.params.patientId, req.body));
}
