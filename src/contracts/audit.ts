import { z } from 'zod';
import { text } from './common.js';
import { Id, IsoDateTime } from './common.js';

export const AuditEvent = z.object({
  id: z.string(),
  at: IsoDateTime,
  action: z.string(),
  actorId: Id.nullable(),
  actorEmail: z.string().nullable(),
  hospitalId: Id.nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditQuery = z.object({
  action: text().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
