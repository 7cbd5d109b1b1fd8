import type { z } from 'zod';
import type {
  PolicyDetail,
  PolicyVersionView,
  PolicyView,
  policyInput,
  policyListQuery,
  policyPatch,
  policyVersionInput,
  policyVersionPatch,
} from '#shared/modules/infosec/governance/policies.ts';
import { currentVersion } from '#shared/modules/infosec/governance/policy-rules.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import type { DocumentsService } from '../../../platform/documents/service.ts';
import { ConflictError, NotFoundError } from '../../../platform/http/errors.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { UsersService } from '../../../platform/users/service.ts';
import { governanceMessage } from './messages.ts';
import type { PolicyCampaignsService } from './policy-campaigns.ts';
import * as repo from './policy-repo.ts';

const PROGRAM = 'infosec' as const;
export const POLICY_SOURCE = 'infosec_policy';
export const POLICY_VERSION_SOURCE = 'infosec_policy_version';

type Deps = {
  db: Db;
  org: OrgService;
  users: UsersService;
  documents: DocumentsService;
  campaigns: PolicyCampaignsService;
  now: () => Date;
};

const codeConflict = () =>
  new ConflictError('Another policy has this reference.', { errors: [{ path: 'code', message: 'Taken' }] });

/**
 * The information security policies register: a group-wide policy (no site) is read by every security reader
 * and changed only by whoever manages the program group-wide; a site's policy belongs to its site. Each policy
 * has versions; the current one is the latest effective on or before today. The document of a version is a
 * platform document of the version.
 */
