import type { ClockRules } from '#shared/modules/infosec/rules/clocks.ts';
import type { Db } from '../../db/types.ts';
import { type Actor, sitesWith } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import type { ActionsService } from '../../platform/actions/service.ts';
import type { CertificationsService } from '../../platform/certifications/service.ts';
import type { DocumentsService } from '../../platform/documents/service.ts';
import type { GrantsService } from '../../platform/grants/service.ts';
import { ForbiddenError } from '../../platform/http/errors.ts';
import { registerImporter } from '../../platform/imports/importer.ts';
import type { ImportsService } from '../../platform/imports/service.ts';
import type { MeetingsService } from '../../platform/meetings/service.ts';
import type { ObligationsService } from '../../platform/obligations/service.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { PeopleService } from '../../platform/people/service.ts';
import type { SettingsService } from '../../platform/settings/service.ts';
import type { TrainingService } from '../../platform/training/service.ts';
import type { UsersService } from '../../platform/users/service.ts';
import { createAdvisoriesService } from './advisories/service.ts';
import { createBoardService } from './board/service.ts';
import { createClockKeeper, INCIDENT_SOURCE } from './clocks.ts';
import { createCatalogueStore } from './csf/catalogue.ts';
import { createCsfAnswersImporter } from './csf/import.ts';
import { createCsfRollups } from './csf/rollups.ts';
import { ASSESSMENT_RECORD, createCsfService } from './csf/service.ts';
import { createPhishingResultsImporter } from './drills/phishing-import.ts';
import { createPhishingService } from './drills/phishing-service.ts';
import { createDrillsService } from './drills/service.ts';
import { createFindingsImporter } from './findings/import.ts';
import { createFindingsService } from './findings/service.ts';
import { createGoalsService } from './governance/goals.ts';
import { createSiteKpisImporter } from './governance/kpi-import.ts';
import { createMembershipsService, MEMBERSHIP_SOURCE } from './governance/memberships.ts';
import { createPoliciesService, POLICY_VERSION_SOURCE } from './governance/policies.ts';
import { createPolicyCampaignsService } from './governance/policy-campaigns.ts';
import { createRisksService } from './governance/risks.ts';
import { createSecurityIncidentsService } from './incidents.ts';
import { createInsuranceService } from './material/insurance.ts';
import { createMaterialDecisionsService } from './material/service.ts';
import { createIncidentResponseService } from './response/service.ts';
import { clockRulesSetting } from './settings.ts';
import { createSupplierAssessmentsService } from './suppliers/assessments.ts';
import { createSuppliersService } from './suppliers/service.ts';
import { createSystemsService } from './systems.ts';

const PROGRAM = 'infosec' as const;

