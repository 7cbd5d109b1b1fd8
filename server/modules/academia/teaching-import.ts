import {
  activityKinds,
  coursePrograms,
  type courseSubjects,
  courseSubjects as subjects,
} from '#shared/modules/academia/teaching-contract.ts';
import { type SiteScope, scopeHas, sitesWith } from '../../platform/access/actor.ts';
import type { Importer, RowError } from '../../platform/imports/importer.ts';
import {
  cellDate as date,
  findSchool,
  type ImportOrg,
  type SchoolLookup,
  schoolLookup,
  siteLookup,
  wholeNumber,
} from './import-cells.ts';
import { academiaImportKind } from './messages.ts';

const PROGRAM = 'academia' as const;

// ---- mentorship activities

export type ActivityImportRow = {
  siteId: string;
  title: string;
  kind: (typeof activityKinds)[number];
  heldOn: string;
  hours: number;
  students: number;
};
type ActivityContext = {
  sites: Map<string, string>;
  scope: SiteScope;
  /** The program each row goes to, found by `checkBatch` (by site, title and the day held). */
  programs: Map<string, string>;
};
const programKey = (r: { siteId: string; title: string; heldOn: string }) =>
  `${r.siteId}:${r.title.toLowerCase()}:${r.heldOn}`;

/**
 * Mentorship activities from a spreadsheet (the platform import pipeline: preview, errors naming row and
 * column, all or nothing): each row names its site and program by title, and lands in the program of that
 * title whose term holds the day, with no more students than the program's mentees.
 */
export const createActivitiesImporter = (org: ImportOrg): Importer<ActivityImportRow, ActivityContext> => ({
  kind: 'academia_mentorship_activities',
  name: academiaImportKind('activities'),
  permission: 'academia.manage',
  columns: [
    { key: 'site_code', label: 'Site code', required: true, aliases: ['site', '廠區'] },
    {
      key: 'program',
      label: 'Mentorship program',
      required: true,
      aliases: ['mentorship', '計畫', '業師計畫'],
    },
    { key: 'kind', label: 'Activity', required: true, aliases: ['activity', 'type', '活動'] },
    {
      key: 'held_on',
      label: 'Held on (YYYY-MM-DD)',
      required: true,
      aliases: ['date', 'held on', '日期', '舉辦日期'],
    },
    { key: 'hours', label: 'Hours', required: true, aliases: ['時數'] },
    {
      key: 'students',
      label: 'Students taking part',
      required: true,
      aliases: ['participants', '參與學生數', '學生數'],
    },
  ],
  async prepare(db, actor) {
    return {
      sites: await siteLookup(org, db),
      scope: sitesWith(actor, 'academia.manage', PROGRAM),
      programs: new Map(),
    };
  },
  check(r, c) {
    const errors: RowError[] = [];
    const siteId = c.sites.get(r.site_code.trim().toUpperCase());
    if (!siteId || !scopeHas(c.scope, siteId))
      errors.push({ column: 'site_code', message: `No site ${r.site_code} whose programs you manage` });
    const title = r.program.trim();
    if (!title) errors.push({ column: 'program', message: 'Required' });
    const kind = activityKinds.find((k) => k === r.kind.trim().toLowerCase());
    if (!kind) errors.push({ column: 'kind', message: `One of ${activityKinds.join(', ')}` });
    const heldOn = date(r.held_on);
    if (!heldOn) errors.push({ column: 'held_on', message: 'A date as YYYY-MM-DD' });
    const hours = wholeNumber(r.hours, 1, 200);
    if (hours === null) errors.push({ column: 'hours', message: 'Whole hours from 1 to 200' });
    const students = wholeNumber(r.students, 0, 100_000);
    if (students === null) errors.push({ column: 'students', message: 'A whole number of students' });
    if (errors.length || !siteId || !kind || !heldOn || hours === null || students === null)
      return { errors };
    return { row: { siteId, title, kind, heldOn, hours, students } };
  },
  async checkBatch(db, rows, c) {
    const errors: (RowError & { row: number })[] = [];
    for (const { row, rowNumber } of rows) {
      const found = await db
        .selectFrom('academia_mentorships')
        .select(['id', 'students'])
        .where('site_id', '=', row.siteId)
        .where((eb) => eb(eb.fn('lower', ['title']), '=', row.title.toLowerCase()))
        .where('starts_on', '<=', row.heldOn)
        .where('ends_on', '>=', row.heldOn)
        .execute();
      if (found.length !== 1) {
        errors.push({
          row: rowNumber,
          column: 'program',
          message:
            found.length === 0
              ? `No program "${row.title}" at this site whose term holds ${row.heldOn}`
              : `${found.length} programs "${row.title}" at this site hold ${row.heldOn}`,
        });
        continue;
      }
      if (row.students > found[0].students) {
        errors.push({
          row: rowNumber,
          column: 'students',
          message: `At most ${found[0].students}, the mentees`,
        });
        continue;
      }
      c.programs.set(programKey(row), found[0].id);
    }
    return errors;
  },
  async insert(trx, rows, c, meta) {
    await trx
      .insertInto('academia_mentorship_activities')
      .values(
        rows.map((r) => {
          const mentorshipId = c.programs.get(programKey(r));
          if (!mentorshipId) throw new Error('An activity reached the insert without its program');
          return {
            mentorship_id: mentorshipId,
            site_id: r.siteId,
            kind: r.kind,
            held_on: r.heldOn,
            hours: r.hours,
            students: r.students,
            created_by: meta.actorId,
            updated_by: meta.actorId,
          };
        }),
      )
      .execute();
    return rows.length;
  },
});

