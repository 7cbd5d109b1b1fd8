import { type SiteScope, scopeHas, sitesWith } from '../../../platform/access/actor.ts';
import type { Importer, RowError } from '../../../platform/imports/importer.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import { infosecMessage } from '../messages.ts';
import { type CatalogueStore, unassessedFunctions } from './catalogue.ts';

const PROGRAM = 'infosec' as const;

/** One answer of a consultant's workbook: a site's subcategory, its level (or not applicable) and target. */
export type AnswerImportRow = {
  siteId: string;
  year: number;
  domain: 'it' | 'ot';
  subcategory: string;
  level: number | null;
  notApplicable: boolean;
  target: number | null;
  notes: string | null;
};

type Context = {
  sites: Map<string, string>;
  scope: SiteScope;
  subcategories: Set<string>;
  /** The first row of each site, year, domain and subcategory, to name a second one. */
  seen: Map<string, number>;
  /** The draft each site, year and domain goes to, found by `checkBatch`. */
  drafts: Map<string, { id: string; siteId: string }>;
  actorId: string | null;
};

const NOT_APPLICABLE = new Set(['n/a', 'na', 'not applicable', '不適用']);
const DOMAINS: Record<string, 'it' | 'ot'> = { it: 'it', ot: 'ot' };
const key = (r: { siteId: string; year: number; domain: string }) => `${r.siteId}:${r.year}:${r.domain}`;

/** A level of 0–5 in a cell ("3", "3.0"); null when it is not one. */
function levelOf(value: string): number | null {
  const n = Number(value);
  return /^\d(\.0+)?$/.test(value.trim()) && n >= 0 && n <= 5 ? n : null;
}

/**
 * A consultant's answers for a site from a workbook, into the site's draft assessment of that year and domain
 * (the platform import pipeline: preview, errors by cell, all or nothing). Whoever imports answers it as the
 * assessor would: the draft's named assessor, or the site's team when none is named.
 */
