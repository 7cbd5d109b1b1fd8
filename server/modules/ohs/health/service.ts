import type { z } from 'zod';
import type {
  followupInput,
  screeningInput,
  screeningListQuery,
} from '#shared/modules/ohs/health/contract.ts';
import { addDays, localDate } from '#shared/platform/obligations/rules/reminders.ts';
import type { Db } from '../../../db/types.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import { registerObligationKind } from '../../../platform/obligations/kinds.ts';
import type { ObligationsService } from '../../../platform/obligations/service.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import { personKey } from '../../../platform/people/lookups.ts';
import type { PeopleService } from '../../../platform/people/service.ts';
import { ohsWord } from '../messages.ts';
import { HEALTH_REVIEW_TITLE, suppressSmall } from '../rules/privacy.ts';
import * as repo from './repo.ts';

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

type Row = repo.ScreeningRow & {
  site_code: string;
  time_zone: string;
  person_name: string | null;
  person_no: string | null;
};

/**
 * Health management. Individual results (screenings, findings, follow-up consultations) are for medical staff
 * only, and every read of them is logged with whose record it was; everyone else sees counts, with counts
 * under five shown as "<5". Health details never enter the audit log.
 */
export function createHealthService(
  db: Db,
  obligations: ObligationsService,
  org: Pick<OrgService, 'sitesByIds' | 'siteForWriting'>,
  people: Pick<PeopleService, 'personNames' | 'personSite'>,
  now: () => Date = () => new Date(),
) {
  /** Names of the sites and people on a page of screenings, from the platform: one lookup of each. */
  async function named(rows: repo.ScreeningRow[], handle: Db = db): Promise<Row[]> {
    const [sites, names] = await Promise.all([
      org.sitesByIds(
        rows.map((r) => r.site_id),
        handle,
      ),
      people.personNames(
        rows.map((r) => ({ type: r.person_type, id: r.person_id })),
        handle,
      ),
    ]);
    return rows.map((r) => {
      const site = sites.get(r.site_id);
      if (!site) throw new Error(`The site of health record ${r.id} is missing.`);
      const person = names.get(personKey(r.person_type, r.person_id));
      return {
        ...r,
        site_code: site.code,
        time_zone: site.timeZone,
        person_name: person?.name ?? null,
        person_no: person?.no ?? null,
      };
    });
  }

  async function rowOf(handle: Db, id: string) {
    const r = await repo.screeningById(handle, id);
    return r && (await named([r], handle))[0];
  }

  async function view(handle: Db, r: Row) {
    const followups = await repo.followupsOf(handle, r.id);
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
      const page = await repo.screeningPage(db, {
        scope,
        siteId: q.siteId,
        personId: q.personId,
        abnormal: q.abnormal === undefined ? undefined : q.abnormal === 'true',
        year: q.year,
        order: q.order,
        page: q.page,
        pageSize: q.pageSize,
        cursor: q.cursor,
        count: q.count,
      });
      const { items: _rows, ...paging } = page;
      const items = await named(page.items);
      await logRead(actor, q.siteId ?? null, items);
      return {
        items: await Promise.all(items.map((r) => view(db, r))),
        ...paging,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(actor: Actor, id: string) {
      const r = await rowOf(db, id);
      if (!r) throw new NotFoundError('health record');
      access.assert(actor, { permission: 'health.individual', siteId: r.site_id, what: 'health record' });
      await logRead(actor, r.site_id, [r]);
      return view(db, r);
    },

    async create(actor: Actor, input: z.infer<typeof screeningInput>) {
      const site = await org.siteForWriting(input.siteId);
      access.assert(actor, { permission: 'health.individual', siteId: site.id, what: 'site' });
      const person = await people.personSite(input.personType, input.personId);
      if (!person)
        throw new ValidationError('The person does not exist.', [
          { path: 'personId', message: 'Unknown person' },
        ]);
      if (input.screenedOn > localDate(now(), site.timeZone))
        throw new ValidationError('The screening date is in the future.', [
          { path: 'screenedOn', message: 'In the future' },
        ]);
      return db.transaction().execute(async (trx) => {
        const row = await repo.insertScreening(trx, {
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
        });
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
          const followup = await repo.insertFollowup(trx, {
            screening_id: row.id,
            site_id: site.id,
            due_date: due,
            clinician_id: actor.userId,
            created_by: actor.userId,
            updated_by: actor.userId,
          });
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
        return view(trx, (await rowOf(trx, row.id)) as Row);
      });
    },

    async recordFollowup(actor: Actor, followupId: string, input: z.infer<typeof followupInput>) {
      const before = await repo.followupById(db, followupId);
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
        return view(trx, (await rowOf(trx, before.screening_id)) as Row);
      });
    },

    /** Counts for everyone with health.read: never individual, small counts suppressed. */
    async summary(actor: Actor, year: number, siteId?: string) {
      const scope = access.listScope(actor, 'health.read');
      const { totals, bySite: counted, open } = await repo.yearCounts(db, scope, year, siteId);
      const codes = await org.sitesByIds(counted.map((c) => c.site_id));
      const bySite = counted
        .map((c) => ({ ...c, id: c.site_id, code: codes.get(c.site_id)?.code ?? '' }))
        .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
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
