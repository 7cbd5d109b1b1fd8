import {
  collegeInstitutes,
  internInput,
  internOutcomes,
  internPrograms,
} from '#shared/modules/academia/contract.ts';
import type { Importer, RowError } from '../../platform/imports/importer.ts';
import {
  alreadyRecorded,
  cellDate,
  codeOf,
  earlierRow,
  findSchool,
  findSite,
  type ImportContext,
  type ImportOrg,
  prepareImport,
  wholeNumber,
} from './import-cells.ts';
import { academiaImportKind } from './messages.ts';
import * as repo from './repo.ts';
import { studyPeriodProblem } from './rules/study.ts';

/** A name as compared: case and runs of spaces aside. */
const sameName = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The natural key of an intern: one student of a school at a site whose internship starts on a day. The same
 * four twice is the same student entered twice, who would count twice among the interns recruited.
 */
const naturalKey = (r: { siteId: string; partnerId: string; fullName: string; startedOn: string }) =>
  `${r.siteId}|${r.partnerId}|${r.startedOn}|${sameName(r.fullName)}`;

const YES = new Set(['yes', 'y', 'true', '1', '是', 'v']);
const NO = new Set(['', 'no', 'n', 'false', '0', '否']);

/** Optional date cell: null when empty, undefined when it holds something that is not a date. */
const optionalDate = (cell: string | undefined) =>
  (cell ?? '').trim() ? (cellDate(cell) ?? undefined) : null;

/**
 * Students and interns from a spreadsheet (the platform import pipeline: a preview naming row and column, then
 * every row or none): each row one student's internship at a site, the school by its English or Chinese name,
 * the program, outcome and institute by their codes, and the cohort's period of study where there is one. The
 * same rules hold as for an intern entered by hand: the site must be one where the importer manages the
 * program, the internship ends no earlier than it starts, the study comes before it.
 */
