import type { z } from 'zod';
import type {
  classificationInput,
  eventInput,
  IncidentSummary,
  IncidentView,
  incidentListQuery,
  incidentReport,
  noteInput,
} from '#shared/modules/infosec/contract.ts';
import { type Clock, clockState } from '#shared/modules/infosec/rules/clocks.ts';
import { type Impact, incidentLevel } from '#shared/modules/infosec/rules/level.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import { paginate } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { updateVersioned } from '../../db/versioned.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import type { ActionsService } from '../../platform/actions/service.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { DocumentsService } from '../../platform/documents/service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { UsersService } from '../../platform/users/service.ts';
import { type createClockKeeper, INCIDENT_SOURCE } from './clocks.ts';
import { infosecMessage } from './messages.ts';
import * as repo from './repo.ts';
import type { SystemsService } from './systems.ts';
import { assertMayManage, assertMayRead, mayManage, visibleIncidents } from './visibility.ts';

type Deps = {
  db: Db;
  org: OrgService;
  users: UsersService;
  documents: DocumentsService;
  actions: ActionsService;
  systems: SystemsService;
  clocks: ReturnType<typeof createClockKeeper>;
  now: () => Date;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** What the audit log keeps of an incident: a sensitive one's title and description stay out of it. */
function auditable(row: repo.IncidentRow) {
  if (!row.sensitive) return row;
  const { title: _t, description: _d, ...rest } = row;
  return rest;
}
/** A little slack for the reporter's clock running ahead of the server's. */
const FUTURE_SLACK_MS = 5 * 60_000;

/** Security incidents: reported by anyone, triaged and classified by the security team, with their clocks. */
export function createSecurityIncidentsService(deps: Deps) {
  const { db, org, users, documents, actions, systems, clocks, now } = deps;

  function nextDue(list: Clock[], at: Date) {
    const open = list.filter((c) => ['running', 'overdue'].includes(clockState(c, at)) && c.dueAt);
    const first = open.sort((a, b) => (a.dueAt as Date).getTime() - (b.dueAt as Date).getTime())[0];
    return {
      nextDueAt: iso(first?.dueAt ?? null),
      overdue: open.some((c) => clockState(c, at) === 'overdue'),
    };
  }

  async function summaries(rows: repo.IncidentRow[], handle: Db = db): Promise<IncidentSummary[]> {
    const [sites, names] = await Promise.all([
      org.sitesByIds(
        rows.map((r) => r.site_id),
        handle,
      ),
      users.displayNames(
        rows.map((r) => r.reported_by),
        handle,
      ),
    ]);
    const at = now();
    const clockLists = await clocks.clocksOfPage(rows, sites, handle);
    const out: IncidentSummary[] = [];
    for (const [i, r] of rows.entries()) {
      const due = nextDue(clockLists[i] ?? [], at);
      out.push({
        id: r.id,
        reference: r.reference,
        siteId: r.site_id,
        siteCode: sites.get(r.site_id)?.code ?? '',
        title: r.title,
        awareAt: r.aware_at.toISOString(),
        reportedByName: r.reported_by ? (names.get(r.reported_by) ?? null) : null,
        sensitive: r.sensitive,
        status: r.status,
        level: r.level,
        ...due,
        version: r.version,
      });
    }
    return out;
  }

  async function loaded(handle: Db, id: string) {
    const row = await repo.incidentRows(handle).where('i.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('incident');
    const links = await repo.incidentLinks(handle, id);
    return { row, links, visibility: { ...row, namedUserIds: links.userIds } };
  }

  async function viewOf(handle: Db, actor: Actor, id: string): Promise<IncidentView> {
    const { row, links, visibility } = await loaded(handle, id);
    const timeline = await repo.timelineRows(handle, id);
    const [summary] = await summaries([row], handle);
    const siteIds = [...links.siteIds, ...links.systems.map((s) => s.site_id)];
    const [sites, names, evidence, linkedActions, clockList] = await Promise.all([
      org.sitesByIds(siteIds, handle),
      users.displayNames([...links.userIds, ...timeline.map((t) => t.created_by)], handle),
      documents.countsByOwner(INCIDENT_SOURCE, [id], handle),
      actions.linkedTo(INCIDENT_SOURCE, [id], handle),
      clocks.clocksOf(row, handle),
    ]);
    const at = now();
    return {
      ...summary,
      description: row.description,
      sensitiveReason: row.sensitive_reason,
      levelReason: row.level_reason,
      impact: (row.impact as Impact | null) ?? null,
      functionalImpact: row.functional_impact as IncidentView['functionalImpact'],
      informationImpact: row.information_impact as IncidentView['informationImpact'],
      recoverability: row.recoverability as IncidentView['recoverability'],
      attackVector: row.attack_vector as IncidentView['attackVector'],
      cisoReportedAt: iso(row.ciso_reported_at),
      levelReviewedAt: iso(row.level_reviewed_at),
      recoveredAt: iso(row.recovered_at),
      investigationReportedAt: iso(row.investigation_reported_at),
      affectedSites: links.siteIds.map((s) => ({ id: s, code: sites.get(s)?.code ?? '' })),
      systems: links.systems.map((s) => ({
        id: s.id,
        name: s.name,
        siteCode: sites.get(s.site_id)?.code ?? '',
      })),
      people: links.userIds.map((u) => ({ id: u, name: names.get(u) ?? null })),
      clocks: clockList.map((c) => ({
        clock: c.clock,
        startEvent: c.startEvent,
        startAt: iso(c.startAt),
        dueAt: iso(c.dueAt),
        doneAt: iso(c.doneAt),
        state: clockState(c, at),
        hoursFromLevel: c.hoursFromLevel,
      })),
      timeline: timeline.map((t) => ({
        id: t.id,
        at: t.at.toISOString(),
        kind: t.kind,
        text: t.text,
        data: t.data ?? null,
        byName: t.created_by ? (names.get(t.created_by) ?? null) : null,
      })),
      actionIds: linkedActions.get(id) ?? [],
      evidenceCount: evidence.get(id) ?? 0,
      canManage: mayManage(actor, visibility),
    };
  }

  const addTimeline = (
    trx: Db,
    actor: Actor,
    row: { id: string; site_id: string },
    entry: repo.TimelineEntry,
  ) => repo.insertTimeline(trx, actor.userId, row, entry);

  async function timeZoneOf(siteId: string, handle: Db) {
    return (await org.sitesByIds([siteId], handle)).get(siteId)?.timeZone ?? GROUP_TIME_ZONE;
  }

  function notInFuture(at: Date, path: string) {
    if (at.getTime() > now().getTime() + FUTURE_SLACK_MS)
      throw new ValidationError('That time is in the future.', [{ path, message: 'In the future' }]);
  }

  return {
    async list(actor: Actor, q: z.infer<typeof incidentListQuery>) {
      let base = repo.incidentRows(db);
      if (q.mine === 'true') base = base.where('i.reported_by', '=', actor.userId as string);
      else {
        access.listScope(actor, 'infosec.read', 'infosec');
        base = base.where((eb) => visibleIncidents(eb, actor));
      }
      if (q.siteId) base = base.where('i.site_id', '=', q.siteId);
      if (q.status) base = base.where('i.status', '=', q.status);
      if (q.level) base = base.where('i.level', '=', q.level);
      if (q.from) base = base.where('i.aware_at', '>=', new Date(`${q.from}T00:00:00Z`));
      if (q.to) base = base.where('i.aware_at', '<', new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000));
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) => eb.or([eb('i.title', 'ilike', p), eb('i.reference', 'ilike', p)]));
      }
      const sortColumn = {
        awareAt: 'i.aware_at',
        reference: 'i.reference',
        level: 'i.level',
        status: 'i.status',
      }[q.sort];
      const { items, ...paging } = await paginate<repo.IncidentRow>(db, base, {
        sortColumn,
        order: q.order,
        tieBreaker: 'i.id',
        page: q.page,
        cursor: q.cursor,
        count: q.count,
        pageSize: q.pageSize,
      });
      return { items: await summaries(items), ...paging, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string) {
      const { visibility } = await loaded(db, id);
      assertMayRead(actor, visibility);
      return viewOf(db, actor, id);
    },

    /**
     * An incident for its response work: 404 to whoever may not read it, 403/404 for `manage` to whoever may not
     * change it; the row, and whether the actor may change it.
     */
    async guard(actor: Actor, id: string, need: 'read' | 'manage', handle: Db = db) {
      const { row, visibility } = await loaded(handle, id);
      if (need === 'manage') assertMayManage(actor, visibility);
      else assertMayRead(actor, visibility);
      return { row, visibility, mayManage: mayManage(actor, visibility) };
    },

    /** The site of an incident, for its evidence files: readers see them, the reporter and the team add them. */
    async siteOf(actor: Actor, id: string, intent: 'read' | 'write') {
      const { row, visibility } = await loaded(db, id);
      assertMayRead(actor, visibility);
      if (intent === 'write' && row.reported_by !== actor.userId) assertMayManage(actor, visibility);
      return row.site_id;
    },

    async report(actor: Actor, input: z.infer<typeof incidentReport>) {
      const site = await org.siteForWriting(input.siteId);
      access.assert(actor, { permission: 'infosec.report', siteId: site.id, what: 'site' });
      const awareAt = new Date(input.awareAt);
      notInFuture(awareAt, 'awareAt');
      const affected = [...new Set([site.id, ...(input.affectedSiteIds ?? [])])];
      const known = await org.sitesByIds(affected);
      const unknown = (input.affectedSiteIds ?? []).findIndex((s) => !known.has(s));
      if (unknown >= 0)
        throw new ValidationError('Unknown site.', [
          { path: `affectedSiteIds.${unknown}`, message: 'No such site' },
        ]);
      const systemRows = await systems.byIds(input.systemIds ?? []);
      for (const [i, sid] of (input.systemIds ?? []).entries()) {
        const s = systemRows.find((r) => r.id === sid);
        if (!s || !affected.includes(s.site_id))
          throw new ValidationError('The system is not registered at an affected site.', [
            { path: `systemIds.${i}`, message: 'Not a system of an affected site' },
          ]);
      }
      const named = [...new Set(input.namedUserIds ?? [])];
      for (const [i, u] of named.entries()) await users.assertActiveUser(u, `namedUserIds.${i}`);
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('infosec_incidents')
          .values({
            site_id: site.id,
            reference: await repo.nextReference(trx, site.code, awareAt.getUTCFullYear()),
            title: input.title,
            description: input.description,
            aware_at: awareAt,
            reported_by: actor.userId,
            sensitive: input.sensitive ?? false,
            sensitive_reason: input.sensitive ? (input.sensitiveReason ?? null) : null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('infosec_incident_sites')
          .values(affected.map((s) => ({ incident_id: row.id, site_id: s })))
          .execute();
        if (systemRows.length)
          await trx
            .insertInto('infosec_incident_systems')
            .values(systemRows.map((s) => ({ incident_id: row.id, system_id: s.id, site_id: s.site_id })))
            .execute();
        if (named.length)
          await trx
            .insertInto('infosec_incident_people')
            .values(named.map((u) => ({ incident_id: row.id, user_id: u, site_id: row.site_id })))
            .execute();
        await recordAudit(trx, actor, {
          action: 'infosec.incident.reported',
          entityType: INCIDENT_SOURCE,
          entityId: row.id,
          siteId: row.site_id,
          // A sensitive incident's title stays out of the audit summary that site auditors read.
          summary: row.sensitive
            ? infosecMessage('infosec.audit.sensitiveIncidentReported', { reference: row.reference })
            : infosecMessage('infosec.audit.incidentReported', {
                reference: row.reference,
                title: row.title,
              }),
          after: auditable(row),
        });
        await addTimeline(trx, actor, row, { at: now(), kind: 'reported', data: { awareAt: input.awareAt } });
        await clocks.sync(trx, actor, row, site.timeZone);
        return row.id;
      });
      return viewOf(db, actor, id);
    },

    /**
     * Classification: the level follows from the impact (rules/level.ts); NIST SP 800-61 attributes alongside.
     * A change of an assigned level needs a reason, recomputes the running clocks from their same start events
     * and is written to the timeline and the audit log with the due times before and after.
     */
    async classify(actor: Actor, id: string, input: z.infer<typeof classificationInput>) {
      const { row: before, visibility } = await loaded(db, id);
      assertMayManage(actor, visibility);
      if (before.status === 'closed') throw new ConflictError('The incident is closed.');
      const level = incidentLevel(input.impact);
      if (level === null)
        throw new ValidationError('No impact on confidentiality, integrity or availability: no level.', [
          { path: 'impact', message: 'Name at least one impact' },
        ]);
      const changed = before.level !== null && before.level !== level;
      const reason = input.reason?.trim() || null;
      if (changed && !reason)
        throw new ValidationError('Say why the level changes.', [
          { path: 'reason', message: 'Required for a level change' },
        ]);
      return db.transaction().execute(async (trx) => {
        const clocksBefore = await clocks.clocksOf(before, trx);
        const after = (await updateVersioned(
          trx,
          'infosec_incidents',
          id,
          input.version,
          {
            level,
            level_reason: reason ?? before.level_reason,
            impact: JSON.stringify(input.impact),
            functional_impact: input.functionalImpact ?? null,
            information_impact: input.informationImpact ?? null,
            recoverability: input.recoverability ?? null,
            attack_vector: input.attackVector ?? null,
            status: before.status === 'reported' ? 'triaged' : before.status,
          },
          actor.userId,
        )) as repo.IncidentRow;
        const clocksAfter = await clocks.sync(trx, actor, after, await timeZoneOf(after.site_id, trx));
        const dueBefore = new Map(clocksBefore.map((c) => [c.clock, c.dueAt]));
        const moved = clocksAfter
          .map((c) => ({ clock: c.clock, from: iso(dueBefore.get(c.clock) ?? null), to: iso(c.dueAt) }))
          .filter((m) => m.from !== m.to);
        await addTimeline(trx, actor, after, {
          at: now(),
          kind: changed ? 'level_changed' : 'classified',
          text: reason,
          data: { from: before.level, to: level, clocks: moved },
        });
        await recordAudit(trx, actor, {
          action: changed ? 'infosec.incident.level_changed' : 'infosec.incident.classified',
          entityType: INCIDENT_SOURCE,
          entityId: id,
          siteId: after.site_id,
          summary: changed
            ? infosecMessage('infosec.audit.levelChanged', {
                reference: after.reference,
                from: before.level as number,
                to: level,
                reason: reason as string,
              })
            : infosecMessage('infosec.audit.classified', { reference: after.reference, level }),
          before: auditable(before),
          after: auditable(after),
        });
        return viewOf(trx, actor, id);
      });
    },

    /** The events that start and stop the clocks, each at the time it happened (not in the future). */
    async recordEvent(actor: Actor, id: string, input: z.infer<typeof eventInput>) {
      const { row: before, visibility } = await loaded(db, id);
      assertMayManage(actor, visibility);
      const at = input.at ? new Date(input.at) : now();
      notInFuture(at, 'at');
      if (at < before.aware_at)
        throw new ValidationError('Before the incident was noticed.', [
          { path: 'at', message: 'Before awareness' },
        ]);
      const requires = (ok: unknown, what: string) => {
        if (!ok) throw new ConflictError(what);
      };
      const changes: Record<string, unknown> = {};
      switch (input.event) {
        case 'ciso_reported':
          changes.ciso_reported_at = at;
          break;
        case 'level_reviewed':
          requires(before.ciso_reported_at, 'The incident has not been reported to the CISO office yet.');
          requires(before.level, 'The incident has no level to review yet.');
          changes.level_reviewed_at = at;
          break;
        case 'contained':
          changes.status = 'contained';
          break;
        case 'recovered':
          changes.recovered_at = at;
          changes.status = 'recovered';
          break;
        case 'investigation_reported':
          requires(before.recovered_at, 'Damage control or recovery is not complete yet.');
          changes.investigation_reported_at = at;
          break;
        case 'breach_assessed':
          requires(
            before.information_impact === 'privacy',
            'The incident is not classified as a breach of personal data.',
          );
          changes.breach_assessed_at = at;
          break;
        case 'authority_notified':
          requires(
            before.information_impact === 'privacy',
            'The incident is not classified as a breach of personal data.',
          );
          changes.authority_notified_at = at;
          break;
        case 'closed':
          requires(before.recovered_at, 'Damage control or recovery is not complete yet.');
          requires(
            (await repo.openTaskCount(db, id)) === 0,
            'Response tasks are still open: mark them done before closing the incident.',
          );
          changes.status = 'closed';
          break;
      }
      return db.transaction().execute(async (trx) => {
        const after = (await updateVersioned(
          trx,
          'infosec_incidents',
          id,
          input.version,
          changes,
          actor.userId,
        )) as repo.IncidentRow;
        await clocks.sync(trx, actor, after, await timeZoneOf(after.site_id, trx));
        await addTimeline(trx, actor, after, { at, kind: input.event, text: input.note ?? null });
        await recordAudit(trx, actor, {
          action: `infosec.incident.${input.event}`,
          entityType: INCIDENT_SOURCE,
          entityId: id,
          siteId: after.site_id,
          before: auditable(before),
          after: auditable(after),
        });
        return viewOf(trx, actor, id);
      });
    },

    async addNote(actor: Actor, id: string, input: z.infer<typeof noteInput>) {
      const { row, visibility } = await loaded(db, id);
      assertMayManage(actor, visibility);
      const at = input.at ? new Date(input.at) : now();
      notInFuture(at, 'at');
      return db.transaction().execute(async (trx) => {
        await addTimeline(trx, actor, row, { at, kind: 'note', text: input.text });
        await recordAudit(trx, actor, {
          action: 'infosec.incident.note_added',
          entityType: INCIDENT_SOURCE,
          entityId: id,
          siteId: row.site_id,
          after: { at: at.toISOString(), text: input.text },
        });
        return viewOf(trx, actor, id);
      });
    },
  };
}

export type SecurityIncidentsService = ReturnType<typeof createSecurityIncidentsService>;
