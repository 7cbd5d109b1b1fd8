import { z } from 'zod';
import { isoDate, listQuery, pageOf } from '../http/list.ts';

export const auditEventView = z.object({
  id: z.number().int(),
  chainKey: z.string(),
  seq: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  siteId: z.string().nullable(),
  /** In the reader's language: a message rendered, what a user typed as typed. */
  summary: z.string().nullable(),
  /** The summary's message key and parameters (the event's facts); null when typed or written before them. */
  summaryKey: z.string().nullable(),
  summaryParams: z.record(z.string(), z.unknown()).nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export const auditListQuery = listQuery(['occurredAt']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  actorId: z.string().uuid().optional(),
  siteId: z.string().uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const auditPage = pageOf(auditEventView);

export const chainBreakView = z.object({
  chainKey: z.string(),
  seq: z.number().int(),
  eventId: z.number().int().nullable(),
  reason: z.enum(['hash-mismatch', 'missing-event', 'prev-hash-mismatch', 'head-mismatch']),
  detail: z.string(),
});
export const verifyReportView = z.object({
  ok: z.boolean(),
  chains: z.number().int(),
  events: z.number().int(),
  breaks: z.array(chainBreakView),
  /** Chains rewritten to remove details (each an `audit.redacted` event), hashed again from an event on. */
  redactions: z.array(
    z.object({
      chainKey: z.string(),
      seq: z.number().int(),
      occurredAt: z.string(),
      summary: z.string().nullable(),
    }),
  ),
});