export const createCsfAnswersImporter = (
  org: OrgService,
  catalogues: CatalogueStore,
): Importer<AnswerImportRow, Context> => ({
  kind: 'infosec_csf_answers',
  name: infosecMessage('infosec.importKind.csfAnswers'),
  permission: 'infosec.manage',
  columns: [
    { key: 'site_code', label: 'Site code', required: true, aliases: ['site', '廠區'] },
    { key: 'year', label: 'Year', required: true, aliases: ['年度'] },
    { key: 'domain', label: 'IT or OT', required: true, aliases: ['domain', 'scope', '範圍'] },
    { key: 'subcategory', label: 'Subcategory', required: true, aliases: ['id', 'identifier', '子類別'] },
    { key: 'level', label: 'Maturity level (0–5 or N/A)', required: true, aliases: ['current', '成熟度'] },
    { key: 'target', label: 'Target level', required: false, aliases: ['目標'] },
    { key: 'notes', label: 'Notes', required: false, aliases: ['note', 'comment', '備註'] },
  ],
  async prepare(db, actor) {
    const catalogue = await catalogues.get(await catalogues.latestId(db), db);
    return {
      sites: new Map((await org.sitesWithSubsidiary('all', db)).map((s) => [s.code.toUpperCase(), s.id])),
      scope: sitesWith(actor, 'infosec.manage', PROGRAM),
      subcategories: new Set(catalogue.subcategories.map((i) => i.identifier)),
      seen: new Map(),
      drafts: new Map(),
      actorId: actor.userId,
    };
  },
  check(r, c, _actor, rowNumber) {
    const errors: RowError[] = [];
    const siteId = c.sites.get(r.site_code.trim().toUpperCase());
    if (!siteId || !scopeHas(c.scope, siteId))
      errors.push({ column: 'site_code', message: `No site ${r.site_code} whose assessment you run` });
    const year = Number(r.year);
    if (!/^\d{4}$/.test(r.year.trim())) errors.push({ column: 'year', message: 'A year such as 2026' });
    const domain = DOMAINS[r.domain.trim().toLowerCase()];
    if (!domain) errors.push({ column: 'domain', message: 'IT or OT' });
    const subcategory = r.subcategory.trim().toUpperCase();
    if (!c.subcategories.has(subcategory))
      errors.push({
        column: 'subcategory',
        message: `${r.subcategory} is not a subcategory of NIST CSF 2.0`,
      });
    const notApplicable = NOT_APPLICABLE.has(r.level.trim().toLowerCase());
    const level = notApplicable ? null : levelOf(r.level);
    if (!notApplicable && level === null)
      errors.push({ column: 'level', message: 'A level from 0 to 5, or N/A for not applicable' });
    const target = r.target?.trim() ? levelOf(r.target) : null;
    if (r.target?.trim() && target === null)
      errors.push({ column: 'target', message: 'A level from 0 to 5' });
    if (errors.length || !siteId || !domain) return { errors };
    const row = { siteId, year, domain, subcategory };
    const first = c.seen.get(`${key(row)}:${subcategory}`);
    if (first !== undefined && first !== rowNumber)
      return { errors: [{ column: 'subcategory', message: `Answered already on row ${first}` }] };
    c.seen.set(`${key(row)}:${subcategory}`, rowNumber);
    return {
      row: {
        ...row,
        level,
        notApplicable,
        target,
        notes: r.notes?.trim() ? r.notes.trim().slice(0, 4000) : null,
      },
    };
  },
  async checkBatch(db, rows, c) {
    const errors: (RowError & { row: number })[] = [];
    for (const { row, rowNumber } of rows) {
      const k = key(row);
      let draft = c.drafts.get(k);
      if (!draft) {
        const found = await db
          .selectFrom('csf_assessments as a')
          .innerJoin('csf_campaigns as c', 'c.id', 'a.campaign_id')
          .select(['a.id', 'a.status', 'a.assessor_id', 'c.basis'])
          .where('a.site_id', '=', row.siteId)
          .where('a.domain', '=', row.domain)
          .where('c.year', '=', row.year)
          .orderBy('a.revision', 'desc')
          .executeTakeFirst();
        if (!found) {
          errors.push({
            row: rowNumber,
            column: 'year',
            message: `No ${row.year} assessment of this site and domain`,
          });
          continue;
        }
        if (found.status !== 'draft') {
          errors.push({
            row: rowNumber,
            column: 'site_code',
            message: 'The assessment is no longer a draft',
          });
          continue;
        }
        if (found.assessor_id !== null && found.assessor_id !== c.actorId) {
          errors.push({
            row: rowNumber,
            column: 'site_code',
            message: 'The assessment has a named assessor: only they answer it',
          });
          continue;
        }
        if (unassessedFunctions(found.basis).includes(row.subcategory.slice(0, 2))) {
          errors.push({
            row: rowNumber,
            column: 'subcategory',
            message: 'Govern is not assessed on CSF 1.1',
          });
          continue;
        }
        draft = { id: found.id, siteId: row.siteId };
        c.drafts.set(k, draft);
      }
    }
    return errors;
  },
  async insert(trx, rows, c, meta) {
    for (const r of rows) {
      const draft = c.drafts.get(key(r));
      if (!draft) throw new Error('An answer reached the insert without its draft');
      const values = {
        current_level: r.level,
        not_applicable: r.notApplicable,
        target_level: r.target,
        notes: r.notes,
        assessed_by: meta.actorId,
        assessed_at: new Date(),
      };
      await trx
        .insertInto('csf_answers')
        .values({ assessment_id: draft.id, site_id: r.siteId, subcategory: r.subcategory, ...values })
        .onConflict((oc) => oc.columns(['assessment_id', 'subcategory']).doUpdateSet(values))
        .execute();
    }
    // An edit open on a page must not overwrite the imported answers unseen: each draft's version moves on.
    const ids = [...new Set(rows.map((r) => c.drafts.get(key(r))?.id).filter((id): id is string => !!id))];
    if (ids.length)
      await trx
        .updateTable('csf_assessments')
        .set({ version: (eb) => eb('version', '+', 1), updated_at: new Date(), updated_by: meta.actorId })
        .where('id', 'in', ids)
        .execute();
    return rows.length;
  },
  auditDetails(c) {
    return { assessments: [...c.drafts.values()].map((d) => d.id) };
  },
});
