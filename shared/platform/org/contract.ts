import { z } from 'zod';
import { listQuery, pageOf, versioned } from '../http/list.ts';

export const siteKinds = ['manufacturing', 'materials', 'office', 'warehouse', 'research'] as const;
export const areaKinds = ['building', 'floor', 'line', 'room', 'zone'] as const;

const code = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Z0-9][A-Z0-9_-]*$/, 'Use capital letters, digits, - and _');
const name = z.string().trim().min(1).max(200);
const timeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Not a known IANA time zone');
const country = z
  .string()
  .length(2)
  .regex(/^[A-Z]{2}$/, 'Use an ISO 3166 two-letter code');

export const subsidiaryView = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  nameZh: z.string().nullable(),
  siteCount: z.number().int(),
  version: z.number().int(),
});
export const subsidiaryInput = z.object({ code, name, nameZh: name.nullable().optional() }).strict();
export const subsidiaryPatch = subsidiaryInput.partial().extend(versioned.shape).strict();

export const siteView = z.object({
  id: z.string().uuid(),
  subsidiaryId: z.string().uuid(),
  subsidiaryCode: z.string(),
  code: z.string(),
  name: z.string(),
  nameZh: z.string().nullable(),
  country: z.string(),
  timeZone: z.string(),
  kind: z.enum(siteKinds),
  active: z.boolean(),
  employeeCount: z.number().int(),
  version: z.number().int(),
});
export type SiteView = z.infer<typeof siteView>;
export const siteInput = z
  .object({
    subsidiaryId: z.string().uuid(),
    code,
    name,
    nameZh: name.nullable().optional(),
    country,
    timeZone,
    kind: z.enum(siteKinds),
    active: z.boolean().optional(),
  })
  .strict();
export const sitePatch = siteInput.omit({ subsidiaryId: true }).partial().extend(versioned.shape).strict();
export const siteListQuery = listQuery(['code', 'name', 'country', 'subsidiary']).extend({
  subsidiaryId: z.string().uuid().optional(),
  country: country.optional(),
});
export const sitePage = pageOf(siteView);

export const areaView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  parentId: z.string().uuid().nullable(),
  kind: z.enum(areaKinds),
  code: z.string(),
  name: z.string(),
  version: z.number().int(),
});
export type AreaView = z.infer<typeof areaView>;
export const areaInput = z
  .object({
    siteId: z.string().uuid(),
    parentId: z.string().uuid().nullable().optional(),
    kind: z.enum(areaKinds),
    code,
    name,
  })
  .strict();
export const areaPatch = areaInput.omit({ siteId: true }).partial().extend(versioned.shape).strict();

export const orgTree = z.object({
  holding: z
    .object({ id: z.string().uuid(), code: z.string(), name: z.string(), nameZh: z.string().nullable() })
    .nullable(),
  subsidiaries: z.array(subsidiaryView.extend({ sites: z.array(siteView) })),
});
