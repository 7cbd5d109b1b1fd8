import { z } from 'zod';

/** Contracts of the hours worked per site and month. */

export const hoursView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  month: z.string(),
  employeeHours: z.string(),
  nonEmployeeHours: z.string(),
  version: z.number().int(),
});
const hoursAmount = z
  .union([z.number(), z.string()])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, 'Hours, at most two decimals'));
export const hoursInput = z
  .object({
    siteId: z.string().uuid(),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM'),
    employeeHours: hoursAmount,
    nonEmployeeHours: hoursAmount.optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();
export const hoursListQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100),
  siteId: z.string().uuid().optional(),
});
