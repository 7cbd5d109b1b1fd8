import { type SensorView, sensorPage } from '#shared/modules/smart/contract.ts';
import { everyItem, type PageAt } from '#shared/platform/http/list.ts';

type SensorPage = ReturnType<typeof sensorPage.parse>;

import type { SimulatedSensor } from './signals.ts';

/** A GET of the Steward API with the gateway's token: its status and JSON body. */
export type ApiGet = (path: string) => Promise<{ status: number; body: unknown }>;

/** One page of the sensor list (the API's `GET /api/smart/sensors`, or the service behind it). */
export type SensorLister = (query: PageAt) => Promise<SensorPage>;

const PAGE_SIZE = 500;

/** The sensor list through the API, as the token's user may read it. */
export function apiSensorLister(get: ApiGet): SensorLister {
  return async ({ page, pageSize, cursor }) => {
    const at = cursor ? `cursor=${encodeURIComponent(cursor)}` : `page=${page}`;
    const res = await get(`/api/smart/sensors?inService=true&pageSize=${pageSize}&${at}&sort=tag`);
    if (res.status !== 200)
      throw new Error(
        `The sensor list was refused (${res.status}): ${JSON.stringify(res.body).slice(0, 300)}; the token must belong to a user who may read the site's sensors.`,
      );
    return sensorPage.parse(res.body);
  };
}

/**
 * The in-service sensors of a site (and of some of its areas, by name) that the gateway's user may read: the
 * simulator publishes readings for these.
 */
export async function siteSensors(
  list: SensorLister,
  siteCode: string,
  areas: readonly string[] = [],
): Promise<SimulatedSensor[]> {
  const views = (await everyItem(list, PAGE_SIZE)).filter((s) => s.inService);
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
