import { type AnyRoute, createRoute, type RouteComponent } from '@tanstack/react-router';
import { ActionPage } from '../actions/ActionPage.tsx';
import { ActionsPage, validateActionsSearch } from '../actions/ActionsPage.tsx';
import { CertificationPage } from '../certifications/CertificationPage.tsx';
import { CertificationsPage, validateCertificationsSearch } from '../certifications/CertificationsPage.tsx';
import { InboxPage } from '../inbox/InboxPage.tsx';
import { CommitteePage } from '../meetings/CommitteePage.tsx';
import { CommitteesPage, validateCommitteesSearch } from '../meetings/CommitteesPage.tsx';
import { MeetingPage } from '../meetings/MeetingPage.tsx';
import { validateObligationsSearch } from '../obligations/ObligationsView.tsx';
import { MyObligationsPage, ObligationPage, SiteCalendarPage } from '../obligations/pages.tsx';
import { ReportsPage } from '../reports/ReportsPage.tsx';
import { guarded } from '../shell/guarded.tsx';
import { CoursePage } from '../training/CoursePage.tsx';
import { ImportCompletionsPage } from '../training/ImportCompletionsPage.tsx';
import { MyTrainingPage } from '../training/MyTrainingPage.tsx';
import { TrainingPage, validateTrainingSearch } from '../training/TrainingPage.tsx';

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
