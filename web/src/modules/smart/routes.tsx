import { type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { moduleRoutes } from '../../platform/modules/route-kit.ts';
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
  const { page, programEntry } = moduleRoutes(parent);

  const programRoute = programEntry('smart', smartNavigation);
  return [
    programRoute,
    page('/smart/alarms', guarded('smart.read', AlarmsPage)),
    page('/smart/kpis', guarded('smart.read', KpisPage)),
    page('/smart/trends', guarded('smart.read', TrendsPage)),
    page('/smart/sensors', guarded('smart.read', SensorsPage)),
    page('/smart/sensors/$sensorId', guarded('smart.read', SensorPage)),
  ] as const;
}