/** The information security program, built on the platform services. */
export function createInfosecModule(deps: {
  db: Db;
  obligations: ObligationsService;
  actions: ActionsService;
  documents: DocumentsService;
  settings: SettingsService;
  org: OrgService;
  users: UsersService;
  grants: GrantsService;
  imports: ImportsService;
  people: PeopleService;
  training: TrainingService;
  meetings: MeetingsService;
  certifications: CertificationsService;
  now: () => Date;
}) {
  const { db, now } = deps;
  const systems = createSystemsService(db, deps.org, deps.users);
  const clocks = createClockKeeper(deps.obligations, deps.settings, deps.org);
  const incidents = createSecurityIncidentsService({
    db,
    org: deps.org,
    users: deps.users,
    documents: deps.documents,
    actions: deps.actions,
    systems,
    clocks,
    now,
  });
  const response = createIncidentResponseService({
    db,
    org: deps.org,
    users: deps.users,
    documents: deps.documents,
    actions: deps.actions,
    incidents,
    now,
  });
  // Evidence files: the documents service keeps each file's SHA-256 at upload.
  deps.documents.registerOwner(INCIDENT_SOURCE, (actor, id, intent) => incidents.siteOf(actor, id, intent));
  // The rules apply to every site: only whoever manages the program group-wide changes them.
  const mayChangeRules = (actor: Actor) => sitesWith(actor, 'infosec.manage', PROGRAM) === 'all';
  const rules = {
    async get(actor: Actor) {
      access.listScope(actor, 'infosec.read', PROGRAM);
      return { ...(await deps.settings.get(clockRulesSetting)), mayChange: mayChangeRules(actor) };
    },
    async set(
      actor: Actor,
      body: Omit<ClockRules, 'breachNotification'> & Partial<ClockRules> & { mayChange?: boolean },
    ) {
      if (access.listScope(actor, 'infosec.manage', PROGRAM) !== 'all')
        throw new ForbiddenError('infosec.manage');
      const { mayChange: _reader, ...value } = body;
      const sorted: ClockRules = {
        ...value,
        levels: [...value.levels].sort((a, b) => a.level - b.level),
        breachNotification: [...(value.breachNotification ?? [])].sort((a, b) =>
          a.country.localeCompare(b.country),
        ),
      };
      return db.transaction().execute((trx) => deps.settings.set(trx, actor, clockRulesSetting, sorted));
    },
  };
  const catalogues = createCatalogueStore(db);
  const core = createCsfService({
    db,
    actions: deps.actions,
    settings: deps.settings,
    org: deps.org,
    users: deps.users,
    grants: deps.grants,
    catalogues,
    now,
  });
  const csf = {
    ...core,
    ...createCsfRollups({ db, org: deps.org, settings: deps.settings, catalogues, now }),
  };
  deps.documents.registerOwner(ASSESSMENT_RECORD, (actor, id, intent) => csf.siteOf(actor, id, intent));
  registerImporter(createCsfAnswersImporter(deps.org, catalogues));
  const findings = createFindingsService({
    db,
    org: deps.org,
    users: deps.users,
    settings: deps.settings,
    imports: deps.imports,
    now,
  });
  registerImporter(createFindingsImporter(deps.settings));
  const advisories = createAdvisoriesService({
    db,
    org: deps.org,
    users: deps.users,
    settings: deps.settings,
    incidentSite: (actor, id) => incidents.siteOf(actor, id, 'read'),
    now,
  });
  const drills = createDrillsService({
    db,
    org: deps.org,
    users: deps.users,
    actions: deps.actions,
    obligations: deps.obligations,
  });
  const phishing = createPhishingService({ db, org: deps.org, training: deps.training });
  registerImporter(createPhishingResultsImporter({ ...deps, now }));
  const suppliers = createSuppliersService({ db, org: deps.org, users: deps.users, grants: deps.grants });
  const supplierAssessments = createSupplierAssessmentsService({
    db,
    org: deps.org,
    actions: deps.actions,
    obligations: deps.obligations,
    grants: deps.grants,
    suppliers,
  });
  const material = createMaterialDecisionsService({ db, users: deps.users, now });
  const goals = createGoalsService({ db, org: deps.org });
  const board = createBoardService({
    db,
    material,
    drills,
    csf,
    training: deps.training,
    meetings: deps.meetings,
    certifications: deps.certifications,
    suppliers,
    supplierAssessments,
    goals,
    obligations: deps.obligations,
    now,
  });
  const insurance = createInsuranceService({ db, now });
  const memberships = createMembershipsService({
    db,
    org: deps.org,
    users: deps.users,
    documents: deps.documents,
    obligations: deps.obligations,
  });
  deps.documents.registerOwner(MEMBERSHIP_SOURCE, (actor, id, intent) =>
    memberships.siteOf(actor, id, intent),
  );
  const risks = createRisksService({
    db,
    org: deps.org,
    users: deps.users,
    obligations: deps.obligations,
    settings: deps.settings,
    now,
  });
  registerImporter(createSiteKpisImporter(deps.org));
  const policyCampaigns = createPolicyCampaignsService({
    db,
    org: deps.org,
    people: deps.people,
    obligations: deps.obligations,
    now,
  });
  const policies = createPoliciesService({
    db,
    org: deps.org,
    users: deps.users,
    documents: deps.documents,
    campaigns: policyCampaigns,
    now,
  });
  // The document of a policy version (the approved text) is a platform document of the version.
  deps.documents.registerOwner(POLICY_VERSION_SOURCE, (actor, id, intent) =>
    policies.versionSiteOf(actor, id, intent),
  );
  const governance = { memberships, risks, goals, policies, policyCampaigns };
  return {
    systems,
    incidents,
    response,
    rules,
    csf,
    findings,
    advisories,
    drills,
    phishing,
    suppliers,
    supplierAssessments,
    material,
    board,
    insurance,
    governance,
  };
}

export type InfosecModule = ReturnType<typeof createInfosecModule>;
