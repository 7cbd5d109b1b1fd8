import type { Db } from '../../db/types.ts';
import type { ActionsService } from '../../platform/actions/service.ts';
import type { CertificationsService } from '../../platform/certifications/service.ts';
import type { DocumentsService } from '../../platform/documents/service.ts';
import { registerImporter } from '../../platform/imports/importer.ts';
import type { ObligationsService } from '../../platform/obligations/service.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { PeopleService } from '../../platform/people/service.ts';
import type { SettingsService } from '../../platform/settings/service.ts';
import type { UsersService } from '../../platform/users/service.ts';
import type { DataVersionsService } from '../../platform/versions/service.ts';
import { createGoalsService } from './goals/service.ts';
import { createHazardsService } from './hazards/service.ts';
import { createHealthService } from './health/service.ts';
import { createHoursImporter, createOhsHoursService } from './hours/service.ts';
import { createIncidentNames } from './incidents/names.ts';
import { createIncidentsService } from './incidents/service.ts';
import { createIncidentViews, INCIDENT_DOCUMENTS } from './incidents/views.ts';
import { createInjuriesService } from './injuries/service.ts';
import { createInvestigationsService } from './investigations/service.ts';
import { createPermitsService } from './permits/service.ts';
import { createQualificationsService } from './qualifications/service.ts';
import { createOhsReportsService } from './reports/service.ts';
import { createOhsSelfService } from './self-service/service.ts';
import { createOhsStatisticsService } from './statistics/service.ts';
import { createWellbeingService } from './wellbeing/service.ts';

/** The occupational health and safety program, built on the platform services. */
export function createOhsModule(deps: {
  db: Db;
  obligations: ObligationsService;
  actions: ActionsService;
  documents: DocumentsService;
  certifications: CertificationsService;
  settings: SettingsService;
  versions: DataVersionsService;
  org: OrgService;
  people: Pick<
    PeopleService,
    | 'personOf'
    | 'personNames'
    | 'personSite'
    | 'contractorWorkers'
    | 'companyNames'
    | 'companyIdsNamed'
    | 'employeesOnRoll'
  >;
  users: Pick<UsersService, 'displayNames' | 'assertActiveUsers'>;
  now: () => Date;
}) {
  const { db, now } = deps;
  const named = createIncidentNames(deps);
  const incidentViews = createIncidentViews({ ...deps, named });
  const injuries = createInjuriesService({ db, people: deps.people, views: incidentViews });
  const incidents = createIncidentsService({ ...deps, named, views: incidentViews, injuries });
  const investigations = createInvestigationsService(db, deps.actions, deps.users, now);
  deps.documents.registerOwner(INCIDENT_DOCUMENTS, (actor, id, intent) =>
    incidents.siteOf(actor, id, intent),
  );
  deps.documents.registerOwner('ohs_investigation', (actor, id, intent) =>
    investigations.siteOf(actor, id, intent),
  );
  registerImporter(createHoursImporter(deps.org));
  const qualifications = createQualificationsService(db, deps.obligations, deps.org, deps.people, now);
  const statistics = createOhsStatisticsService(db, deps.settings, deps.org, deps.versions, now);
  const health = createHealthService(db, deps.obligations, deps.org, deps.people, now);
  const wellbeing = createWellbeingService(db, deps.org);
  const goals = createGoalsService(db, statistics, deps.org, deps.people);
  return {
    health,
    wellbeing,
    goals,
    reports: createOhsReportsService({
      db,
      statistics,
      health,
      wellbeing,
      goals,
      certifications: deps.certifications,
      now,
    }),
    incidents,
    injuries,
    investigations,
    hazards: createHazardsService(db, deps.obligations, deps.settings, deps.org, deps.users, now),
    qualifications,
    permits: createPermitsService(db, qualifications, deps.org, deps.people, now),
    hours: createOhsHoursService(db, deps.org),
    statistics,
    self: createOhsSelfService(db, deps.actions, deps.people, deps, now),
  };
}

export type OhsModule = ReturnType<typeof createOhsModule>;
