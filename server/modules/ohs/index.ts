import type { z } from 'zod';
import type { incidentInput } from '#shared/modules/ohs/incidents/contract.ts';
import type { Db } from '../../db/types.ts';
import { type Actor, holdsAnywhere } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { defineModule } from '../../platform/modules/manifest.ts';
import type { PlatformServices } from '../../platform/modules/platform-services.ts';
import { registerGoalRoutes } from './goals/routes.ts';
import { registerHazardRoutes } from './hazards/routes.ts';
import { registerHealthRoutes } from './health/routes.ts';
import { registerHoursRoutes } from './hours/routes.ts';
import { createIncidentNames } from './incidents/names.ts';
import { dailyIncidentCounts } from './incidents/repo.ts';
import { registerIncidentRoutes } from './incidents/routes.ts';
import { createIncidentsService } from './incidents/service.ts';
import { createIncidentViews, INCIDENT_DOCUMENTS } from './incidents/views.ts';
import { registerInjuryRoutes } from './injuries/routes.ts';
import { createInjuriesService } from './injuries/service.ts';
import { registerInvestigationRoutes } from './investigations/routes.ts';
import { ohsJobs } from './jobs.ts';
import { ohsMessages } from './messages.ts';
import { ohsMigrations } from './migrations/index.ts';
import { createOhsModule } from './module.ts';
import { ohsGrants, ohsPermissions } from './permissions.ts';
import { registerPermitRoutes } from './permits/routes.ts';
import { registerQualificationRoutes } from './qualifications/routes.ts';
import { registerReportRoutes } from './reports/routes.ts';
import { workerRepresentation } from './rules/committee.ts';
import { registerSelfServiceRoutes } from './self-service/routes.ts';
import { registerOhsSources } from './sources.ts';
import { registerStatisticsRoutes } from './statistics/routes.ts';
import { registerWellbeingRoutes } from './wellbeing/routes.ts';
import '#shared/modules/ohs/program.ts';

export type { OhsTables } from './tables.ts';

/**
 * For another program (a monitoring alarm that becomes a near-miss report): reports an OHS incident through the
 * incidents service, with its permission check, reference, obligations and audit event, as a report made on
 * the OHS pages would be. Files are attached to it through the platform documents service, under `documents`.
 */
export function createOhsIncidentReporter(platform: PlatformServices, context: { db: Db; now: () => Date }) {
  const deps = {
    db: context.db,
    obligations: platform.obligations,
    documents: platform.documents,
    org: platform.org,
    people: platform.people,
    users: platform.users,
    now: context.now,
  };
  const named = createIncidentNames(deps);
  const views = createIncidentViews({ ...deps, named });
  const injuries = createInjuriesService({ db: context.db, people: platform.people, views });
  const incidents = createIncidentsService({ ...deps, named, views, injuries });
  return {
    documents: INCIDENT_DOCUMENTS,
    async report(actor: Actor, input: z.infer<typeof incidentInput>) {
      const view = await incidents.create(actor, input);
      return { id: view.id, reference: view.reference };
    },
  };
}

export type OhsIncidentReporter = ReturnType<typeof createOhsIncidentReporter>;

/**
 * For another program (the monitoring program's trends): OHS incidents of a kind per day, at the sites where
 * the actor reads OHS records (or one of them; another site is not found).
 */
export function createOhsDailyCounts(db: Db) {
  return {
    async incidents(
      actor: Actor,
      q: { kind: 'injury' | 'near_miss'; siteId?: string; from: string; to: string },
    ): Promise<{ day: string; count: number }[]> {
      const scope = access.listScope(actor, 'ohs.read', 'ohs');
      if (q.siteId && scope !== 'all' && !scope.has(q.siteId)) throw new NotFoundError('site');
      const rows = await dailyIncidentCounts(db, { scope, ...q });
      return rows.map((r) => ({ day: String(r.day), count: Number(r.count) }));
    },
  };
}

export type OhsDailyCounts = ReturnType<typeof createOhsDailyCounts>;

/** The occupational health and safety program: its manifest. */
export const ohsModule = defineModule({
  key: 'ohs',
  permissions: ohsPermissions,
  grants: ohsGrants,
  standards: [{ name: 'ISO 45001' }],
  messages: ohsMessages,
  migrations: ohsMigrations,
  summaries: [
    {
      name: 'OHS injury months',
      rebuild: 'select ohs_injury_summary_rebuild()',
      since: '0034_ohs_injury_summary',
    },
    {
      name: 'OHS statistics version',
      rebuild: "select data_version_bump('ohs.statistics')",
      since: '0077_ohs_statistics_version',
    },
  ],
  demo: () => import('../../../reference/demo/ohs-part.ts').then((m) => m.ohsDemo),
  securityChecks: () => import('./security.ts').then((m) => m.ohsSecurity),
  createServices: (platform, { db, now }) => {
    platform.meetings.registerCompositionRule('ohs', workerRepresentation);
    registerOhsSources(platform.sources);
    return createOhsModule({
      db,
      obligations: platform.obligations,
      actions: platform.actions,
      documents: platform.documents,
      certifications: platform.certifications,
      settings: platform.settings,
      versions: platform.versions,
      org: platform.org,
      people: platform.people,
      users: platform.users,
      now,
    });
  },
  registerRoutes(app, ohs) {
    // In this order the OpenAPI document lists them: one registrar per feature folder.
    for (const register of [
      registerIncidentRoutes,
      registerInjuryRoutes,
      registerInvestigationRoutes,
      registerHoursRoutes,
      registerStatisticsRoutes,
      registerHazardRoutes,
      registerPermitRoutes,
      registerQualificationRoutes,
      registerHealthRoutes,
      registerWellbeingRoutes,
      registerGoalRoutes,
      registerReportRoutes,
      registerSelfServiceRoutes,
    ])
      register(app, ohs);
  },
  jobs: (db) => ohsJobs(db),
  async homeAttention(actor, _ohs, platform) {
    if (!holdsAnywhere(actor, 'ohs.manage', 'ohs')) return [];
    const notices = await platform.obligations.countOpen(actor, 'ohs.authority_notice', 'ohs.manage', 'ohs');
    if (notices === 0) return [];
    return [
      {
        kind: 'ohs-authority-notices',
        severity: 'critical',
        count: notices,
        messageKey: 'attention.authorityNotices',
        link: '/ohs/incidents',
      },
    ];
  },
});