export const createInternsImporter = (org: ImportOrg): Importer<repo.InternInsert, ImportContext> => ({
  kind: 'academia_interns',
  name: academiaImportKind('interns'),
  permission: 'academia.manage',
  columns: [
    { key: 'site_code', label: 'Site code', required: true, aliases: ['site', '廠區', '廠區代碼'] },
    {
      key: 'school',
      label: 'School or institute',
      required: true,
      aliases: ['partner', 'university', '學校', '學校或機構'],
    },
    { key: 'full_name', label: 'Full name', required: true, aliases: ['name', 'student', '姓名'] },
    { key: 'email', label: 'E-mail', required: false, aliases: ['email address', '電子郵件'] },
    {
      key: 'date_of_birth',
      label: 'Date of birth (YYYY-MM-DD)',
      required: false,
      aliases: ['birth date', 'dob', '出生日期'],
    },
    { key: 'program', label: 'Program', required: true, aliases: ['計畫', '方案'] },
    {
      key: 'started_on',
      label: 'Internship starts (YYYY-MM-DD)',
      required: true,
      aliases: ['start', 'starts', 'started on', '開始', '開始日期'],
    },
    {
      key: 'ended_on',
      label: 'Internship ends (YYYY-MM-DD)',
      required: false,
      aliases: ['end', 'ends', 'ended on', '結束', '結束日期'],
    },
    { key: 'hours', label: 'Hours', required: false, aliases: ['時數', '實習時數'] },
    { key: 'outcome', label: 'Outcome', required: false, aliases: ['結果'] },
    { key: 'institute', label: 'Institute (college cohort)', required: false, aliases: ['研究所'] },
    { key: 'sponsored', label: 'Sponsored (yes/no)', required: false, aliases: ['公司贊助'] },
    {
      key: 'study_started_on',
      label: 'Study starts (YYYY-MM-DD)',
      required: false,
      aliases: ['study start', '修業開始'],
    },
    {
      key: 'study_ended_on',
      label: 'Study ends (YYYY-MM-DD)',
      required: false,
      aliases: ['study end', '修業結束'],
    },
  ],
  prepare: (db, actor) => prepareImport(org, db, actor),
  check(r, c, _actor, rowNumber) {
    const errors: RowError[] = [];
    const site = findSite(c, r.site_code, 'interns');
    if ('error' in site) errors.push({ column: 'site_code', message: site.error });
    const school = findSchool(c.schools, r.school);
    if ('error' in school) errors.push({ column: 'school', message: school.error });
    const fullName = r.full_name.trim().replace(/\s+/g, ' ');
    if (!fullName || fullName.length > 200)
      errors.push({ column: 'full_name', message: 'Required, at most 200 characters' });
    const emailCell = (r.email ?? '').trim();
    const email = emailCell ? internInput.shape.email.safeParse(emailCell) : null;
    if (email && !email.success) errors.push({ column: 'email', message: 'An e-mail address' });
    const dateOfBirth = optionalDate(r.date_of_birth);
    if (dateOfBirth === undefined) errors.push({ column: 'date_of_birth', message: 'A date as YYYY-MM-DD' });
    const program = codeOf(internPrograms, r.program);
    if (!program) errors.push({ column: 'program', message: `One of ${internPrograms.join(', ')}` });
    const startedOn = cellDate(r.started_on);
    if (!startedOn) errors.push({ column: 'started_on', message: 'A date as YYYY-MM-DD' });
    const endedOn = optionalDate(r.ended_on);
    if (endedOn === undefined) errors.push({ column: 'ended_on', message: 'A date as YYYY-MM-DD' });
    else if (endedOn && startedOn && endedOn < startedOn)
      errors.push({ column: 'ended_on', message: 'Before the start' });
    const hours = (r.hours ?? '').trim() ? wholeNumber(r.hours, 0, 10_000) : 0;
    if (hours === null) errors.push({ column: 'hours', message: 'Whole hours from 0 to 10,000' });
    const outcome = (r.outcome ?? '').trim() ? codeOf(internOutcomes, r.outcome) : 'ongoing';
    if (!outcome) errors.push({ column: 'outcome', message: `One of ${internOutcomes.join(', ')}` });
    const institute = (r.institute ?? '').trim() ? codeOf(collegeInstitutes, r.institute) : null;
    if ((r.institute ?? '').trim() && !institute)
      errors.push({ column: 'institute', message: `One of ${collegeInstitutes.join(', ')}` });
    const sponsoredCell = (r.sponsored ?? '').trim().toLowerCase();
    const sponsored = YES.has(sponsoredCell) ? true : NO.has(sponsoredCell) ? false : null;
    if (sponsored === null) errors.push({ column: 'sponsored', message: 'Yes or no' });
    const studyStartedOn = optionalDate(r.study_started_on);
    if (studyStartedOn === undefined)
      errors.push({ column: 'study_started_on', message: 'A date as YYYY-MM-DD' });
    const studyEndedOn = optionalDate(r.study_ended_on);
    if (studyEndedOn === undefined)
      errors.push({ column: 'study_ended_on', message: 'A date as YYYY-MM-DD' });
    if (startedOn && studyStartedOn !== undefined && studyEndedOn !== undefined) {
      const problem = studyPeriodProblem({ studyStartedOn, studyEndedOn, startedOn });
      if (problem)
        errors.push({
          column: problem.path === 'studyStartedOn' ? 'study_started_on' : 'study_ended_on',
          message: problem.message,
        });
    }
    if (
      errors.length ||
      'error' in site ||
      'error' in school ||
      !program ||
      !startedOn ||
      endedOn === undefined ||
      dateOfBirth === undefined ||
      hours === null ||
      !outcome ||
      sponsored === null ||
      studyStartedOn === undefined ||
      studyEndedOn === undefined
    )
      return { errors };
    const row: repo.InternInsert = {
      siteId: site.id,
      partnerId: school.id,
      fullName,
      email: email?.success ? (email.data ?? null) : null,
      dateOfBirth,
      program,
      startedOn,
      endedOn,
      hours,
      outcome,
      institute,
      sponsored,
      studyStartedOn,
      studyEndedOn,
    };
    const first = earlierRow(c, naturalKey(row), rowNumber);
    if (first !== undefined)
      return {
        errors: [{ column: 'full_name', message: `The same student and internship as row ${first}` }],
      };
    return { row };
  },
  async checkBatch(db, rows) {
    return alreadyRecorded(
      rows,
      (like) => repo.internsLike(db, like),
      {
        recorded: (i) =>
          naturalKey({
            siteId: i.site_id,
            partnerId: i.partner_id,
            fullName: i.full_name ?? '',
            startedOn: i.started_on,
          }),
        row: naturalKey,
      },
      {
        column: 'full_name',
        message: 'Already recorded: this student’s internship at the site from that day',
      },
    );
  },
  async insert(trx, rows, _c, meta) {
    await repo.insertInterns(trx, rows, meta.actorId);
    return rows.length;
  },
});
