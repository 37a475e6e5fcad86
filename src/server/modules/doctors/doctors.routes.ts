import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, ListQuery, listOf, text } from '../../../contracts/common.js';
import { Doctor, DoctorCreate, DoctorListQuery, DoctorPatch, DoctorView, PICTURE_MAX_BYTES, PICTURE_TYPES } from '../../../contracts/doctors.js';
import { actorCtxOf } from '../../context.js';
import { AppError, fieldError } from '../../errors.js';
import { readForm } from '../../plugins/multipart.js';
import { createDoctor, getDoctor, listDoctors, findDoctorForChange, listSpecializations, patchDoctor } from './doctors.service.js';
import { openPicture, removePicture, setPicture } from './picture.service.js';

const HospitalParams = IdParams('hospitalId');
const DoctorParams = IdParams('doctorId');
const admins = ['super_admin', 'hospital_admin'] as const;

export async function doctorRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['doctors'];

  app.get('/api/hospitals/:hospitalId/doctors', {
    schema: { tags, params: HospitalParams, querystring: ListQuery.extend(DoctorListQuery.shape), response: { 200: listOf(DoctorView) } },
  }, async (req) => listDoctors(actorCtxOf(req), req.params.hospitalId, req.query));

  app.get('/api/hospitals/:hospitalId/specializations', {
    schema: { tags, params: HospitalParams, response: { 200: z.object({ items: z.array(z.string()) }) } },
  }, async (req) => listSpecializations(actorCtxOf(req), req.params.hospitalId));

  app.post('/api/hospitals/:hospitalId/doctors', {
    schema: { tags, params: HospitalParams, body: DoctorCreate, response: { 201: Doctor } },
    config: { access: admins },
  }, async (req, reply) => reply.code(201).send(await createDoctor(actorCtxOf(req), req.params.hospitalId, req.body)));

  app.get('/api/doctors/:doctorId', {
    schema: { tags, params: DoctorParams, response: { 200: DoctorView } },
  }, async (req) => getDoctor(actorCtxOf(req), req.params.doctorId));

  app.patch('/api/doctors/:doctorId', {
    schema: { tags, params: DoctorParams, body: DoctorPatch, response: { 200: Doctor } },
    config: { access: [...admins, 'doctor'] },
  }, async (req) => patchDoctor(actorCtxOf(req), req.params.doctorId, req.body));

  app.put('/api/doctors/:doctorId/picture', {
    schema: { tags, params: DoctorParams, consumes: ['multipart/form-data'], response: { 200: Doctor } },
    config: { access: [...admins, 'doctor'] },
  }, async (req) => {
    const ctx = actorCtxOf(req);
    // Only someone who may change this doctor sends a file to disk.
    await findDoctorForChange(ctx.db, ctx.scope, req.params.doctorId);
    const { file } = await readForm(req, { maxBytes: PICTURE_MAX_BYTES, types: PICTURE_TYPES, refusal: 'Upload a PNG, JPEG or WebP image' });
    if (!file) throw fieldError('validation_failed', 'file', 'Choose an image', 'No file');
    try {
      return await setPicture(ctx, req.params.doctorId, file);
    } finally {
      await file.discard();
    }
  });

  app.delete('/api/doctors/:doctorId/picture', {
    schema: { tags, params: DoctorParams, response: { 200: Doctor } },
    config: { access: [...admins, 'doctor'] },
  }, async (req) => removePicture(actorCtxOf(req), req.params.doctorId));

  app.get('/api/doctors/:doctorId/picture', {
    schema: { tags, params: DoctorParams, querystring: z.object({ v: text().max(40).optional() }) },
  }, async (req, reply) => {
    const { stream, type } = await openPicture(actorCtxOf(req), req.params.doctorId);
    return reply
      .type(type)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Disposition', 'inline')
      .header('Cache-Control', 'private, max-age=86400')
      .send(stream);
  });
}
