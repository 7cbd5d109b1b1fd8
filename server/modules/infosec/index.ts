import type { HomeAttention } from '#shared/platform/home/contract.ts';
import type { Db } from '../../db/types.ts';
import { type Actor, holdsAnywhere, type SiteScope } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { defineModule } from '../../platform/modules/manifest.ts';
import { CLOCK_KINDS } from './clocks.ts';
import { ASSESSMENT_RECORD } from './csf/service.ts';
import { createAcceptanceLapse } from './findings/acceptance-lapse.ts';
import { registerFindingSource } from './findings/source.ts';
import { securityGoalCounter } from './governance/goals.ts';
import { registerGovernanceSources } from './governance/source.ts';
import { infosecMessages } from './messages.ts';
import { infosecMigrations } from './migrations/index.ts';
import { createInfosecModule } from './module.ts';
import { infosecPermissions } from './permissions.ts';
import { incidentQuarterHours } from './repo.ts';
import { registerInfosecRoutes } from './routes.ts';
import { yearFigures as supplierYearFigures } from './suppliers/repo.ts';
import { registerSupplierAssessmentSource } from './suppliers/source.ts';
import '#shared/modules/infosec/program.ts';

export {
  createSecurityIncidentLookup,
  type SecurityIncidentLabel,
  type SecurityIncidentLookup,
} from './incident-lookup.ts';
export type { InfosecTables } from './tables.ts';

/**
 * For another program (the monitoring program's trends): the security incidents the actor may read (sensitive
 * ones only where they may), per site and quarter of an hour of awareness; another site is not found.
 */
export function createInfosecIncidentCounts(db: Db) {
  return {
    async quarterHours(actor: Actor, q: { siteId?: string; from: Date; to: Date }) {
      const scope = access.listScope(actor, 'infosec.read', 'infosec');
      if (q.siteId && scope !== 'all' && !scope.has(q.siteId)) throw new NotFoundError('site');
      const rows = await incidentQuarterHours(db, actor, q);
      return rows.map((r) => ({ siteId: r.site_id, quarter: new Date(r.quarter), count: Number(r.count) }));
    },
  };
}

export type InfosecIncidentCounts = ReturnType<typeof createInfosecIncidentCounts>;

/**
 * For the Board report: the supplier cybersecurity assessments of a year (those whose results were confirmed
 * in it) at the sites of the scope, counted from the rows. The caller has checked the reader's scope.
 */
export async function supplierAssessmentCount(db: Db, year: number, scope: SiteScope): Promise<number> {
  return Number((await supplierYearFigures(db, scope, year)).assessments);
}

/**
 * For another program (the Board report): `securityGoalCount(year, scope)`, the security goals set for a year
 * over a scope of sites (the group's goals and those of the sites in scope), counted from the rows.
 */
export function createInfosecGoalCounts(db: Db) {
  return { securityGoalCount: securityGoalCounter(db) };
}

export type InfosecGoalCounts = ReturnType<typeof createInfosecGoalCounts>;

/** The information security program: its manifest. */
export const infosecModule = defineModule({
  key: 'infosec',
  permissions: infosecPermissions,
  standards: [
    { name: 'ISO 27001' },
    { name: 'ISO 22301' },
    { name: 'ISO 15408' },
    { name: 'ISO/SAE 21434' },
    { name: 'IEC 62443-2-1', family: 'IEC 62443' },
    { name: 'GSMA SAS-UP', family: 'GSMA SAS' },
  ],
  migrations: infosecMigrations,
  messages: infosecMessages,
  demo: () => import('../../../reference/demo/infosec-part.ts').then((m) => m.infosecDemo),
  securityChecks: () => import('./security.ts').then((m) => m.infosecSecurity),
  createServices: (platform, { db, now }) => {
    // Recommendations of an assessment are actions whose source is the assessment.
    platform.sources.register(ASSESSMENT_RECORD, async (handle, id, locale) => {
      const r = await handle
        .selectFrom('csf_assessments as a')
        .innerJoin('csf_campaigns as c', 'c.id', 'a.campaign_id')
        .select(['a.site_id', 'a.domain', 'a.revision', 'c.year'])
        .where('a.id', '=', id)
        .executeTakeFirst();
      if (!r) return null;
      const [site] = await platform.org.sitesWithSubsidiary([r.site_id], handle);
      const domain = r.domain === 'it' ? 'IT' : 'OT';
      const label =
        locale === 'zh-TW'
          ? `${site?.code ?? ''} ${domain} NIST CSF ${r.year} 成熟度評估（第 ${r.revision} 版）`
          : `${site?.code ?? ''} ${domain} NIST CSF maturity ${r.year} (revision ${r.revision})`;
      return { label, siteId: r.site_id, permission: 'infosec.read', program: 'infosec' };
    });
    registerFindingSource(platform.sources);
    registerSupplierAssessmentSource(platform.sources);
    registerGovernanceSources(platform.sources);
    return createInfosecModule({
      db,
      obligations: platform.obligations,
      actions: platform.actions,
      documents: platform.documents,
      settings: platform.settings,
      org: platform.org,
      users: platform.users,
      grants: platform.grants,
      imports: platform.imports,
      people: platform.people,
      training: platform.training,
      meetings: platform.meetings,
      certifications: platform.certifications,
      now,
    });
  },
  jobs(db) {
    const lapse = createAcceptanceLapse(db);
    // Daily, after midnight UTC: a risk acceptance holds to the end of its expiry day.
    return [{ name: 'infosec-acceptance-lapse', cron: '15 0 * * *', handler: () => lapse.reopenLapsed() }];
  },
  registerRoutes(app, infosec) {
    registerInfosecRoutes(app, infosec);
  },
  async homeAttention(actor, infosec, platform) {
    // Every employee asked to acknowledge a security policy is reminded, whatever role they hold.
    const toAcknowledge = await infosec.governance.policyCampaigns.awaiting(actor);
    const policies: HomeAttention[] =
      toAcknowledge === 0
        ? []
        : [
            {
              kind: 'infosec-policies-to-acknowledge',
              severity: 'warning',
              count: toAcknowledge,
              messageKey: 'infosec:attention.policiesToAcknowledge',
              link: '/infosec/policies/mine',
            },
          ];
    if (!holdsAnywhere(actor, 'infosec.manage', 'infosec')) return policies;
    const open = await platform.obligations.countOpen(actor, CLOCK_KINDS.report, 'infosec.manage', 'infosec');
    if (open === 0) return policies;
    return [
      ...policies,
      {
        kind: 'infosec-unreported-incidents',
        severity: 'critical',
        count: open,
        messageKey: 'infosec:attention.unreportedIncidents',
        link: '/infosec/incidents',
      },
    ];
  },
});
