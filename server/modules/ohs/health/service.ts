import { sql } from 'kysely';
import type { z } from 'zod';
import { paginate } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { inScope } from '../../../platform/access/sql.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import { registerObligationKind } from '../../../platform/obligations/kinds.ts';
import { addDays, localDate } from '../../../platform/obligations/rules/reminders.ts';
import type { ObligationsService } from '../../../platform/obligations/service.ts';
import { ohsWord } from '../messages.ts';
import { HEALTH_REVIEW_TITLE, suppressSmall } from '../rules/privacy.ts';
import type { followupInput, screeningInput, screeningListQuery } from './contract.ts';

export const HEALTH_FOLLOWUP = 'ohs.health_followup';
/** The entity and actions of every health event in the audit log: a record id, what was done, who and when. */
export const HEALTH_RECORD = 'health_record';
registerObligationKind({
  kind: HEALTH_FOLLOWUP,
  program: 'ohs',
  name: ohsWord('ohs.obligationKind', HEALTH_FOLLOWUP.slice('ohs.'.length)),
  schedule: { daysBefore: [7, 1], overdueEveryDays: 7 },
  restricted: {
    permission: 'health.individual',
    auditEntity: HEALTH_RECORD,
    auditAction: 'health.record.updated',
  },
});

function rows(db: Db) {
  return db
    .selectFrom('health_screenings as h')
    .innerJoin('sites as s', 's.id', 'h.site_id')
    .leftJoin('employees as e', (j) =>
      j.onRef('e.id', '=', 'h.person_id').on('h.person_type', '=', 'employee'),
    )
    .leftJoin('contractor_workers as w', (j) =>
      j.onRef('w.id', '=', 'h.person_id').on('h.person_type', '=', 'contractor_worker'),
    )
    .selectAll('h')
    .select((eb) => [
      's.code as site_code',
      's.time_zone',
      eb.fn.coalesce('e.full_name', 'w.full_name').as('person_name'),
      eb.fn.coalesce('e.employee_no', 'w.worker_no').as('person_no'),
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof rows>['execute']>>[number];

/**
 * Health management. Individual results (screenings, findings, follow-up consultations) are for medical staff
 * only, and every read of them is logged with whose record it was; everyone else sees counts, with counts
 * under five shown as "<5". Health details never enter the audit log.
 */
export function createHealthService(
  db: Db,
  obligations: ObligationsService,
  now: () => Date = () => new Date(),
) {
  async function view(handle: Db, r: Row) {
    const followups = await handle
      .selectFrom('health_followups')
      .select(['id', 'due_date', 'consulted_on', 'notes', 'version'])
      .where('screening_id', '=', r.id)
      .orderBy('due_date')
      .execute();
    return {
      id: r.id,
      siteId: r.site_id,
      siteCode: r.site_code,
      personType: r.person_type,
      personId: r.person_id,
      personName: r.person_name,
      personNo: r.person_no,
      kind: r.kind,
      specialHazard: r.special_hazard,
      screenedOn: r.screened_on,
      provider: r.provider,
      costMinor: Number(r.cost_minor),
      currency: r.currency,
      managementLevel: r.management_level,
      abnormal: r.abnormal,
      findings: r.findings,
      recommendation: r.recommendation,
      followups: followups.map((f) => ({
        id: f.id,
        dueDate: f.due_date,
        consultedOn: f.consulted_on,
        notes: f.notes,
        version: f.version,
      })),
      version: r.version,
    };
  }

  async function logRead(actor: Actor, siteId: string | null, records: { id: string }[]) {
    if (records.length === 0) return;
    // Which records were read, by whom and when; nothing of their content, nor whose they are.
    await db.transaction().execute((trx) =>
      recordAudit(trx, actor, {
        action: 'health.records.read',
        entityType: HEALTH_RECORD,
        entityId: records.length === 1 ? records[0].id : null,
        siteId,
        ...(records.length > 1 ? { after: { records: records.map((r) => r.id) } } : {}),
      }),
    );
  }

  return {
    /** Individual records: medical staff of the sites in their scope. */
    async list(actor: Actor, q: z.infer<typeof screeningListQuery>) {
      const scope = access.listScope(actor, 'health.individual');
      let base = rows(db).where((eb) => inScope(eb, 'h.site_id', scope));
      if (q.siteId) base = base.where('h.site_id', '=', q.siteId);
      if (q.personId) base = base.where('h.person_id', '=', q.personId);
      if (q.abnormal) base = base.where('h.abnormal', '=', q.abnormal === 'true');
      if (q.year)
        base = base
          .where('h.screened_on', '>=', `${q.year}-01-01`)
          .where('h.screened_on', '<=', `${q.year}-12-31`);
      const { items, total, totalCapped } = await paginate<Row>(db, base, {
        sortColumn: 'h.screened_on',
        order: q.order,
        tieBreaker: 'h.id',
        page: q.page,
        pageSize: q.pageSize,
      });
      await logRead(actor, q.siteId ?? null, items);
      return {
        items: await Promise.all(items.map((r) => view(db, r))),
        total,
        totalCapped,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(actor: Actor, id: string) {
      const r = await rows(db).where('h.id', '=', id).executeTakeFirst();
      if (!r) throw new NotFoundError('health record');
      access.assert(actor, { permission: 'health.individual', siteId: r.site_id, what: 'health record' });
      await logRead(actor, r.site_id, [r]);
      return view(db, r);
    },

    async create(actor: Actor, input: z.infer<typeof screeningInput>) {
      const site = await db
        .selectFrom('sites')
        .select(['id', 'time_zone'])
        .where('id', '=', input.siteId)
        .executeTakeFirst();
      if (!site) throw new NotFoundError('site');
      access.assert(actor, { permission: 'health.individual', siteId: site.id, what: 'site' });
      const person =
        input.personType === 'employee'
          ? await db.selectFrom('employees').select('id').where('id', '=', input.personId).executeTakeFirst()
          : await db
              .selectFrom('contractor_workers')
              .select('id')
              .where('id', '=', input.personId)
              .executeTakeFirst();
      if (!person)
        throw new ValidationError('The person does not exist.', [
          { path: 'personId', message: 'Unknown person' },
        ]);
      if (input.screenedOn > localDate(now(), site.time_zone))
        throw new ValidationError('The screening date is in the future.', [
          { path: 'screenedOn', message: 'In the future' },
        ]);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('health_screenings')
          .values({
            site_id: site.id,
            person_type: input.personType,
            person_id: input.personId,
            kind: input.kind,
            special_hazard: input.specialHazard ?? null,
            screened_on: input.screenedOn,
            provider: input.provider ?? null,
            cost_minor: input.costMinor ?? 0,
            management_level: input.managementLevel ?? null,
            abnormal: input.abnormal ?? false,
            findings: input.findings ?? null,
            recommendation: input.recommendation ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        // One event for the record and, when its result calls for one, its follow-up: the audit log tells
        // nothing of the result, not even by an extra event.
        await recordAudit(trx, actor, {
          action: 'health.record.created',
          entityType: HEALTH_RECORD,
          entityId: row.id,
          siteId: site.id,
        });
        if (row.abnormal) {
          const due = input.followUpBy ?? addDays(row.screened_on, 30);
          const followup = await trx
            .insertInto('health_followups')
            .values({
              screening_id: row.id,
              site_id: site.id,
              due_date: due,
              clinician_id: actor.userId,
              created_by: actor.userId,
              updated_by: actor.userId,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          // The obligation names no health detail, and only medical staff see it; it goes to the physician
          // who recorded the result.
          await obligations.upsertForSource(trx, actor, {
            kind: HEALTH_FOLLOWUP,
            sourceType: 'health_followup',
            sourceId: followup.id,
            siteId: site.id,
            program: 'ohs',
            ownerId: actor.userId,
            title: HEALTH_REVIEW_TITLE,
            dueDate: due,
            audited: true,
          });
        }
        return view(trx, (await rows(trx).where('h.id', '=', row.id).executeTakeFirst()) as Row);
      });
    },

    async recordFollowup(actor: Actor, followupId: string, input: z.infer<typeof followupInput>) {
      const before = await db
        .selectFrom('health_followups')
        .selectAll()
        .where('id', '=', followupId)
        .executeTakeFirst();
      if (!before) throw new NotFoundError('follow-up');
      access.assert(actor, { permission: 'health.individual', siteId: before.site_id, what: 'follow-up' });
      return db.transaction().execute(async (trx) => {
        await updateVersioned(
          trx,
          'health_followups',
          followupId,
          input.version,
          { consulted_on: input.consultedOn, notes: input.notes, clinician_id: actor.userId },
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'health.record.updated',
          entityType: HEALTH_RECORD,
          entityId: before.screening_id,
          siteId: before.site_id,
        });
        await obligations.closeForSource(trx, actor, HEALTH_FOLLOWUP, 'health_followup', followupId, 'done', {
          audited: true,
        });
        return view(trx, (await rows(trx).where('h.id', '=', before.screening_id).executeTakeFirst()) as Row);
      });
    },

    /** Counts for everyone with health.read: never individual, small counts suppressed. */
    async summary(actor: Actor, year: number, siteId?: string) {
      const scope = access.listScope(actor, 'health.read');
      let base = db
        .selectFrom('health_screenings as h')
        .innerJoin('sites as s', 's.id', 'h.site_id')
        .where((eb) => inScope(eb, 'h.site_id', scope))
        .where('h.screened_on', '>=', `${year}-01-01`)
        .where('h.screened_on', '<=', `${year}-12-31`);
      if (siteId) base = base.where('h.site_id', '=', siteId);
      const totals = await base
        .select([
          sql<number>`count(distinct h.person_id)`.as('people'),
          sql<number>`count(*)`.as('screenings'),
          sql<number>`count(*) filter (where h.kind = 'general')`.as('general'),
          sql<number>`count(*) filter (where h.kind = 'special')`.as('special'),
          sql<number>`count(*) filter (where h.abnormal)`.as('abnormal'),
          sql<number>`count(*) filter (where h.management_level = 1)`.as('l1'),
          sql<number>`count(*) filter (where h.management_level = 2)`.as('l2'),
          sql<number>`count(*) filter (where h.management_level = 3)`.as('l3'),
          sql<number>`count(*) filter (where h.management_level = 4)`.as('l4'),
          sql<string>`coalesce(sum(h.cost_minor), 0)::text`.as('cost'),
        ])
        .executeTakeFirstOrThrow();
      const bySite = await base
        .select([
          's.id',
          's.code',
          sql<number>`count(distinct h.person_id)`.as('people'),
          sql<number>`count(*) filter (where h.abnormal)`.as('abnormal'),
          sql<string>`coalesce(sum(h.cost_minor), 0)::text`.as('cost'),
        ])
        .groupBy(['s.id', 's.code'])
        .orderBy('s.code')
        .execute();
      const open = await db
        .selectFrom('health_followups as f')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => inScope(eb, 'f.site_id', scope))
        .where('f.consulted_on', 'is', null)
        .where((eb) => (siteId ? eb('f.site_id', '=', siteId) : sql<boolean>`true`))
        .executeTakeFirstOrThrow();
      const n = (v: unknown) => suppressSmall(Number(v));
      return {
        year,
        peopleScreened: n(totals.people),
        screenings: n(totals.screenings),
        general: n(totals.general),
        special: n(totals.special),
        abnormal: n(totals.abnormal),
        followUpsOpen: n(open.n),
        byLevel: { level1: n(totals.l1), level2: n(totals.l2), level3: n(totals.l3), level4: n(totals.l4) },
        costMinor: Number(totals.cost),
        currency: 'TWD',
        bySite: bySite.map((s) => ({
          siteId: s.id,
          siteCode: s.code,
          peopleScreened: n(s.people),
          abnormal: n(s.abnormal),
          costMinor: Number(s.cost),
        })),
      };
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
