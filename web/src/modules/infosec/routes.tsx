import { type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { moduleRoutes } from '../../platform/modules/route-kit.ts';
import { guarded } from '../../platform/shell/guarded.tsx';
import { infosecNavigation } from './nav.ts';

// Each page loads on demand, when the route is first visited (the router fetches it before rendering).
const CsfAssessmentPage = lazyRouteComponent(() => import('./csf/AssessmentPage.tsx'), 'CsfAssessmentPage');
const CsfCampaignPage = lazyRouteComponent(() => import('./csf/CampaignPage.tsx'), 'CsfCampaignPage');
const CsfCampaignsPage = lazyRouteComponent(() => import('./csf/CampaignsPage.tsx'), 'CsfCampaignsPage');
const CsfMinePage = lazyRouteComponent(() => import('./csf/MinePage.tsx'), 'CsfMinePage');
const CsfOverviewPage = lazyRouteComponent(() => import('./csf/OverviewPage.tsx'), 'CsfOverviewPage');
const SecurityIncidentPage = lazyRouteComponent(
  () => import('./incidents/IncidentPage.tsx'),
  'SecurityIncidentPage',
);
const SecurityIncidentsPage = lazyRouteComponent(
  () => import('./incidents/IncidentsPage.tsx'),
  'SecurityIncidentsPage',
);
const SecurityReportPage = lazyRouteComponent(
  () => import('./incidents/ReportPage.tsx'),
  'SecurityReportPage',
);
const AdvisoriesPage = lazyRouteComponent(() => import('./advisories/AdvisoriesPage.tsx'), 'AdvisoriesPage');
const AdvisoryPage = lazyRouteComponent(() => import('./advisories/AdvisoryPage.tsx'), 'AdvisoryPage');
const AdvisoryIndicatorsPage = lazyRouteComponent(
  () => import('./advisories/IndicatorsPage.tsx'),
  'IndicatorsPage',
);
const ClockRulesPage = lazyRouteComponent(() => import('./incidents/ClockRulesPage.tsx'), 'ClockRulesPage');
const SystemsPage = lazyRouteComponent(() => import('./systems/SystemsPage.tsx'), 'SystemsPage');
const EngagementsPage = lazyRouteComponent(() => import('./findings/EngagementsPage.tsx'), 'EngagementsPage');
const EngagementPage = lazyRouteComponent(() => import('./findings/EngagementPage.tsx'), 'EngagementPage');
const FindingsPage = lazyRouteComponent(() => import('./findings/FindingsPage.tsx'), 'FindingsPage');
const BoardPage = lazyRouteComponent(() => import('./board/BoardPage.tsx'), 'BoardPage');
const InsurancePage = lazyRouteComponent(() => import('./board/InsurancePage.tsx'), 'InsurancePage');
const DrillsPage = lazyRouteComponent(() => import('./drills/DrillsPage.tsx'), 'DrillsPage');
const DrillPage = lazyRouteComponent(() => import('./drills/DrillPage.tsx'), 'DrillPage');
const PhishingPage = lazyRouteComponent(() => import('./drills/PhishingPage.tsx'), 'PhishingPage');
const PhishingCampaignPage = lazyRouteComponent(
  () => import('./drills/PhishingCampaignPage.tsx'),
  'PhishingCampaignPage',
);
const SuppliersPage = lazyRouteComponent(() => import('./suppliers/SuppliersPage.tsx'), 'SuppliersPage');
const SupplierPage = lazyRouteComponent(() => import('./suppliers/SupplierPage.tsx'), 'SupplierPage');
const SupplierAssessmentsPage = lazyRouteComponent(
  () => import('./suppliers/AssessmentsPage.tsx'),
  'SupplierAssessmentsPage',
);
const SupplierMinePage = lazyRouteComponent(
  () => import('./suppliers/AssessmentsPage.tsx'),
  'SupplierMinePage',
);
const SupplierTemplatesPage = lazyRouteComponent(
  () => import('./suppliers/TemplatesPage.tsx'),
  'SupplierTemplatesPage',
);
const SupplierAssessmentPage = lazyRouteComponent(
  () => import('./suppliers/AssessmentPage.tsx'),
  'SupplierAssessmentPage',
);
const MembershipsPage = lazyRouteComponent(
  () => import('./governance/MembershipsPage.tsx'),
  'MembershipsPage',
);
const PoliciesPage = lazyRouteComponent(() => import('./governance/PoliciesPage.tsx'), 'PoliciesPage');
const PolicyPage = lazyRouteComponent(() => import('./governance/PolicyPage.tsx'), 'PolicyPage');
const MyPoliciesPage = lazyRouteComponent(() => import('./governance/MyPoliciesPage.tsx'), 'MyPoliciesPage');
const RisksPage = lazyRouteComponent(() => import('./governance/RisksPage.tsx'), 'RisksPage');
const SecurityGoalsPage = lazyRouteComponent(() => import('./governance/GoalsPage.tsx'), 'GoalsPage');

/** The pages of the information security program, under the signed-in frame (`parent`). */
export function createInfosecRoutes<P extends AnyRoute>(parent: P) {
  const { page, programEntry } = moduleRoutes(parent);

  const programRoute = programEntry('infosec', infosecNavigation);
  return [
    programRoute,
    page('/infosec/report', guarded('infosec.report', SecurityReportPage)),
    page('/infosec/incidents', SecurityIncidentsPage),
    page('/infosec/incidents/$incidentId', SecurityIncidentPage),
    page('/infosec/clock-rules', guarded('infosec.read', ClockRulesPage)),
    page('/infosec/systems', guarded('infosec.read', SystemsPage)),
    page('/infosec/engagements', guarded('infosec.read', EngagementsPage)),
    page('/infosec/engagements/$engagementId', guarded('infosec.read', EngagementPage)),
    page('/infosec/findings', guarded('infosec.read', FindingsPage)),
    page('/infosec/advisories', guarded('infosec.read', AdvisoriesPage)),
    page('/infosec/advisories/$advisoryId', guarded('infosec.read', AdvisoryPage)),
    page('/infosec/advisory-indicators', guarded('infosec.read', AdvisoryIndicatorsPage)),
    page('/infosec/csf', guarded('infosec.read', CsfOverviewPage)),
    page('/infosec/csf/campaigns', guarded('infosec.read', CsfCampaignsPage)),
    page('/infosec/csf/campaigns/$campaignId', guarded('infosec.read', CsfCampaignPage)),
    // Open to every signed-in user: an outside assessor holds no role, and the server answers 404 to others.
    page('/infosec/csf/assessments/$assessmentId', CsfAssessmentPage),
    page('/infosec/csf/mine', CsfMinePage),
    page('/infosec/drills', guarded('infosec.read', DrillsPage)),
    page('/infosec/drills/$drillId', guarded('infosec.read', DrillPage)),
    page('/infosec/phishing', guarded('infosec.read', PhishingPage)),
    page('/infosec/phishing/$campaignId', guarded('infosec.read', PhishingCampaignPage)),
    page('/infosec/suppliers', guarded('infosec.read', SuppliersPage)),
    page('/infosec/suppliers/$supplierId', guarded('infosec.read', SupplierPage)),
    page('/infosec/supplier-assessments', guarded('infosec.read', SupplierAssessmentsPage)),
    page('/infosec/supplier-templates', guarded('infosec.read', SupplierTemplatesPage)),
    // Open to every signed-in user: a supplier's person holds no role, and the server answers 404 to others.
    page('/infosec/supplier-assessments/mine', SupplierMinePage),
    page('/infosec/supplier-assessments/$assessmentId', SupplierAssessmentPage),
    page('/infosec/board', guarded('infosec.read', BoardPage)),
    page('/infosec/insurance', guarded('infosec.read', InsurancePage)),
    page('/infosec/memberships', guarded('infosec.read', MembershipsPage)),
    page('/infosec/risks', guarded('infosec.read', RisksPage)),
    page('/infosec/goals', guarded('infosec.read', SecurityGoalsPage)),
    page('/infosec/policies', guarded('infosec.read', PoliciesPage)),
    page('/infosec/policies/$policyId', guarded('infosec.read', PolicyPage)),
    // Open to every signed-in user: the server lists only the campaigns that ask the reader.
    page('/infosec/policies/mine', MyPoliciesPage),
  ] as const;
}
