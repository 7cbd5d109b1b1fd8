import { paymentCategories } from '#shared/modules/academia/contract.ts';
import { toMinor } from '#shared/modules/academia/money.ts';
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
} from './import-cells.ts';
import { academiaImportKind } from './messages.ts';
import * as repo from './repo.ts';

/** Money below 10^13 minor units, as the contract takes it: sums stay exact. */
const MAX_MINOR = 9_999_999_999_999;

/**
 * The natural key of a payment: a site's payment to a school, of a category, on a day, of an amount in a
 * currency, against a project or none, with its note. The same seven twice is the same payment entered twice,
 * which would count twice in the year's contribution; two equal payments of one day (two students' awards)
 * are told apart by their notes.
 */
const naturalKey = (r: {
  siteId: string;
  partnerId: string;
  category: string;
  paidOn: string;
  currency: string;
  amountMinor: number | string;
  project: string | null;
  note: string | null;
}) =>
  [
    r.siteId,
    r.partnerId,
    r.category,
    r.paidOn,
    r.currency,
    String(r.amountMinor),
    r.project ?? '',
    (r.note ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase(),
  ].join('|');

/**
 * Payments to schools and institutes from a spreadsheet (the platform import pipeline: a preview naming row
 * and column, then every row or none): each row one payment by a site, the school by its English or Chinese
 * name, the category by its code, the amount in the currency's units ("1,500,000.50"), and for a research
 * payment the project by its title among that site's projects with that school, as a payment entered by hand
 * may name it. The year's contribution adds these up, each at the rate of its day.
 */
export const createPaymentsImporter = (org: ImportOrg): Importer<repo.PaymentInsert, ImportContext> => ({
  kind: 'academia_payments',
  name: academiaImportKind('payments'),
  permission: 'academia.manage',
  columns: [
    { key: 'site_code', label: 'Site code', required: true, aliases: ['site', '廠區', '廠區代碼'] },
    {
      key: 'school',
      label: 'School or institute',
      required: true,
      aliases: ['partner', 'university', '學校', '學校或機構'],
    },
    { key: 'category', label: 'Category', required: true, aliases: ['類別'] },
    {
      key: 'paid_on',
      label: 'Paid on (YYYY-MM-DD)',
      required: true,
      aliases: ['date', 'paid', 'paid on', '支付日期', '日期'],
    },
    { key: 'currency', label: 'Currency (ISO 4217)', required: true, aliases: ['幣別'] },
    { key: 'amount', label: 'Amount', required: true, aliases: ['金額'] },
    {
      key: 'project',
      label: 'Research project (title)',
      required: false,
      aliases: ['project title', '研究計畫', '計畫名稱'],
    },
    { key: 'note', label: 'Note', required: false, aliases: ['備註'] },
  ],
  prepare: (db, actor) => prepareImport(org, db, actor),
  check(r, c, _actor, rowNumber) {
    const errors: RowError[] = [];
    const site = findSite(c, r.site_code, 'payments');
    if ('error' in site) errors.push({ column: 'site_code', message: site.error });
    const school = findSchool(c.schools, r.school);
    if ('error' in school) errors.push({ column: 'school', message: school.error });
    const category = codeOf(paymentCategories, r.category);
    if (!category) errors.push({ column: 'category', message: `One of ${paymentCategories.join(', ')}` });
    const paidOn = cellDate(r.paid_on);
    if (!paidOn) errors.push({ column: 'paid_on', message: 'A date as YYYY-MM-DD' });
    const currency = r.currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency))
      errors.push({ column: 'currency', message: 'A three-letter ISO 4217 code, e.g. TWD or USD' });
    const amountMinor = toMinor(r.amount ?? '');
    if (amountMinor === null || amountMinor < 1 || amountMinor > MAX_MINOR)
      errors.push({ column: 'amount', message: 'An amount above zero, at most two decimals' });
    const project = (r.project ?? '').trim() || null;
    if (project && category && category !== 'research')
      errors.push({ column: 'project', message: 'Only a research payment names a project' });
    const note = (r.note ?? '').trim() || null;
    if (note && note.length > 500) errors.push({ column: 'note', message: 'At most 500 characters' });
    if (errors.length || 'error' in site || 'error' in school || !category || !paidOn || amountMinor === null)
      return { errors };
    const row: repo.PaymentInsert = {
      siteId: site.id,
      partnerId: school.id,
      category,
      projectTitle: project,
      projectId: null,
      paidOn,
      amountMinor,
      currency,
      note,
    };
    const first = earlierRow(c, naturalKey({ ...row, project: project?.toLowerCase() ?? null }), rowNumber);
    if (first !== undefined)
      return { errors: [{ column: 'amount', message: `The same payment as row ${first}` }] };
    return { row };
  },
  async checkBatch(db, rows) {
    const errors: (RowError & { row: number })[] = [];
    // In the commit pass `db` is the import's transaction: what was recorded since the check is found.
    const projects = await repo.projectsTitled(
      db,
      rows.map((r) => r.row),
    );
    const titled = (row: repo.PaymentInsert) =>
      projects.filter(
        (p) =>
          p.site_id === row.siteId &&
          p.partner_id === row.partnerId &&
          p.title.toLowerCase() === row.projectTitle?.toLowerCase(),
      );
    for (const { row, rowNumber } of rows) {
      if (!row.projectTitle) continue;
      const found = titled(row);
      if (found.length === 1) row.projectId = found[0]?.id ?? null;
      else
        errors.push({
          row: rowNumber,
          column: 'project',
          message:
            found.length === 0
              ? `No research project "${row.projectTitle}" of this site with this school`
              : `${found.length} research projects of this site with this school are titled "${row.projectTitle}"`,
        });
    }
    const recorded = await alreadyRecorded(
      rows,
      (like) => repo.paymentsLike(db, like),
      {
        recorded: (p) =>
          naturalKey({
            siteId: p.site_id,
            partnerId: p.partner_id,
            category: p.category,
            paidOn: p.paid_on,
            currency: p.currency,
            amountMinor: String(Number(p.amount_minor)),
            project: p.project_id,
            note: p.note,
          }),
        // A research payment whose project was not found is refused above, and not compared.
        row: (row) =>
          row.projectTitle && !row.projectId ? null : naturalKey({ ...row, project: row.projectId }),
      },
      { column: 'amount', message: 'Already recorded: this payment of the site to the school on that day' },
    );
    return [...errors, ...recorded];
  },
  async insert(trx, rows, _c, meta) {
    await repo.insertPayments(trx, rows, meta.actorId);
    return rows.length;
  },
});
