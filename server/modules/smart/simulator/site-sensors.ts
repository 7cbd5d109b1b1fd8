import { type SensorView, sensorPage } from '#shared/modules/smart/contract.ts';
import type { SimulatedSensor } from './signals.ts';

/** A GET of the Steward API with the gateway's token: its status and JSON body. */
export type ApiGet = (path: string) => Promise<{ status: number; body: unknown }>;

const PAGE_SIZE = 500;

/**
 * The in-service sensors of a site (and of some of its areas, by name) that the gateway's token may read,
 * through the API's sensor list: the simulator publishes readings for these.
 */
export async function siteSensors(
  get: ApiGet,
  siteCode: string,
  areas: readonly string[] = [],
): Promise<SimulatedSensor[]> {
  const views: SensorView[] = [];
  for (let page = 1; ; page++) {
    const res = await get(`/api/smart/sensors?inService=true&pageSize=${PAGE_SIZE}&page=${page}&sort=tag`);
    if (res.status !== 200)
      throw new Error(
        `The sensor list was refused (${res.status}): ${JSON.stringify(res.body).slice(0, 300)}; the token must belong to a user who may read the site's sensors.`,
      );
    const body = sensorPage.parse(res.body);
    views.push(...body.items);
    if (page * body.pageSize >= body.total || !body.items.length) break;
  }
  const wantedAreas = new Set(areas.map((a) => a.trim().toLowerCase()));
  const atSite = views.filter((s) => s.siteCode.toLowerCase() === siteCode.toLowerCase());
  const chosen = wantedAreas.size
    ? atSite.filter((s) => s.areaName !== null && wantedAreas.has(s.areaName.toLowerCase()))
    : atSite;
  if (!chosen.length)
    throw new Error(
      `No sensor in service at ${siteCode}${areas.length ? ` in ${areas.join(', ')}` : ''} that the token may read.`,
    );
  return chosen.map(simulatedSensorOf);
}

/** A sensor as the API lists it, as the simulator needs it. */
export function simulatedSensorOf(view: SensorView): SimulatedSensor {
  return {
    id: view.id,
    tag: view.tag,
    kind: view.kind,
    unit: view.unit,
    areaName: view.areaName,
    limitLL: view.limitLL,
    limitL: view.limitL,
    limitH: view.limitH,
    limitHH: view.limitHH,
    deadband: view.deadband,
    onDelaySeconds: view.onDelaySeconds,
    ratePerMinute: view.ratePerMinute,
  };
}
