import {
  type AnyRoute,
  createRoute,
  lazyRouteComponent,
  type RouteComponent,
  redirect,
} from '@tanstack/react-router';
import { guarded } from '../../platform/shell/guarded.tsx';
import { smartNavigation } from './nav.ts';

// Each page loads on demand, when the route is first visited (the router fetches it before rendering).
const AlarmsPage = lazyRouteComponent(() => import('./alarms/AlarmsPage.tsx'), 'AlarmsPage');
const KpisPage = lazyRouteComponent(() => import('./kpis/KpisPage.tsx'), 'KpisPage');
const SensorPage = lazyRouteComponent(() => import('./sensors/SensorPage.tsx'), 'SensorPage');
const SensorsPage = lazyRouteComponent(() => import('./sensors/SensorsPage.tsx'), 'SensorsPage');
const TrendsPage = lazyRouteComponent(() => import('./trends/TrendsPage.tsx'), 'TrendsPage');

/** The pages of the monitoring program, under the signed-in frame (`parent`). */
export function createSmartRoutes<P extends AnyRoute>(parent: P) {
  const page = <Path extends string>(path: Path, component: RouteComponent) =>
    createRoute({ getParentRoute: () => parent, path, component });
  const programRoute = createRoute({
    getParentRoute: () => parent,
    path: '/programs/smart',
    beforeLoad: ({ context }) => {
      const session = (context as { session?: { permissions: string[] } }).session;
      const first = smartNavigation.find((i) => !i.permission || session?.permissions.includes(i.permission));
      throw redirect({ to: (first?.to ?? '/') as '/' });
    },
  });
  return [
    programRoute,
    page('/smart/alarms', guarded('smart.read', AlarmsPage)),
    page('/smart/kpis', guarded('smart.read', KpisPage)),
    page('/smart/trends', guarded('smart.read', TrendsPage)),
    page('/smart/sensors', guarded('smart.read', SensorsPage)),
    page('/smart/sensors/$sensorId', guarded('smart.read', SensorPage)),
  ] as const;
}
