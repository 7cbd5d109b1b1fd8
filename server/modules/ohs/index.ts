import { holdsAnywhere } from '../../platform/access/actor.ts';
import { defineModule } from '../../platform/modules/manifest.ts';
import { registerGoalRoutes } from './goals/routes.ts';
import { registerHazardRoutes } from './hazards/routes.ts';
import { registerHealthRoutes } from './health/routes.ts';
import { registerHoursRoutes } from './hours/routes.ts';
import { registerIncidentRoutes } from './incidents/routes.ts';
import { registerInjuryRoutes } from './injuries/routes.ts';
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

export type { OhsTables } from './tables.ts';

/** The occupational health and safety program: its manifest. */
export const ohsModule = defineModule({
  key: 'ohs',
  permissions: ohsPermissions,
  grants: ohsGrants,
  messages: ohsMessages,
  migrations: ohsMigrations,
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
