import type { z } from 'zod';
import type {
  permitInput,
  permitListQuery,
  permitTransitionBody,
} from '#shared/modules/ohs/permits/contract.ts';
import {
  checklists,
  gasTestProblems,
  liveStatuses,
  needsGasTest,
  nextStatus,
  type PermitStatus,
  type PermitType,
  requiredQualification,
} from '#shared/modules/ohs/rules/permits.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import type { Db } from '../../../db/types.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import { type Actor, systemActor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { PeopleService } from '../../../platform/people/service.ts';
import { ohsMessage, ohsWord } from '../messages.ts';
import type { QualificationsService } from '../qualifications/service.ts';
import type { PermitHistoryEntry } from '../tables.ts';
import * as repo from './repo.ts';

const PROGRAM = 'ohs' as const;

type Row = repo.PermitRow & {
  site_code: string;
  time_zone: string;
  area_name: string;
  company_name: string;
};

/**
 * Permits to work for high-risk contractor operations: requested → approved → isolations verified → gas test
 * passed (for the types that need it) → issued → active → completed → closed, with suspension, extension,
 * rejection, expiry and cancellation; overlapping permits in one area are flagged.
 */
export function createPermitsService(
  db: Db,
  qualifications: QualificationsService,
  org: Pick<OrgService, 'siteForWriting' | 'assertAreaOfSite' | 'sitesByIds' | 'areaNames'>,
  people: Pick<PeopleService, 'contractorWorkers' | 'companyNames' | 'companyIdsNamed'>,
  now: () => Date = () => new Date(),
) {
  /** Names of the sites, areas and companies on a page of permits, from the platform: one lookup each. */
  async function named(rows: repo.PermitRow[], handle: Db = db): Promise<Row[]> {
    const [sites, areas, companies] = await Promise.all([
      org.sitesByIds(
        rows.map((r) => r.site_id),
        handle,
      ),
      org.areaNames(
        rows.map((r) => r.area_id),
        handle,
      ),
      people.companyNames(
        rows.map((r) => r.company_id),
        handle,
      ),
    ]);
    return rows.map((r) => {
      const site = sites.get(r.site_id);
      const area = areas.get(r.area_id);
      const company = companies.get(r.company_id);
      if (!site || area === undefined || company === undefined)
        throw new Error(`The site, area or company of permit ${r.id} is missing.`);
      return { ...r, site_code: site.code, time_zone: site.timeZone, area_name: area, company_name: company };
    });
  }

  const summary = (r: Row) => ({
    id: r.id,
    reference: r.reference,
    siteId: r.site_id,
    siteCode: r.site_code,
    timeZone: r.time_zone,
    areaId: r.area_id,
    areaName: r.area_name,
    type: r.type,
    status: r.status as PermitStatus,
    companyId: r.company_id,
    companyName: r.company_name,
    description: r.description,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    needsGasTest: needsGasTest.has(r.type),
    gasTest: r.gas_test,
    rejectionReason: r.rejection_reason,
    version: r.version,
  });

  async function overlapsOf(handle: Db, p: { id?: string; area_id: string; starts_at: Date; ends_at: Date }) {
    return (await repo.overlapping(handle, p)).map((o) => ({
      id: o.id,
      reference: o.reference,
      type: o.type,
      status: o.status,
      startsAt: o.starts_at.toISOString(),
      endsAt: o.ends_at.toISOString(),
    }));
  }

  async function view(handle: Db, r: Row) {
    const found = await people.contractorWorkers(r.worker_ids, handle);
    const workers = r.worker_ids.flatMap((id) => {
      const w = found.get(id);
      return w ? [{ id, full_name: w.fullName }] : [];
    });
    const qualified = await qualifications.qualifiedWorkers(
      handle,
      r.worker_ids,
      requiredQualification[r.type],
      r.ends_at.toISOString().slice(0, 10),
    );
    return {
      ...summary(r),
      workers: workers.map((w) => ({ id: w.id, name: w.full_name, qualified: qualified.has(w.id) })),
      checklist: checklists[r.type].map((c) => ({ ...c, checked: r.checklist[c.key] === true })),
      history: r.history,
      overlaps: live(r.status as PermitStatus)
        ? (await overlapsOf(handle, r)).map(({ status: _s, ...o }) => o)
        : [],
    };
  }

  const live = (s: PermitStatus) => liveStatuses.has(s);

  async function rowOrNotFound(handle: Db, id: string) {
    const r = await repo.permitById(handle, id);
    if (!r) throw new NotFoundError('permit');
    return (await named([r], handle))[0];
  }

  return {
    async list(actor: Actor, q: z.infer<typeof permitListQuery>) {
      const scope = access.listScope(actor, 'ohs.read', PROGRAM);
      const page = await repo.permitPage(db, {
        scope,
        siteId: q.siteId,
        areaId: q.areaId,
        type: q.type,
        status: q.status,
        live: q.live === 'true',
        q: q.q ? { text: q.q, companyIds: await people.companyIdsNamed(q.q) } : undefined,
        sort: q.sort,
        order: q.order,
        page: q.page,
        pageSize: q.pageSize,
        cursor: q.cursor,
        count: q.count,
      });
      const { items: _rows, ...paging } = page;
      const items = await named(page.items);
      return {
        items: items.map((r) => ({ ...summary(r), workerCount: r.worker_ids.length })),
        ...paging,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(actor: Actor, id: string) {
      const r = await rowOrNotFound(db, id);
      access.assert(actor, { permission: 'ohs.read', siteId: r.site_id, what: 'permit', program: PROGRAM });
      return view(db, r);
    },

    async request(actor: Actor, input: z.infer<typeof permitInput>) {
      const site = await org.siteForWriting(input.siteId);
      access.assert(actor, { permission: 'ohs.manage', siteId: site.id, what: 'site', program: PROGRAM });
      await org.assertAreaOfSite(input.areaId, site.id);
      const workers = [...(await people.contractorWorkers(input.workerIds)).values()];
      if (
        workers.length !== new Set(input.workerIds).size ||
        workers.some((w) => w.companyId !== input.companyId)
      ) {
        throw new ValidationError('Every worker on a permit must be a worker of its contractor company.', [
          { path: 'workerIds', message: 'Unknown worker or another company' },
        ]);
      }
      const startsAt = new Date(input.startsAt);
      const endsAt = new Date(input.endsAt);
      return db.transaction().execute(async (trx) => {
        const year = localDate(startsAt, GROUP_TIME_ZONE).slice(0, 4);
        const prefix = `PTW-${site.code}-${year}-`;
        const n = await repo.nextNumber(trx, prefix);
        const history: PermitHistoryEntry[] = [
          { at: now().toISOString(), by: actor.label, transition: 'request', from: '', to: 'requested' },
        ];
        const row = await repo.insertPermit(trx, {
          site_id: site.id,
          area_id: input.areaId,
          reference: `${prefix}${String(n).padStart(4, '0')}`,
          type: input.type,
          company_id: input.companyId,
          worker_ids: [...new Set(input.workerIds)],
          description: input.description,
          starts_at: startsAt,
          ends_at: endsAt,
          requested_by: actor.userId,
          history: JSON.stringify(history),
          created_by: actor.userId,
          updated_by: actor.userId,
        });
        await recordAudit(trx, actor, {
          action: 'ohs.permit.requested',
          entityType: 'ohs_permit',
          entityId: row.id,
          siteId: row.site_id,
          summary: ohsMessage('ohs.audit.permitRequested', {
            reference: row.reference,
            type: ohsWord('ohs.permitType', row.type),
          }),
          after: row,
        });
        return view(trx, await rowOrNotFound(trx, row.id));
      });
    },

    /**
     * One step of the permit's life. Issuing needs every checklist item ticked and every worker qualified;
     * a gas test must pass; an overlap in the same area blocks issuing until the other permit ends.
     */
    async transition(actor: Actor, id: string, body: z.infer<typeof permitTransitionBody>) {
      const before = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: before.site_id,
        what: 'permit',
        program: PROGRAM,
      });
      const to = nextStatus(before.type as PermitType, before.status as PermitStatus, body.transition);
      if (!to)
        throw new ConflictError(
          `A ${before.type.replace(/_/g, ' ')} permit that is ${before.status.replace(/_/g, ' ')} cannot be given "${body.transition.replace(/_/g, ' ')}".`,
        );
      const changes: Record<string, unknown> = { status: to };
      const checklist = { ...before.checklist, ...(body.checklist ?? {}) };
      if (body.checklist) changes.checklist = JSON.stringify(checklist);

      if (body.transition === 'record_gas_test') {
        if (!body.gasTest)
          throw new ValidationError('Enter the gas test readings.', [
            { path: 'gasTest', message: 'Required' },
          ]);
        const problems = gasTestProblems(body.gasTest);
        if (problems.length)
          throw new ConflictError(`The gas test failed: ${problems.join(' ')} Ventilate and test again.`, {
            problems,
          });
        changes.gas_test = JSON.stringify({
          ...body.gasTest,
          toxicPpm: body.gasTest.toxicPpm ?? null,
          testedAt: now().toISOString(),
          testedBy: actor.label,
        });
      }
      if (body.transition === 'approve') changes.approved_by = actor.userId;
      if (body.transition === 'reject') {
        if (!body.note)
          throw new ValidationError('Say why the permit is rejected.', [
            { path: 'note', message: 'Required' },
          ]);
        changes.rejection_reason = body.note;
      }
      if (body.transition === 'issue') {
        const missing = checklists[before.type as PermitType].filter((c) => checklist[c.key] !== true);
        if (missing.length)
          throw new ConflictError(
            `Tick every checklist item before issuing: ${missing.map((m) => m.en).join('; ')}.`,
            { missing: missing.map((m) => m.key) },
          );
        const qualified = await qualifications.qualifiedWorkers(
          db,
          before.worker_ids,
          requiredQualification[before.type as PermitType],
          before.ends_at.toISOString().slice(0, 10),
        );
        const unqualified = before.worker_ids.filter((w) => !qualified.has(w));
        if (unqualified.length)
          throw new ConflictError(
            `${unqualified.length} worker(s) hold no valid ${requiredQualification[before.type as PermitType].replace(/_/g, ' ')} qualification for the permit's period.`,
            { unqualified },
          );
        const clashing = (await overlapsOf(db, before)).filter(
          (o) => o.status === 'issued' || o.status === 'active',
        );
        if (clashing.length)
          throw new ConflictError(
            `Another permit is in force in this area at the same time: ${clashing.map((c) => c.reference).join(', ')}.`,
          );
        changes.issued_by = actor.userId;
      }
      if (body.transition === 'extend') {
        if (!body.extendTo || new Date(body.extendTo) <= before.ends_at)
          throw new ValidationError('An extension ends after the current end.', [
            { path: 'extendTo', message: 'Later than the current end' },
          ]);
        changes.ends_at = new Date(body.extendTo);
      }
      const entry: PermitHistoryEntry = {
        at: now().toISOString(),
        by: actor.label,
        transition: body.transition,
        from: before.status,
        to,
        ...(body.note ? { note: body.note } : {}),
      };
      changes.history = JSON.stringify([...before.history, entry]);
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(trx, 'ohs_permits', id, body.version, changes, actor.userId);
        await recordAudit(trx, actor, {
          action: `ohs.permit.${body.transition}`,
          entityType: 'ohs_permit',
          entityId: id,
          siteId: before.site_id,
          summary: ohsMessage('ohs.audit.permitStep', {
            reference: before.reference,
            from: ohsWord('ohs.permitStatus', before.status),
            to: ohsWord('ohs.permitStatus', to),
          }),
          before,
          after,
        });
        return view(trx, await rowOrNotFound(trx, id));
      });
    },

    /** Permits whose end has passed while still in force become expired (a worker job), each audited. */
    async expireOverdue(): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const expired = await repo.expireOverdue(trx, now());
        for (const p of expired) {
          await recordAudit(trx, systemActor('ohs.actor.permitExpiry'), {
            action: 'ohs.permit.expire',
            entityType: 'ohs_permit',
            entityId: p.id,
            siteId: p.site_id,
            summary: ohsMessage('ohs.audit.permitExpired', { reference: p.reference }),
          });
        }
        return expired.length;
      });
    },
  };
}

export type PermitsService = ReturnType<typeof createPermitsService>;
