import { type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { moduleRoutes } from '../../platform/modules/route-kit.ts';
import { guarded } from '../../platform/shell/guarded.tsx';
import { academiaNavigation } from './nav.ts';

// Each page loads on demand, when the route is first visited (the router fetches it before rendering).
const InternsPage = lazyRouteComponent(() => import('./interns/InternsPage.tsx'), 'InternsPage');
const ScholarshipsPage = lazyRouteComponent(
  () => import('./scholarships/ScholarshipsPage.tsx'),
  'ScholarshipsPage',
);
const AgreementsPage = lazyRouteComponent(() => import('./partners/AgreementsPage.tsx'), 'AgreementsPage');
const PartnersPage = lazyRouteComponent(() => import('./partners/PartnersPage.tsx'), 'PartnersPage');
const ProjectPage = lazyRouteComponent(() => import('./projects/ProjectPage.tsx'), 'ProjectPage');
const ProjectsPage = lazyRouteComponent(() => import('./projects/ProjectsPage.tsx'), 'ProjectsPage');
const CoursesPage = lazyRouteComponent(() => import('./teaching/CoursesPage.tsx'), 'CoursesPage');
const MentorshipsPage = lazyRouteComponent(() => import('./teaching/MentorshipsPage.tsx'), 'MentorshipsPage');
const ProgramsPage = lazyRouteComponent(() => import('./programs/ProgramsPage.tsx'), 'ProgramsPage');
const ProgramPage = lazyRouteComponent(() => import('./programs/ProgramPage.tsx'), 'ProgramPage');
const MyInternshipsPage = lazyRouteComponent(
  () => import('./sign-in/MyInternshipsPage.tsx'),
  'MyInternshipsPage',
);
const MyProjectsPage = lazyRouteComponent(() => import('./sign-in/MyProjectsPage.tsx'), 'MyProjectsPage');
const PaymentsPage = lazyRouteComponent(() => import('./payments/PaymentsPage.tsx'), 'PaymentsPage');
const BoardPage = lazyRouteComponent(() => import('./board/BoardPage.tsx'), 'BoardPage');

/** The pages of the industry–academia program, under the signed-in frame (`parent`). */
export function createAcademiaRoutes<P extends AnyRoute>(parent: P) {
  const { page, programEntry } = moduleRoutes(parent);

  const programRoute = programEntry('academia', academiaNavigation);
  return [
    programRoute,
    page('/academia/projects', guarded('academia.read', ProjectsPage)),
    page('/academia/projects/$projectId', guarded('academia.read', ProjectPage)),
    page('/academia/partners', guarded('academia.read', PartnersPage)),
    page('/academia/agreements', guarded('academia.read', AgreementsPage)),
    page('/academia/interns', guarded('academia.read', InternsPage)),
    page('/academia/scholarships', guarded('academia.read', ScholarshipsPage)),
    page('/academia/payments', guarded('academia.read', PaymentsPage)),
    page('/academia/courses', guarded('academia.read', CoursesPage)),
    page('/academia/mentorships', guarded('academia.read', MentorshipsPage)),
    page('/academia/programs', guarded('academia.read', ProgramsPage)),
    page('/academia/programs/$programId', guarded('academia.read', ProgramPage)),
    page('/academia/board', guarded('academia.read', BoardPage)),
    // The own pages of students and investigators: no permission (the external role holds none); the server answers with their grants.
    page('/academia/my/internships', MyInternshipsPage),
    page('/academia/my/projects', MyProjectsPage),
  ];
}
