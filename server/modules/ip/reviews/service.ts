import type { z } from 'zod';
import { type KeepDropDecision, keepDropDecisions } from '#shared/modules/ip/reassessment/contract.ts';
import type { Assessment } from '#shared/modules/ip/reassessment/rules.ts';
import type {
  CampaignView,
  campaignInput,
  campaignListQuery,
  ReviewItem,
  reviewInput,
  reviewItemQuery,
} from '#shared/modules/ip/reviews/contract.ts';
import { grantedStatuses, pendingStatuses } from '#shared/modules/ip/rules/offices.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import { listPage } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import type { Actor, SiteScope } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { inScope } from '../../../platform/access/sql.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import { word } from '../../../platform/i18n/index.ts';
import { registerObligationKind } from '../../../platform/obligations/kinds.ts';
import { assessMatters } from '../keep-drop/assessment.ts';
import type { ReassessmentServiceDeps } from '../keep-drop/service.ts';
import { scoringModelSetting } from '../keep-drop/settings.ts';
import { ipMessages } from '../messages.ts';
import * as ipRepo from '../repo.ts';
import * as repo from './repo.ts';

const PROGRAM = 'ip' as const;
export const REVIEW_CAMPAIGN = 'ip.review_campaign';
const SOURCE = 'ip_review_campaign';
registerObligationKind({
  kind: REVIEW_CAMPAIGN,
  name: word('ip.obligationKind', REVIEW_CAMPAIGN.slice('ip.'.length)),
  program: PROGRAM,
  schedule: { daysBefore: [14, 3], overdueEveryDays: 7 },
});

/** Matters are read, scored and written in batches this size: a campaign over the whole portfolio stays bounded. */
const BATCH = 2_000;
/** Each site's reviewers get one obligation for the campaign's items at their site. */
const sourceOf = (campaignId: string, siteId: string) => `${campaignId}:${siteId}`;
const emptyTally: repo.Tally = { total: 0, reviewed: 0, keep: 0, drop: 0, sell: 0, license: 0 };

/**
 * Portfolio review campaigns: the group IP office puts a selection of the live portfolio in front of the sites'
 * IP officers, each patent with its re-assessment as the campaign found it; each site gives every patent a
 * verdict (keep, drop, sell, license) by the due date. Sell and license verdicts are the revitalisation
 * candidates. A campaign is a group record: only group-wide IP managers launch and close one; its items belong
 * to their matters' sites, and each reader sees and counts only the items at their sites.
 */
