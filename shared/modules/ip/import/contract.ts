import { z } from 'zod';
import { importJobView } from '../../../platform/imports/contract.ts';
import { technology } from '../contract.ts';

/** The USPTO grant XML upload: which site owns the new families and their technology. */
export const usptoUploadQuery = z
  .object({
    siteId: z.string().uuid(),
    technology: technology.default('other'),
  })
  .strict();

/** An inventor printed on a grant, and the employee found by that name (none: reported, never recorded). */
export const usptoInventor = z.object({
  name: z.string(),
  employeeNo: z.string().nullable(),
  /** More than one employee has this name: none is chosen. */
  ambiguous: z.boolean(),
});

export const usptoGrantRead = z.object({
  patentNo: z.string(),
  kindCode: z.string(),
  applicationNo: z.string(),
  title: z.string(),
  inventors: z.array(usptoInventor),
});

/** The import the grants became (continue it like any import), with what was read of each grant. */
export const usptoUploadView = z.object({
  import: importJobView,
  grants: z.array(usptoGrantRead),
});
export type UsptoUploadView = z.infer<typeof usptoUploadView>;
