import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../platform/http/list.ts';

/**
 * Contracts of the program's teaching: courses taught with or at universities (USI University's among them) and
 * mentorship programs with their activities, shared by the server and the web app.
 */

const uuid = z.string().uuid();
const text = (max: number) => z.string().trim().min(1, 'Required').max(max);
const year = z.coerce.number().int().min(1990).max(2200);
const count = z.number().int().min(0).max(100_000);
/** The company's people who teach or mentor: employees, at most a few dozen on one record. */
const employeeIds = z.array(uuid).max(50);

export const coursePrograms = [
  'usi_university',
  'semiconductor_education',
  'practical_training',
  'nsysu_college',
  'ai_college',
  'other',
] as const;
export const courseSubjects = ['semiconductor', 'ai', 'management', 'career', 'other'] as const;
export const activityKinds = ['forum', 'line_tour', 'dinner', 'career_talk', 'competition', 'other'] as const;

export const personRef = z.object({ employeeId: uuid, fullName: z.string() });

// ---- courses
export const courseView = z.object({
  id: uuid,
  siteId: uuid,
  siteCode: z.string(),
  partnerId: uuid.nullable(),
  partnerName: z.string().nullable(),
  /** The school's name in Chinese, where it has one. */
  partnerNameZh: z.string().nullable(),
  program: z.enum(coursePrograms),
  subject: z.enum(courseSubjects),
  title: z.string(),
  lecturers: z.array(personRef),
  startsOn: z.string(),
  endsOn: z.string(),
  hours: z.number().int(),
  students: z.number().int(),
  /** Students × hours: every enrolled student attends the course's hours. */
  participationHours: z.number().int(),
  feedbackScore: z.number().nullable(),
  feedbackComments: z.string().nullable(),
  version: z.number().int(),
});
const courseFields = z.object({
  siteId: uuid,
  /** The university the course is taught with or at; none for USI University's own open courses. */
  partnerId: uuid.nullable().optional(),
  program: z.enum(coursePrograms),
  subject: z.enum(courseSubjects),
  title: text(300),
  lecturerEmployeeIds: employeeIds.optional(),
  startsOn: isoDate,
  endsOn: isoDate,
  hours: z.number().int().min(1, 'At least one hour').max(2000),
  students: count,
  /** The students' mean rating on a scale of 1 to 5. */
  feedbackScore: z.number().min(1).max(5).multipleOf(0.01).nullable().optional(),
  feedbackComments: z.string().trim().max(4000).nullable().optional(),
});
export const courseInput = courseFields.strict();
export const coursePatch = versioned.extend(courseFields.omit({ siteId: true }).partial().shape).strict();
export const courseListQuery = listQuery(['startsOn', 'title', 'hours', 'students']).extend({
  siteId: uuid.optional(),
  partnerId: uuid.optional(),
  program: z.enum(coursePrograms).optional(),
  subject: z.enum(courseSubjects).optional(),
  /** Courses whose term starts in the year. */
  year: year.optional(),
});
export const coursePage = pageOf(courseView);

// ---- mentorship programs and their activities
export const activityView = z.object({
  id: uuid,
  mentorshipId: uuid,
  kind: z.enum(activityKinds),
  heldOn: z.string(),
  hours: z.number().int(),
  students: z.number().int(),
  /** Hours × students participating. */
  participationHours: z.number().int(),
  version: z.number().int(),
});
export const mentorshipView = z.object({
  id: uuid,
  siteId: uuid,
  siteCode: z.string(),
  partnerId: uuid,
  partnerName: z.string(),
  /** The school's name in Chinese, where it has one. */
  partnerNameZh: z.string().nullable(),
  title: z.string(),
  /** The code of the program record it runs under (the program's names come from the programs list). */
  program: z.string().nullable(),
  mentors: z.array(personRef),
  startsOn: z.string(),
  endsOn: z.string(),
  /** The students enrolled as mentees in the program's term. */
  students: z.number().int(),
  activities: z.number().int(),
  /** The sum of the activities' participation hours. */
  participationHours: z.number().int(),
  version: z.number().int(),
});
export const mentorshipDetail = mentorshipView.extend({ activityRows: z.array(activityView) });
const mentorshipFields = z.object({
  siteId: uuid,
  partnerId: uuid,
  title: text(300),
  /** A program record's code. */
  program: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'A program code')
    .nullable()
    .optional(),
  mentorEmployeeIds: employeeIds.optional(),
  startsOn: isoDate,
  endsOn: isoDate,
  students: count,
});
export const mentorshipInput = mentorshipFields.strict();
export const mentorshipPatch = versioned
  .extend(mentorshipFields.omit({ siteId: true }).partial().shape)
  .strict();
export const mentorshipListQuery = listQuery(['startsOn', 'title', 'students']).extend({
  siteId: uuid.optional(),
  partnerId: uuid.optional(),
  program: z.string().max(40).optional(),
  /** Programs whose term starts in the year. */
  year: year.optional(),
});
export const mentorshipPage = pageOf(mentorshipView);

const activityFields = z.object({
  kind: z.enum(activityKinds),
  heldOn: isoDate,
  hours: z.number().int().min(1, 'At least one hour').max(200),
  students: count,
});
export const activityInput = activityFields.strict();
export const activityPatch = versioned.extend(activityFields.partial().shape).strict();

export const deleteQuery = z.object({ version: z.coerce.number().int().min(1) });

// ---- the year's teaching figures
export const teachingFiguresQuery = z.object({ year });
const courseTotals = z.object({
  courses: z.number().int(),
  /** The courses' own hours added up (a course of 54 hours counts 54, whatever its size). */
  hours: z.number().int(),
  /** Enrolments: a student in two courses counts twice. */
  students: z.number().int(),
  participationHours: z.number().int(),
});
const mentorshipTotals = z.object({
  programs: z.number().int(),
  students: z.number().int(),
  activities: z.number().int(),
  participationHours: z.number().int(),
});
export const teachingFigures = z.object({
  year: z.number().int(),
  courses: courseTotals,
  coursesBySubsidiary: z.array(courseTotals.extend({ subsidiaryCode: z.string() })),
  coursesByProgram: z.array(courseTotals.extend({ program: z.enum(coursePrograms) })),
  /** Students enrolled in the year's courses whose subject is semiconductors, at every subsidiary. */
  semiconductorStudents: z.number().int(),
  mentorships: mentorshipTotals,
  mentorshipsBySubsidiary: z.array(mentorshipTotals.extend({ subsidiaryCode: z.string() })),
});
