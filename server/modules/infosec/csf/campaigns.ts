import { sql } from 'kysely';
import type { z } from 'zod';
import type { campaignInput, campaignScopeInput } from '#shared/modules/infosec/csf/contract.ts';
import type { Db } from '../../../db/types.ts';
import { type Actor, sitesWith } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { CatalogueStore } from './catalogue.ts';
import * as repo from './repo.ts';

const PROGRAM = 'infosec' as const;
const CAMPAIGN_RECORD = 'infosec_csf_campaign';

type Scope = z.infer<typeof campaignInput>['scope'];

type Deps = { db: Db; org: OrgService; catalogues: CatalogueStore };

/** The yearly campaigns: opened by whoever manages the program over the whole group, widened as the year goes. */
export function createCsfCampaigns({ db, org, catalogues }: Deps) {
  /** Refuses a site named twice for a domain, a site that does not exist, or one the campaign already has. */
  async function checkScope(trx: Db, scope: Scope, existing: ReadonlySet<string> = new Set()) {
    const key = (s: Scope[number]) => `${s.siteId}:${s.domain}`;
    const seen = new Set<string>();
    scope.forEach((s, i) => {
      if (seen.has(key(s)))
        throw new ValidationError('A site is named twice for the same domain.', [
          { path: `scope.${i}`, message: 'Named twice' },
        ]);
      seen.add(key(s));
    });
    const known = await org.sitesByIds(
      scope.map((x) => x.siteId),
      trx,
    );
    const unknown = scope.flatMap((x, i) =>
      known.has(x.siteId) ? [] : [{ path: `scope.${i}.siteId`, message: 'No such site' }],
    );
    if (unknown.length) throw new ValidationError('Unknown site.', unknown);
    const present = scope.flatMap((x, i) =>
      existing.has(key(x)) ? [{ path: `scope.${i}`, message: 'Already in the campaign' }] : [],
    );
    if (present.length) throw new ValidationError('The campaign already assesses this site.', present);
  }

  async function addAssessments(trx: Db, actor: Actor, campaignId: string, scope: Scope) {
    await trx
      .insertInto('csf_assessments')
      .values(
        scope.map((s) => ({
          campaign_id: campaignId,
          site_id: s.siteId,
          domain: s.domain,
          created_by: actor.userId,
          updated_by: actor.userId,
        })),
      )
      .execute();
  }

  return {
    async campaigns(actor: Actor) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      const rows = await repo.campaignRows(db, scope);
      return {
        items: rows.map((r) => ({
          id: r.id,
          year: r.year,
          name: r.name,
          basis: r.basis,
          catalogueVersion: r.catalogue_version,
          dueOn: r.due_on,
          status: r.status,
          assessments: Number(r.assessments),
          approved: Number(r.approved),
          version: r.version,
        })),
        mayOpen: sitesWith(actor, 'infosec.manage', PROGRAM) === 'all',
      };
    },

    /** A campaign and its first revisions, one per site and domain in scope. */
    async createCampaign(actor: Actor, input: z.infer<typeof campaignInput>) {
      access.assertGroupWide(actor, 'infosec.manage', PROGRAM);
      const catalogueId = await catalogues.latestId();
      return db.transaction().execute(async (trx) => {
        await checkScope(trx, input.scope);
        const clash = await trx
          .selectFrom('csf_campaigns')
          .select('id')
          .where('year', '=', input.year)
          .executeTakeFirst();
        if (clash) throw new ConflictError(`A campaign for ${input.year} already exists.`);
        const campaign = await trx
          .insertInto('csf_campaigns')
          .values({
            year: input.year,
            name: input.name,
            catalogue_id: catalogueId,
            basis: input.basis,
            due_on: input.dueOn ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await addAssessments(trx, actor, campaign.id, input.scope);
        await recordAudit(trx, actor, {
          action: 'infosec.csf_campaign.created',
          entityType: CAMPAIGN_RECORD,
          entityId: campaign.id,
          siteId: null,
          after: { year: input.year, name: input.name, basis: input.basis, scope: input.scope },
        });
        return campaign.id;
      });
    },

    /** Sites or domains added to a campaign during its year (an OT assessment decided later, a new site). */
    async extendCampaign(actor: Actor, id: string, input: z.infer<typeof campaignScopeInput>) {
      access.assertGroupWide(actor, 'infosec.manage', PROGRAM);
      return db.transaction().execute(async (trx) => {
        // Locked: two managers adding the same site at once make one assessment, not two.
        const campaign = await trx
          .selectFrom('csf_campaigns')
          .select(['id', 'version'])
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!campaign) throw new NotFoundError('campaign');
        const existing = await trx
          .selectFrom('csf_assessments')
          .select(['site_id', 'domain'])
          .where('campaign_id', '=', id)
          .execute();
        await checkScope(trx, input.scope, new Set(existing.map((e) => `${e.site_id}:${e.domain}`)));
        await addAssessments(trx, actor, id, input.scope);
        await trx
          .updateTable('csf_campaigns')
          .set({ version: campaign.version + 1, updated_by: actor.userId, updated_at: sql`now()` })
          .where('id', '=', id)
          .execute();
        await recordAudit(trx, actor, {
          action: 'infosec.csf_campaign.extended',
          entityType: CAMPAIGN_RECORD,
          entityId: id,
          siteId: null,
          after: { scope: input.scope },
        });
        return { id, added: input.scope.length };
      });
    },
  };
}
