import { z } from 'zod';
import { listQuery, pageOf, versioned } from '../http/list.ts';

export const importStatuses = [
  'uploaded',
  'validating',
  'valid',
  'invalid',
  'committing',
  'done',
  'failed',
] as const;

export const importRowError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});

export const importJobView = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  title: z.string(),
  status: z.enum(importStatuses),
  filename: z.string(),
  format: z.enum(['csv', 'xlsx']),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  header: z.array(z.string()),
  columns: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  mapping: z.record(z.string(), z.string().nullable()),
  rowsTotal: z.number().int().nullable(),
  rowsDone: z.number().int(),
  rowsInserted: z.number().int().nullable(),
  /** 0 to 100 while validating or committing. */
  progress: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(importRowError),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ImportJobView = z.infer<typeof importJobView>;

export const importUploadQuery = z.object({ kind: z.string().regex(/^[a-z_.-]{2,40}$/) });
export const importMappingBody = versioned
  .extend({ mapping: z.record(z.string().max(64), z.string().max(200).nullable()) })
  .strict();
export const importStepBody = versioned.strict();
export const importListQuery = listQuery(['createdAt']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  kind: z.string().max(40).optional(),
});
export const importPage = pageOf(importJobView);
