import type { Db } from '../../db/types.ts';
import type { CertificationsService } from '../../platform/certifications/service.ts';
import type { DocumentsService } from '../../platform/documents/service.ts';
import { registerImporter } from '../../platform/imports/importer.ts';
import type { ImportsService } from '../../platform/imports/service.ts';
import type { ObligationsService } from '../../platform/obligations/service.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { PeopleService } from '../../platform/people/service.ts';
import type { RatesService } from '../../platform/rates/service.ts';
import type { SettingsService } from '../../platform/settings/service.ts';
import type { TrainingService } from '../../platform/training/service.ts';
import type { UsersService } from '../../platform/users/service.ts';
import type { WorkdaysService } from '../../platform/workdays/service.ts';
import type { ResearchProjectLookup } from '../academia/index.ts';
import type { SecurityIncidentLookup } from '../infosec/index.ts';
import { createIpBoardService } from './board/service.ts';
import { createCalendarsService } from './calendars.ts';
import { createExitInterviewsService, EXIT_INTERVIEW } from './exit-interviews/service.ts';
import { createFamiliesService } from './families.ts';
import { createForecastService } from './forecast/service.ts';
import { createMattersImporter } from './import/importer.ts';
import { createUsptoImportService } from './import/service.ts';
import { createInventionsService, DISCLOSURE } from './inventions/service.ts';
import { createKeepDropService } from './keep-drop/service.ts';
import { createFtoService, FTO_RECORD } from './licences/fto.ts';
import { createLicencesService, LICENCE } from './licences/service.ts';
import { createMattersService } from './matters.ts';
import { createOfficeActionsService } from './office-actions.ts';
import { createPortfolioService } from './portfolio.ts';
import { createReviewsService } from './reviews/service.ts';
import { createRiskCasesService, RISK_CASE } from './risk/service.ts';
import { createSecretsService } from './secrets.ts';
import { createSitesLookup } from './sites.ts';
import { createTrademarksService } from './trademarks.ts';

/** The intellectual property program, built on the platform services. */
export function createIpModule(deps: {
  db: Db;
  obligations: ObligationsService;
  org: OrgService;
  people: Pick<
    PeopleService,
    | 'getEmployee'
    | 'employeeEssentials'
    | 'employeesNamed'
    | 'personOf'
    | 'employeesLeavingFrom'
    | 'leaveDates'
    | 'personNames'
    | 'employeeIdsMatching'
    | 'employeeEssentialsByNumber'
    | 'employeeEssentialsByName'
  >;
  documents: Pick<DocumentsService, 'registerOwner' | 'countsByOwner'>;
  imports: Pick<ImportsService, 'upload'>;
  settings: SettingsService;
  rates: RatesService;
  projects: ResearchProjectLookup;
  incidents: SecurityIncidentLookup;
  training: Pick<TrainingService, 'yearlyFigures'>;
  certifications: Pick<CertificationsService, 'list'>;
  users: Pick<UsersService, 'displayNames' | 'assertActiveUser' | 'assertActiveUsers'>;
  workdays: Pick<WorkdaysService, 'calendars' | 'onChanged'>;
  now: () => Date;
}) {
  const { db, now } = deps;
  const sites = createSitesLookup(deps.org);
  const calendars = createCalendarsService(db);
  const matters = createMattersService(db, deps.obligations, calendars, sites, now);
  const families = createFamiliesService(db, deps.people, matters, sites);
  // A portfolio brought in from a spreadsheet or the USPTO's grant XML goes through the matters' own path.
  registerImporter(
    createMattersImporter({ org: deps.org, people: deps.people, families, matters, calendars, now }),
  );
  const usptoImport = createUsptoImportService({ imports: deps.imports, people: deps.people, sites });
  const secrets = createSecretsService(db, deps.obligations, deps.users, deps.people, sites, now);
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
  const licences = createLicencesService(db, deps.obligations, deps.org, sites, now);
  const fto = createFtoService(db, sites, now);
  deps.documents.registerOwner(LICENCE, (actor, id, intent) => licences.siteOf(actor, id, intent));
  deps.documents.registerOwner(FTO_RECORD, (actor, id, intent) => fto.siteOf(actor, id, intent));
  const riskCases = createRiskCasesService(db, deps.incidents, sites, now);
  deps.documents.registerOwner(RISK_CASE, (actor, id, intent) => riskCases.siteOf(actor, id, intent));
  const keepDrop = createKeepDropService({
    db,
    obligations: deps.obligations,
    org: deps.org,
    settings: deps.settings,
    users: deps.users,
    matters,
    calendars,
    sites,
    now,
  });
  const reviews = createReviewsService({
    db,
    obligations: deps.obligations,
    org: deps.org,
    settings: deps.settings,
    users: deps.users,
    matters,
    calendars,
    sites,
    now,
  });
  const exitInterviews = createExitInterviewsService({
    db,
    obligations: deps.obligations,
    org: deps.org,
    people: deps.people,
    documents: deps.documents,
    workdays: deps.workdays,
    now,
  });
  deps.documents.registerOwner(EXIT_INTERVIEW, (actor, id, intent) =>
    exitInterviews.siteOf(actor, id, intent),
  );
  const portfolio = createPortfolioService(db, now);
  const board = createIpBoardService({
    portfolio,
    matters,
    keepDrop,
    reviews,
    riskCases,
    secrets,
    inventions,
    training: deps.training,
    certifications: deps.certifications,
    now,
  });
  return {
    calendars,
    matters,
    portfolio,
    families,
    usptoImport,
    trademarks: createTrademarksService(db, deps.obligations, calendars, sites, now),
    officeActions: createOfficeActionsService(db, deps.obligations, calendars, sites, now),
    secrets,
    exitInterviews,
    inventions,
    licences,
    fto,
    riskCases,
    keepDrop,
    reviews,
    forecast: createForecastService({ db, org: deps.org, rates: deps.rates, matters, calendars, now }),
    board,
  };
}

export type IpModule = ReturnType<typeof createIpModule>;
