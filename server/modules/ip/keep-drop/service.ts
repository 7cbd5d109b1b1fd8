import type { z } from 'zod';
import {
  type KeepDropDecision,
  type KeepDropItem,
  type keepDropDecisionInput,
  keepDropDecisions,
  type keepDropListQuery,
} from '#shared/modules/ip/reassessment/contract.ts';
import { type Assessment, decideBy, type ScoringModel } from '#shared/modules/ip/reassessment/rules.ts';
import { deadStatuses, type Office } from '#shared/modules/ip/rules/offices.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { ConflictError, NotFoundError } from '../../../platform/http/errors.ts';
import { word } from '../../../platform/i18n/index.ts';
import { registerObligationKind } from '../../../platform/obligations/kinds.ts';
import type { ObligationsService } from '../../../platform/obligations/service.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { SettingsService } from '../../../platform/settings/service.ts';
import type { UsersService } from '../../../platform/users/service.ts';
import type { CalendarsService } from '../calendars.ts';
import { MATTER, type MattersService } from '../matters.ts';
import { ipMessages } from '../messages.ts';
import * as ipRepo from '../repo.ts';
import * as reviewsRepo from '../reviews/repo.ts';
import type { OfficeCalendar } from '../rules/calendar.ts';
import { addMonths } from '../rules/dates.ts';
import { type Deadline, nextOfKind, type Schedule } from '../rules/deadlines.ts';
import { deadlineFee } from '../rules/fees.ts';
import type { SitesLookup } from '../sites.ts';
import { assessMatters } from './assessment.ts';
import * as repo from './repo.ts';
import { scoringModelSetting } from './settings.ts';

const PROGRAM = 'ip' as const;
export const KEEP_DROP = 'ip.keep_drop';
registerObligationKind({
  kind: KEEP_DROP,
  name: word('ip.obligationKind', KEEP_DROP.slice('ip.'.length)),
  program: PROGRAM,
  schedule: { daysBefore: [30, 7], overdueEveryDays: 7 },
});

/**
 * The next annuity, renewal or maintenance fee to act on: the fee a keep-or-drop decision is taken for. With
 * several falling due that day (a European patent's validation states), one decision covers them all, and a
 * drop lets the right lapse once the last of their days has passed.
 */
export function nextFee(s: Schedule, today: string): { fee: Deadline; group: Deadline[] } | null {
  const found = nextOfKind(s.deadlines, 'annuity', today);
  if (!found) return null;
  const { next, sameDay: group } = found;
  if (group.length === 1) return { fee: next, group };
  const last = group.map((d) => d.actBy).sort();
  return { fee: { ...next, state: null, actBy: last.at(-1) ?? next.actBy }, group };
}

/** The fees of one keep-or-drop decision, together: one amount when all are priced in one currency. */
function feesOfTheDay(group: readonly Deadline[], matter: Parameters<typeof deadlineFee>[1]) {
  const prices = group.flatMap((d) => (d.year === null ? [] : [deadlineFee({ ...d, year: d.year }, matter)]));
  const priced = prices.flatMap((p) => (p.state === 'priced' ? [p] : []));
  const currencies = new Set(priced.map((p) => p.currency));
  if (priced.length === 0 || priced.length < prices.length || currencies.size > 1) return null;
  return {
    currency: priced[0]?.currency ?? null,
    amountMinor: priced.reduce((a, p) => a + p.amountMinor, 0),
  };
}

type Calendars = (office: Office) => OfficeCalendar;

/** A review campaign's latest verdict on a matter, as the keep-or-drop item shows it. */
function reviewOf(
  v: reviewsRepo.LatestVerdict | undefined,
  names: Map<string, string>,
): KeepDropItem['review'] {
  if (!v) return null;
  return {
    campaignId: v.campaign_id,
    campaignName: v.campaign_name,
    verdict: v.verdict,
    note: v.note,
    reviewedOn: v.reviewed_on,
    reviewedByName: v.reviewed_by ? (names.get(v.reviewed_by) ?? null) : null,
  };
}
/** A matter coming up for a decision: its schedule, the fee decided on and the fees of that day it covers. */
type Candidate = {
  row: ipRepo.MatterRow;
  schedule: Schedule;
  fee: Deadline;
  group: Deadline[];
  today: string;
};

