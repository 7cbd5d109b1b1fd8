import { type PermitType, requiredQualification } from '#shared/modules/ohs/rules/permits.ts';
import { ohsMessage, qualificationKindName } from '../../server/modules/ohs/messages.ts';
import { addYears, dayNumber, isoDate, yearOf, zonedInstant } from './clock.ts';
import { type Context, iso, type Person, type SiteInfo, worksOn } from './ohs-context.ts';
import { ohsObligation } from './ohs-obligations.ts';
import { PERMIT_TRADES } from './ohs-permit-plans.ts';
import type { ContractorQualificationRow } from './ohs-rows.ts';
import type { Random } from './random.ts';

/** Gives a worker a qualification (once per kind), valid past `until`, or expiring soon. */
export type Qualify = (w: Person, kind: string, until: number, expiring?: boolean) => void;

/**
 * The qualifications of contractors' workers, each with the obligation to renew it before it expires:
 * `qualify` adds one, drawing from `rng`, unless the worker holds that kind already.
 */
export function contractorQualifications(ctx: Context, rng: Random) {
  const qualifications: ContractorQualificationRow[] = [];
  const qualified = new Set<string>();
  const siteOfWorker = new Map(ctx.sites.flatMap((x) => x.workers.map((w) => [w, x] as const)));
  const qualify: Qualify = (w, kind, until, expiring = false) => {
    const key = `${w.id}|${kind}`;
    if (qualified.has(key)) return;
    qualified.add(key);
    const s = siteOfWorker.get(w) as SiteInfo;
    // Three-year qualifications taken some time ago, valid well past the permit (one expiring soon).
    const validUntil = expiring ? ctx.today + 45 : Math.max(until + 60, ctx.today + rng.int(200, 900));
    const issued = dayNumber(addYears(isoDate(validUntil), -3)) + 1;
    const row: ContractorQualificationRow = {
      id: rng.uuid(),
      worker_id: w.id,
      site_id: s.row.id,
      kind,
      certificate_no: `${s.demo.country}-${kind.slice(0, 3).toUpperCase()}-${yearOf(issued)}-${rng.digits(5)}`,
      issued_on: isoDate(issued),
      valid_until: isoDate(validUntil),
    };
    qualifications.push(row);
    ctx.obligations.push(
      ohsObligation(rng, {
        kind: 'ohs.qualification_expiry',
        source_type: 'contractor_qualification',
        source_id: row.id,
        site_id: s.row.id,
        owner_id: null,
        title: ohsMessage('ohs.obligation.qualificationExpiry', {
          worker: w.name,
          kind: qualificationKindName(kind),
        }),
        due_date: row.valid_until,
        due_at: null,
        state: 'open',
        done_at: null,
        created_at: iso(zonedInstant(Math.min(issued, ctx.today - 1), 10 * 60, s.row.time_zone)),
      }),
    );
  };
  return { qualifications, qualify };
}

/**
 * The contractors' workforce on site now or soon holds its safety induction and its trade's qualification
 * (a few of them expiring within two months: renewals to chase).
 */
export function qualifyWorkforce(ctx: Context, rng: Random, qualify: Qualify) {
  const kindOfTrade = new Map<string, string>();
  for (const type of Object.keys(PERMIT_TRADES) as PermitType[])
    for (const trade of PERMIT_TRADES[type])
      if (!kindOfTrade.has(trade)) kindOfTrade.set(trade, requiredQualification[type]);
  for (const s of ctx.sites)
    for (const w of s.workers) {
      if (!(worksOn(w, ctx.today) || (w.from > ctx.today && w.from <= ctx.today + 30))) continue;
      qualify(w, 'safety_induction', ctx.today, rng.chance(0.02));
      const kind = kindOfTrade.get(w.trade ?? '');
      if (kind) qualify(w, kind, ctx.today, rng.chance(0.02));
    }
}
