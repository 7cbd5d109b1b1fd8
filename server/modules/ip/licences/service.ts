import type { z } from 'zod';
import type {
  LicenceView,
  licenceInput,
  licenceListQuery,
  licencePatch,
  royaltyReportInput,
} from '#shared/modules/ip/licences/contract.ts';
import { nextReport, periodsThrough } from '#shared/modules/ip/licences/rules.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { paginate } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import { type Actor, scopeHas, sitesWith } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { inScope } from '../../../platform/access/sql.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import { word } from '../../../platform/i18n/index.ts';
import { registerObligationKind } from '../../../platform/obligations/kinds.ts';
import type { ObligationsService } from '../../../platform/obligations/service.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import { ipMessages } from '../messages.ts';
import * as ipRepo from '../repo.ts';
import type { SitesLookup } from '../sites.ts';
import * as repo from './repo.ts';

const PROGRAM = 'ip' as const;
export const LICENCE = 'ip_licence';
export const ROYALTY_REPORT = 'ip.royalty_report';
registerObligationKind({
  kind: ROYALTY_REPORT,
  name: word('ip.obligationKind', ROYALTY_REPORT.slice('ip.'.length)),
  program: PROGRAM,
  schedule: { daysBefore: [14, 3], overdueEveryDays: 7 },
});

type Org = Pick<OrgService, 'sitesWithSubsidiary'>;
type Royalties = Pick<
  repo.LicenceRow,
  'royalty_basis' | 'royalty_rate' | 'royalty_amount' | 'currency' | 'reporting_period' | 'report_due_days'
>;

const invalid = (path: string, message: string) => new ValidationError(message, [{ path, message }]);

/** Refuses royalties without what they need, and a term that ends before it starts. */
function checkTerms(v: Royalties & { starts_on: string; ends_on: string | null }) {
  if (v.ends_on && v.ends_on < v.starts_on) throw invalid('endsOn', 'Before the start of the term');
  if (v.royalty_basis === 'none') return;
  if (v.royalty_basis === 'rate' && v.royalty_rate === null)
    throw invalid('royaltyRate', 'Required for a rate');
  if (v.royalty_basis === 'fixed' && v.royalty_amount === null)
    throw invalid('royaltyAmount', 'Required for a fixed royalty');
  if (!v.currency) throw invalid('currency', 'Required when royalties are due');
  if (!v.reporting_period) throw invalid('reportingPeriod', 'Required when royalties are due');
  if (v.report_due_days === null) throw invalid('reportDueDays', 'Required when royalties are due');
}

/** The royalty columns of an input: none clears them. */
function royaltyColumns(p: Omit<z.infer<typeof licencePatch>, 'version'>, before?: Royalties): Royalties {
  const basis = p.royaltyBasis ?? before?.royalty_basis ?? 'none';
  const pick = <T>(value: T | null | undefined, old: T | null | undefined) =>
    basis === 'none' ? null : value === undefined ? (old ?? null) : value;
  return {
    royalty_basis: basis,
    royalty_rate: pick(
      p.royaltyRate === null || p.royaltyRate === undefined ? p.royaltyRate : String(p.royaltyRate),
      before?.royalty_rate,
    ),
    royalty_amount: pick(p.royaltyAmount, before?.royalty_amount),
    currency: pick(p.currency, before?.currency),
    reporting_period: pick(p.reportingPeriod, before?.reporting_period),
    report_due_days: pick(p.reportDueDays, before?.report_due_days),
  };
}

