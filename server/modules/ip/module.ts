import type { Db } from '../../db/types.ts';
import type { DocumentsService } from '../../platform/documents/service.ts';
import type { ObligationsService } from '../../platform/obligations/service.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { PeopleService } from '../../platform/people/service.ts';
import type { SettingsService } from '../../platform/settings/service.ts';
import type { UsersService } from '../../platform/users/service.ts';
import type { ResearchProjectLookup } from '../academia/index.ts';
import { createCalendarsService } from './calendars.ts';
import { createFamiliesService } from './families.ts';
import { createInventionsService, DISCLOSURE } from './inventions/service.ts';
import { createMattersService } from './matters.ts';
import { createPortfolioService } from './portfolio.ts';
import { createSecretsService } from './secrets.ts';
import { createSitesLookup } from './sites.ts';
import { createTrademarksService } from './trademarks.ts';

/** The intellectual property program, built on the platform services. */
export function createIpModule(deps: {
  db: Db;
  obligations: ObligationsService;
  org: OrgService;
  people: Pick<PeopleService, 'getEmployee' | 'employeeEssentials' | 'employeesNamed' | 'personOf'>;
  documents: Pick<DocumentsService, 'registerOwner'>;
  settings: SettingsService;
  projects: ResearchProjectLookup;
  users: Pick<UsersService, 'displayNames' | 'assertActiveUser' | 'assertActiveUsers'>;
  now: () => Date;
}) {
  const { db, now } = deps;
  const sites = createSitesLookup(deps.org);
  const calendars = createCalendarsService(db);
  const matters = createMattersService(db, deps.obligations, calendars, sites, now);
  const families = createFamiliesService(db, deps.people, matters, sites);
  const secrets = createSecretsService(db, deps.obligations, deps.users, sites, now);
  const inventions = createInventionsService({
    db,
    people: deps.people,
    users: deps.users,
    settings: deps.settings,
    projects: deps.projects,
    families,
    matters,
    secrets,
    sites,
    now,
  });
  deps.documents.registerOwner(DISCLOSURE, (actor, id, intent) => inventions.siteOf(actor, id, intent));
  return {
    calendars,
    matters,
    portfolio: createPortfolioService(db, now),
    families,
    trademarks: createTrademarksService(db, deps.obligations, calendars, sites, now),
    secrets,
    inventions,
  };
}

export type IpModule = ReturnType<typeof createIpModule>;
