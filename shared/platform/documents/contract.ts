import { z } from 'zod';

export const documentView = z.object({
  id: z.string().uuid(),
  entityType: z.string(),
  entityId: z.string(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().uuid().nullable(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type DocumentView = z.infer<typeof documentView>;

export const documentTarget = z.object({
  entityType: z.string().regex(/^[a-z_]{2,40}$/),
  entityId: z.string().min(1).max(64),
});