export function createPoliciesService({ db, org, users, documents, campaigns, now }: Deps) {
  const today = () => now().toISOString().slice(0, 10);

  async function toViews(rows: repo.PolicyRow[], handle: Db = db): Promise<PolicyView[]> {
    const [sites, names, versions] = await Promise.all([
      org.sitesByIds(
        rows.flatMap((r) => (r.site_id ? [r.site_id] : [])),
        handle,
      ),
      users.displayNames(
        rows.map((r) => r.owner_id),
        handle,
      ),
      repo.versionsOf(
        handle,
        rows.map((r) => r.id),
      ),
    ]);
    const day = today();
    return rows.map((r) => {
      const own = versions
        .filter((v) => v.policy_id === r.id)
        .map((v) => ({ ...v, effectiveOn: v.effective_on, createdAt: v.created_at.toISOString() }));
      const current = currentVersion(own, day);
      return {
        id: r.id,
        siteId: r.site_id,
        siteCode: r.site_id ? (sites.get(r.site_id)?.code ?? null) : null,
        code: r.code,
        title: r.title,
        ownerId: r.owner_id,
        ownerName: r.owner_id ? (names.get(r.owner_id) ?? null) : null,
        status: r.status,
        currentVersion: current?.label ?? null,
        currentEffectiveOn: current?.effective_on ?? null,
        versions: own.length,
        updatedAt: r.updated_at.toISOString(),
        version: r.version,
      };
    });
  }

  async function versionViews(rows: repo.PolicyVersionRow[], handle: Db = db): Promise<PolicyVersionView[]> {
    const [names, docs] = await Promise.all([
      users.displayNames(
        rows.map((r) => r.approved_by),
        handle,
      ),
      documents.countsByOwner(
        POLICY_VERSION_SOURCE,
        rows.map((r) => r.id),
        handle,
      ),
    ]);
    const current = currentVersion(
      rows.map((v) => ({ id: v.id, effectiveOn: v.effective_on, createdAt: v.created_at.toISOString() })),
      today(),
    );
    return rows.map((v) => ({
      id: v.id,
      policyId: v.policy_id,
      label: v.label,
      effectiveOn: v.effective_on,
      summary: v.summary,
      approvedBy: v.approved_by,
      approvedByName: v.approved_by ? (names.get(v.approved_by) ?? null) : null,
      approvedOn: v.approved_on,
      current: current?.id === v.id,
      documents: docs.get(v.id) ?? 0,
      createdAt: v.created_at.toISOString(),
      version: v.version,
    }));
  }

  function assertMay(actor: Actor, siteId: string | null, permission: 'infosec.read' | 'infosec.manage') {
    access.assert(actor, { permission, siteId, what: 'policy', program: PROGRAM });
    if (siteId === null && permission === 'infosec.manage')
      access.assertGroupWide(actor, 'infosec.manage', PROGRAM);
  }

  async function loaded(actor: Actor, id: string, permission: 'infosec.read' | 'infosec.manage') {
    const row = await repo.policyById(db, id);
    if (!row) throw new NotFoundError('policy');
    assertMay(actor, row.site_id, permission);
    return row;
  }

  /** A version the actor may change, with its policy; one a campaign has asked about is refused (409). */
  async function changeableVersion(actor: Actor, versionId: string) {
    const v = await repo.versionById(db, versionId);
    if (!v) throw new NotFoundError('policy version');
    const policy = await loaded(actor, v.policy_id, 'infosec.manage');
    await assertNoCampaign(db, versionId);
    return { v, policy };
  }

  async function assertNoCampaign(handle: Db, versionId: string) {
    if (await repo.versionHasCampaign(handle, versionId))
      throw new ConflictError(
        'People have been asked to acknowledge this version: it stays as it was. Record a new version instead.',
        { code: 'version-has-campaign' },
      );
  }

  const versionSummary = (policy: { code: string }, v: { label: string; effective_on: string }) =>
    governanceMessage('infosec.audit.policyVersion', {
      code: policy.code,
      label: v.label,
      effectiveOn: v.effective_on,
    });

  const summary = (row: { code: string; title: string }) =>
    governanceMessage('infosec.audit.policy', { code: row.code, title: row.title });

  return {
    /** For the documents service: the site of a policy version the actor may read or change (null: group). */
    async versionSiteOf(actor: Actor, versionId: string, intent: 'read' | 'write') {
      const v = await repo.versionById(db, versionId);
      if (!v) throw new NotFoundError('policy version');
      const row = await loaded(actor, v.policy_id, intent === 'read' ? 'infosec.read' : 'infosec.manage');
      return row.site_id;
    },

    async list(actor: Actor, q: z.infer<typeof policyListQuery>) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      let base = repo.policyListBase(db, scope);
      if (q.groupWide) base = base.where('p.site_id', 'is', null);
      if (q.siteId) base = base.where('p.site_id', '=', q.siteId);
      if (q.status) base = base.where('p.status', '=', q.status);
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) => eb.or([eb('p.code', 'ilike', p), eb('p.title', 'ilike', p)]));
      }
      const sortColumn = {
        code: 'p.code',
        title: 'p.title',
        status: 'p.status',
        updatedAt: 'p.updated_at',
      }[q.sort];
      const page = await listPage<repo.PolicyRow, repo.PolicyRow>(db, base, q, {
        sortColumn,
        tieBreaker: 'p.id',
        toView: (r) => r,
      });
      return { ...page, items: await toViews(page.items) };
    },

    /** A policy with its versions (newest first) and its campaigns with their figures over the reader's sites. */
    async get(actor: Actor, id: string): Promise<PolicyDetail> {
      const row = await loaded(actor, id, 'infosec.read');
      const [[view], versions, campaignRows] = await Promise.all([
        toViews([row]),
        repo.versionsOf(db, [id]),
        repo.campaignsOfPolicy(db, id),
      ]);
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      const sums = await campaigns.summaries(campaignRows, scope);
      return {
        ...view,
        versionList: await versionViews(versions),
        campaigns: sums.map(({ sites: _sites, ...s }) => s),
      };
    },

    async create(actor: Actor, input: z.infer<typeof policyInput>) {
      const site = input.siteId ? await org.siteForWriting(input.siteId) : null;
      assertMay(actor, site?.id ?? null, 'infosec.manage');
      if (input.ownerId) await users.assertActiveUsers([input.ownerId], 'ownerId');
      if (await repo.codeTaken(db, input.code)) throw codeConflict();
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('infosec_policies')
          .values({
            site_id: site?.id ?? null,
            code: input.code,
            title: input.title,
            owner_id: input.ownerId ?? null,
            status: input.status ?? 'draft',
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'infosec.policy.created',
          entityType: POLICY_SOURCE,
          entityId: row.id,
          siteId: row.site_id,
          summary: summary(row),
          after: row,
        });
        return (await toViews([row], trx))[0];
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof policyPatch>) {
      const before = await loaded(actor, id, 'infosec.manage');
      if (patch.ownerId) await users.assertActiveUsers([patch.ownerId], 'ownerId');
      if (patch.code && (await repo.codeTaken(db, patch.code, id))) throw codeConflict();
      return db.transaction().execute(async (trx) => {
        const after = (await updateVersioned(
          trx,
          'infosec_policies',
          id,
          patch.version,
          definedOnly({
            code: patch.code,
            title: patch.title,
            owner_id: patch.ownerId,
            status: patch.status,
          }),
          actor.userId,
        )) as repo.PolicyRow;
        await recordAudit(trx, actor, {
          action: 'infosec.policy.updated',
          entityType: POLICY_SOURCE,
          entityId: id,
          siteId: before.site_id,
          summary: summary(after),
          before,
          after,
        });
        return (await toViews([after], trx))[0];
      });
    },

    /** Records a new version of a policy; a label the policy already has is a conflict naming the field. */
    async addVersion(actor: Actor, id: string, input: z.infer<typeof policyVersionInput>) {
      const policy = await loaded(actor, id, 'infosec.manage');
      if (input.approvedBy) await users.assertActiveUsers([input.approvedBy], 'approvedBy');
      const existing = await repo.versionsOf(db, [id]);
      if (existing.some((v) => v.label === input.label))
        throw new ConflictError('The policy has a version with this label.', {
          errors: [{ path: 'label', message: 'Taken' }],
        });
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('infosec_policy_versions')
          .values({
            policy_id: id,
            label: input.label,
            effective_on: input.effectiveOn,
            summary: input.summary ?? null,
            approved_by: input.approvedBy ?? null,
            approved_on: input.approvedOn ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'infosec.policy.version_added',
          entityType: POLICY_SOURCE,
          entityId: id,
          siteId: policy.site_id,
          summary: governanceMessage('infosec.audit.policyVersion', {
            code: policy.code,
            label: row.label,
            effectiveOn: row.effective_on,
          }),
          after: row,
        });
        const views = await versionViews(await repo.versionsOf(trx, [id]), trx);
        const view = views.find((v) => v.id === row.id);
        if (!view) throw new NotFoundError('policy version');
        return view;
      });
    },

    /** Changes a version no campaign has asked about yet; a label the policy already has is refused. */
    async updateVersion(actor: Actor, versionId: string, patch: z.infer<typeof policyVersionPatch>) {
      const { v: before, policy } = await changeableVersion(actor, versionId);
      if (patch.approvedBy) await users.assertActiveUsers([patch.approvedBy], 'approvedBy');
      if (patch.label !== undefined && patch.label !== before.label) {
        const existing = await repo.versionsOf(db, [policy.id]);
        if (existing.some((x) => x.label === patch.label))
          throw new ConflictError('The policy has a version with this label.', {
            errors: [{ path: 'label', message: 'Taken' }],
          });
      }
      return db.transaction().execute(async (trx) => {
        await assertNoCampaign(trx, versionId);
        const after = (await updateVersioned(
          trx,
          'infosec_policy_versions',
          versionId,
          patch.version,
          definedOnly({
            label: patch.label,
            effective_on: patch.effectiveOn,
            summary: patch.summary,
            approved_by: patch.approvedBy,
            approved_on: patch.approvedOn,
          }),
          actor.userId,
        )) as repo.PolicyVersionRow;
        await recordAudit(trx, actor, {
          action: 'infosec.policy.version_updated',
          entityType: POLICY_SOURCE,
          entityId: policy.id,
          siteId: policy.site_id,
          summary: versionSummary(policy, after),
          before,
          after,
        });
        const views = await versionViews(await repo.versionsOf(trx, [policy.id]), trx);
        const view = views.find((x) => x.id === versionId);
        if (!view) throw new NotFoundError('policy version');
        return view;
      });
    },

    /**
     * Removes a version recorded in error: one no campaign has asked about and that holds no document (the
     * documents are removed first, so none is left without its version).
     */
    async removeVersion(actor: Actor, versionId: string, version: number) {
      const { v: before, policy } = await changeableVersion(actor, versionId);
      const docs = await documents.countsByOwner(POLICY_VERSION_SOURCE, [versionId]);
      if ((docs.get(versionId) ?? 0) > 0)
        throw new ConflictError('The version holds documents: remove them first.', {
          code: 'version-has-documents',
        });
      await db.transaction().execute(async (trx) => {
        await assertNoCampaign(trx, versionId);
        const gone = await trx
          .deleteFrom('infosec_policy_versions')
          .where('id', '=', versionId)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(gone.numDeletedRows) === 0)
          await updateVersioned(trx, 'infosec_policy_versions', versionId, version, {}, actor.userId);
        await recordAudit(trx, actor, {
          action: 'infosec.policy.version_removed',
          entityType: POLICY_SOURCE,
          entityId: policy.id,
          siteId: policy.site_id,
          summary: versionSummary(policy, before),
          before,
        });
      });
    },
  };
}

export type PoliciesService = ReturnType<typeof createPoliciesService>;
