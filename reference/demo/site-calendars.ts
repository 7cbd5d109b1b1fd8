import { type WorkCalendar, workCalendar } from '#shared/platform/workdays/rules.ts';
import { TW_2026, TW_2026_SOURCE } from '../site-calendars/tw-2026.ts';
import type { DemoDataset } from './generate.ts';
import { Random } from './random.ts';

/** Each country's days as published (reference/site-calendars); countries not listed are left unknown. */
const COUNTRIES: Record<string, { days: typeof TW_2026; source: string }> = {
  TW: { days: TW_2026, source: TW_2026_SOURCE },
};

/** A site's own days in the demo: Kaohsiung's year-end stocktake, a closure only that site keeps. */
const SITE_DAYS: { site: string; day: string; name: string }[] = [
  { site: 'ASE-KH', day: '2026-12-31', name: '年終盤點停工' },
];

/** The rows of `site_calendar_days`: Taiwan's 2026 calendar and the demo sites' own days. */
export function siteCalendarDays(data: DemoDataset) {
  const rng = new Random(`${data.seed}:site-calendars`);
  const rows: Record<string, unknown>[] = [];
  for (const [country, { days, source }] of Object.entries(COUNTRIES))
    for (const d of days)
      rows.push({ id: rng.uuid(), day: d.day, country, site_id: null, kind: d.kind, name: d.name, source });
  for (const s of SITE_DAYS) {
    const site = data.sites.find((x) => x.code === s.site);
    if (site)
      rows.push({
        id: rng.uuid(),
        day: s.day,
        country: null,
        site_id: site.id,
        kind: 'closure',
        name: s.name,
        source: null,
      });
  }
  return rows;
}

/** The working calendar of a demo site, as the platform will read it from the rows above. */
export function demoWorkCalendar(data: DemoDataset, siteId: string): WorkCalendar {
  const site = data.sites.find((s) => s.id === siteId);
  const country = COUNTRIES[site?.country ?? ''];
  return workCalendar([
    ...(country?.days ?? []).map((d) => ({ day: d.day, kind: d.kind, scope: 'country' as const })),
    ...SITE_DAYS.filter((s) => s.site === site?.code).map((s) => ({
      day: s.day,
      kind: 'closure' as const,
      scope: 'site' as const,
    })),
  ]);
}
