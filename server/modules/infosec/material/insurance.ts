import type { z } from 'zod';
import type {
  insurerNoticeInput,
  PolicyView,
  policyInput,
  policyListQuery,
  policyPatch,
} from '#shared/modules/infosec/material/insurance.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import { INCIDENT_SOURCE } from '../clocks.ts';
import * as incidentsRepo from '../repo.ts';
import { assertMayManage, assertMayRead, mayManage, type Visibility } from '../visibility.ts';
import { materialMessage } from './messages.ts';

const PROGRAM = 'infosec' as const;
const POLICY = 'infosec_insurance_policy';
const HOUR_MS = 3_600_000;

type PolicyRow = Awaited<ReturnType<typeof policyRows>>[number];
function policyRows(db: Db) {
  return db.selectFrom('infosec_insurance_policies').selectAll().execute();
}

const toView = (r: PolicyRow): PolicyView => ({
  id: r.id,
  insurer: r.insurer,
  policyNumber: r.policy_number,
  covers: r.covers as PolicyView['covers'],
  limitMinor: Number(r.limit_minor),
  retentionMinor: Number(r.retention_minor),
  currency: r.currency,
  noticeHours: r.notice_hours,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  version: r.version,
});

/**
 * The cyber insurance register (group records: the policy covers the group and its subsidiaries) and, per
 * incident, the notice given to each insurer whose policy was in force when the incident was noticed, with the
 * deadline the policy's notice period sets from the awareness.
 */
