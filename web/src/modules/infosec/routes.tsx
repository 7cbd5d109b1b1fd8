import { type AnyRoute, createRoute, type RouteComponent, redirect } from '@tanstack/react-router';
import { guarded } from '../../platform/shell/guarded.tsx';
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
  ] as const;
}
