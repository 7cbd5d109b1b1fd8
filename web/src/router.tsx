import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  type RouteComponent,
  redirect,
} from '@tanstack/react-router';
import { webModules } from './modules/index.ts';
import { SignInPage } from './platform/auth/SignInPage.tsx';
import { sessionQuery, useCan } from './platform/auth/session.ts';
import { installWebModules, loadModuleTexts, type WebModule } from './platform/modules/manifest.ts';
import { createServiceRoutes } from './platform/services/routes.tsx';
import { ErrorPage } from './platform/shell/ErrorPage.tsx';
import { guarded } from './platform/shell/guarded.tsx';
import { NoAccessPage, NotFoundPage } from './platform/shell/NotFoundPage.tsx';

// Each page loads on demand, when the route is first visited (the router fetches it before rendering); the
// signed-in frame and the home page too, so that the sign-in page loads only what it shows.
const AppLayout = lazyRouteComponent(() => import('./platform/shell/AppLayout.tsx'), 'AppLayout');
const HomePage = lazyRouteComponent(() => import('./platform/home/HomePage.tsx'), 'HomePage');
const TokensPage = lazyRouteComponent(() => import('./platform/account/TokensPage.tsx'), 'TokensPage');
const AuditPage = lazyRouteComponent(() => import('./platform/audit/AuditPage.tsx'), 'AuditPage');
const OrgPage = lazyRouteComponent(() => import('./platform/org/OrgPage.tsx'), 'OrgPage');
const CalendarsPage = lazyRouteComponent(() => import('./platform/org/CalendarsPage.tsx'), 'CalendarsPage');
const SitePage = lazyRouteComponent(() => import('./platform/org/SitePage.tsx'), 'SitePage');
const ContractorsPage = lazyRouteComponent(
  () => import('./platform/people/ContractorsPage.tsx'),
  'ContractorsPage',
);
const EmployeePage = lazyRouteComponent(() => import('./platform/people/EmployeePage.tsx'), 'EmployeePage');
const EmployeesPage = lazyRouteComponent(
  () => import('./platform/people/EmployeesPage.tsx'),
  'EmployeesPage',
);
const ExternalsPage = lazyRouteComponent(
  () => import('./platform/people/ExternalsPage.tsx'),
  'ExternalsPage',
);
const ImportPage = lazyRouteComponent(() => import('./platform/people/ImportPage.tsx'), 'ImportPage');
const ProgramPage = lazyRouteComponent(() => import('./platform/programs/ProgramPage.tsx'), 'ProgramPage');
const UsersPage = lazyRouteComponent(() => import('./platform/users/UsersPage.tsx'), 'UsersPage');

type RouterContext = { queryClient: QueryClient };

/**
 * The route tree: the platform's pages and each module's, from its manifest. Built afresh for each router,
 * so that a router over another module list shares no route with it.
 */
function routeTree(modules: readonly WebModule[]) {
  const rootRoute = createRootRouteWithContext<RouterContext>()({
    component: Outlet,
    notFoundComponent: NotFoundPage,
    errorComponent: ErrorPage,
  });

  const signInRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/sign-in',
    validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
      typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
    beforeLoad: async ({ context }) => {
      const session = await context.queryClient.ensureQueryData(sessionQuery);
      if (session) throw redirect({ to: '/' });
    },
    component: SignInPage,
  });

  /** Everything behind sign-in: without a session, to the sign-in page and back here afterwards. */
  const appRoute = createRoute({
    getParentRoute: () => rootRoute,
    id: 'app',
    beforeLoad: async ({ context, location }) => {
      // The frame's code, the home page's and the modules' texts load while the session is asked for, not
      // after it (the router fetches a page's code only once this returns).
      const texts = loadModuleTexts();
      // Awaited below on the signed-in path (where a failed load fails the route); marked as handled here
      // for the redirect to sign-in, which leaves it unawaited.
      void texts.then(undefined, () => {});
      void AppLayout.preload?.();
      if (location.pathname === '/') void HomePage.preload?.();
      const session = await context.queryClient.ensureQueryData(sessionQuery);
      if (!session) {
        throw redirect({
          to: '/sign-in',
          search: location.href === '/' ? {} : { redirect: location.href },
        });
      }
      await texts;
      return { session };
    },
    component: AppLayout,
    notFoundComponent: NotFoundPage,
  });

  const page = <P extends string>(path: P, component: RouteComponent) =>
    createRoute({ getParentRoute: () => appRoute, path, component });

  const homeRoute = page('/', HomePage);
  const programRoute = page('/programs/$program', ProgramPage);
  const tokensRoute = page('/account/tokens', TokensPage);
  const orgRoute = page('/org', guarded('org.read', OrgPage));
  const siteRoute = page('/org/sites/$siteId', guarded('org.read', SitePage));
  const calendarsRoute = page('/org/calendars', guarded('org.read', CalendarsPage));
  const employeesRoute = createRoute({
    getParentRoute: () => appRoute,
    path: '/people/employees',
    validateSearch: (search: Record<string, unknown>): { siteId?: string } =>
      typeof search.siteId === 'string' ? { siteId: search.siteId } : {},
    component: guarded('people.read', EmployeesPage),
  });
  const importRoute = page('/people/employees/import', guarded('people.manage', ImportPage));
  const employeeRoute = page('/people/employees/$employeeId', guarded('people.read', EmployeePage));
  const contractorsRoute = createRoute({
    getParentRoute: () => appRoute,
    path: '/people/contractors',
    validateSearch: (search: Record<string, unknown>): { tab?: 'companies' } =>
      search.tab === 'companies' ? { tab: 'companies' } : {},
    component: guarded('contractors.read', ContractorsPage),
  });
  const externalsRoute = page('/people/externals', guarded('people.read', ExternalsPage));
  const usersRoute = page('/admin/users', guarded('users.read', UsersPage));
  const auditRoute = page('/admin/audit', guarded('audit.read', AuditPage));
  /** The pages of the platform services: obligations, inbox, certifications, training, actions, meetings, reports. */
  const serviceRoutes = createServiceRoutes(appRoute);
  /** Any other address, inside the signed-in frame. */
  const notFoundRoute = page('$', NotFoundPage);

  return rootRoute.addChildren([
    signInRoute,
    appRoute.addChildren([
      homeRoute,
      programRoute,
      tokensRoute,
      orgRoute,
      siteRoute,
      calendarsRoute,
      employeesRoute,
      importRoute,
      employeeRoute,
      contractorsRoute,
      externalsRoute,
      usersRoute,
      auditRoute,
      ...serviceRoutes,
      ...modules.flatMap((m) => m.createRoutes?.(appRoute) ?? []),
      notFoundRoute,
    ]),
  ]);
}

/** The app's router over the program modules of `modules` (default: web/src/modules/index.ts). */
export function createAppRouter(queryClient: QueryClient, modules: readonly WebModule[] = webModules) {
  installWebModules(modules);
  return createRouter({
    routeTree: routeTree(modules),
    context: { queryClient },
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