export function createInsuranceService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;

  async function incidentOf(handle: Db, actor: Actor, id: string) {
    const row = await incidentsRepo.incidentRows(handle).where('i.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('incident');
    const links = await incidentsRepo.incidentLinks(handle, id);
    const visibility: Visibility = { ...row, namedUserIds: links.userIds };
    assertMayRead(actor, visibility);
    return { row, visibility };
  }

  /** The policies in force when the incident was noticed, each with its notice deadline and notice. */
  async function ofIncident(actor: Actor, incidentId: string, handle: Db = db) {
    const { row, visibility } = await incidentOf(handle, actor, incidentId);
    const awareDay = row.aware_at.toISOString().slice(0, 10);
    const [policies, notices] = await Promise.all([
      handle
        .selectFrom('infosec_insurance_policies')
        .selectAll()
        .where('starts_on', '<=', awareDay)
        .where('ends_on', '>=', awareDay)
        .orderBy('insurer')
        .execute(),
      handle
        .selectFrom('infosec_insurer_notices')
        .selectAll()
        .where('incident_id', '=', incidentId)
        .execute(),
    ]);
    const at = now();
    return {
      awareAt: row.aware_at.toISOString(),
      policies: policies.map((p) => {
        const deadline = new Date(row.aware_at.getTime() + p.notice_hours * HOUR_MS);
        const notice = notices.find((n) => n.policy_id === p.id);
        const notifiedAt = notice?.notified_at ?? null;
        return {
          policyId: p.id,
          insurer: p.insurer,
          policyNumber: p.policy_number,
          noticeHours: p.notice_hours,
          deadline: deadline.toISOString(),
          notifiedAt: notifiedAt?.toISOString() ?? null,
          claimReference: notice?.claim_reference ?? null,
          late: (notifiedAt ?? at).getTime() > deadline.getTime(),
        };
      }),
      mayNotify: mayManage(actor, visibility),
    };
  }

  async function assertNumberFree(handle: Db, insurer: string, policyNumber: string, except?: string) {
    let q = handle
      .selectFrom('infosec_insurance_policies')
      .select('id')
      .where('insurer', '=', insurer)
      .where('policy_number', '=', policyNumber);
    if (except) q = q.where('id', '<>', except);
    if (await q.executeTakeFirst())
      throw new ConflictError('This insurer’s policy number is already registered.');
  }

  return {
    async list(actor: Actor, q: z.infer<typeof policyListQuery>) {
      access.listScope(actor, 'infosec.read', PROGRAM);
      let base = db.selectFrom('infosec_insurance_policies as p').selectAll('p');
      if (q.inForceOn)
        base = base.where('p.starts_on', '<=', q.inForceOn).where('p.ends_on', '>=', q.inForceOn);
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) => eb.or([eb('p.insurer', 'ilike', p), eb('p.policy_number', 'ilike', p)]));
      }
      const sortColumn = { endsOn: 'p.ends_on', insurer: 'p.insurer', startsOn: 'p.starts_on' }[q.sort];
      return listPage<PolicyRow, PolicyView>(db, base, q, { sortColumn, tieBreaker: 'p.id', toView });
    },

    /** One policy of the register (a group record: every reader of the program sees it). */
    async get(actor: Actor, id: string) {
      access.listScope(actor, 'infosec.read', PROGRAM);
      const row = await db
        .selectFrom('infosec_insurance_policies')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw new NotFoundError('policy');
      return toView(row);
    },

    async create(actor: Actor, input: z.infer<typeof policyInput>) {
      access.assertGroupWide(actor, 'infosec.manage', PROGRAM);
      return db.transaction().execute(async (trx) => {
        await assertNumberFree(trx, input.insurer, input.policyNumber);
        const row = await trx
          .insertInto('infosec_insurance_policies')
          .values({
            insurer: input.insurer,
            policy_number: input.policyNumber,
            covers: [...new Set(input.covers)],
            limit_minor: input.limitMinor,
            retention_minor: input.retentionMinor,
            currency: input.currency,
            notice_hours: input.noticeHours,
            starts_on: input.startsOn,
            ends_on: input.endsOn,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'infosec.insurance_policy.recorded',
          entityType: POLICY,
          entityId: row.id,
          siteId: null,
          summary: materialMessage('infosec.audit.policyRecorded', {
            insurer: row.insurer,
            policyNumber: row.policy_number,
          }),
          after: row,
        });
        return toView(row);
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof policyPatch>) {
      access.assertGroupWide(actor, 'infosec.manage', PROGRAM);
      return db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('infosec_insurance_policies')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirst();
        if (!before) throw new NotFoundError('policy');
        const startsOn = patch.startsOn ?? before.starts_on;
        const endsOn = patch.endsOn ?? before.ends_on;
        if (endsOn < startsOn)
          throw new ValidationError('The policy ends before it starts.', [
            { path: 'endsOn', message: 'Ends before it starts' },
          ]);
        await assertNumberFree(
          trx,
          patch.insurer ?? before.insurer,
          patch.policyNumber ?? before.policy_number,
          id,
        );
        const after = await updateVersioned(
          trx,
          'infosec_insurance_policies',
          id,
          patch.version,
          definedOnly({
            insurer: patch.insurer,
            policy_number: patch.policyNumber,
            covers: patch.covers ? [...new Set(patch.covers)] : undefined,
            limit_minor: patch.limitMinor,
            retention_minor: patch.retentionMinor,
            currency: patch.currency,
            notice_hours: patch.noticeHours,
            starts_on: patch.startsOn,
            ends_on: patch.endsOn,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'infosec.insurance_policy.updated',
          entityType: POLICY,
          entityId: id,
          siteId: null,
          summary: materialMessage('infosec.audit.policyUpdated', {
            insurer: after.insurer,
            policyNumber: after.policy_number,
          }),
          before,
          after,
        });
        return toView(after as PolicyRow);
      });
    },

    ofIncident,

    /** Records that (and when) the insurer of a policy in force was told of the incident. */
    async notify(actor: Actor, incidentId: string, input: z.infer<typeof insurerNoticeInput>) {
      const notifiedAt = new Date(input.notifiedAt);
      if (notifiedAt.getTime() > now().getTime() + 5 * 60_000)
        throw new ValidationError('That time is in the future.', [
          { path: 'notifiedAt', message: 'In the future' },
        ]);
      return db.transaction().execute(async (trx) => {
        const { row, visibility } = await incidentOf(trx, actor, incidentId);
        assertMayManage(actor, visibility);
        if (notifiedAt.getTime() < row.aware_at.getTime())
          throw new ValidationError('The insurer cannot be told before the incident was noticed.', [
            { path: 'notifiedAt', message: 'Before the incident was noticed' },
          ]);
        const awareDay = row.aware_at.toISOString().slice(0, 10);
        const policy = await trx
          .selectFrom('infosec_insurance_policies')
          .selectAll()
          .where('id', '=', input.policyId)
          .executeTakeFirst();
        if (!policy || policy.starts_on > awareDay || policy.ends_on < awareDay)
          throw new ValidationError('No policy of this id was in force when the incident was noticed.', [
            { path: 'policyId', message: 'Not in force when the incident was noticed' },
          ]);
        const saved = await trx
          .insertInto('infosec_insurer_notices')
          .values({
            incident_id: incidentId,
            site_id: row.site_id,
            policy_id: policy.id,
            notified_at: notifiedAt,
            claim_reference: input.claimReference ?? null,
            created_by: actor.userId,
          })
          .onConflict((oc) => oc.doNothing())
          .returningAll()
          .executeTakeFirst();
        if (!saved) throw new ConflictError('This insurer was already notified of the incident.');
        await recordAudit(trx, actor, {
          action: 'infosec.incident.insurer_notified',
          entityType: INCIDENT_SOURCE,
          entityId: incidentId,
          siteId: row.site_id,
          summary: materialMessage('infosec.audit.insurerNotified', {
            reference: row.reference,
            insurer: policy.insurer,
            notifiedAt: notifiedAt.toISOString(),
          }),
          after: saved,
        });
        return ofIncident(actor, incidentId, trx);
      });
    },
  };
}

export type InsuranceService = ReturnType<typeof createInsuranceService>;
