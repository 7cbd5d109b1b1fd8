import type { z } from 'zod';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import type { DocumentsService } from '../../../platform/documents/service.ts';
import { NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import { registerObligationKind } from '../../../platform/obligations/kinds.ts';
import { localDate } from '../../../platform/obligations/rules/reminders.ts';
import type { ObligationsService } from '../../../platform/obligations/service.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { PeopleService } from '../../../platform/people/service.ts';

/** The owner type of an incident's photos and files in the documents service. */
export const INCIDENT_DOCUMENTS = 'ohs_incident';

import type { InjuryView, injuryInput, injuryPatch } from '../injuries/contract.ts';
import { ohsMessage, ohsWord } from '../messages.ts';
import {
  AUTHORITY_NOTICE_HOURS,
  type Classification,
  daysLost,
  defaultRecovery,
  isDisabling,
  isHighConsequence,
  type RecoveryOutcome,
  recoveryFits,
  requiresAuthorityNotice,
} from '../rules/injury.ts';
import type { IncidentView, incidentInput, incidentListQuery, incidentPatch } from './contract.ts';
import { createIncidentNames, type IncidentRow, type InjuryRow, type NameLookups } from './names.ts';
import * as repo from './repo.ts';

export const AUTHORITY_NOTICE = 'ohs.authority_notice';
registerObligationKind({
  kind: AUTHORITY_NOTICE,
  program: 'ohs',
  name: ohsWord('ohs.obligationKind', AUTHORITY_NOTICE.slice('ohs.'.length)),
  schedule: { daysBefore: [1], overdueEveryDays: 1 },
});

const PROGRAM = 'ohs' as const;

/** Incidents reported at a site (injuries, illnesses, near misses, unsafe conditions) and the people hurt. */
export function createIncidentsService({
  db,
  obligations,
  org,
  documents,
  people,
  users,
  now,
}: NameLookups & {
  db: Db;
  obligations: ObligationsService;
  org: Pick<OrgService, 'siteForWriting' | 'assertAreaOfSite'>;
  documents: DocumentsService;
  people: Pick<PeopleService, 'personSite'>;
  now: () => Date;
}) {
  const named = createIncidentNames({ org, users, people });
  function toInjuryView(j: InjuryRow, asOf: string): InjuryView {
    const facts = {
      classification: j.classification,
      injuryDate: j.injury_date,
      returnDate: j.return_date,
      chargedDays: j.charged_days,
    };
    return {
      id: j.id,
      personType: j.person_type,
      personId: j.person_id,
      personName: j.person_name,
      personNo: j.person_no,
      injuryType: j.injury_type,
      bodyPart: j.body_part,
      treatment: j.treatment,
      classification: j.classification,
      injuryDate: j.injury_date,
      returnDate: j.return_date,
      chargedDays: j.charged_days,
      chargedDaysKey: j.charged_days_key,
      restrictedDays: j.restricted_days,
      hospitalised: j.hospitalised,
      recovery: j.recovery,
      daysLost: daysLost(facts, asOf),
      disabling: isDisabling(facts, asOf),
      highConsequence: isHighConsequence({ classification: j.classification, recovery: j.recovery }),
      version: j.version,
    };
  }

  function toView(i: IncidentRow, injuries: InjuryRow[], photoCount: number): IncidentView {
    const required = requiresAuthorityNotice(i);
    const dueAt = required ? new Date(i.occurred_at.getTime() + AUTHORITY_NOTICE_HOURS * 3_600_000) : null;
    const asOf = localDate(now(), i.time_zone);
    return {
      id: i.id,
      reference: i.reference,
      siteId: i.site_id,
      siteCode: i.site_code,
      timeZone: i.time_zone,
      areaId: i.area_id,
      areaName: i.area_name,
      kind: i.kind,
      occurredAt: i.occurred_at.toISOString(),
      occurredOn: i.occurred_on,
      reportedByName: i.anonymous ? null : i.reported_by_name,
      anonymous: i.anonymous,
      title: i.title,
      description: i.description,
      immediateActions: i.immediate_actions,
      commuting: i.commuting,
      fatalities: i.fatalities,
      injured: i.injured,
      hospitalised: i.hospitalised,
      notice: {
        required,
        dueAt: dueAt?.toISOString() ?? null,
        notifiedAt: i.authority_notified_at?.toISOString() ?? null,
        reference: i.authority_reference,
        overdue: required && !i.authority_notified_at && !!dueAt && dueAt < now(),
      },
      injuries: injuries.map((j) => toInjuryView(j, asOf)),
      investigationId: i.investigation_id,
      investigationStatus: i.investigation_status,
      photoCount,
      version: i.version,
    };
  }

  async function rowOrNotFound(trx: Db, id: string) {
    const row = await repo.incidentById(trx, id);
    if (!row) throw new NotFoundError('incident');
    return (await named.incidents([row], trx))[0];
  }

  const isReporter = (actor: Actor, row: { reported_by: string | null }) =>
    !!actor.userId && row.reported_by === actor.userId;

  async function viewOf(trx: Db, id: string) {
    const row = await rowOrNotFound(trx, id);
    const injuries = await named.injuries(await repo.injuriesOf(trx, id), trx);
    const photos = await documents.countsByOwner(INCIDENT_DOCUMENTS, [id], trx);
    return toView(row, injuries, photos.get(id) ?? 0);
  }

  async function checkPerson(
    trx: Db,
    input: { personType: 'employee' | 'contractor_worker'; personId: string },
  ) {
    const person = await people.personSite(input.personType, input.personId, trx);
    if (!person)
      throw new ValidationError('The injured person does not exist.', [
        { path: 'personId', message: 'Unknown person' },
      ]);
    return person;
  }

  /** Head counts follow the named injured once there are any; the 8-hour notice follows the counts. */
  async function syncCountsAndNotice(trx: Db, actor: Actor, incidentId: string) {
    const injuries = await repo.injuryFacts(trx, incidentId);
    if (injuries.length > 0) {
      await repo.setHeadCounts(trx, incidentId, {
        fatalities: injuries.filter((j) => j.classification === 'fatality').length,
        injured: injuries.length,
        hospitalised: injuries.filter((j) => j.hospitalised).length,
      });
    }
    const i = await rowOrNotFound(trx, incidentId);
    if (requiresAuthorityNotice(i) && !i.authority_notified_at) {
      await obligations.upsertForSource(trx, actor, {
        kind: AUTHORITY_NOTICE,
        sourceType: 'ohs_incident',
        sourceId: i.id,
        siteId: i.site_id,
        program: PROGRAM,
        ownerId: null,
        title: ohsMessage('ohs.obligation.authorityNotice', {
          reference: i.reference,
          hours: AUTHORITY_NOTICE_HOURS,
        }),
        dueDate: i.occurred_on,
        dueAt: new Date(i.occurred_at.getTime() + AUTHORITY_NOTICE_HOURS * 3_600_000),
      });
    } else {
      await obligations.closeForSource(
        trx,
        actor,
        AUTHORITY_NOTICE,
        'ohs_incident',
        i.id,
        i.authority_notified_at ? 'done' : 'cancelled',
      );
    }
  }

  /**
   * The recovery outcome to store: the one entered if it fits the classification (422 naming the field if not),
   * else the one kept (when it still fits), else the classification's default.
   */
  function recoveryFor(
    classification: Classification,
    entered: RecoveryOutcome | undefined,
    kept: RecoveryOutcome | null,
  ): RecoveryOutcome {
    if (entered !== undefined) {
      if (!recoveryFits(classification, entered))
        throw new ValidationError('The recovery outcome does not fit the classification.', [
          {
            path: 'recovery',
            message:
              classification === 'permanent_total_disability' ||
              classification === 'permanent_partial_disability'
                ? 'A permanent disability is not a full recovery'
                : 'Only a recordable injury other than a fatality has a recovery outcome',
          },
        ]);
      return entered;
    }
    if (kept !== null && recoveryFits(classification, kept)) return kept;
    return defaultRecovery(classification);
  }

  async function insertInjury(
    trx: Db,
    actor: Actor,
    incident: { id: string; site_id: string; occurred_on: string },
    input: z.infer<typeof injuryInput>,
  ) {
    await checkPerson(trx, input);
    if (input.returnDate && input.returnDate < incident.occurred_on)
      throw new ValidationError('The return date is before the injury.', [
        { path: 'returnDate', message: 'Before the injury' },
      ]);
    const row = await repo.insertInjury(trx, {
      incident_id: incident.id,
      site_id: incident.site_id,
      person_type: input.personType,
      person_id: input.personId,
      injury_type: input.injuryType,
      body_part: input.bodyPart,
      treatment: input.treatment ?? null,
      classification: input.classification,
      injury_date: incident.occurred_on,
      return_date: input.returnDate ?? null,
      charged_days: input.chargedDays ?? null,
      charged_days_key: input.chargedDaysKey ?? null,
      restricted_days: input.restrictedDays ?? 0,
      hospitalised: input.hospitalised ?? false,
      recovery: recoveryFor(input.classification, input.recovery, null),
      created_by: actor.userId,
      updated_by: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: 'ohs.injury.recorded',
      entityType: 'ohs_injury',
      entityId: row.id,
      siteId: row.site_id,
      after: row,
    });
    return row;
  }

  return {
    async list(actor: Actor, q: z.infer<typeof incidentListQuery>) {
      const page = await repo.incidentPage(db, {
        ...(q.mine === 'true'
          ? { reportedBy: actor.userId as string }
          : { scope: access.listScope(actor, 'ohs.read') }),
        siteId: q.siteId,
        kind: q.kind,
        from: q.from,
        to: q.to,
        q: q.q,
        inDescription: true,
        sortColumn:
          q.sort === 'site'
            ? repo.siteRank(await org.siteIdsInCodeOrder())
            : { occurredAt: 'i.occurred_at', reference: 'i.reference' }[q.sort],
        order: q.order,
        page: q.page,
        pageSize: q.pageSize,
      });
      const { total, totalCapped } = page;
      const items = await named.incidents(page.items);
      const photos = await documents.countsByOwner(
        INCIDENT_DOCUMENTS,
        items.map((r) => r.id),
      );
      return {
        items: items.map((r) => {
          const {
            injuries: _i,
            description: _d,
            immediateActions: _a,
            ...rest
          } = toView(r, [], photos.get(r.id) ?? 0);
          return rest;
        }),
        total,
        totalCapped,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(actor: Actor, id: string) {
      const row = await rowOrNotFound(db, id);
      if (!isReporter(actor, row))
        access.assert(actor, {
          permission: 'ohs.read',
          siteId: row.site_id,
          what: 'incident',
          program: PROGRAM,
        });
      return viewOf(db, id);
    },

    /** The site of an incident, for its photos: the reporter adds photos to their report, officers to any. */
    async siteOf(actor: Actor, id: string, intent: 'read' | 'write') {
      const row = await rowOrNotFound(db, id);
      if (!isReporter(actor, row))
        access.assert(actor, {
          permission: intent === 'read' ? 'ohs.read' : 'ohs.manage',
          siteId: row.site_id,
          what: 'incident',
          program: PROGRAM,
        });
      return row.site_id;
    },

    async create(actor: Actor, input: z.infer<typeof incidentInput>) {
      const site = await org.siteForWriting(input.siteId);
      access.assert(actor, { permission: 'ohs.report', siteId: site.id, what: 'site' });
      if (input.injuries?.length)
        access.assert(actor, { permission: 'ohs.manage', siteId: site.id, what: 'site', program: PROGRAM });
      if (input.areaId) {
        await org.assertAreaOfSite(input.areaId, site.id);
      }
      const occurredAt = new Date(input.occurredAt);
      if (occurredAt.getTime() > now().getTime() + 5 * 60_000)
        throw new ValidationError('The incident cannot have happened in the future.', [
          { path: 'occurredAt', message: 'In the future' },
        ]);
      const occurredOn = localDate(occurredAt, site.timeZone);
      const id = await db.transaction().execute(async (trx) => {
        const row = await repo.insertIncident(trx, {
          site_id: site.id,
          area_id: input.areaId ?? null,
          reference: await repo.nextReference(trx, site.code, Number(occurredOn.slice(0, 4))),
          kind: input.kind,
          occurred_at: occurredAt,
          occurred_on: occurredOn,
          // An anonymous report keeps no trace of who made it, not even in the audit log.
          reported_by: input.anonymous ? null : actor.userId,
          anonymous: input.anonymous ?? false,
          title: input.title,
          description: input.description,
          immediate_actions: input.immediateActions ?? null,
          commuting: input.commuting ?? false,
          fatalities: input.fatalities ?? 0,
          injured: input.injured ?? 0,
          hospitalised: input.hospitalised ?? 0,
          created_by: input.anonymous ? null : actor.userId,
          updated_by: input.anonymous ? null : actor.userId,
        });
        const auditActor = input.anonymous ? { ...actor, userId: null, label: 'anonymous reporter' } : actor;
        await recordAudit(trx, auditActor, {
          action: 'ohs.incident.reported',
          entityType: 'ohs_incident',
          entityId: row.id,
          siteId: row.site_id,
          summary: `${row.reference} ${row.kind}: ${row.title}`,
          after: row,
        });
        for (const injury of input.injuries ?? []) await insertInjury(trx, actor, row, injury);
        await syncCountsAndNotice(trx, auditActor, row.id);
        return row.id;
      });
      return viewOf(db, id);
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof incidentPatch>) {
      const before = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: before.site_id,
        what: 'incident',
        program: PROGRAM,
      });
      if (patch.areaId) {
        await org.assertAreaOfSite(patch.areaId, before.site_id);
      }
      const occurredAt = patch.occurredAt ? new Date(patch.occurredAt) : undefined;
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'ohs_incidents',
          id,
          patch.version,
          definedOnly({
            area_id: patch.areaId,
            kind: patch.kind,
            occurred_at: occurredAt,
            occurred_on: occurredAt ? localDate(occurredAt, before.time_zone) : undefined,
            title: patch.title,
            description: patch.description,
            immediate_actions: patch.immediateActions,
            commuting: patch.commuting,
            fatalities: patch.fatalities,
            injured: patch.injured,
            hospitalised: patch.hospitalised,
            authority_notified_at:
              patch.authorityNotifiedAt === undefined
                ? undefined
                : patch.authorityNotifiedAt && new Date(patch.authorityNotifiedAt),
            authority_reference: patch.authorityReference,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'ohs.incident.updated',
          entityType: 'ohs_incident',
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        if (occurredAt) await repo.setInjuryDates(trx, id, localDate(occurredAt, before.time_zone));
        await syncCountsAndNotice(trx, actor, id);
        return viewOf(trx, id);
      });
    },

    async addInjury(actor: Actor, incidentId: string, input: z.infer<typeof injuryInput>) {
      const incident = await rowOrNotFound(db, incidentId);
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: incident.site_id,
        what: 'incident',
        program: PROGRAM,
      });
      return db.transaction().execute(async (trx) => {
        await insertInjury(trx, actor, incident, input);
        await syncCountsAndNotice(trx, actor, incidentId);
        return viewOf(trx, incidentId);
      });
    },

    async updateInjury(actor: Actor, injuryId: string, patch: z.infer<typeof injuryPatch>) {
      const before = await repo.injuryById(db, injuryId);
      if (!before) throw new NotFoundError('injury');
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: before.site_id,
        what: 'injury',
        program: PROGRAM,
      });
      if (patch.returnDate && patch.returnDate < before.injury_date)
        throw new ValidationError('The return date is before the injury.', [
          { path: 'returnDate', message: 'Before the injury' },
        ]);
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'ohs_injuries',
          injuryId,
          patch.version,
          definedOnly({
            injury_type: patch.injuryType,
            body_part: patch.bodyPart,
            treatment: patch.treatment,
            classification: patch.classification,
            return_date: patch.returnDate,
            charged_days: patch.chargedDays,
            charged_days_key: patch.chargedDaysKey,
            restricted_days: patch.restrictedDays,
            hospitalised: patch.hospitalised,
            recovery:
              patch.recovery !== undefined || patch.classification !== undefined
                ? recoveryFor(patch.classification ?? before.classification, patch.recovery, before.recovery)
                : undefined,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'ohs.injury.updated',
          entityType: 'ohs_injury',
          entityId: injuryId,
          siteId: before.site_id,
          before,
          after,
        });
        await syncCountsAndNotice(trx, actor, before.incident_id);
        return viewOf(trx, before.incident_id);
      });
    },

    async removeInjury(actor: Actor, injuryId: string) {
      const before = await repo.injuryById(db, injuryId);
      if (!before) throw new NotFoundError('injury');
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: before.site_id,
        what: 'injury',
        program: PROGRAM,
      });
      return db.transaction().execute(async (trx) => {
        await repo.deleteInjury(trx, injuryId);
        await recordAudit(trx, actor, {
          action: 'ohs.injury.removed',
          entityType: 'ohs_injury',
          entityId: injuryId,
          siteId: before.site_id,
          before,
        });
        await syncCountsAndNotice(trx, actor, before.incident_id);
        return viewOf(trx, before.incident_id);
      });
    },

    /** Deleting a report (recorded in error): its injuries, investigation and notice go with it. */
    async remove(actor: Actor, id: string, version: number) {
      const before = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: before.site_id,
        what: 'incident',
        program: PROGRAM,
      });
      await db.transaction().execute(async (trx) => {
        await obligations.closeForSource(trx, actor, AUTHORITY_NOTICE, 'ohs_incident', id, 'cancelled');
        if (!(await repo.deleteIncidentAt(trx, id, version)))
          await updateVersioned(trx, 'ohs_incidents', id, version, {}, actor.userId);
        await recordAudit(trx, actor, {
          action: 'ohs.incident.deleted',
          entityType: 'ohs_incident',
          entityId: id,
          siteId: before.site_id,
          before,
        });
      });
    },
  };
}

export type IncidentsService = ReturnType<typeof createIncidentsService>;
