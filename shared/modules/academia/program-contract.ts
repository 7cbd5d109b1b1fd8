import { z } from 'zod';
import { listQuery, pageOf, versioned } from '../../platform/http/list.ts';

/** Contracts of the industry–academia office's programs (group records the program owner edits). */

const uuid = z.string().uuid();
const text = (max: number) => z.string().trim().min(1, 'Required').max(max);
const year = z.number().int().min(1950).max(2200);

export const programKinds = [
  'internship',
  'research',
  'scholarship',
  'career',
  'education',
  'college',
  'mentorship',
  'university',
  'research_line',
] as const;

/** What hangs under a program at the reader's sites: the records that carry its code. */
export const programCounts = z.object({
  interns: z.number().int(),
  courses: z.number().int(),
  scholarships: z.number().int(),
  /** Mentorship programs run under the program. */
  mentorships: z.number().int(),
  /** Research projects of the line whose code the program carries. */
  projects: z.number().int(),
});

export const programView = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  nameZh: z.string(),
  kind: z.enum(programKinds),
  description: z.string().nullable(),
  activeFrom: z.number().int().nullable(),
  activeTo: z.number().int().nullable(),
  owners: z.array(z.object({ userId: uuid, displayName: z.string() })),
  sites: z.array(z.object({ siteId: uuid, siteCode: z.string() })),
  version: z.number().int(),
});
export const programDetail = programView.extend({ counts: programCounts });

const programFields = z.object({
  name: text(200),
  nameZh: text(200),
  kind: z.enum(programKinds),
  description: z.string().trim().max(4000).nullable().optional(),
  activeFrom: year.nullable().optional(),
  activeTo: year.nullable().optional(),
  ownerIds: z.array(uuid).max(20),
  siteIds: z.array(uuid).max(200),
});
export const programInput = programFields
  .extend({
    /** The key the records under the program carry; fixed once created. */
    code: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Lower-case letters, digits and _, starting with a letter (2–40)'),
    ownerIds: z.array(uuid).min(1, 'At least one owner').max(20),
  })
  .strict();
export const programPatch = versioned.extend(programFields.partial().shape).strict();
export const programListQuery = listQuery(['name', 'code', 'kind']).extend({
  kind: z.enum(programKinds).optional(),
  siteId: uuid.optional(),
  /** Programs active in the year. */
  year: z.coerce.number().int().min(1950).max(2200).optional(),
});
export const programPage = pageOf(programView);
