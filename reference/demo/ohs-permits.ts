import { checklists, needsGasTest, requiredQualification } from '#shared/modules/ohs/rules/permits.ts';
import { zonedInstant } from './clock.ts';
import { type Context, iso, type Person, type SiteInfo, siteById, worksOn } from './ohs-context.ts';
import { PERMIT_TRADES, PERMITS, type PermitPlan, routinePermitPlans } from './ohs-permit-plans.ts';
import { contractorQualifications, qualifyWorkforce } from './ohs-qualifications.ts';
import type { OhsPermitRow, PermitHistoryEntry } from './ohs-rows.ts';
import { writesChinese } from './organisation.ts';

// Permits to work with qualified contractors' workers: the planned ones and a year of routine ones, each
// through the steps of its type, numbered per site and year as the service numbers them.

export function generatePermits(ctx: Context) {
  const rng = ctx.root.fork('permits');
  const permits: OhsPermitRow[] = [];
  const { qualifications, qualify } = contractorQualifications(ctx, rng);
  const demoWorkerId =
    ctx.data.users.find((u) => u.email === 'contractor@steward.demo')?.contractor_worker_id ?? null;
  let activeArea: string | null = null;

  const plans = [...PERMITS].sort((a, b) => Number(!!a.overlapsActive) - Number(!!b.overlapsActive));
  const build = (plan: PermitPlan) => {
    const zh = writesChinese((ctx.siteByCode.get(plan.site) as SiteInfo).row.country);
    const s = ctx.siteByCode.get(plan.site) as SiteInfo;
    const startDay = ctx.today + plan.start;
    const endDay = startDay + plan.days - 1;
    // The crew: workers of one company at the site, engaged for the whole permit.
    let crew: Person[];
    if (plan.demoCrew && demoWorkerId) {
      const demo = s.workers.find((w) => w.id === demoWorkerId);
      if (!demo) return;
      crew = [
        demo,
        ...s.workers
          .filter(
            (w) => w !== demo && w.companyId === demo.companyId && worksOn(w, startDay) && worksOn(w, endDay),
          )
          .slice(0, 2),
      ];
    } else {
      const available = s.workers.filter((w) => worksOn(w, startDay) && worksOn(w, endDay));
      if (available.length === 0) return;
      // A company whose workers have the trade of the work, where the site has one.
      const skilled = available.filter((w) => PERMIT_TRADES[plan.type].includes(w.trade ?? ''));
      const company = rng.pick(skilled.length ? skilled : available).companyId;
      const unskilled = (w: Person) => Number(!PERMIT_TRADES[plan.type].includes(w.trade ?? ''));
      crew = available
        .filter((w) => w.companyId === company)
        .sort((a, b) => unskilled(a) - unskilled(b))
        .slice(0, rng.int(1, 3));
    }
    const companyId = crew[0].companyId as string;
    const floors = s.areas.filter((a) => a.kind === 'floor');
    const area: string | undefined = plan.areaId
      ? plan.areaId
      : plan.overlapsActive && activeArea
        ? activeArea
        : plan.area === 'floor'
          ? rng.pick(floors).id
          : plan.area === 'building'
            ? (
                s.areas.find((a) => a.kind === 'building' && a.code === 'K11') ??
                s.areas.find((a) => a.kind === 'building')
              )?.id
            : (s.areas.find((a) => a.code === plan.area) ?? rng.pick(floors)).id;
    if (!area) return;
    if (plan.status === 'active') activeArea = area;
    const tz = s.row.time_zone;
    const startsAt = zonedInstant(startDay, 8 * 60, tz);
    const endsAt = zonedInstant(endDay, 18 * 60, tz);
    const officer = s.officer ?? ctx.users.ohsOwner;
    const by = officer ? (ctx.users.names.get(officer) ?? null) : null;
    const gas = needsGasTest.has(plan.type);
    const history: PermitHistoryEntry[] = [];
    const step = (at: Date, transition: string, from: string, to: string, note?: string) =>
      history.push({ at: iso(at), by, transition, from, to, ...(note ? { note } : {}) });
    const minutes = (t: Date, m: number) => new Date(t.getTime() + m * 60_000);
    // A routine permit is requested a few days ahead (yesterday at the latest); decided the day after.
    const decidedDay = Math.min(startDay - 2, ctx.today - 1);
    const requestedAt = plan.areaId
      ? zonedInstant(Math.min(startDay - 3, ctx.today - 1), 10 * 60, tz)
      : plan.status === 'requested' || plan.status === 'rejected'
        ? zonedInstant(ctx.today - 1, 15 * 60, tz)
        : zonedInstant(startDay - 3, 10 * 60, tz);
    step(requestedAt, 'request', '', 'requested');
    let status: string = 'requested';
    let gasTest: OhsPermitRow['gas_test'] = null;
    let rejection: string | null = null;
    if (plan.status === 'rejected') {
      rejection = plan.areaId
        ? zh
          ? '施工人員資格證明不齊，請補齊證照後重新申請。'
          : "The crew's certificates are incomplete; request again with every certificate attached."
        : zh
          ? '當日預報強風豪雨，請改於天候良好之日重新申請，並先覆蓋採光罩。'
          : 'Strong wind and rain forecast for the day; request again for a calm day, with the skylights covered.';
      step(
        zonedInstant(plan.areaId ? decidedDay : ctx.today - 1, 17 * 60, tz),
        'reject',
        'requested',
        'rejected',
        rejection,
      );
      status = 'rejected';
    } else if (plan.status === 'cancelled') {
      const note = zh
        ? '業主變更施工排程，本次作業取消。'
        : 'The work was rescheduled by the owner; this permit is cancelled.';
      step(zonedInstant(decidedDay, 16 * 60, tz), 'cancel', 'requested', 'cancelled', note);
      status = 'cancelled';
    } else if (plan.status === 'approved') {
      step(zonedInstant(decidedDay, 14 * 60, tz), 'approve', 'requested', 'approved');
      status = 'approved';
    } else if (plan.status !== 'requested') {
      step(zonedInstant(startDay - 2, 14 * 60, tz), 'approve', 'requested', 'approved');
      step(minutes(startsAt, -40), 'verify_isolations', 'approved', 'isolations_verified');
      let before = 'isolations_verified';
      if (gas) {
        const testedAt = minutes(startsAt, -20);
        gasTest = {
          oxygenPercent: Math.round((20.6 + rng.next() * 0.4) * 10) / 10,
          lelPercent: rng.int(0, 3),
          toxicPpm: plan.type === 'confined_space' ? rng.int(0, 2) : null,
          testedAt: iso(testedAt),
          testedBy: by,
        };
        step(testedAt, 'record_gas_test', before, 'gas_test_passed');
        before = 'gas_test_passed';
      }
      step(minutes(startsAt, -5), 'issue', before, 'issued');
      step(startsAt, 'start', 'issued', 'active');
      status = 'active';
      if (plan.status === 'closed') {
        step(minutes(endsAt, -30), 'complete', 'active', 'completed');
        step(minutes(endsAt, 60), 'close', 'completed', 'closed');
        status = 'closed';
      }
    }
    const issued = status === 'active' || status === 'closed';
    for (const w of crew) {
      qualify(w, 'safety_induction', endDay, w.id === demoWorkerId);
      if (status !== 'rejected' && status !== 'cancelled')
        qualify(w, requiredQualification[plan.type], endDay);
    }
    permits.push({
      id: rng.uuid(),
      site_id: s.row.id,
      area_id: area,
      reference: '',
      type: plan.type,
      status,
      company_id: companyId,
      worker_ids: crew.map((w) => w.id),
      description: zh && plan.descriptionZh ? plan.descriptionZh : plan.description,
      starts_at: iso(startsAt),
      ends_at: iso(endsAt),
      checklist: issued ? Object.fromEntries(checklists[plan.type].map((c) => [c.key, true])) : {},
      gas_test: gasTest,
      requested_by: officer,
      approved_by: issued ? officer : null,
      issued_by: issued ? officer : null,
      history,
      rejection_reason: rejection,
      created_at: iso(requestedAt),
    });
  };
  for (const plan of plans) build(plan);
  for (const plan of routinePermitPlans(ctx, rng, activeArea)) build(plan);
  // References per site and year (of the start, in Taipei, as the service numbers them), in the order of start.
  const counters = new Map<string, number>();
  const bySite = (p: OhsPermitRow) => siteById(ctx, p.site_id).row.code;
  for (const p of [...permits].sort(
    (a, b) => bySite(a).localeCompare(bySite(b)) || a.starts_at.localeCompare(b.starts_at),
  )) {
    const year = new Date(Date.parse(p.starts_at) + 8 * 3_600_000).toISOString().slice(0, 4);
    const prefix = `PTW-${bySite(p)}-${year}-`;
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    p.reference = `${prefix}${String(n).padStart(4, '0')}`;
  }
  qualifyWorkforce(ctx, rng, qualify);
  return { permits, qualifications };
}
