import { isCalendarDate } from '#shared/platform/http/list.ts';
import { type SiteScope, scopeHas, sitesWith } from '../../platform/access/actor.ts';
import type { Importer, RowError } from '../../platform/imports/importer.ts';
import type { OrgService } from '../../platform/org/service.ts';
import { PROGRAM } from './deps.ts';
import { academiaImportKind } from './messages.ts';
import * as repo from './placement-repo.ts';
import { MAX_HOURS_A_DAY, maxParticipationHours } from './rules/placements.ts';

type Org = Pick<OrgService, 'sitesWithSubsidiary'>;
export type PlacementImportRow = repo.PlacementInsert;

type Context = {
  /** Site ids by upper-case code. */
  sites: Map<string, string>;
  scope: SiteScope;
  /** School ids by lower-case English name and by Chinese name; two schools of one name are ambiguous. */
  schools: Map<string, string[]>;
  /** The rows of the file so far, by natural key, with the row that holds each. */
  seen: Map<string, number>;
};

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

/** A whole number written in a cell ("660", "54,616", "54616"); null when it is not one or out of bounds. */
function wholeNumber(value: string | undefined, min: number, max: number): number | null {
  const clean = (value ?? '').trim().replace(/,(?=\d{3}(?:,|$))/g, '');
  if (!/^\d{1,9}$/.test(clean)) return null;
  const n = Number(clean);
  return n >= min && n <= max ? n : null;
}

const date = (value: string | undefined) => {
  const v = (value ?? '').trim();
  return isCalendarDate(v) ? v : null;
};

/**
 * Internship cooperation placements from a spreadsheet (the platform import pipeline: a preview of errors
 * naming row and column, then all rows or none): each row a school's students at a site for a term, the
 * site by its code (only sites where the importer manages the program: another is a row error, never a
 * refusal of the whole file), the school by its English or Chinese name as the courses' import finds it.
 */
export const createPlacementsImporter = (org: Org): Importer<PlacementImportRow, Context> => ({
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
  async prepare(db, actor) {
    const schools = new Map<string, string[]>();
    const add = (name: string, id: string) => {
      const ids = schools.get(name) ?? [];
      if (!ids.includes(id)) ids.push(id);
      schools.set(name, ids);
    };
    for (const p of await repo.partnerNames(db)) {
      add(p.name.trim().toLowerCase(), p.id);
      if (p.name_zh) add(p.name_zh.trim(), p.id);
    }
    const sites = await org.sitesWithSubsidiary('all', db);
    return {
      sites: new Map(sites.map((s) => [s.code.toUpperCase(), s.id])),
      scope: sitesWith(actor, 'academia.manage', PROGRAM),
      schools,
      seen: new Map(),
    };
  },
  check(r, c, _actor, rowNumber) {
    const errors: RowError[] = [];
    const code = r.site_code.trim();
    const siteId = c.sites.get(code.toUpperCase());
    // Unknown and out-of-scope sites read alike: a site the user may not manage is not revealed.
    if (!code) errors.push({ column: 'site_code', message: 'Required' });
    else if (!siteId || !scopeHas(c.scope, siteId))
      errors.push({ column: 'site_code', message: `No site ${code} whose placements you manage` });
    const school = r.school.trim();
    const matches = school ? (c.schools.get(school.toLowerCase()) ?? c.schools.get(school) ?? []) : [];
    if (!school) errors.push({ column: 'school', message: 'Required' });
    else if (matches.length === 0)
      errors.push({ column: 'school', message: `No school or institute "${school}"` });
    else if (matches.length > 1)
      errors.push({ column: 'school', message: `${matches.length} schools are named "${school}"` });
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
      !siteId ||
      matches.length !== 1 ||
      !startsOn ||
      !endsOn ||
      students === null ||
      hours === null
    )
      return { errors };
    const row = {
      siteId,
      partnerId: matches[0],
      term,
      startsOn,
      endsOn,
      students,
      participationHours: hours,
    };
    const key = naturalKey(row);
    const first = c.seen.get(key);
    if (first !== undefined)
      return { errors: [{ column: 'term', message: `The same placement as row ${first}` }] };
    c.seen.set(key, rowNumber);
    return { row };
  },
  async checkBatch(db, rows) {
    // In the commit pass `db` is the import's transaction: a placement recorded since the check is found.
    const recorded = new Set(
      (
        await repo.placementsLike(
          db,
          rows.map((r) => r.row),
        )
      ).map((p) =>
        naturalKey({ siteId: p.site_id, partnerId: p.partner_id, term: p.term, startsOn: p.starts_on }),
      ),
    );
    return rows
      .filter(({ row }) => recorded.has(naturalKey(row)))
      .map(({ rowNumber }) => ({
        row: rowNumber,
        column: 'term',
        message: 'Already recorded: this school’s placement at the site for the term',
      }));
  },
  async insert(trx, rows, _c, meta) {
    await repo.insertPlacements(trx, rows, meta.actorId);
    return rows.length;
  },
});
