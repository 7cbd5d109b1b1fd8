import { type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { moduleRoutes } from '../../platform/modules/route-kit.ts';
import { guarded } from '../../platform/shell/guarded.tsx';
import { ipNavigation } from './nav.ts';

// Each page loads on demand, when the route is first visited (the router fetches it before rendering).
const FamilyPage = lazyRouteComponent(() => import('./portfolio/FamilyPage.tsx'), 'FamilyPage');
const MatterPage = lazyRouteComponent(() => import('./portfolio/MatterPage.tsx'), 'MatterPage');
const PortfolioPage = lazyRouteComponent(() => import('./portfolio/PortfolioPage.tsx'), 'PortfolioPage');
const SecretsPage = lazyRouteComponent(() => import('./secrets/SecretsPage.tsx'), 'SecretsPage');
const ExitInterviewsPage = lazyRouteComponent(
  () => import('./exit-interviews/ExitInterviewsPage.tsx'),
  'ExitInterviewsPage',
);
const DisclosuresPage = lazyRouteComponent(
  () => import('./inventions/DisclosuresPage.tsx'),
  'DisclosuresPage',
);
const MyDisclosuresPage = lazyRouteComponent(
  () => import('./inventions/DisclosuresPage.tsx'),
  'MyDisclosuresPage',
);
const DisclosurePage = lazyRouteComponent(() => import('./inventions/DisclosurePage.tsx'), 'DisclosurePage');
const LicencesPage = lazyRouteComponent(() => import('./licences/LicencesPage.tsx'), 'LicencesPage');
const LicencePage = lazyRouteComponent(() => import('./licences/LicencePage.tsx'), 'LicencePage');
const FtoPage = lazyRouteComponent(() => import('./licences/FtoPage.tsx'), 'FtoPage');
const RiskCasesPage = lazyRouteComponent(() => import('./risk/RiskCasesPage.tsx'), 'RiskCasesPage');
const RiskCasePage = lazyRouteComponent(() => import('./risk/RiskCasePage.tsx'), 'RiskCasePage');
const KeepDropPage = lazyRouteComponent(() => import('./keep-drop/KeepDropPage.tsx'), 'KeepDropPage');
const ReviewCampaignsPage = lazyRouteComponent(
  () => import('./reviews/ReviewCampaignsPage.tsx'),
  'ReviewCampaignsPage',
);
const ReviewCampaignPage = lazyRouteComponent(
  () => import('./reviews/ReviewCampaignPage.tsx'),
  'ReviewCampaignPage',
);
const FeeForecastPage = lazyRouteComponent(() => import('./forecast/FeeForecastPage.tsx'), 'FeeForecastPage');
const IpBoardPage = lazyRouteComponent(() => import('./board/IpBoardPage.tsx'), 'IpBoardPage');
const TrademarksPage = lazyRouteComponent(() => import('./trademarks/TrademarksPage.tsx'), 'TrademarksPage');
const ImportMattersPage = lazyRouteComponent(
  () => import('./import/ImportMattersPage.tsx'),
  'ImportMattersPage',
);

/** The pages of the IP program, under the signed-in frame (`parent`). */
export function createIpRoutes<P extends AnyRoute>(parent: P) {
  const { page, programEntry } = moduleRoutes(parent);

  const programRoute = programEntry('ip', ipNavigation);
  return [
    programRoute,
    page('/ip', guarded('ip.read', PortfolioPage)),
    page('/ip/families/$familyId', guarded('ip.read', FamilyPage)),
    page('/ip/matters/$matterId', guarded('ip.read', MatterPage)),
    page('/ip/import', guarded('ip.manage', ImportMattersPage)),
    page('/ip/trademarks', guarded('ip.read', TrademarksPage)),
    page('/ip/trade-secrets', guarded('ip.read', SecretsPage)),
    page('/ip/exit-interviews', guarded('ip.exit_interviews.manage', ExitInterviewsPage)),
    page('/ip/disclosures', guarded('ip.read', DisclosuresPage)),
    page('/ip/my-disclosures', guarded('ip.disclose', MyDisclosuresPage)),
    // Its submitter and inventors see a disclosure as the IP office does: the server decides (404 otherwise).
    page('/ip/disclosures/$disclosureId', DisclosurePage),
    page('/ip/licences', guarded('ip.read', LicencesPage)),
    page('/ip/licences/$licenceId', guarded('ip.read', LicencePage)),
    page('/ip/fto', guarded('ip.read', FtoPage)),
    page('/ip/risk-cases', guarded('ip.read', RiskCasesPage)),
    page('/ip/risk-cases/$caseId', guarded('ip.read', RiskCasePage)),
    page('/ip/keep-or-drop', guarded('ip.read', KeepDropPage)),
    page('/ip/reviews', guarded('ip.read', ReviewCampaignsPage)),
    page('/ip/reviews/$campaignId', guarded('ip.read', ReviewCampaignPage)),
    page('/ip/fee-forecast', guarded('ip.read', FeeForecastPage)),
    page('/ip/board', guarded('ip.read', IpBoardPage)),
  ] as const;
}
