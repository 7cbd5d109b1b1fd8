import type { z } from 'zod';
import type {
  CampaignSummary,
  CampaignView,
  campaignInput,
  MyCampaign,
} from '#shared/modules/infosec/governance/policies.ts';
import { acknowledgementRate } from '#shared/modules/infosec/governance/policy-rules.ts';
import type { Db } from '../../../db/types.ts';
import type { Actor, SiteScope } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import { word } from '../../../platform/i18n/index.ts';
import { registerObligationKind } from '../../../platform/obligations/kinds.ts';
import type { ObligationsService } from '../../../platform/obligations/service.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { PeopleService } from '../../../platform/people/service.ts';
import { governanceMessage } from './messages.ts';
import * as repo from './policy-repo.ts';

const PROGRAM = 'infosec' as const;
export const CAMPAIGN_SOURCE = 'infosec_policy_campaign';
export const CAMPAIGN_DUE_KIND = 'infosec.policy_acknowledgement';

registerObligationKind({
  kind: CAMPAIGN_DUE_KIND,
  program: PROGRAM,
  name: word('infosec.obligationKind', 'policy_acknowledgement'),
  schedule: { daysBefore: [7], overdueEveryDays: 7 },
});

type Deps = {
  db: Db;
  org: OrgService;
  people: PeopleService;
  obligations: ObligationsService;
  now: () => Date;
};

const inScopeOf = (scope: SiteScope, siteId: string) => scope === 'all' || scope.has(siteId);

/**
 * Acknowledgement campaigns of a policy version: the people asked are the employees of the campaign's sites who
 * held an active user account on the opening day (kept as rows, so the figures are counts of rows); each
 * acknowledges once through self-service. A campaign belongs to its policy's scope: a site policy's campaign
 * covers its site; a group-wide policy's covers the sites named, or every site. Its due date is an obligation.
 */
function myView(r: repo.CampaignRow, acknowledgedAt: Date | null): MyCampaign {
  return {
    id: r.id,
    policyCode: r.policy_code,
    policyTitle: r.policy_title,
    versionLabel: r.label,
    policyVersionId: r.policy_version_id,
    effectiveOn: r.effective_on,
    openedOn: r.opened_on,
    dueOn: r.due_on,
    acknowledgedAt: acknowledgedAt ? acknowledgedAt.toISOString() : null,
  };
}

