import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../http/list.ts';

export const certificationStatuses = [
  'valid',
  'expiring',
  'expired',
  'renewal-in-progress',
  'superseded',
] as const;

export const certificationView = z.object({
  id: z.string().uuid(),
  standard: z.string(),
  siteId: z.string().uuid().nullable(),
  siteCode: z.string().nullable(),
  siteName: z.string().nullable(),
  subsidiaryId: z.string().uuid().nullable(),
  subsidiaryCode: z.string().nullable(),
  certificateNo: z.string().nullable(),
  issuer: z.string().nullable(),
  scope: z.string().nullable(),
  issuedOn: z.string(),
  validUntil: z.string(),
  renewalInProgress: z.boolean(),
  status: z.enum(certificationStatuses),
  daysLeft: z.number().int(),
  ownerId: z.string().uuid().nullable(),
  ownerName: z.string().nullable(),
  previousId: z.string().uuid().nullable(),
  supersededById: z.string().uuid().nullable(),
  version: z.number().int(),
});
export type CertificationView = z.infer<typeof certificationView>;

const fields = z.object({
  standard: z.string().trim().min(2).max(80),
  siteId: z.string().uuid().nullable().optional(),
  subsidiaryId: z.string().uuid().nullable().optional(),
  certificateNo: z.string().trim().max(80).nullable().optional(),
  issuer: z.string().trim().max(200).nullable().optional(),
  scope: z.string().trim().max(2000).nullable().optional(),
  issuedOn: isoDate,
  validUntil: isoDate,
  renewalInProgress: z.boolean().optional(),
  ownerId: z.string().uuid().nullable().optional(),
  /** The certificate this one renews: it becomes superseded and its renewal obligation done. */
  previousId: z.string().uuid().nullable().optional(),
});
export const certificationInput = fields
  .strict()
  .refine((c) => !!c.siteId !== !!c.subsidiaryId, {
    message: 'A certificate belongs to one site or one subsidiary',
    path: ['siteId'],
  })
  .refine((c) => c.validUntil >= c.issuedOn, {
    message: 'Valid until cannot be before the issue date',
    path: ['validUntil'],
  });
export const certificationPatch = fields
  .omit({ siteId: true, subsidiaryId: true, previousId: true })
  .partial()
  .extend(versioned.shape)
  .strict();

export const certificationListQuery = listQuery(['validUntil', 'standard', 'site', 'issuedOn']).extend({
  standard: z.string().max(80).optional(),
  status: z.enum(certificationStatuses).optional(),
  siteId: z.string().uuid().optional(),
  includeSuperseded: z.enum(['true', 'false']).default('false'),
});
export const certificationPage = pageOf(certificationView);

export const certificationMatrix = z.object({
  standards: z.array(z.string()),
  rows: z.array(
    z.object({
      holderId: z.string().uuid(),
      holderCode: z.string(),
      holderName: z.string(),
      level: z.enum(['site', 'subsidiary']),
      cells: z.record(
        z.string(),
        z
          .object({ id: z.string().uuid(), status: z.enum(certificationStatuses), validUntil: z.string() })
          .nullable(),
      ),
    }),
  ),
  counts: z.record(z.string(), z.number().int()),
});
