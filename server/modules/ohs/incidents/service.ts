import type { z } from 'zod';
import type {
  incidentInput,
  incidentListQuery,
  incidentPatch,
} from '#shared/modules/ohs/incidents/contract.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import type { DocumentsService } from '../../../platform/documents/service.ts';
import { ValidationError } from '../../../platform/http/errors.ts';
import type { ObligationsService } from '../../../platform/obligations/service.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import * as injuriesRepo from '../injuries/repo.ts';
import type { InjuriesService } from '../injuries/service.ts';
import { ohsMessage, ohsWord } from '../messages.ts';
import type { createIncidentNames } from './names.ts';
import * as repo from './repo.ts';
import { AUTHORITY_NOTICE, INCIDENT_DOCUMENTS, type IncidentViews } from './views.ts';

const PROGRAM = 'ohs' as const;

/** Incidents reported at a site (injuries, illnesses, near misses, unsafe conditions) and the people hurt. */
export function createIncidentsService({
  db,
  obligations,
  org,
  named,
  views,
  injuries,
  documents,
  now,
}: {
  db: Db;
  obligations: ObligationsService;
  org: Pick<OrgService, 'siteForWriting' | 'assertAreaOfSite' | 'siteIdsInCodeOrder'>;
  named: ReturnType<typeof createIncidentNames>;
  views: IncidentViews;
  injuries: Pick<InjuriesService, 'insert'>;
  documents: DocumentsService;
  now: () => Date;
}) {
  const { rowOrNotFound, viewOf, toView, syncCountsAndNotice } = views;
  const insertInjury = injuries.insert;

  const isReporter = (actor: Actor, row: { reported_by: string | null }) =>
    !!actor.userId && row.reported_by === actor.userId;

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
        cursor: q.cursor,
        count: q.count,
      });
      const { items: _rows, ...paging } = page;
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
        ...paging,
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
          summary: ohsMessage('ohs.audit.incidentReported', {
            reference: row.reference,
            kind: ohsWord('ohs.incidentKind', row.kind),
            title: row.title,
          }),
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
        if (occurredAt) await injuriesRepo.setInjuryDates(trx, id, localDate(occurredAt, before.time_zone));
        await syncCountsAndNotice(trx, actor, id);
        return viewOf(trx, id);
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