/**
 * Keep or drop: before each annuity the matter comes up for a decision (keep, drop, sell, license) by a day the
 * lead time ahead of the fee, with the re-assessment in front of the decider. A drop is recorded to lapse at
 * the fee's deadline; the matter's status is not changed before then.
 */
/** What the services that put a re-assessment before a decider need: keep-or-drop and the review campaigns. */
export type ReassessmentServiceDeps = {
  db: Db;
  obligations: ObligationsService;
  org: Pick<OrgService, 'sitesWithSubsidiary'>;
  settings: SettingsService;
  users: Pick<UsersService, 'displayNames'>;
  matters: MattersService;
  calendars: CalendarsService;
  sites: SitesLookup;
  now: () => Date;
};

export function createKeepDropService(deps: ReassessmentServiceDeps) {
  const { db, obligations, settings, matters, sites, now } = deps;

  /** Each candidate assessed on its own site's day (remaining life counts from it). */
  async function assessOnTheirDays(handle: Db, candidates: Candidate[], model: ScoringModel) {
    const byDay = new Map<string, Candidate[]>();
    for (const c of candidates) byDay.set(c.today, [...(byDay.get(c.today) ?? []), c]);
    const out = new Map<string, Assessment>();
    for (const [day, group] of byDay) {
      const assessed = await assessMatters(
        handle,
        group.map((c) => ({ row: c.row, termEnd: c.schedule.termEnd })),
        model,
        day,
      );
      for (const [id, a] of assessed) out.set(id, a);
    }
    return out;
  }

  async function toItems(candidates: Candidate[], model: ScoringModel, handle: Db): Promise<KeepDropItem[]> {
    const rows = candidates.map((c) => c.row);
    const [assessments, decisions, siteRows, reviews] = await Promise.all([
      assessOnTheirDays(handle, candidates, model),
      repo.latestDecisions(
        handle,
        rows.map((r) => r.id),
      ),
      deps.org.sitesWithSubsidiary(
        rows.map((r) => r.site_id),
        handle,
      ),
      reviewsRepo.latestVerdicts(
        handle,
        rows.map((r) => r.id),
      ),
    ]);
    const siteMap = new Map(siteRows.map((s) => [s.id, s]));
    const names = await deps.users.displayNames(
      [
        ...[...decisions.values()].map((d) => d.decided_by),
        ...[...reviews.values()].map((v) => v.reviewed_by),
      ],
      handle,
    );
    return candidates.map(({ row: r, schedule, fee, group }) => {
      const d = decisions.get(`${r.id}|${fee.dueDate}`);
      const site = siteMap.get(r.site_id);
      const price = feesOfTheDay(group, { kind: r.kind, entity: r.entity_size, claims: r.claims });
      return {
        matterId: r.id,
        siteId: r.site_id,
        siteCode: site?.code ?? '',
        subsidiaryName: site?.subsidiaryName ?? null,
        familyId: r.family_id,
        familyReference: r.family_reference,
        familyTitle: r.family_title,
        technology: r.technology,
        office: r.office,
        applicationNo: r.application_no,
        patentNo: r.patent_no,
        feeYear: fee.year,
        feeDueDate: fee.dueDate,
        feeCurrency: price?.currency ?? null,
        feeAmountMinor: price?.amountMinor ?? null,
        entitySize: fee.office === 'US' ? r.entity_size : null,
        decideBy: decideBy(fee.dueDate, model.leadDays),
        termEnd: schedule.termEnd,
        claims: r.claims,
        forwardCitations: r.forward_citations,
        backwardCitations: r.backward_citations,
        technologyFit: r.technology_fit,
        usedInProducts: r.used_in_products,
        assessment: assessments.get(r.id) as Assessment,
        decision: d
          ? {
              id: d.id,
              decision: d.decision,
              reason: d.reason,
              feeDueDate: d.fee_due_date,
              decideBy: d.decide_by,
              lapsesOn: d.lapses_on,
              decidedBy: d.decided_by,
              decidedByName: d.decided_by ? (names.get(d.decided_by) ?? null) : null,
              decidedOn: d.decided_on,
              assessment: d.assessment as Assessment,
            }
          : null,
        review: reviewOf(reviews.get(r.id), names),
        version: r.version,
      };
    });
  }

  /** The keep-or-drop obligation of a matter: due the lead time before its next fee, done once decided. */
  async function syncObligation(trx: Db, actor: Actor, r: ipRepo.MatterRow, s: Schedule, today: string) {
    const fee = nextFee(s, today)?.fee;
    if (!fee) {
      await obligations.closeForSource(trx, actor, KEEP_DROP, MATTER, r.id, 'cancelled');
      return;
    }
    const decided = (await repo.latestDecisions(trx, [r.id])).get(`${r.id}|${fee.dueDate}`);
    if (decided) {
      await obligations.closeForSource(trx, actor, KEEP_DROP, MATTER, r.id, 'done');
      return;
    }
    const model = await settings.get(scoringModelSetting, trx);
    await obligations.upsertForSource(trx, actor, {
      kind: KEEP_DROP,
      sourceType: MATTER,
      sourceId: r.id,
      siteId: r.site_id,
      program: PROGRAM,
      ownerId: null,
      title: ipMessages.keepOrDropTitle(r.office, r.application_no, r.family_reference, fee.year),
      dueDate: decideBy(fee.dueDate, model.leadDays),
      reopen: true,
    });
  }
  matters.onScheduled(syncObligation);

  async function candidate(r: ipRepo.MatterRow, calendars: Calendars, timeZone: string) {
    const schedule = matters.schedule(r, calendars);
    const today = localDate(now(), timeZone);
    const next = nextFee(schedule, today);
    return next ? { row: r, schedule, ...next, today } : null;
  }

  async function matterOrNotFound(handle: Db, id: string) {
    const r = await ipRepo.matterRows(handle).where('m.id', '=', id).executeTakeFirst();
    if (!r) throw new NotFoundError('matter');
    return r;
  }

  async function itemOf(handle: Db, r: ipRepo.MatterRow) {
    const site = await sites.forWriting(r.site_id, handle);
    const c = await candidate(r, await deps.calendars.load(handle), site.timeZone);
    if (!c)
      throw new ConflictError('No annuity or maintenance fee is ahead for this matter.', {
        errors: [{ path: 'decision', message: 'No fee ahead' }],
      });
    const model = await settings.get(scoringModelSetting, handle);
    return { item: (await toItems([c], model, handle))[0] as KeepDropItem, candidate: c, model };
  }

  return {
    /** Matters with a fee due in the next months, each with its re-assessment and the decision taken, if any. */
    async list(actor: Actor, q: z.infer<typeof keepDropListQuery>) {
      const scope = access.listScope(actor, 'ip.read', PROGRAM);
      let base = ipRepo.liveMatterRows(db, scope, q);
      if (q.q) base = base.where(ipRepo.matterMatches(q.q));
      const rows = await base.execute();
      const siteMap = await sites.visible(actor);
      const calendars = await deps.calendars.load();
      const model = await settings.get(scoringModelSetting);
      const candidates: Candidate[] = [];
      for (const r of rows) {
        const c = await candidate(r, calendars, sites.of(siteMap, r.site_id).timeZone);
        if (c && c.fee.dueDate <= addMonths(c.today, q.months)) candidates.push(c);
      }
      let items = await toItems(candidates, model, db);
      if (q.subsidiaryId) {
        const inSubsidiary = new Set(
          (await deps.org.sitesWithSubsidiary([...new Set(rows.map((r) => r.site_id))]))
            .filter((s) => s.subsidiaryId === q.subsidiaryId)
            .map((s) => s.id),
        );
        items = items.filter((i) => inSubsidiary.has(i.siteId));
      }
      if (q.recommendation) items = items.filter((i) => i.assessment.recommendation === q.recommendation);
      if (q.state) items = items.filter((i) => (q.state === 'decided') === (i.decision !== null));
      const key = (i: KeepDropItem): string | number =>
        q.sort === 'score'
          ? i.assessment.overall
          : q.sort === 'feeDueDate'
            ? i.feeDueDate
            : q.sort === 'office'
              ? i.office
              : i.decideBy;
      const sign = q.order === 'desc' ? -1 : 1;
      items.sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        if (ka < kb) return -sign;
        if (ka > kb) return sign;
        return a.matterId < b.matterId ? -1 : 1;
      });
      const start = (q.page - 1) * q.pageSize;
      return {
        items: items.slice(start, start + q.pageSize),
        total: items.length,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(actor: Actor, matterId: string) {
      const r = await matterOrNotFound(db, matterId);
      access.assert(actor, { permission: 'ip.read', siteId: r.site_id, what: 'matter', program: PROGRAM });
      return (await itemOf(db, r)).item;
    },

    /** The decisions taken in a year at the sites the reader sees, counted per decision (keep, drop, …). */
    async decidedInYear(actor: Actor, year: number) {
      const scope = access.listScope(actor, 'ip.read', PROGRAM);
      const counts = await repo.decisionCountsInYear(db, scope, year);
      return Object.fromEntries(
        keepDropDecisions.map((d) => [d, counts.find((c) => c.decision === d)?.count ?? 0]),
      ) as Record<KeepDropDecision, number>;
    },

    /** Records the decision for the matter's next fee with the re-assessment it was based on. */
    async decide(actor: Actor, matterId: string, input: z.infer<typeof keepDropDecisionInput>) {
      const before = await matterOrNotFound(db, matterId);
      access.assert(actor, {
        permission: 'ip.manage',
        siteId: before.site_id,
        what: 'matter',
        program: PROGRAM,
      });
      const changes = definedOnly({
        claims: input.claims,
        forward_citations: input.forwardCitations,
        backward_citations: input.backwardCitations,
        technology_fit: input.technologyFit,
        used_in_products: input.usedInProducts,
      });
      return db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'ip_matters', matterId, input.version, changes, actor.userId);
        const after = await matterOrNotFound(trx, matterId);
        const { item, candidate: c, model } = await itemOf(trx, after);
        const row = await trx
          .insertInto('ip_keep_drop_decisions')
          .values({
            matter_id: matterId,
            site_id: after.site_id,
            fee_year: c.fee.year,
            fee_due_date: c.fee.dueDate,
            decide_by: decideBy(c.fee.dueDate, model.leadDays),
            decision: input.decision,
            reason: input.reason,
            // The right lapses if the fee is not paid by its last day; the status changes then, not now.
            lapses_on: input.decision === 'drop' ? c.fee.actBy : null,
            assessment: JSON.stringify(item.assessment),
            decided_by: actor.userId,
            decided_on: c.today,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'ip.keep_drop.decided',
          entityType: MATTER,
          entityId: matterId,
          siteId: after.site_id,
          before: {
            claims: before.claims,
            forward_citations: before.forward_citations,
            backward_citations: before.backward_citations,
            technology_fit: before.technology_fit,
            used_in_products: before.used_in_products,
            version: before.version,
          },
          after: { ...row, ...changes, version: after.version },
        });
        await syncObligation(trx, actor, after, c.schedule, c.today);
        return (await itemOf(trx, after)).item;
      });
    },

    async model(actor: Actor) {
      access.listScope(actor, 'ip.read', PROGRAM);
      return settings.get(scoringModelSetting);
    },

    /** The model is one for the group: only group-wide IP managers tune it. The decisions' due days follow. */
    async setModel(actor: Actor, value: ScoringModel) {
      access.assertGroupWide(actor, 'ip.manage', PROGRAM);
      return db.transaction().execute(async (trx) => {
        const saved = await settings.set(trx, actor, scoringModelSetting, value);
        const rows = await ipRepo
          .matterRows(trx)
          .where('m.status', 'not in', [...deadStatuses])
          .execute();
        const calendars = await deps.calendars.load(trx);
        for (const r of rows) {
          const site = await sites.forWriting(r.site_id, trx);
          await syncObligation(
            trx,
            actor,
            r,
            matters.schedule(r, calendars),
            localDate(now(), site.timeZone),
          );
        }
        return saved;
      });
    },
  };
}

export type KeepDropService = ReturnType<typeof createKeepDropService>;