// ---- courses

export type CourseImportRow = {
  siteId: string;
  partnerId: string | null;
  program: (typeof coursePrograms)[number];
  subject: (typeof courseSubjects)[number];
  title: string;
  startsOn: string;
  endsOn: string;
  hours: number;
  students: number;
  feedbackScore: string | null;
};
type CourseContext = { sites: Map<string, string>; scope: SiteScope; schools: SchoolLookup };

/**
 * Courses with their hours and students from a spreadsheet (the platform import pipeline, all or nothing):
 * the school by its English or Chinese name, or none for the company's own courses (USI University's).
 */
export const createCoursesImporter = (org: ImportOrg): Importer<CourseImportRow, CourseContext> => ({
  kind: 'academia_courses',
  name: academiaImportKind('courses'),
  permission: 'academia.manage',
  columns: [
    { key: 'site_code', label: 'Site code', required: true, aliases: ['site', '廠區'] },
    {
      key: 'school',
      label: 'School or institute',
      required: false,
      aliases: ['partner', 'university', '學校'],
    },
    { key: 'program', label: 'Program', required: true, aliases: ['計畫'] },
    { key: 'subject', label: 'Subject', required: true, aliases: ['領域'] },
    { key: 'title', label: 'Course title', required: true, aliases: ['course', '課程', '課程名稱'] },
    {
      key: 'starts_on',
      label: 'Starts (YYYY-MM-DD)',
      required: true,
      aliases: ['start', 'starts', 'starts on', '開始'],
    },
    {
      key: 'ends_on',
      label: 'Ends (YYYY-MM-DD)',
      required: true,
      aliases: ['end', 'ends', 'ends on', '結束'],
    },
    { key: 'hours', label: 'Hours', required: true, aliases: ['時數'] },
    { key: 'students', label: 'Students', required: true, aliases: ['學生數'] },
    { key: 'feedback_score', label: 'Feedback score (1–5)', required: false, aliases: ['score', '回饋評分'] },
  ],
  async prepare(db, actor) {
    return {
      sites: await siteLookup(org, db),
      scope: sitesWith(actor, 'academia.manage', PROGRAM),
      schools: await schoolLookup(db),
    };
  },
  check(r, c) {
    const errors: RowError[] = [];
    const siteId = c.sites.get(r.site_code.trim().toUpperCase());
    if (!siteId || !scopeHas(c.scope, siteId))
      errors.push({ column: 'site_code', message: `No site ${r.site_code} whose courses you manage` });
    // No school: the company's own course (USI University's).
    const school = (r.school ?? '').trim() ? findSchool(c.schools, r.school) : null;
    if (school && 'error' in school) errors.push({ column: 'school', message: school.error });
    const partnerId = school && 'id' in school ? school.id : null;
    const program = coursePrograms.find((p) => p === r.program.trim().toLowerCase());
    if (!program) errors.push({ column: 'program', message: `One of ${coursePrograms.join(', ')}` });
    const subject = subjects.find((s) => s === r.subject.trim().toLowerCase());
    if (!subject) errors.push({ column: 'subject', message: `One of ${subjects.join(', ')}` });
    const title = r.title.trim();
    if (!title || title.length > 300)
      errors.push({ column: 'title', message: 'Required, at most 300 characters' });
    const startsOn = date(r.starts_on);
    if (!startsOn) errors.push({ column: 'starts_on', message: 'A date as YYYY-MM-DD' });
    const endsOn = date(r.ends_on);
    if (!endsOn) errors.push({ column: 'ends_on', message: 'A date as YYYY-MM-DD' });
    else if (startsOn && endsOn < startsOn) errors.push({ column: 'ends_on', message: 'Before the start' });
    const hours = wholeNumber(r.hours, 1, 2000);
    if (hours === null) errors.push({ column: 'hours', message: 'Whole hours from 1 to 2,000' });
    const students = wholeNumber(r.students, 0, 100_000);
    if (students === null) errors.push({ column: 'students', message: 'A whole number of students' });
    const scoreText = (r.feedback_score ?? '').trim();
    const score = Number(scoreText);
    if (scoreText && !(/^\d(\.\d{1,2})?$/.test(scoreText) && score >= 1 && score <= 5))
      errors.push({ column: 'feedback_score', message: 'From 1 to 5, at most two decimals' });
    if (
      errors.length ||
      !siteId ||
      !program ||
      !subject ||
      !startsOn ||
      !endsOn ||
      hours === null ||
      students === null
    )
      return { errors };
    return {
      row: {
        siteId,
        partnerId,
        program,
        subject,
        title,
        startsOn,
        endsOn,
        hours,
        students,
        feedbackScore: scoreText ? score.toFixed(2) : null,
      },
    };
  },
  async insert(trx, rows, _c, meta) {
    await trx
      .insertInto('academia_courses')
      .values(
        rows.map((r) => ({
          site_id: r.siteId,
          partner_id: r.partnerId,
          program: r.program,
          subject: r.subject,
          title: r.title,
          starts_on: r.startsOn,
          ends_on: r.endsOn,
          hours: r.hours,
          students: r.students,
          feedback_score: r.feedbackScore,
          created_by: meta.actorId,
          updated_by: meta.actorId,
        })),
      )
      .execute();
    return rows.length;
  },
});
