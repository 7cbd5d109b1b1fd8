import { type AnyRoute, createRoute, lazyRouteComponent, type RouteComponent } from '@tanstack/react-router';
import { validateActionsSearch } from '../actions/search.ts';
import { validateCertificationsSearch } from '../certifications/search.ts';
import { validateCommitteesSearch } from '../meetings/search.ts';
import { validateObligationsSearch } from '../obligations/search.ts';
import { guarded } from '../shell/guarded.tsx';
import { validateTrainingSearch } from '../training/search.ts';

// Each page loads on demand, when the route is first visited (the router fetches it before rendering).
const ActionPage = lazyRouteComponent(() => import('../actions/ActionPage.tsx'), 'ActionPage');
const ActionsPage = lazyRouteComponent(() => import('../actions/ActionsPage.tsx'), 'ActionsPage');
const CertificationPage = lazyRouteComponent(
  () => import('../certifications/CertificationPage.tsx'),
  'CertificationPage',
);
const CertificationsPage = lazyRouteComponent(
  () => import('../certifications/CertificationsPage.tsx'),
  'CertificationsPage',
);
const InboxPage = lazyRouteComponent(() => import('../inbox/InboxPage.tsx'), 'InboxPage');
const CommitteePage = lazyRouteComponent(() => import('../meetings/CommitteePage.tsx'), 'CommitteePage');
const CommitteesPage = lazyRouteComponent(() => import('../meetings/CommitteesPage.tsx'), 'CommitteesPage');
const MeetingPage = lazyRouteComponent(() => import('../meetings/MeetingPage.tsx'), 'MeetingPage');
const MyObligationsPage = lazyRouteComponent(() => import('../obligations/pages.tsx'), 'MyObligationsPage');
const ObligationPage = lazyRouteComponent(() => import('../obligations/pages.tsx'), 'ObligationPage');
const SiteCalendarPage = lazyRouteComponent(() => import('../obligations/pages.tsx'), 'SiteCalendarPage');
const ReportsPage = lazyRouteComponent(() => import('../reports/ReportsPage.tsx'), 'ReportsPage');
const CoursePage = lazyRouteComponent(() => import('../training/CoursePage.tsx'), 'CoursePage');
const ImportCompletionsPage = lazyRouteComponent(
  () => import('../training/ImportCompletionsPage.tsx'),
  'ImportCompletionsPage',
);
const MyTrainingPage = lazyRouteComponent(() => import('../training/MyTrainingPage.tsx'), 'MyTrainingPage');
const TrainingPage = lazyRouteComponent(() => import('../training/TrainingPage.tsx'), 'TrainingPage');

/** The pages of the platform services (obligations, inbox, certifications, training, actions…), under `parent`. */
export function createServiceRoutes<P extends AnyRoute>(parent: P) {
  const page = <Path extends string>(path: Path, component: RouteComponent) =>
    createRoute({ getParentRoute: () => parent, path, component });

  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/obligations',
      validateSearch: validateObligationsSearch,
      component: MyObligationsPage,
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/obligations/calendar',
      validateSearch: validateObligationsSearch,
      component: guarded('obligations.read', SiteCalendarPage),
    }),
    page('/obligations/$obligationId', ObligationPage),
    page('/inbox', InboxPage),
    createRoute({
      getParentRoute: () => parent,
      path: '/actions',
      validateSearch: validateActionsSearch,
      component: ActionsPage,
    }),
    page('/actions/$actionId', ActionPage),
    createRoute({
      getParentRoute: () => parent,
      path: '/committees',
      validateSearch: validateCommitteesSearch,
      component: CommitteesPage,
    }),
    page('/committees/$committeeId', CommitteePage),
    page('/meetings/$meetingId', MeetingPage),
    page('/reports', ReportsPage),
    createRoute({
      getParentRoute: () => parent,
      path: '/certifications',
      validateSearch: validateCertificationsSearch,
      component: guarded('certifications.read', CertificationsPage),
    }),
    page('/certifications/$certificationId', guarded('certifications.read', CertificationPage)),
    createRoute({
      getParentRoute: () => parent,
      path: '/training',
      validateSearch: validateTrainingSearch,
      component: guarded('training.read', TrainingPage),
    }),
    page('/training/courses/$courseId', guarded('training.read', CoursePage)),
    page('/training/import', guarded('training.manage', ImportCompletionsPage)),
    page('/training/mine', MyTrainingPage),
  ];
}
