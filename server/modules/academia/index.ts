import { holdsAnywhere } from '../../platform/access/actor.ts';
import { createGrantsService } from '../../platform/grants/service.ts';
import { defineModule } from '../../platform/modules/manifest.ts';
import { createOrgService } from '../../platform/org/service.ts';
import { createPeopleService } from '../../platform/people/service.ts';
import { createSettingsService } from '../../platform/settings/service.ts';
import { registerAcademiaBoardRoutes } from './board/routes.ts';
import { createHireMatchScan } from './hire-matches.ts';
import { academiaMessagesCatalogue } from './messages.ts';
import { academiaMigrations } from './migrations/index.ts';
import { MILESTONE } from './milestones.ts';
import { createAcademiaModule } from './module.ts';
import { AGREEMENT_RENEWAL } from './partners.ts';
import { academiaPermissions } from './permissions.ts';
import { createInternRetention } from './retention.ts';
import { registerAcademiaRoutes } from './routes.ts';
import { registerAcademiaHireRoutes } from './routes-hires.ts';
import { registerAcademiaPeopleRoutes } from './routes-people.ts';
import { registerAcademiaPlacementRoutes } from './routes-placements.ts';
import { registerAcademiaProgramRoutes } from './routes-programs.ts';
import { registerAcademiaSignInRoutes } from './routes-sign-in.ts';
import { registerAcademiaTeachingRoutes } from './routes-teaching.ts';
import '#shared/modules/academia/program.ts';

export type { AcademiaTables } from './tables.ts';

/** The industry–academia collaboration program: its manifest. */
export const academiaModule = defineModule({
  key: 'academia',
  permissions: academiaPermissions,
  messages: academiaMessagesCatalogue,
  migrations: academiaMigrations,
  demo: () => import('../../../reference/demo/academia-part.ts').then((m) => m.academiaDemo),
  securityChecks: () => import('./security.ts').then((m) => m.academiaSecurity),
  createServices: (platform, { db, now }) =>
    createAcademiaModule({
      db,
      documents: platform.documents,
      grants: platform.grants,
      notices: platform.notices,
      obligations: platform.obligations,
      org: platform.org,
      people: platform.people,
      rates: platform.rates,
      settings: platform.settings,
      users: platform.users,
      now,
    }),
  registerRoutes(app, academia) {
    registerAcademiaRoutes(app, academia);
    registerAcademiaPeopleRoutes(app, academia);
    registerAcademiaTeachingRoutes(app, academia);
    registerAcademiaPlacementRoutes(app, academia);
    registerAcademiaHireRoutes(app, academia);
    registerAcademiaSignInRoutes(app, academia);
    registerAcademiaProgramRoutes(app, academia);
    registerAcademiaBoardRoutes(app, academia.board);
  },
  jobs(db) {
    const hires = createHireMatchScan({ db, people: createPeopleService(db, createOrgService(db)) });
    // Nightly, at a quiet hour for the group's sites (UTC 18:50 is 02:50 in Taiwan): employee records that
    // arrived in the day (by hand or imported) are looked at against the former interns.
    const retention = createInternRetention({
      db,
      grants: createGrantsService(db),
      settings: createSettingsService(db),
      now: () => new Date(),
    });
    return [
      { name: 'academia-hire-matches', cron: '50 18 * * *', handler: () => hires.scanAll() },
      // Nightly after the hire matches (UTC 19:05 is 03:05 in Taiwan): students past the retention schedule.
      { name: 'academia-retention', cron: '5 19 * * *', handler: () => retention.run() },
    ];
  },
  async homeAttention(actor, _academia, platform) {
    if (!holdsAnywhere(actor, 'academia.manage', 'academia')) return [];
    const [renewals, milestones] = await Promise.all([
      platform.obligations.countOpen(actor, AGREEMENT_RENEWAL, 'academia.manage', 'academia'),
      platform.obligations.countOpen(actor, MILESTONE, 'academia.manage', 'academia'),
    ]);
    const out = [];
    if (renewals > 0)
      out.push({
        kind: 'academia-agreement-renewals',
        severity: 'warning' as const,
        count: renewals,
        messageKey: 'academia:attention.agreementRenewals',
        link: '/academia/agreements',
      });
    if (milestones > 0)
      out.push({
        kind: 'academia-milestones',
        severity: 'info' as const,
        count: milestones,
        messageKey: 'academia:attention.milestones',
        link: '/academia/projects',
      });
    return out;
  },
});

/** The research projects as another program may name them (the IP program's invention disclosures). */
export {
  createResearchProjectLookup,
  type ResearchProjectLabel,
  type ResearchProjectLookup,
} from './research-projects.ts';
