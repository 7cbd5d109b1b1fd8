import { Readable } from 'node:stream';
import type { z } from 'zod';
import type {
  acceptanceInput,
  EngagementView,
  engagementInput,
  engagementListQuery,
  engagementPatch,
  FindingView,
  findingListQuery,
  findingPatch,
  verificationInput,
} from '#shared/modules/infosec/findings/contract.ts';
import {
  type AgeBand,
  ageBands,
  type DuePolicy,
  severities,
} from '#shared/modules/infosec/findings/severity.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { inScope } from '../../../platform/access/sql.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../../platform/http/errors.ts';
import type { ImportsService } from '../../../platform/imports/service.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { SettingsService } from '../../../platform/settings/service.ts';
import type { UsersService } from '../../../platform/users/service.ts';
import { infosecMessage } from '../messages.ts';
import { FINDINGS_IMPORT } from './import.ts';
import * as repo from './repo.ts';
import { rowsToCsv, sarifRows } from './sarif.ts';
import { duePolicySetting } from './settings.ts';

const PROGRAM = 'infosec' as const;
/** A SARIF log is read whole to be converted: larger logs are split by run before they are imported. */
export const SARIF_MAX_BYTES = 50 * 1024 * 1024;

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/** Engagements (audits, scans, tests, OT assessments), their findings, the due-date policy and the views. */
export function createFindingsService(deps: {
  db: Db;
  org: OrgService;
  users: UsersService;
  settings: SettingsService;
  imports: ImportsService;
  now: () => Date;
}) {
  const { db, org, users, now } = deps;

  async function engagementViews(rows: repo.EngagementRow[], handle: Db = db): Promise<EngagementView[]> {
    const sites = await org.sitesByIds(
      rows.map((r) => r.site_id),
      handle,
    );
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteCode: sites.get(r.site_id)?.code ?? '',
      reference: r.reference,
      kind: r.kind,
      vendor: r.vendor,
      scope: r.scope,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      report: r.report,
      openFindings: Number(r.open_findings ?? 0),
      updatedAt: r.updated_at.toISOString(),
      version: r.version,
    }));
  }

  async function findingViews(rows: repo.FindingRow[], handle: Db = db): Promise<FindingView[]> {
    const [sites, names] = await Promise.all([
      org.sitesByIds(
        rows.map((r) => r.site_id),
        handle,
      ),
      users.displayNames(
        rows.map((r) => r.accepted_by),
        handle,
      ),
    ]);
    const today = utcDay(now());
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteCode: sites.get(r.site_id)?.code ?? '',
      engagementId: r.engagement_id,
      engagementReference: r.engagement_reference,
      systemId: r.system_id,
      systemName: r.system_name,
      tool: r.tool,
      ruleId: r.rule_id,
      identity: r.identity,
      title: r.title,
      location: r.location,
      cvssVector: r.cvss_vector,
      cvssScore: r.cvss_score === null ? null : Number(r.cvss_score),
      severity: r.severity,
      severitySource: r.severity_source,
      status: r.status,
      openedOn: r.opened_on,
      firstSeenAt: r.first_seen_at.toISOString(),
      lastSeenAt: r.last_seen_at.toISOString(),
      dueOn: r.due_on,
      overdue: r.status === 'open' && r.due_on !== null && r.due_on < today,
      closedAt: r.closed_at?.toISOString() ?? null,
      closedReason: r.closed_reason,
      reopenedCount: r.reopened_count,
      acceptedBy: r.accepted_by,
      acceptedByName: r.accepted_by ? (names.get(r.accepted_by) ?? null) : null,
      acceptedUntil: r.accepted_until,
      acceptanceReason: r.acceptance_reason,
      version: r.version,
    }));
  }

  async function engagementOrNotFound(handle: Db, id: string) {
    const row = await repo.engagementRows(handle).where('e.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('engagement');
    return row;
  }
  async function findingOrNotFound(handle: Db, id: string) {
    const row = await repo.findingRows(handle).where('f.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('finding');
    return row;
  }
  const assertOn = (
    actor: Actor,
    permission: 'infosec.read' | 'infosec.manage',
    siteId: string,
    what: string,
  ) => access.assert(actor, { permission, siteId, what, program: PROGRAM });

  async function assertReferenceFree(handle: Db, reference: string, except?: string) {
    let q = handle.selectFrom('infosec_engagements').select('id').where('reference', '=', reference);
    if (except) q = q.where('id', '<>', except);
    if (await q.executeTakeFirst())
      throw new ConflictError('An engagement of this reference exists already.');
  }

  /** A change of one finding, audited, in one transaction. */
  async function changeFinding(
    actor: Actor,
    id: string,
    version: number,
    action: string,
    changes: (before: repo.FindingRow) => Record<string, unknown>,
  ) {
    const before = await findingOrNotFound(db, id);
    assertOn(actor, 'infosec.manage', before.site_id, 'finding');
    return db.transaction().execute(async (trx) => {
      const after = await updateVersioned(
        trx,
        'infosec_findings',
        id,
        version,
        changes(before),
        actor.userId,
      );
      await recordAudit(trx, actor, {
        action,
        entityType: 'infosec_finding',
        entityId: id,
        siteId: before.site_id,
        summary: infosecMessage('infosec.audit.finding', { title: before.title }),
        before,
        after,
      });
      return (await findingViews([await findingOrNotFound(trx, id)], trx))[0];
    });
  }

  return {
    // ---- Engagements
    async listEngagements(actor: Actor, q: z.infer<typeof engagementListQuery>) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      let base = repo.engagementRows(db).where((eb) => inScope(eb, 'e.site_id', scope));
      if (q.siteId) base = base.where('e.site_id', '=', q.siteId);
      if (q.kind) base = base.where('e.kind', '=', q.kind);
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) =>
          eb.or([eb('e.reference', 'ilike', p), eb('e.vendor', 'ilike', p), eb('e.scope', 'ilike', p)]),
        );
      }
      const sortColumn = { startsOn: 'e.starts_on', reference: 'e.reference', updatedAt: 'e.updated_at' }[
        q.sort
      ];
      const page = await listPage<repo.EngagementRow, repo.EngagementRow>(db, base, q, {
        sortColumn,
        tieBreaker: 'e.id',
        toView: (r) => r,
      });
      return { ...page, items: await engagementViews(page.items) };
    },

    async getEngagement(actor: Actor, id: string) {
      const row = await engagementOrNotFound(db, id);
      assertOn(actor, 'infosec.read', row.site_id, 'engagement');
      return (await engagementViews([row]))[0];
    },

    async createEngagement(actor: Actor, input: z.infer<typeof engagementInput>) {
      const site = await org.siteForWriting(input.siteId);
      assertOn(actor, 'infosec.manage', site.id, 'site');
      if (input.endsOn && input.endsOn < input.startsOn)
        throw new ValidationError('The engagement ends before it starts.', [
          { path: 'endsOn', message: 'On or after the start' },
        ]);
      return db.transaction().execute(async (trx) => {
        await assertReferenceFree(trx, input.reference);
        const row = await trx
          .insertInto('infosec_engagements')
          .values({
            site_id: site.id,
            reference: input.reference,
            kind: input.kind,
            vendor: input.vendor ?? null,
            scope: input.scope,
            starts_on: input.startsOn,
            ends_on: input.endsOn ?? null,
            report: input.report ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'infosec.engagement.created',
          entityType: 'infosec_engagement',
          entityId: row.id,
          siteId: row.site_id,
          summary: infosecMessage('infosec.audit.engagement', { reference: row.reference }),
          after: row,
        });
        return (await engagementViews([await engagementOrNotFound(trx, row.id)], trx))[0];
      });
    },

    async updateEngagement(actor: Actor, id: string, patch: z.infer<typeof engagementPatch>) {
      const before = await engagementOrNotFound(db, id);
      assertOn(actor, 'infosec.manage', before.site_id, 'engagement');
      const startsOn = patch.startsOn ?? before.starts_on;
      const endsOn = patch.endsOn === undefined ? before.ends_on : patch.endsOn;
      if (endsOn && endsOn < startsOn)
        throw new ValidationError('The engagement ends before it starts.', [
          { path: 'endsOn', message: 'On or after the start' },
        ]);
      return db.transaction().execute(async (trx) => {
        if (patch.reference !== undefined) await assertReferenceFree(trx, patch.reference, id);
        const after = await updateVersioned(
          trx,
          'infosec_engagements',
          id,
          patch.version,
          definedOnly({
            reference: patch.reference,
            kind: patch.kind,
            vendor: patch.vendor,
            scope: patch.scope,
            starts_on: patch.startsOn,
            ends_on: patch.endsOn,
            report: patch.report,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'infosec.engagement.updated',
          entityType: 'infosec_engagement',
          entityId: id,
          siteId: before.site_id,
          summary: infosecMessage('infosec.audit.engagement', { reference: after.reference }),
          before,
          after,
        });
        return (await engagementViews([await engagementOrNotFound(trx, id)], trx))[0];
      });
    },

    /**
     * A SARIF 2.1.0 log of a scan in this engagement, converted to the findings import's rows and handed to the
     * platform import pipeline (its preview, errors and commit follow as for any import).
     */
    async uploadSarif(actor: Actor, id: string, file: { filename: string; stream: Readable }) {
      const engagement = await engagementOrNotFound(db, id);
      assertOn(actor, 'infosec.manage', engagement.site_id, 'engagement');
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of file.stream) {
        size += chunk.length;
        if (size > SARIF_MAX_BYTES) throw new ValidationError('The SARIF log is larger than 50 MB.');
        chunks.push(chunk as Buffer);
      }
      let json: unknown;
      try {
        json = JSON.parse(
          Buffer.concat(chunks)
            .toString('utf8')
            .replace(/^\uFEFF/, ''),
        );
      } catch {
        throw new ValidationError('The file is not JSON: upload a SARIF 2.1.0 log.', [
          { path: 'file', message: 'Not JSON' },
        ]);
      }
      let rows: ReturnType<typeof sarifRows>;
      try {
        rows = sarifRows(json, engagement.reference);
      } catch (error) {
        throw new ValidationError((error as Error).message, [{ path: 'file', message: 'Not SARIF 2.1.0' }]);
      }
      if (rows.length === 0)
        throw new ValidationError('The SARIF log reports no results.', [
          { path: 'file', message: 'No results' },
        ]);
      const base =
        file.filename
          .split(/[\\/]/)
          .pop()
          ?.replace(/\.(sarif|json)$/i, '') || 'scan';
      return deps.imports.upload(actor, FINDINGS_IMPORT, {
        filename: `${base}.sarif.csv`,
        stream: Readable.from([rowsToCsv(rows)]),
      });
    },

    // ---- Findings
    async listFindings(actor: Actor, q: z.infer<typeof findingListQuery>) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      let base = repo.findingRows(db).where((eb) => inScope(eb, 'f.site_id', scope));
      if (q.siteId) base = base.where('f.site_id', '=', q.siteId);
      if (q.engagementId) base = base.where('f.engagement_id', '=', q.engagementId);
      if (q.systemId) base = base.where('f.system_id', '=', q.systemId);
      if (q.severity) base = base.where('f.severity', '=', q.severity);
      if (q.status) base = base.where('f.status', '=', q.status);
      if (q.tool) base = base.where('f.tool', '=', q.tool);
      const today = utcDay(now());
      if (q.overdue === 'true') base = base.where('f.status', '=', 'open').where('f.due_on', '<', today);
      if (q.overdue === 'false')
        base = base.where((eb) =>
          eb.or([eb('f.status', '<>', 'open'), eb('f.due_on', 'is', null), eb('f.due_on', '>=', today)]),
        );
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) =>
          eb.or([
            eb('f.title', 'ilike', p),
            eb('f.rule_id', 'ilike', p),
            eb('f.location', 'ilike', p),
            eb('f.tool', 'ilike', p),
          ]),
        );
      }
      const sortColumn = {
        severity: 'f.severity_rank',
        dueOn: 'f.due_on',
        openedOn: 'f.opened_on',
        lastSeenAt: 'f.last_seen_at',
        title: 'f.title',
      }[q.sort];
      const page = await listPage<repo.FindingRow, repo.FindingRow>(db, base, q, {
        sortColumn,
        tieBreaker: 'f.id',
        toView: (r) => r,
      });
      return { ...page, items: await findingViews(page.items) };
    },

    async getFinding(actor: Actor, id: string) {
      const row = await findingOrNotFound(db, id);
      assertOn(actor, 'infosec.read', row.site_id, 'finding');
      return (await findingViews([row]))[0];
    },

    /** Links a finding to a system of its site's register. */
    async updateFinding(actor: Actor, id: string, patch: z.infer<typeof findingPatch>) {
      if (patch.systemId) {
        const system = await db
          .selectFrom('infosec_systems')
          .select('site_id')
          .where('id', '=', patch.systemId)
          .executeTakeFirst();
        const finding = await findingOrNotFound(db, id);
        if (!system || system.site_id !== finding.site_id)
          throw new ValidationError('No such system at the finding’s site.', [
            { path: 'systemId', message: 'Not a system of this site' },
          ]);
      }
      return changeFinding(actor, id, patch.version, 'infosec.finding.updated', () =>
        definedOnly({ system_id: patch.systemId }),
      );
    },

    /** Accepts the risk of an open finding until an expiry date, with the approver named. */
    async acceptRisk(actor: Actor, id: string, input: z.infer<typeof acceptanceInput>) {
      await users.assertActiveUser(input.approverId, 'approverId');
      if (input.expiresOn <= utcDay(now()))
        throw new ValidationError('A risk acceptance expires in the future.', [
          { path: 'expiresOn', message: 'After today' },
        ]);
      return changeFinding(actor, id, input.version, 'infosec.finding.risk_accepted', (before) => {
        if (before.status !== 'open') throw new ConflictError('Only an open finding has a risk to accept.');
        return {
          status: 'accepted',
          accepted_by: input.approverId,
          accepted_until: input.expiresOn,
          acceptance_reason: input.reason,
        };
      });
    },

    /** A retest found the finding fixed: closed, with the evidence. */
    async verifyFixed(actor: Actor, id: string, input: z.infer<typeof verificationInput>) {
      return changeFinding(actor, id, input.version, 'infosec.finding.verified', (before) => {
        if (before.status === 'closed') throw new ConflictError('The finding is closed already.');
        return { status: 'closed', closed_reason: 'verified', closed_at: now(), evidence: input.evidence };
      });
    },

    /** Open findings by site, severity and age band (days since they opened), with the overdue ones. */
    async openAgeing(actor: Actor, q: { siteId?: string }) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      let base = repo.openAgeing(db, utcDay(now())).where((eb) => inScope(eb, 'f.site_id', scope));
      if (q.siteId) base = base.where('f.site_id', '=', q.siteId);
      const rows = await base.execute();
      const sites = await org.sitesByIds(rows.map((r) => r.site_id));
      const bandOf: Record<AgeBand, 'd30' | 'd90' | 'd180' | 'older'> = {
        '0-30': 'd30',
        '31-90': 'd90',
        '91-180': 'd180',
        '181+': 'older',
      };
      return {
        rows: rows
          .map((r) => ({
            siteId: r.site_id,
            siteCode: sites.get(r.site_id)?.code ?? '',
            severity: r.severity,
            counts: Object.fromEntries(ageBands.map((b) => [b, Number(r[bandOf[b]])])) as Record<
              AgeBand,
              number
            >,
            overdue: Number(r.overdue),
          }))
          .sort(
            (a, b) =>
              a.siteCode.localeCompare(b.siteCode) ||
              severities.indexOf(b.severity) - severities.indexOf(a.severity),
          ),
      };
    },

    /** SLA compliance over the last twelve months, by the month findings fell due. */
    async slaCompliance(actor: Actor, q: { siteId?: string }) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      const today = now();
      const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1));
      let base = repo
        .slaByMonth(db, utcDay(from), utcDay(today))
        .where((eb) => inScope(eb, 'f.site_id', scope));
      if (q.siteId) base = base.where('f.site_id', '=', q.siteId);
      const rows = await base.execute();
      return {
        months: rows.map((r) => {
          const met = Number(r.met);
          const breached = Number(r.breached);
          return {
            month: r.month,
            met,
            breached,
            compliance: met + breached ? met / (met + breached) : null,
          };
        }),
      };
    },

    // ---- Due-date policy (a group setting)
    async duePolicy(actor: Actor) {
      access.listScope(actor, 'infosec.read', PROGRAM);
      return deps.settings.get(duePolicySetting);
    },
    /** The policy applies to every site: only whoever manages the program group-wide changes it. */
    async setDuePolicy(actor: Actor, value: DuePolicy) {
      if (access.listScope(actor, 'infosec.manage', PROGRAM) !== 'all')
        throw new ForbiddenError('infosec.manage');
      return db.transaction().execute((trx) => deps.settings.set(trx, actor, duePolicySetting, value));
    },
  };
}

export type FindingsService = ReturnType<typeof createFindingsService>;