export function createReviewsService(deps: ReassessmentServiceDeps) {
  const { db, obligations, settings, matters, sites, now } = deps;
  // A campaign is a group record: its days are the group's.
  const today = () => localDate(now(), GROUP_TIME_ZONE);

  async function toCampaignViews(rows: repo.CampaignRow[], scope: SiteScope, handle: Db = db) {
    const [tallies, names, subsidiaries] = await Promise.all([
      repo.tallies(
        handle,
        rows.map((r) => r.id),
        scope,
      ),
      deps.users.displayNames(
        rows.map((r) => r.created_by),
        handle,
      ),
      deps.org.sitesWithSubsidiary('all', handle),
    ]);
    const subsidiaryNames = new Map(subsidiaries.map((s) => [s.subsidiaryId, s.subsidiaryName]));
    const tallyOf = new Map(tallies.map((t) => [t.campaignId, t.tally]));
    return rows.map(
      (r): CampaignView => ({
        id: r.id,
        name: r.name,
        dueDate: r.due_date,
        selection: {
          office: r.office,
          technology: r.technology,
          subsidiaryId: r.subsidiary_id,
          grantedOnly: r.granted_only,
        },
        subsidiaryName: r.subsidiary_id ? (subsidiaryNames.get(r.subsidiary_id) ?? null) : null,
        closedOn: r.closed_on,
        createdByName: r.created_by ? (names.get(r.created_by) ?? null) : null,
        createdOn: r.created_on,
        progress: tallyOf.get(r.id) ?? emptyTally,
        version: r.version,
      }),
    );
  }

  async function toItemViews(rows: repo.ItemRow[], actor: Actor): Promise<ReviewItem[]> {
    const siteMap = await sites.visible(actor);
    const names = await deps.users.displayNames(rows.map((r) => r.reviewed_by));
    return rows.map((r) => ({
      id: r.id,
      campaignId: r.campaign_id,
      matterId: r.matter_id,
      siteId: r.site_id,
      siteCode: siteMap.get(r.site_id)?.code ?? '',
      familyReference: r.family_reference,
      familyTitle: r.family_title,
      technology: r.technology,
      office: r.office,
      applicationNo: r.application_no,
      patentNo: r.patent_no,
      assessment: r.assessment as Assessment,
      score: Number(r.score),
      recommendation: r.recommendation,
      verdict: r.verdict,
      note: r.note,
      reviewedByName: r.reviewed_by ? (names.get(r.reviewed_by) ?? null) : null,
      reviewedOn: r.reviewed_on,
      version: r.version,
    }));
  }

  /**
   * The campaign; `lock` holds its row to the end of the transaction, so that a verdict and the campaign's
   * closing, or two sites' last verdicts, are taken one after the other (PostgreSQL; PGlite has one writer).
   */
  async function campaignOrNotFound(handle: Db, id: string, lock = false) {
    const query = repo.campaignRows(handle).where('c.id', '=', id);
    const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
    if (!row) throw new NotFoundError('review campaign');
    return row;
  }

  /** The live matters a selection names, across the group. */
  async function selected(trx: Db, selection: z.infer<typeof campaignInput>['selection']) {
    let q = ipRepo.liveMatterRows(trx, 'all', {
      office: selection.office ?? undefined,
      technology: selection.technology ?? undefined,
    });
    // Pending applications are those filed and not yet decided: a draft is no application yet.
    q = q.where('m.status', 'in', [...grantedStatuses, ...(selection.grantedOnly ? [] : pendingStatuses)]);
    let rows = await q.orderBy('m.site_id').orderBy('m.id').execute();
    if (selection.subsidiaryId) {
      const inSubsidiary = new Set(
        (await deps.org.sitesWithSubsidiary([...new Set(rows.map((r) => r.site_id))], trx))
          .filter((s) => s.subsidiaryId === selection.subsidiaryId)
          .map((s) => s.id),
      );
      rows = rows.filter((r) => inSubsidiary.has(r.site_id));
    }
    return rows;
  }

  /** A site's obligation is done once each of its items has a verdict. */
  async function settleSite(trx: Db, actor: Actor, campaignId: string, siteId: string) {
    const [site] = await repo.tallies(trx, [campaignId], new Set([siteId]));
    if (site && site.tally.reviewed === site.tally.total)
      await obligations.closeForSource(
        trx,
        actor,
        REVIEW_CAMPAIGN,
        SOURCE,
        sourceOf(campaignId, siteId),
        'done',
      );
  }

  return {
    async list(actor: Actor, q: z.infer<typeof campaignListQuery>) {
      const scope = access.listScope(actor, 'ip.read', PROGRAM);
      let base = repo.campaignRows(db);
      if (q.q) base = base.where('c.name', 'ilike', likePattern(q.q));
      if (q.state === 'open') base = base.where('c.closed_on', 'is', null);
      if (q.state === 'closed') base = base.where('c.closed_on', 'is not', null);
      const sortColumn = { dueDate: 'c.due_date', name: 'c.name', createdOn: 'c.created_at' }[q.sort];
      const page = await listPage<repo.CampaignRow, repo.CampaignRow>(db, base, q, {
        sortColumn,
        tieBreaker: 'c.id',
        toView: (r) => r,
      });
      return { ...page, items: await toCampaignViews(page.items, scope) };
    },

    async get(actor: Actor, id: string) {
      const scope = access.listScope(actor, 'ip.read', PROGRAM);
      const [view] = await toCampaignViews([await campaignOrNotFound(db, id)], scope);
      return view as CampaignView;
    },

    /** Launches a campaign over the live matters the selection names, each scored as it stands today. */
    async launch(actor: Actor, input: z.infer<typeof campaignInput>) {
      access.assertGroupWide(actor, 'ip.manage', PROGRAM);
      const day = today();
      if (input.dueDate < day)
        throw new ValidationError('The due date has passed.', [
          { path: 'dueDate', message: 'A day from today on' },
        ]);
      return db.transaction().execute(async (trx) => {
        const rows = await selected(trx, input.selection);
        if (rows.length === 0)
          throw new ValidationError('No live patent matches the selection.', [
            { path: 'selection', message: 'No live patent matches' },
          ]);
        const campaign = await trx
          .insertInto('ip_review_campaigns')
          .values({
            name: input.name,
            due_date: input.dueDate,
            office: input.selection.office,
            technology: input.selection.technology,
            subsidiary_id: input.selection.subsidiaryId,
            granted_only: input.selection.grantedOnly,
            created_by: actor.userId,
            created_on: day,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const model = await settings.get(scoringModelSetting, trx);
        const calendars = await deps.calendars.load(trx);
        const perSite = new Map<string, number>();
        for (let start = 0; start < rows.length; start += BATCH) {
          const batch = rows.slice(start, start + BATCH);
          const assessments = await assessMatters(
            trx,
            batch.map((row) => ({ row, termEnd: matters.schedule(row, calendars).termEnd })),
            model,
            day,
          );
          await trx
            .insertInto('ip_review_items')
            .values(
              batch.map((r) => {
                const a = assessments.get(r.id) as Assessment;
                perSite.set(r.site_id, (perSite.get(r.site_id) ?? 0) + 1);
                return {
                  campaign_id: campaign.id,
                  matter_id: r.id,
                  site_id: r.site_id,
                  assessment: JSON.stringify(a),
                  score: a.overall,
                  recommendation: a.recommendation,
                  updated_by: actor.userId,
                };
              }),
            )
            .execute();
        }
        for (const [siteId, count] of perSite)
          await obligations.upsertForSource(trx, actor, {
            kind: REVIEW_CAMPAIGN,
            sourceType: SOURCE,
            sourceId: sourceOf(campaign.id, siteId),
            siteId,
            program: PROGRAM,
            ownerId: null,
            title: ipMessages.reviewCampaignTitle(input.name, count),
            dueDate: input.dueDate,
          });
        await recordAudit(trx, actor, {
          action: 'ip.review_campaign.launched',
          entityType: SOURCE,
          entityId: campaign.id,
          siteId: null,
          after: { ...campaign, items: rows.length, sites: perSite.size },
        });
        const [view] = await toCampaignViews([campaign], 'all', trx);
        return view as CampaignView;
      });
    },

    /** Closes a campaign: no more verdicts; each site's obligation is done if its items were all judged. */
    async close(actor: Actor, id: string, version: number) {
      access.assertGroupWide(actor, 'ip.manage', PROGRAM);
      return db.transaction().execute(async (trx) => {
        const before = await campaignOrNotFound(trx, id, true);
        if (before.closed_on) throw new ConflictError('The campaign is already closed.');
        const after = await updateVersioned(
          trx,
          'ip_review_campaigns',
          id,
          version,
          { closed_on: today() },
          actor.userId,
        );
        for (const site of await repo.tallies(trx, [id], 'all', true))
          await obligations.closeForSource(
            trx,
            actor,
            REVIEW_CAMPAIGN,
            SOURCE,
            sourceOf(id, site.siteId as string),
            site.tally.reviewed === site.tally.total ? 'done' : 'cancelled',
          );
        await recordAudit(trx, actor, {
          action: 'ip.review_campaign.closed',
          entityType: SOURCE,
          entityId: id,
          siteId: null,
          before: { closed_on: before.closed_on, version: before.version },
          after: { closed_on: after.closed_on, version: after.version },
        });
        const [view] = await toCampaignViews([after as repo.CampaignRow], 'all', trx);
        return view as CampaignView;
      });
    },

    /** The items of campaigns at the reader's sites: pending, judged, and the revitalisation candidates. */
    async items(actor: Actor, q: z.infer<typeof reviewItemQuery>) {
      const scope = access.listScope(actor, 'ip.read', PROGRAM);
      let base = repo.itemRows(db).where((eb) => inScope(eb, 'i.site_id', scope));
      if (q.campaignId) base = base.where('i.campaign_id', '=', q.campaignId);
      if (q.matterId) base = base.where('i.matter_id', '=', q.matterId);
      if (q.siteId) base = base.where('i.site_id', '=', q.siteId);
      if (q.office) base = base.where('m.office', '=', q.office);
      if (q.technology) base = base.where('f.technology', '=', q.technology);
      if (q.recommendation) base = base.where('i.recommendation', '=', q.recommendation);
      if (q.verdict) base = base.where('i.verdict', '=', q.verdict);
      if (q.state === 'pending') base = base.where('i.verdict', 'is', null);
      if (q.state === 'reviewed') base = base.where('i.verdict', 'is not', null);
      if (q.state === 'revitalise') base = base.where('i.verdict', 'in', ['sell', 'license']);
      if (q.q) base = base.where(ipRepo.matterMatches(q.q));
      const sortColumn = {
        score: 'i.score',
        office: 'm.office',
        family: 'f.reference',
        reviewedOn: 'i.reviewed_on',
      }[q.sort];
      const page = await listPage<repo.ItemRow, repo.ItemRow>(db, base, q, {
        sortColumn,
        tieBreaker: 'i.id',
        toView: (r) => r,
      });
      return { ...page, items: await toItemViews(page.items, actor) };
    },

    /** The verdicts given in a year at the sites the reader sees, counted per verdict (keep, drop, …). */
    async verdictsInYear(actor: Actor, year: number) {
      const scope = access.listScope(actor, 'ip.read', PROGRAM);
      const counts = await repo.verdictCountsInYear(db, scope, year);
      return Object.fromEntries(
        keepDropDecisions.map((d) => [d, counts.find((c) => c.verdict === d)?.count ?? 0]),
      ) as Record<KeepDropDecision, number>;
    },

    /** A site's IP officer gives an item its verdict (or changes it) while the campaign is open. */
    async review(actor: Actor, itemId: string, input: z.infer<typeof reviewInput>) {
      await db.transaction().execute(async (trx) => {
        const before = await repo.itemRows(trx).where('i.id', '=', itemId).executeTakeFirst();
        if (!before) throw new NotFoundError('review item');
        access.assert(actor, {
          permission: 'ip.manage',
          siteId: before.site_id,
          what: 'review item',
          program: PROGRAM,
        });
        const campaign = await campaignOrNotFound(trx, before.campaign_id, true);
        if (campaign.closed_on)
          throw new ConflictError('The campaign is closed: its verdicts can no longer change.', {
            errors: [{ path: 'verdict', message: 'Campaign closed' }],
          });
        const after = await updateVersioned(
          trx,
          'ip_review_items',
          itemId,
          input.version,
          {
            verdict: input.verdict,
            note: input.note === '' ? null : input.note,
            reviewed_by: actor.userId,
            reviewed_on: today(),
          },
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'ip.review_item.judged',
          entityType: 'ip_review_item',
          entityId: itemId,
          siteId: before.site_id,
          before: { verdict: before.verdict, note: before.note, version: before.version },
          after: {
            verdict: after.verdict,
            note: after.note,
            reviewed_on: after.reviewed_on,
            version: after.version,
          },
        });
        await settleSite(trx, actor, before.campaign_id, before.site_id);
      });
      // Read once committed: the view's site codes come through the org service, outside the transaction.
      const row = await repo.itemRows(db).where('i.id', '=', itemId).executeTakeFirstOrThrow();
      return (await toItemViews([row], actor))[0] as ReviewItem;
    },
  };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
