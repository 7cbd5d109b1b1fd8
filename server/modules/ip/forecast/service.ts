import type { z } from 'zod';
import type {
  ForecastFee,
  ForecastView,
  forecastFeeQuery,
  forecastQuery,
} from '#shared/modules/ip/forecast/contract.ts';
import { groupFees } from '#shared/modules/ip/forecast/rules.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import type { Db } from '../../../db/types.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import { convertMinor, MissingRateError, type Rate } from '../../../platform/rates/money.ts';
import type { RatesService } from '../../../platform/rates/service.ts';
import type { CalendarsService } from '../calendars.ts';
import type { MattersService } from '../matters.ts';
import * as ipRepo from '../repo.ts';
import { addDays, addYears } from '../rules/dates.ts';
import { deadlineFee } from '../rules/fees.ts';

const PROGRAM = 'ip' as const;
/** The forecast runs on the group's day: the IP office keeps the group's calendar in Taipei. */
const GROUP_TIME_ZONE = 'Asia/Taipei';
const YEARS = 5;

type Filters = z.infer<typeof forecastQuery>;

/** The amount converted at the rates of `on`, or null when a dated rate is missing (never 0 or 1). */
function converted(amountMinor: number, from: string, to: string, on: string, rates: readonly Rate[]) {
  try {
    return convertMinor(amountMinor, from, to, on, rates);
  } catch (e) {
    if (e instanceof MissingRateError) return null;
    throw e;
  }
}

/**
 * The five-year cost forecast: for every live matter in the reader's scope, each annuity, renewal or
 * maintenance fee the deadline rules put in the next five years, priced from the office's fee schedule in
 * force on its due date (US fees at the matter's entity size) and converted to NT$ and US$ at the latest dated rate on
 * or before today. A fee that cannot be priced or converted is shown as missing, and the sums say how many.
 */
export function createForecastService(deps: {
  db: Db;
  org: Pick<OrgService, 'sitesWithSubsidiary'>;
  rates: Pick<RatesService, 'all' | 'on'>;
  matters: Pick<MattersService, 'schedule'>;
  calendars: Pick<CalendarsService, 'load'>;
  now: () => Date;
}) {
  const { db, now } = deps;

  async function fees(actor: Actor, q: Filters): Promise<{ from: string; to: string; fees: ForecastFee[] }> {
    const scope = access.listScope(actor, 'ip.read', PROGRAM);
    const base = ipRepo.liveMatterRows(db, scope, q);
    const [rows, calendars, rates] = await Promise.all([
      base.execute(),
      deps.calendars.load(),
      deps.rates.all(),
    ]);
    const siteRows = await deps.org.sitesWithSubsidiary([...new Set(rows.map((r) => r.site_id))]);
    const sites = new Map(siteRows.map((s) => [s.id, s]));
    const from = localDate(now(), GROUP_TIME_ZONE);
    const to = addDays(addYears(from, YEARS), -1);
    const out: ForecastFee[] = [];
    for (const r of rows) {
      const site = sites.get(r.site_id);
      if (q.subsidiaryId && site?.subsidiaryId !== q.subsidiaryId) continue;
      for (const d of deps.matters.schedule(r, calendars).deadlines) {
        if (d.kind !== 'annuity' || d.atGrant || d.dueDate < from || d.dueDate > to || d.year === null)
          continue;
        const price = deadlineFee(
          { ...d, year: d.year },
          { kind: r.kind, entity: r.entity_size, claims: r.claims },
        );
        const priced = price.state === 'priced' ? price : null;
        const twd = priced && converted(priced.amountMinor, priced.currency, 'TWD', from, rates);
        const usd = priced && converted(priced.amountMinor, priced.currency, 'USD', from, rates);
        out.push({
          matterId: r.id,
          siteId: r.site_id,
          siteCode: site?.code ?? '',
          subsidiaryId: site?.subsidiaryId ?? null,
          subsidiaryName: site?.subsidiaryName ?? null,
          familyReference: r.family_reference,
          technology: r.technology,
          office: r.office,
          paidTo: d.payee === 'unitary' ? 'UP' : d.state,
          kind: r.kind,
          applicationNo: r.application_no,
          patentNo: r.patent_no,
          year: d.year,
          entitySize: d.office === 'US' ? r.entity_size : null,
          dueDate: d.dueDate,
          currency: priced?.currency ?? null,
          amountMinor: priced?.amountMinor ?? null,
          scheduleFrom: priced?.scheduleFrom ?? null,
          twdMinor: twd ?? null,
          usdMinor: usd ?? null,
          missing: price.state === 'missing' ? price.reason : twd === null || usd === null ? 'rate' : null,
        });
      }
    }
    out.sort(
      (a, b) =>
        a.dueDate.localeCompare(b.dueDate) ||
        a.matterId.localeCompare(b.matterId) ||
        (a.paidTo ?? '').localeCompare(b.paidTo ?? ''),
    );
    return { from, to, fees: out };
  }

  return {
    /** The forecast by year, office, technology and subsidiary, with the rates it converted at. */
    async forecast(actor: Actor, q: Filters): Promise<ForecastView> {
      const { from, to, fees: list } = await fees(actor, q);
      // US dollars need no rate: the rates listed are those of the other currencies, NT$ among them.
      const currencies = [
        ...new Set(['TWD', ...list.flatMap((f) => (f.currency && f.currency !== 'USD' ? [f.currency] : []))]),
      ];
      const rates = await Promise.all(currencies.sort().map((c) => deps.rates.on(c, from)));
      return {
        from,
        to,
        rates: rates.map((r) =>
          r.state === 'found'
            ? { currency: r.currency, state: r.state, validFrom: r.validFrom, perUsd: r.perUsd }
            : { currency: r.currency, state: r.state, validFrom: null, perUsd: null },
        ),
        groups: groupFees(list),
      };
    },

    /** Each fee of the forecast, a page at a time (and the CSV/XLSX export). */
    async fees(actor: Actor, q: z.infer<typeof forecastFeeQuery>) {
      const { fees: list } = await fees(actor, q);
      let items = list;
      if (q.sort === 'office')
        items = [...items].sort(
          (a, b) => a.office.localeCompare(b.office) || a.dueDate.localeCompare(b.dueDate),
        );
      if (q.order === 'desc') items = [...items].reverse();
      const start = (q.page - 1) * q.pageSize;
      return {
        items: items.slice(start, start + q.pageSize),
        total: items.length,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  };
}

export type ForecastService = ReturnType<typeof createForecastService>;