export function createPolicyCampaignsService({ db, org, people, obligations, now }: Deps) {
  function assertMay(actor: Actor, siteId: string | null, permission: 'infosec.read' | 'infosec.manage') {
    access.assert(actor, { permission, siteId, what: 'policy', program: PROGRAM });
    if (siteId === null && permission === 'infosec.manage')
      access.assertGroupWide(actor, 'infosec.manage', PROGRAM);
  }

  /** Campaign summaries with their figures over the sites of `scope`. */
  async function summaries(rows: repo.CampaignRow[], scope: SiteScope, handle: Db = db) {
    const ids = rows.map((r) => r.id);
    const [siteRows, counts] = await Promise.all([
      repo.campaignSites(handle, ids),
      repo.progressCounts(handle, ids),
    ]);
    const codes = await org.sitesByIds(
      siteRows.map((s) => s.site_id),
      handle,
    );
    return rows.map((r): CampaignSummary & { sites: CampaignView['sites'] } => {
      const sites = siteRows
        .filter((s) => s.campaign_id === r.id && inScopeOf(scope, s.site_id))
        .map((s) => {
          const c = counts.find((x) => x.campaignId === r.id && x.siteId === s.site_id);
          return {
            siteId: s.site_id,
            siteCode: codes.get(s.site_id)?.code ?? '',
            ...acknowledgementRate(c?.asked ?? 0, c?.acknowledged ?? 0),
          };
        })
        .sort((a, b) => a.siteCode.localeCompare(b.siteCode));
      const asked = sites.reduce((n, s) => n + s.asked, 0);
      const acknowledged = sites.reduce((n, s) => n + s.acknowledged, 0);
      return {
        id: r.id,
        policyId: r.policy_id,
        policyVersionId: r.policy_version_id,
        versionLabel: r.label,
        groupWide: r.group_wide,
        siteCodes: sites.map((s) => s.siteCode),
        openedOn: r.opened_on,
        dueOn: r.due_on,
        total: acknowledgementRate(asked, acknowledged),
        version: r.version,
        sites,
      };
    });
  }

  const today = () => now().toISOString().slice(0, 10);

  async function syncDue(trx: Db, actor: Actor, row: repo.CampaignRow, siteIds: string[]) {
    const [counts] = [await repo.progressCounts(trx, [row.id])];
    const asked = counts.reduce((n, c) => n + c.asked, 0);
    const acknowledged = counts.reduce((n, c) => n + c.acknowledged, 0);
    if (asked > 0 && acknowledged === asked) {
      await obligations.closeForSource(trx, actor, CAMPAIGN_DUE_KIND, CAMPAIGN_SOURCE, row.id, 'done');
      return;
    }
    await obligations.upsertForSource(trx, actor, {
      kind: CAMPAIGN_DUE_KIND,
      sourceType: CAMPAIGN_SOURCE,
      sourceId: row.id,
      siteId: row.policy_site_id ?? (siteIds.length === 1 ? siteIds[0] : null),
      program: PROGRAM,
      ownerId: null,
      title: governanceMessage('infosec.policy.campaignDue', {
        code: row.policy_code,
        label: row.label,
        dueOn: row.due_on,
      }),
      dueDate: row.due_on,
      reopen: true,
    });
  }

  return {
    summaries,

    /** A campaign with its figures per site and the people overdue, both over the reader's sites. */
    async get(actor: Actor, id: string): Promise<CampaignView> {
      const row = await repo.campaignById(db, id);
      if (!row) throw new NotFoundError('campaign');
      assertMay(actor, row.policy_site_id, 'infosec.read');
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      const [summary] = await summaries([row], scope);
      const late = row.due_on < today() ? await repo.notAcknowledged(db, id, scope) : [];
      const names = await people.personNames(late.map((p) => ({ type: 'employee', id: p.employee_id })));
      const codes = new Map(summary.sites.map((s) => [s.siteId, s.siteCode]));
      return {
        ...summary,
        policyCode: row.policy_code,
        policyTitle: row.policy_title,
        overdue: late.map((p) => ({
          userId: p.user_id,
          employeeId: p.employee_id,
          fullName: names.get(`employee:${p.employee_id}`)?.name ?? '',
          siteCode: codes.get(p.site_id) ?? '',
        })),
      };
    },

    /** Opens a campaign for one version of a policy; the people asked are taken on the opening day. */
    async create(actor: Actor, versionId: string, input: z.infer<typeof campaignInput>) {
      const version = await repo.versionById(db, versionId);
      if (!version) throw new NotFoundError('policy version');
      const policy = await repo.policyById(db, version.policy_id);
      if (!policy) throw new NotFoundError('policy');
      assertMay(actor, policy.site_id, 'infosec.manage');
      let siteIds: string[];
      if (policy.site_id) {
        if (input.siteIds?.some((s) => s !== policy.site_id))
          throw new ValidationError('A site policy’s campaign covers its own site only.', [
            { path: 'siteIds', message: 'Only the policy’s site' },
          ]);
        siteIds = [policy.site_id];
      } else if (input.siteIds?.length) {
        siteIds = [...new Set(input.siteIds)];
        const known = await org.sitesByIds(siteIds);
        const unknown = siteIds.findIndex((s) => !known.has(s));
        if (unknown >= 0)
          throw new ValidationError('No such site.', [
            { path: `siteIds.${unknown}`, message: 'Unknown site' },
          ]);
      } else siteIds = await org.siteIdsInCodeOrder();
      const groupWide = !policy.site_id && !input.siteIds?.length;
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('infosec_policy_campaigns')
          .values({
            policy_version_id: version.id,
            group_wide: groupWide,
            opened_on: input.openedOn,
            due_on: input.dueOn,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('infosec_policy_campaign_sites')
          .values(siteIds.map((s) => ({ campaign_id: inserted.id, site_id: s })))
          .execute();
        const asked = await people.accountHoldersAt(siteIds, input.openedOn, trx);
        for (let i = 0; i < asked.length; i += 1000)
          await trx
            .insertInto('infosec_policy_asked')
            .values(
              asked.slice(i, i + 1000).map((p) => ({
                campaign_id: inserted.id,
                user_id: p.userId,
                employee_id: p.employeeId,
                site_id: p.siteId,
              })),
            )
            .execute();
        const row = await repo.campaignById(trx, inserted.id);
        if (!row) throw new NotFoundError('campaign');
        await syncDue(trx, actor, row, siteIds);
        await recordAudit(trx, actor, {
          action: 'infosec.policy_campaign.created',
          entityType: CAMPAIGN_SOURCE,
          entityId: row.id,
          siteId: policy.site_id,
          summary: governanceMessage('infosec.audit.policyCampaign', {
            code: row.policy_code,
            label: row.label,
            dueOn: row.due_on,
          }),
          after: { ...row, siteIds, asked: asked.length },
        });
        const scope = access.listScope(actor, 'infosec.read', PROGRAM);
        const [summary] = await summaries([row], scope, trx);
        return summary;
      });
    },

    /** The campaigns that ask the signed-in user, the open ones first. */
    async mine(actor: Actor): Promise<{ items: MyCampaign[] }> {
      if (!actor.userId) return { items: [] };
      const rows = await repo.campaignsAsking(db, actor.userId);
      const items = rows.map((r) => ({
        id: r.id,
        policyCode: r.policy_code,
        policyTitle: r.policy_title,
        versionLabel: r.label,
        policyVersionId: r.policy_version_id,
        effectiveOn: r.effective_on,
        openedOn: r.opened_on,
        dueOn: r.due_on,
        acknowledgedAt: r.acknowledged_at ? r.acknowledged_at.toISOString() : null,
      }));
      items.sort((a, b) => Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null));
      return { items };
    },

    /** How many campaigns ask the user and await their acknowledgement (the home page's reminder). */
    async awaiting(actor: Actor): Promise<number> {
      if (!actor.userId) return 0;
      return (await repo.campaignsAsking(db, actor.userId)).filter((r) => !r.acknowledged_at).length;
    },

    /**
     * "I have read and understood version X": once per person and campaign. A campaign that does not ask the
     * user is not found (404); a second acknowledgement is refused (409), the first one standing.
     */
    async acknowledge(actor: Actor, id: string): Promise<MyCampaign> {
      const mineNow = actor.userId ? await repo.campaignsAsking(db, actor.userId) : [];
      const asked = mineNow.find((r) => r.id === id);
      if (!asked || !actor.userId) throw new NotFoundError('campaign');
      if (asked.acknowledged_at)
        throw new ConflictError('You have acknowledged this policy version already.', {
          code: 'already-acknowledged',
          acknowledgedAt: asked.acknowledged_at.toISOString(),
        });
      const userId = actor.userId;
      return db.transaction().execute(async (trx) => {
        const done = await trx
          .insertInto('infosec_policy_acknowledgements')
          .values({ campaign_id: id, user_id: userId })
          .onConflict((oc) => oc.columns(['campaign_id', 'user_id']).doNothing())
          .returning('acknowledged_at')
          .executeTakeFirst();
        if (!done) throw new ConflictError('You have acknowledged this policy version already.');
        const sites = await repo.campaignSites(trx, [id]);
        await syncDue(
          trx,
          actor,
          asked,
          sites.map((s) => s.site_id),
        );
        await recordAudit(trx, actor, {
          action: 'infosec.policy_campaign.acknowledged',
          entityType: CAMPAIGN_SOURCE,
          entityId: id,
          siteId: asked.asked_site_id,
          summary: governanceMessage('infosec.audit.policyAcknowledged', {
            code: asked.policy_code,
            label: asked.label,
          }),
          after: { campaignId: id, userId, acknowledgedAt: done.acknowledged_at },
        });
        return myView(asked, done.acknowledged_at);
      });
    },

    /**
     * "I acknowledged by mistake": the user takes back their own acknowledgement while the campaign is open (up
     * to its due date), and is counted as not yet acknowledged again. A campaign past its due date keeps it (409).
     */
    async withdraw(actor: Actor, id: string): Promise<MyCampaign> {
      const mineNow = actor.userId ? await repo.campaignsAsking(db, actor.userId) : [];
      const asked = mineNow.find((r) => r.id === id);
      if (!asked || !actor.userId) throw new NotFoundError('campaign');
      if (!asked.acknowledged_at)
        throw new ConflictError('You have not acknowledged this policy version.', {
          code: 'not-acknowledged',
        });
      if (asked.due_on < today())
        throw new ConflictError('The campaign closed on its due date: your acknowledgement stands.', {
          code: 'campaign-closed',
          dueOn: asked.due_on,
        });
      const userId = actor.userId;
      return db.transaction().execute(async (trx) => {
        const gone = await trx
          .deleteFrom('infosec_policy_acknowledgements')
          .where('campaign_id', '=', id)
          .where('user_id', '=', userId)
          .returning('acknowledged_at')
          .executeTakeFirst();
        if (!gone)
          throw new ConflictError('You have not acknowledged this policy version.', {
            code: 'not-acknowledged',
          });
        const sites = await repo.campaignSites(trx, [id]);
        await syncDue(
          trx,
          actor,
          asked,
          sites.map((s) => s.site_id),
        );
        await recordAudit(trx, actor, {
          action: 'infosec.policy_campaign.acknowledgement_withdrawn',
          entityType: CAMPAIGN_SOURCE,
          entityId: id,
          siteId: asked.asked_site_id,
          summary: governanceMessage('infosec.audit.policyAcknowledgementWithdrawn', {
            code: asked.policy_code,
            label: asked.label,
          }),
          before: { campaignId: id, userId, acknowledgedAt: gone.acknowledged_at },
        });
        return myView(asked, null);
      });
    },
  };
}

export type PolicyCampaignsService = ReturnType<typeof createPolicyCampaignsService>;
