import { isCalendarDate } from '#shared/platform/http/list.ts';
import type { Db } from '../../db/types.ts';
import { type Actor, type SiteScope, scopeHas, sitesWith } from '../../platform/access/actor.ts';
import type { RowError } from '../../platform/imports/importer.ts';
import type { OrgService } from '../../platform/org/service.ts';
import { PROGRAM } from './deps.ts';
import { partnerNames } from './placement-repo.ts';

/** The cells of the program's spreadsheets, read one way by every import of the program. */

export type ImportOrg = Pick<OrgService, 'sitesWithSubsidiary'>;

/** A whole number written in a cell ("660", "54,616", "54616"); null when it is not one or out of bounds. */
export function wholeNumber(value: string | undefined, min: number, max: number): number | null {
  const clean = (value ?? '').trim().replace(/,(?=\d{3}(?:,|$))/g, '');
  if (!/^\d{1,9}$/.test(clean)) return null;
  const n = Number(clean);
  return n >= min && n <= max ? n : null;
}

/** A calendar date written as YYYY-MM-DD; null when the cell holds anything else. */
export function cellDate(value: string | undefined): string | null {
  const v = (value ?? '').trim();
  return isCalendarDate(v) ? v : null;
}

/** Site ids by upper-case code, every site of the group (the scope check comes after). */
export async function siteLookup(org: ImportOrg, db: Db): Promise<Map<string, string>> {
  return new Map((await org.sitesWithSubsidiary('all', db)).map((s) => [s.code.toUpperCase(), s.id]));
}

/** School ids by lower-case English name and by Chinese name; two schools of one name are ambiguous. */
export type SchoolLookup = Map<string, string[]>;

export async function schoolLookup(db: Db): Promise<SchoolLookup> {
  const schools: SchoolLookup = new Map();
  const add = (name: string, id: string) => {
    const ids = schools.get(name) ?? [];
    if (!ids.includes(id)) ids.push(id);
    schools.set(name, ids);
  };
  for (const p of await partnerNames(db)) {
    add(p.name.trim().toLowerCase(), p.id);
    if (p.name_zh) add(p.name_zh.trim(), p.id);
  }
  return schools;
}

/** The school a cell names, by its English or Chinese name, or why none is. */
export function findSchool(
  schools: SchoolLookup,
  cell: string | undefined,
): { id: string } | { error: string } {
  const name = (cell ?? '').trim();
  if (!name) return { error: 'Required' };
  const matches = schools.get(name.toLowerCase()) ?? schools.get(name) ?? [];
  if (matches.length === 0) return { error: `No school or institute "${name}"` };
  if (matches.length > 1) return { error: `${matches.length} schools are named "${name}"` };
  return { id: matches[0] as string };
}

/** One of a list of codes, written as the code itself in any case ("Completed" ≡ "completed"); null otherwise. */
export function codeOf<T extends string>(codes: readonly T[], cell: string | undefined): T | null {
  const v = (cell ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (codes as readonly string[]).includes(v) ? (v as T) : null;
}

/** What the program's imports of site records look up once per run. */
export type ImportContext = {
  /** Site ids by upper-case code. */
  sites: Map<string, string>;
  /** The sites where the importer manages the program. */
  scope: SiteScope;
  schools: SchoolLookup;
  /** The rows of the file so far, by natural key, with the row that holds each. */
  seen: Map<string, number>;
};

export async function prepareImport(org: ImportOrg, db: Db, actor: Actor): Promise<ImportContext> {
  return {
    sites: await siteLookup(org, db),
    scope: sitesWith(actor, 'academia.manage', PROGRAM),
    schools: await schoolLookup(db),
    seen: new Map(),
  };
}

/**
 * The site a cell names by its code, among those where the importer manages the program. Unknown and
 * out-of-scope sites read alike: a site the user may not manage is not revealed.
 */
export function findSite(
  c: ImportContext,
  cell: string | undefined,
  what: string,
): { id: string } | { error: string } {
  const code = (cell ?? '').trim();
  if (!code) return { error: 'Required' };
  const id = c.sites.get(code.toUpperCase());
  return id && scopeHas(c.scope, id) ? { id } : { error: `No site ${code} whose ${what} you manage` };
}

/** The row that already holds this natural key in the file, or none (and then this row holds it). */
export function earlierRow(c: ImportContext, key: string, rowNumber: number): number | undefined {
  const first = c.seen.get(key);
  if (first === undefined) c.seen.set(key, rowNumber);
  return first;
}

/**
 * The rows whose natural key is among those recorded already, each refused with the same error. `recordedLike`
 * reads the records that could match the rows (in the commit pass, inside the import's transaction, so that
 * what was recorded since the check is found); a row whose key is null is not compared.
 */
export async function alreadyRecorded<Row, Recorded>(
  rows: readonly { row: Row; rowNumber: number }[],
  recordedLike: (rows: Row[]) => Promise<Recorded[]>,
  keys: { recorded: (record: Recorded) => string; row: (row: Row) => string | null },
  error: { column: string; message: string },
): Promise<(RowError & { row: number })[]> {
  const recorded = new Set((await recordedLike(rows.map((r) => r.row))).map(keys.recorded));
  return rows
    .filter(({ row }) => {
      const key = keys.row(row);
      return key !== null && recorded.has(key);
    })
    .map(({ rowNumber }) => ({ row: rowNumber, ...error }));
}
