import { reviewIntervalMonths, riskLevel } from '#shared/modules/ohs/rules/risk.ts';
import { ohsMessage } from '../../server/modules/ohs/messages.ts';
import { addMonths, dayNumber, isoDate, zonedInstant } from './clock.ts';
import { type Context, iso } from './ohs-context.ts';
import { ohsObligation } from './ohs-obligations.ts';
import type { OhsHazardRow } from './ohs-rows.ts';
import { HAZARDS } from './ohs-text.ts';
import { writesChinese } from './organisation.ts';

// Hazards with their risk assessment at the plants.

export function generateHazards(ctx: Context): OhsHazardRow[] {
  const rng = ctx.root.fork('hazards');
  const out: OhsHazardRow[] = [];
  // Every plant assesses the hazards of each of its areas: the zones' own, and those of the lines and floors.
  for (const s of ctx.sites.filter((x) => x.demo.kind !== 'office')) {
    const zh = writesChinese(s.row.country);
    for (const area of s.areas.filter((a) => a.kind !== 'building')) {
      const matching = HAZARDS.filter((t) =>
        area.kind === 'line'
          ? t.area === 'line'
          : area.kind === 'floor'
            ? t.area === 'floor'
            : t.area === area.code,
      );
      const picked = area.kind === 'line' ? matching.filter(() => rng.chance(0.6)) : matching;
      for (const t of picked.length ? picked : matching.slice(0, 1)) {
        const text = zh ? t.zh : t;
        const months = reviewIntervalMonths(riskLevel(t.residual[0], t.residual[1]));
        // Reviewed within the interval; the next review mostly a while away, a few in the coming weeks.
        const next =
          ctx.today + (rng.chance(0.03) ? rng.int(8, 28) : rng.int(35, Math.max(40, months * 30 - 20)));
        const last = dayNumber(addMonths(isoDate(next), -months));
        const owner = s.officer ?? ctx.users.ohsOwner;
        const hazard: OhsHazardRow = {
          id: rng.uuid(),
          site_id: s.row.id,
          area_id: area.id,
          activity: text.activity,
          hazard: text.hazard,
          consequence: text.consequence,
          likelihood: t.likelihood,
          severity: t.severity,
          controls: t.controls.map(([type, description, inPlace], i) => ({
            type,
            description: zh ? t.zh.controls[i] : description,
            inPlace,
          })),
          residual_likelihood: t.residual[0],
          residual_severity: t.residual[1],
          owner_id: owner,
          next_review: isoDate(next),
          last_reviewed_on: isoDate(Math.min(last, ctx.today - 1)),
        };
        out.push(hazard);
        ctx.obligations.push(
          ohsObligation(rng, {
            kind: 'ohs.hazard_review',
            source_type: 'ohs_hazard',
            source_id: hazard.id,
            site_id: s.row.id,
            owner_id: owner,
            title: ohsMessage('ohs.obligation.hazardReview', {
              hazard: text.hazard,
              activity: text.activity,
            }),
            due_date: hazard.next_review,
            due_at: null,
            state: 'open',
            done_at: null,
            created_at: iso(zonedInstant(Math.min(last, ctx.today - 1), 11 * 60, s.row.time_zone)),
          }),
        );
      }
    }
  }
  return out;
}
