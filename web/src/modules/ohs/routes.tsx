import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { moduleRoutes } from '../../platform/modules/route-kit.ts';
import { guarded } from '../../platform/shell/guarded.tsx';
import { ohsNavigation } from './nav.ts';

// Each page loads on demand, when the route is first visited (the router fetches it before rendering).
const DashboardPage = lazyRouteComponent(() => import('./dashboard/DashboardPage.tsx'), 'DashboardPage');
const HazardsPage = lazyRouteComponent(() => import('./hazards/HazardsPage.tsx'), 'HazardsPage');
const HealthPage = lazyRouteComponent(() => import('./health/HealthPage.tsx'), 'HealthPage');
const HoursPage = lazyRouteComponent(() => import('./hours/HoursPage.tsx'), 'HoursPage');
const IncidentPage = lazyRouteComponent(() => import('./incidents/IncidentPage.tsx'), 'IncidentPage');
const IncidentsPage = lazyRouteComponent(() => import('./incidents/IncidentsPage.tsx'), 'IncidentsPage');
const PermitPage = lazyRouteComponent(() => import('./permits/PermitPage.tsx'), 'PermitPage');
const PermitsPage = lazyRouteComponent(() => import('./permits/PermitsPage.tsx'), 'PermitsPage');
const QualificationsPage = lazyRouteComponent(
  () => import('./permits/QualificationsPage.tsx'),
  'QualificationsPage',
);
const QrCodesPage = lazyRouteComponent(() => import('./report/QrCodesPage.tsx'), 'QrCodesPage');
const ReportPage = lazyRouteComponent(() => import('./report/ReportPage.tsx'), 'ReportPage');
const MyQualificationsPage = lazyRouteComponent(
  () => import('./self/MyQualificationsPage.tsx'),
  'MyQualificationsPage',
);
const MyReportsPage = lazyRouteComponent(() => import('./self/MyReportsPage.tsx'), 'MyReportsPage');
const GoalsPage = lazyRouteComponent(() => import('./statistics/GoalsPage.tsx'), 'GoalsPage');
const StatisticsPage = lazyRouteComponent(() => import('./statistics/StatisticsPage.tsx'), 'StatisticsPage');

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** The pages of the OHS program, under the signed-in frame (`parent`). */
export function createOhsRoutes<P extends AnyRoute>(parent: P) {
  const { page, programEntry } = moduleRoutes(parent);

  const programRoute = programEntry('ohs', ohsNavigation);
  const dashboardRoute = page('/ohs', guarded('ohs.read', DashboardPage));
  const reportRoute = createRoute({
    getParentRoute: () => parent,
    path: '/ohs/report',
    validateSearch: (s: Record<string, unknown>): { site?: string; area?: string } => ({
      site: str(s.site),
      area: str(s.area),
    }),
    component: guarded('ohs.report', ReportPage),
  });
  const qrRoute = createRoute({
    getParentRoute: () => parent,
    path: '/ohs/qr-codes',
    validateSearch: (s: Record<string, unknown>): { site?: string } => ({ site: str(s.site) }),
    component: guarded('ohs.manage', QrCodesPage),
  });
  const incidentsRoute = createRoute({
    getParentRoute: () => parent,
    path: '/ohs/incidents',
    validateSearch: (s: Record<string, unknown>): { siteId?: string; kind?: string } => ({
      siteId: str(s.siteId),
      kind: str(s.kind),
    }),
    component: IncidentsPage,
  });
  const incidentRoute = createRoute({
    getParentRoute: () => parent,
    path: '/ohs/incidents/$incidentId',
    validateSearch: (s: Record<string, unknown>): { tab?: string } => ({ tab: str(s.tab) }),
    component: IncidentPage,
  });
  const hoursRoute = page('/ohs/hours', guarded('ohs.read', HoursPage));
  const statisticsRoute = page('/ohs/statistics', guarded('ohs.read', StatisticsPage));
  const hazardsRoute = page('/ohs/hazards', guarded('ohs.read', HazardsPage));
  const permitsRoute = page('/ohs/permits', guarded('ohs.read', PermitsPage));
  const permitRoute = page('/ohs/permits/$permitId', guarded('ohs.read', PermitPage));
  const qualificationsRoute = page('/ohs/qualifications', guarded('contractors.read', QualificationsPage));
  const healthRoute = createRoute({
    getParentRoute: () => parent,
    path: '/ohs/health',
    validateSearch: (s: Record<string, unknown>): { tab?: string } => ({ tab: str(s.tab) }),
    component: guarded('health.read', HealthPage),
  });
  const goalsRoute = page('/ohs/goals', guarded('ohs.read', GoalsPage));
  const myReportsRoute = page('/ohs/my-reports', MyReportsPage);
  const myQualificationsRoute = page('/ohs/my-qualifications', MyQualificationsPage);

  return [
    programRoute,
    dashboardRoute,
    reportRoute,
    qrRoute,
    incidentsRoute,
    incidentRoute,
    hoursRoute,
    statisticsRoute,
    hazardsRoute,
    permitsRoute,
    permitRoute,
    qualificationsRoute,
    healthRoute,
    goalsRoute,
    myReportsRoute,
    myQualificationsRoute,
  ] as const;
}
