import { type AnyRoute, createRoute, type RouteComponent, redirect } from '@tanstack/react-router';
import { guarded } from '../../platform/shell/guarded.tsx';
import { CsfAssessmentPage } from './csf/AssessmentPage.tsx';
import { CsfCampaignPage } from './csf/CampaignPage.tsx';
import { CsfCampaignsPage } from './csf/CampaignsPage.tsx';
import { CsfMinePage } from './csf/MinePage.tsx';
import { CsfOverviewPage } from './csf/OverviewPage.tsx';
import { SecurityIncidentPage } from './incidents/IncidentPage.tsx';
import { SecurityIncidentsPage } from './incidents/IncidentsPage.tsx';
import { SecurityReportPage } from './incidents/ReportPage.tsx';
import { infosecNavigation } from './nav.ts';
import { SystemsPage } from './systems/SystemsPage.tsx';

/** The pages of the information security program, under the signed-in frame (`parent`). */
export function createInfosecRoutes<P extends AnyRoute>(parent: P) {
  const page = <Path extends string>(path: Path, component: RouteComponent) =>
    createRoute({ getParentRoute: () => parent, path, component });
  const programRoute = createRoute({
    getParentRoute: () => parent,
    path: '/programs/infosec',
    beforeLoad: ({ context }) => {
      const session = (context as { session?: { permissions: string[] } }).session;
      const first = infosecNavigation.find(
        (i) => !i.permission || session?.permissions.includes(i.permission),
      );
      throw redirect({ to: (first?.to ?? '/') as '/' });
    },
  });
  return [
    programRoute,
    page('/infosec/report', guarded('infosec.report', SecurityReportPage)),
    page('/infosec/incidents', SecurityIncidentsPage),
    page('/infosec/incidents/$incidentId', SecurityIncidentPage),
    page('/infosec/systems', guarded('infosec.read', SystemsPage)),
    page('/infosec/csf', guarded('infosec.read', CsfOverviewPage)),
    page('/infosec/csf/campaigns', guarded('infosec.read', CsfCampaignsPage)),
    page('/infosec/csf/campaigns/$campaignId', guarded('infosec.read', CsfCampaignPage)),
    // Open to every signed-in user: an outside assessor holds no role, and the server answers 404 to others.
    page('/infosec/csf/assessments/$assessmentId', CsfAssessmentPage),
    page('/infosec/csf/mine', CsfMinePage),
  ] as const;
}