/** Licences in, out and across: what they cover, their terms and royalties, the reports received or owed. */
export function createLicencesService(
  db: Db,
  obligations: ObligationsService,
  org: Org,
  sites: SitesLookup,
  now: () => Date = () => new Date(),
) {
  async function toViews(actor: Actor, rows: repo.LicenceRow[], handle: Db = db): Promise<LicenceView[]> {
    const ids = rows.map((r) => r.id);
    const [{ families, matters }, reported, siteRows] = await Promise.all([
      repo.coverage(handle, ids),
      repo.reportedPeriodEnds(handle, ids),
      org.sitesWithSubsidiary(
        rows.map((r) => r.site_id),
        handle,
      ),
    ]);
    const [familyMap, matterMap] = await Promise.all([
      repo.familyLabels(handle, [...families.values()].flat()),
      repo.matterLabels(handle, [...matters.values()].flat()),
    ]);
    const siteMap = new Map(siteRows.map((s) => [s.id, s]));
    // A link shows only what the reader may read in the program.
    const readable = sitesWith(actor, 'ip.read', PROGRAM);
    return rows.map((r) => {
      const site = siteMap.get(r.site_id);
      return {
        id: r.id,
        siteId: r.site_id,
        siteCode: site?.code ?? '',
        subsidiaryName: site?.subsidiaryName ?? null,
        reference: r.reference,
        direction: r.direction,
        counterparty: r.counterparty,
        subject: r.subject,
        territory: r.territory,
        fieldOfUse: r.field_of_use,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        exclusivity: r.exclusivity,
        royaltyBasis: r.royalty_basis,
        royaltyRate: r.royalty_rate === null ? null : Number(r.royalty_rate),
        royaltyAmount: r.royalty_amount,
        currency: r.currency,
        reportingPeriod: r.reporting_period,
        reportDueDays: r.report_due_days,
        families: (families.get(r.id) ?? [])
          .map((id) => familyMap.get(id))
          .filter((f) => f !== undefined && scopeHas(readable, f.siteId))
          .map((f) => ({
            id: f?.id as string,
            reference: f?.reference as string,
            title: f?.title as string,
          })),
        matters: (matters.get(r.id) ?? [])
          .map((id) => matterMap.get(id))
          .filter((m) => m !== undefined && scopeHas(readable, m.siteId))
          .map((m) => ({
            id: m?.id as string,
            office: m?.office as string,
            applicationNo: m?.applicationNo as string,
            patentNo: m?.patentNo ?? null,
          })),
        nextReport: nextReportOf(r, reported.get(r.id) ?? new Set(), site?.timeZone ?? 'UTC'),
        version: r.version,
      };
    });
  }

  function nextReportOf(r: repo.LicenceRow, reported: ReadonlySet<string>, timeZone: string) {
    if (r.royalty_basis === 'none' || !r.reporting_period || r.report_due_days === null) return null;
    return nextReport(
      { startsOn: r.starts_on, endsOn: r.ends_on },
      r.reporting_period,
      r.report_due_days,
      reported,
      localDate(now(), timeZone),
    );
  }

  async function rowOrNotFound(handle: Db, id: string) {
    const r = await repo.licenceRows(handle).where('l.id', '=', id).executeTakeFirst();
    if (!r) throw new NotFoundError('licence');
    return r;
  }

  /** Families and matters a licence covers must exist and be readable by whoever links them. */
  async function checkCoverage(actor: Actor, familyIds?: string[], matterIds?: string[]) {
    const readable = sitesWith(actor, 'ip.read', PROGRAM);
    if (familyIds?.length) {
      const found = await repo.familyLabels(db, familyIds);
      if (familyIds.some((id) => !found.has(id) || !scopeHas(readable, found.get(id)?.siteId as string)))
        throw invalid('familyIds', 'A family that is not in your portfolio');
    }
    if (matterIds?.length) {
      const found = await repo.matterLabels(db, matterIds);
      if (matterIds.some((id) => !found.has(id) || !scopeHas(readable, found.get(id)?.siteId as string)))
        throw invalid('matterIds', 'A matter that is not in your portfolio');
    }
  }

  async function uniqueReference(reference: string) {
    const clash = await db
      .selectFrom('ip_licences')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirst();
    if (clash)
      throw new ConflictError(`Licence ${reference} is already registered.`, {
        errors: [{ path: 'reference', message: 'Already registered' }],
      });
  }

  /** The next royalty report as an obligation of the IP office; none without royalties, done when all are in. */
  async function sync(trx: Db, actor: Actor, r: repo.LicenceRow) {
    const site = await sites.forWriting(r.site_id, trx);
    const reported = (await repo.reportedPeriodEnds(trx, [r.id])).get(r.id) ?? new Set<string>();
    const next = nextReportOf(r, reported, site.timeZone);
    if (r.royalty_basis === 'none')
      await obligations.closeForSource(trx, actor, ROYALTY_REPORT, LICENCE, r.id, 'cancelled');
    else if (!next) await obligations.closeForSource(trx, actor, ROYALTY_REPORT, LICENCE, r.id, 'done');
    else
      await obligations.upsertForSource(trx, actor, {
        kind: ROYALTY_REPORT,
        sourceType: LICENCE,
        sourceId: r.id,
        siteId: r.site_id,
        program: PROGRAM,
        ownerId: null,
        title: ipMessages.royaltyReportTitle(r.direction, r.reference, r.counterparty, next.end),
        dueDate: next.dueDate,
        reopen: true,
      });
    return (await toViews(actor, [r], trx))[0];
  }

  async function detail(actor: Actor, r: repo.LicenceRow, handle: Db = db) {
    const [view] = await toViews(actor, [r], handle);
    const reports = await repo.reportRows(handle, r.id);
    return {
      ...view,
      reports: reports.map((x) => ({
        id: x.id,
        periodStart: x.period_start,
        periodEnd: x.period_end,
        reportedOn: x.reported_on,
        amount: x.amount,
        currency: x.currency,
      })),
    };
  }

  return {
    async list(actor: Actor, q: z.infer<typeof licenceListQuery>) {
      const scope = access.listScope(actor, 'ip.read', PROGRAM);
      let base = repo.licenceRows(db).where((eb) => inScope(eb, 'l.site_id', scope));
      if (q.siteId) base = base.where('l.site_id', '=', q.siteId);
      if (q.direction) base = base.where('l.direction', '=', q.direction);
      if (q.exclusivity) base = base.where('l.exclusivity', '=', q.exclusivity);
      if (q.activeOn) {
        const day = q.activeOn;
        base = base
          .where('l.starts_on', '<=', day)
          .where((eb) => eb.or([eb('l.ends_on', 'is', null), eb('l.ends_on', '>=', day)]));
      }
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) =>
          eb.or([
            eb('l.reference', 'ilike', p),
            eb('l.counterparty', 'ilike', p),
            eb('l.subject', 'ilike', p),
          ]),
        );
      }
      const sortColumn = {
        startsOn: 'l.starts_on',
        reference: 'l.reference',
        counterparty: 'l.counterparty',
        endsOn: 'l.ends_on',
      }[q.sort];
      const { items, ...paging } = await paginate<repo.LicenceRow>(db, base, {
        sortColumn,
        order: q.order,
        tieBreaker: 'l.id',
        page: q.page,
        cursor: q.cursor,
        count: q.count,
        pageSize: q.pageSize,
      });
      return { items: await toViews(actor, items), ...paging, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string) {
      const r = await rowOrNotFound(db, id);
      access.assert(actor, { permission: 'ip.read', siteId: r.site_id, what: 'licence', program: PROGRAM });
      return detail(actor, r);
    },

    /** The site of a licence, for its documents (the agreement): readers see them, managers add them. */
    async siteOf(actor: Actor, id: string, intent: 'read' | 'write') {
      const r = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: intent === 'read' ? 'ip.read' : 'ip.manage',
        siteId: r.site_id,
        what: 'licence',
        program: PROGRAM,
      });
      return r.site_id;
    },

    /** The licences a matter is under (naming it or its family) that the reader may see. */
    async ofMatter(actor: Actor, matterId: string) {
      const m = await ipRepo.matterRows(db).where('m.id', '=', matterId).executeTakeFirst();
      if (!m) throw new NotFoundError('matter');
      access.assert(actor, { permission: 'ip.read', siteId: m.site_id, what: 'matter', program: PROGRAM });
      const scope = sitesWith(actor, 'ip.read', PROGRAM);
      const rows = await repo.licencesCoveringMatter(db, m.id, m.family_id, scope);
      return { items: await toViews(actor, rows) };
    },

    async create(actor: Actor, input: z.infer<typeof licenceInput>) {
      const site = await sites.forWriting(input.siteId);
      access.assert(actor, { permission: 'ip.manage', siteId: site.id, what: 'site', program: PROGRAM });
      const royalties = royaltyColumns(input);
      checkTerms({ ...royalties, starts_on: input.startsOn, ends_on: input.endsOn ?? null });
      await checkCoverage(actor, input.familyIds, input.matterIds);
      await uniqueReference(input.reference);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('ip_licences')
          .values({
            site_id: site.id,
            reference: input.reference,
            direction: input.direction,
            counterparty: input.counterparty,
            subject: input.subject,
            territory: [...new Set(input.territory)],
            field_of_use: input.fieldOfUse ?? null,
            starts_on: input.startsOn,
            ends_on: input.endsOn ?? null,
            exclusivity: input.exclusivity,
            ...royalties,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await repo.replaceCoverage(trx, row.id, [...new Set(input.familyIds)], [...new Set(input.matterIds)]);
        await recordAudit(trx, actor, {
          action: 'ip.licence.created',
          entityType: LICENCE,
          entityId: row.id,
          siteId: row.site_id,
          after: { ...row, familyIds: input.familyIds, matterIds: input.matterIds },
        });
        return sync(trx, actor, row);
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof licencePatch>) {
      const before = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'ip.manage',
        siteId: before.site_id,
        what: 'licence',
        program: PROGRAM,
      });
      const royalties = royaltyColumns(patch, before);
      checkTerms({
        ...royalties,
        starts_on: patch.startsOn ?? before.starts_on,
        ends_on: patch.endsOn === undefined ? before.ends_on : patch.endsOn,
      });
      await checkCoverage(actor, patch.familyIds, patch.matterIds);
      const changes = definedOnly({
        direction: patch.direction,
        counterparty: patch.counterparty,
        subject: patch.subject,
        territory: patch.territory && [...new Set(patch.territory)],
        field_of_use: patch.fieldOfUse,
        starts_on: patch.startsOn,
        ends_on: patch.endsOn,
        exclusivity: patch.exclusivity,
        ...royalties,
      });
      return db.transaction().execute(async (trx) => {
        const after = (await updateVersioned(
          trx,
          'ip_licences',
          id,
          patch.version,
          changes,
          actor.userId,
        )) as repo.LicenceRow;
        const coverage = await repo.coverage(trx, [id]);
        const familyIds = patch.familyIds ? [...new Set(patch.familyIds)] : (coverage.families.get(id) ?? []);
        const matterIds = patch.matterIds ? [...new Set(patch.matterIds)] : (coverage.matters.get(id) ?? []);
        if (patch.familyIds || patch.matterIds) await repo.replaceCoverage(trx, id, familyIds, matterIds);
        await recordAudit(trx, actor, {
          action: 'ip.licence.updated',
          entityType: LICENCE,
          entityId: id,
          siteId: before.site_id,
          before: {
            ...before,
            familyIds: coverage.families.get(id) ?? [],
            matterIds: coverage.matters.get(id) ?? [],
          },
          after: { ...after, familyIds, matterIds },
        });
        await sync(trx, actor, after);
        return detail(actor, after, trx);
      });
    },

    /** Records the royalty report of one period (received under an out-licence, sent under an in-licence). */
    async recordReport(actor: Actor, id: string, input: z.infer<typeof royaltyReportInput>) {
      const r = await rowOrNotFound(db, id);
      access.assert(actor, { permission: 'ip.manage', siteId: r.site_id, what: 'licence', program: PROGRAM });
      if (r.royalty_basis === 'none' || !r.reporting_period || r.report_due_days === null)
        throw new ConflictError('No royalties are due under this licence.', {
          errors: [{ path: 'periodEnd', message: 'No royalties under this licence' }],
        });
      const site = await sites.forWriting(r.site_id);
      if (input.reportedOn > localDate(now(), site.timeZone)) throw invalid('reportedOn', 'After today');
      const period = periodsThrough(
        { startsOn: r.starts_on, endsOn: r.ends_on },
        r.reporting_period,
        r.report_due_days,
        input.periodEnd,
      ).find((p) => p.end === input.periodEnd);
      if (!period) throw invalid('periodEnd', 'Not the last day of a reporting period of this licence');
      return db.transaction().execute(async (trx) => {
        const clash = await trx
          .selectFrom('ip_royalty_reports')
          .select('id')
          .where('licence_id', '=', id)
          .where('period_end', '=', input.periodEnd)
          .executeTakeFirst();
        if (clash)
          throw new ConflictError('That period is already reported.', {
            errors: [{ path: 'periodEnd', message: 'Already reported' }],
          });
        const row = await trx
          .insertInto('ip_royalty_reports')
          .values({
            licence_id: id,
            site_id: r.site_id,
            period_start: period.start,
            period_end: period.end,
            reported_on: input.reportedOn,
            amount: input.amount,
            currency: input.currency,
            created_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'ip.royalty_report.recorded',
          entityType: LICENCE,
          entityId: id,
          siteId: r.site_id,
          after: row,
        });
        await sync(trx, actor, r);
        return detail(actor, r, trx);
      });
    },
  };
}

export type LicencesService = ReturnType<typeof createLicencesService>;
