import { holdsAnywhere } from '../../platform/access/actor.ts';
import { defineModule } from '../../platform/modules/manifest.ts';
import { ohsJobs } from './jobs.ts';
import { ohsMessages } from './messages.ts';
import { ohsMigrations } from './migrations/index.ts';
import { createOhsModule } from './module.ts';
import { ohsGrants, ohsPermissions } from './permissions.ts';
import { registerOhsRoutes } from './routes.ts';
import { registerOhsHealthRoutes, registerOhsReportRoutes } from './routes-health.ts';
import { registerOhsSelfRoutes } from './routes-self.ts';
import { registerOhsWorkRoutes } from './routes-work.ts';
import { workerRepresentation } from './rules/committee.ts';
import { registerOhsSources } from './sources.ts';

export type { OhsTables } from './tables.ts';

declare module '../../platform/access/programs.ts' {
  interface ProgramKeys {
    ohs: true;
  }
}

/** The occupational health and safety program: its manifest. */
export const ohsModule = defineModule({
  key: 'ohs',
  permissions: ohsPermissions,
  grants: ohsGrants,
  standards: [{ name: 'ISO 45001' }],
  messages: ohsMessages,
  migrations: ohsMigrations,
  demo: () => import('../../../reference/demo/ohs-part.ts').then((m) => m.ohsDemo),
  securityChecks: () => import('./security.ts').then((m) => m.ohsRouteChecks),
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
      now,
    });
  },
  registerRoutes(app, ohs) {
    registerOhsRoutes(app, ohs);
    registerOhsWorkRoutes(app, ohs);
    registerOhsHealthRoutes(app, ohs);
    registerOhsReportRoutes(app, ohs);
    registerOhsSelfRoutes(app, ohs);
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
