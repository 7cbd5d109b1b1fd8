import type { HomeAttention } from '#shared/platform/home/contract.ts';
import { holdsAnywhere } from '../../platform/access/actor.ts';
import { defineModule } from '../../platform/modules/manifest.ts';
import { createObligationsService } from '../../platform/obligations/service.ts';
import { createOrgService } from '../../platform/org/service.ts';
import { createPeopleService } from '../../platform/people/service.ts';
import { createWorkdaysService } from '../../platform/workdays/service.ts';
import { createResearchProjectLookup } from '../academia/index.ts';
import { createSecurityIncidentLookup } from '../infosec/index.ts';
import {
  createExitInterviewScan,
  EXIT_INTERVIEW_KIND,
  PERMISSION as EXIT_INTERVIEW_PERMISSION,
} from './exit-interviews/scan.ts';
import { DEADLINE_KINDS } from './matters.ts';
import { ipMessagesCatalogue } from './messages.ts';
import { ipMigrations } from './migrations/index.ts';
import { createIpModule } from './module.ts';
import { ipPermissions } from './permissions.ts';
import { registerIpRoutes } from './routes.ts';
import '#shared/modules/ip/program.ts';

export type { IpTables } from './tables.ts';

/** The intellectual property program: its manifest. */
export const ipModule = defineModule({
  key: 'ip',
  permissions: ipPermissions,
  // The Taiwan Intellectual Property Management System.
  standards: [{ name: 'TIPS' }],
  migrations: ipMigrations,
  messages: ipMessagesCatalogue,
  demo: () => import('../../../reference/demo/ip-part.ts').then((m) => m.ipDemo),
  securityChecks: () => import('./security.ts').then((m) => m.ipSecurity),
  createServices: (platform, { db, now }) =>
    createIpModule({
      db,
      obligations: platform.obligations,
      org: platform.org,
      people: platform.people,
      users: platform.users,
      documents: platform.documents,
      imports: platform.imports,
      settings: platform.settings,
      rates: platform.rates,
      projects: createResearchProjectLookup(db),
      incidents: createSecurityIncidentLookup(db),
      training: platform.training,
      certifications: platform.certifications,
      workdays: platform.workdays,
      now,
    }),
  jobs(db) {
    const org = createOrgService(db);
    const interviews = createExitInterviewScan({
      db,
      obligations: createObligationsService(db),
      org,
      people: createPeopleService(db, org),
      workdays: createWorkdaysService(db),
      now: () => new Date(),
    });
    // Nightly (UTC 19:20 is 03:20 in Taiwan): leave dates entered or imported in the day.
    return [{ name: 'ip-exit-interviews', cron: '20 19 * * *', handler: () => interviews.scanAll() }];
  },
  registerRoutes(app, ip) {
    registerIpRoutes(app, ip);
  },
  async homeAttention(actor, _ip, platform) {
    const items: HomeAttention[] = [];
    if (holdsAnywhere(actor, 'ip.manage', 'ip')) {
      const count = await platform.obligations.countOpen(actor, DEADLINE_KINDS.annuity, 'ip.manage', 'ip');
      if (count > 0)
        items.push({
          kind: 'ip-fees',
          severity: 'warning',
          count,
          messageKey: 'ip:attention.fees',
          link: '/ip',
        });
    }
    // Legal's exit interviews of people about to leave: each is due a working day before the last one.
    if (holdsAnywhere(actor, EXIT_INTERVIEW_PERMISSION, 'ip')) {
      const count = await platform.obligations.countOpen(
        actor,
        EXIT_INTERVIEW_KIND,
        EXIT_INTERVIEW_PERMISSION,
        'ip',
      );
      if (count > 0)
        items.push({
          kind: 'ip-exit-interviews',
          severity: 'warning',
          count,
          messageKey: 'ip:attention.exitInterviews',
          link: '/ip/exit-interviews',
        });
    }
    return items;
  },
});
