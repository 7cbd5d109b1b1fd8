import type { Importer, RowError } from '../../platform/imports/importer.ts';
import {
  alreadyRecorded,
  cellDate as date,
  earlierRow,
  findSchool,
  findSite,
  type ImportContext,
  type ImportOrg,
  prepareImport,
  wholeNumber,
} from './import-cells.ts';
import { academiaImportKind } from './messages.ts';
import * as repo from './placement-repo.ts';
import { MAX_HOURS_A_DAY, maxParticipationHours } from './rules/placements.ts';

export type PlacementImportRow = repo.PlacementInsert;

/** A term as compared: case and runs of spaces aside ("2022 Summer" ≡ "2022  summer"). */
const sameTerm = (term: string) => term.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The natural key of a placement: one school's students at one site for one term, the term as the school
 * names it and its first day. The same four twice is the same group entered twice, whose students would
 * count twice in the year's figure; two departments or classes of a school in one term carry different
 * terms ("2022 Summer – EE", "2022 Summer – ME"), and a term of the same name in another year starts on
 * another day. Hours, students and the last day are the placement's figures, not its identity.
 */
const naturalKey = (r: { siteId: string; partnerId: string; term: string; startsOn: string }) =>
  `${r.siteId}|${r.partnerId}|${r.startsOn}|${sameTerm(r.term)}`;

/**
 * Internship cooperation placements from a spreadsheet (the platform import pipeline: a preview of errors
 * naming row and column, then all rows or none): each row a school's students at a site for a term, the
 * site by its code (only sites where the importer manages the program: another is a row error, never a
 * refusal of the whole file), the school by its English or Chinese name as the courses' import finds it.
 */
export const createPlacementsImporter = (org: ImportOrg): Importer<PlacementImportRow, ImportContext> => ({
  kind: 'academia_placements',
  name: academiaImportKind('placements'),
  permission: 'academia.manage',
  columns: [
    { key: 'site_code', label: 'Site code', required: true, aliases: ['site', '廠區', '廠區代碼'] },
    {
      key: 'school',
      label: 'School or institute',
      required: true,
      aliases: ['partner', 'university', '學校', '學校或機構'],
    },
    {
      key: 'term',
      label: 'Term or class',
      required: true,
      aliases: ['class', 'department', '學期', '班別', '學期或班別'],
    },
    {
      key: 'starts_on',
      label: 'Starts (YYYY-MM-DD)',
      required: true,
      aliases: ['start', 'starts', 'starts on', '開始', '開始日期'],
    },
    {
      key: 'ends_on',
      label: 'Ends (YYYY-MM-DD)',
      required: true,
      aliases: ['end', 'ends', 'ends on', '結束', '結束日期'],
    },
    { key: 'students', label: 'Students', required: true, aliases: ['學生數'] },
    {
      key: 'participation_hours',
      label: 'Participation hours',
      required: true,
      aliases: ['hours', '時數', '參與時數'],
    },
  ],
  prepare: (db, actor) => prepareImport(org, db, actor),
  check(r, c, _actor, rowNumber) {
    const errors: RowError[] = [];
    const site = findSite(c, r.site_code, 'placements');
    if ('error' in site) errors.push({ column: 'site_code', message: site.error });
    const school = findSchool(c.schools, r.school);
    if ('error' in school) errors.push({ column: 'school', message: school.error });
    const term = r.term.trim();
    if (!term || term.length > 200)
      errors.push({ column: 'term', message: 'Required, at most 200 characters' });
    const startsOn = date(r.starts_on);
    if (!startsOn) errors.push({ column: 'starts_on', message: 'Use a real date as YYYY-MM-DD' });
    const endsOn = date(r.ends_on);
    if (!endsOn) errors.push({ column: 'ends_on', message: 'Use a real date as YYYY-MM-DD' });
    else if (startsOn && endsOn < startsOn) errors.push({ column: 'ends_on', message: 'Before the start' });
    const students = wholeNumber(r.students, 1, 100_000);
    if (students === null)
      errors.push({ column: 'students', message: 'A whole number of students from 1 to 100,000' });
    const hours = wholeNumber(r.participation_hours, 0, 100_000_000);
    if (hours === null) errors.push({ column: 'participation_hours', message: 'Whole hours, 0 or more' });
    else if (startsOn && endsOn && endsOn >= startsOn && students !== null) {
      const max = maxParticipationHours(startsOn, endsOn, students);
      if (hours > max)
        errors.push({
          column: 'participation_hours',
          message: `At most ${max}: ${MAX_HOURS_A_DAY} hours a student a day over the term`,
        });
    }
    if (
      errors.length ||
      'error' in site ||
      'error' in school ||
      !startsOn ||
      !endsOn ||
      students === null ||
      hours === null
    )
      return { errors };
    const row = {
      siteId: site.id,
      partnerId: school.id,
      term,
      startsOn,
      endsOn,
      students,
      participationHours: hours,
    };
    const first = earlierRow(c, naturalKey(row), rowNumber);
    if (first !== undefined)
      return { errors: [{ column: 'term', message: `The same placement as row ${first}` }] };
    return { row };
  },
  async checkBatch(db, rows) {
    return alreadyRecorded(
      rows,
      (like) => repo.placementsLike(db, like),
      {
        recorded: (p) =>
          naturalKey({ siteId: p.site_id, partnerId: p.partner_id, term: p.term, startsOn: p.starts_on }),
        row: naturalKey,
      },
      { column: 'term', message: 'Already recorded: this school’s placement at the site for the term' },
    );
  },
  async insert(trx, rows, _c, meta) {
    await repo.insertPlacements(trx, rows, meta.actorId);
    return rows.length;
  },
});
