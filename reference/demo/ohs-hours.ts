import { addMonths, dayNumber, isoDate } from './clock.ts';
import { type Context, headcount } from './ohs-context.ts';
import type { OhsHoursRow } from './ohs-rows.ts';

// Hours worked per site and month: the headcount of the month × about 2,050 hours a year.

const LUNAR_NEW_YEAR_COUNTRIES = new Set(['TW', 'CN', 'SG', 'MY', 'KR']);

export function generateHours(ctx: Context): OhsHoursRow[] {
  const rng = ctx.root.fork('hours');
  const out: OhsHoursRow[] = [];
  const lastMonth = addMonths(`${isoDate(ctx.today).slice(0, 7)}-01`, -1);
  for (const s of ctx.sites) {
    const yearly = s.demo.kind === 'office' ? 1_980 : 2_060;
    const firstMonth = `${Math.max(ctx.firstYear, s.demo.opened)}-01-01`;
    for (let month = firstMonth; month <= lastMonth; month = addMonths(month, 1)) {
      const m = Number(month.slice(5, 7));
      const start = dayNumber(month);
      const days = dayNumber(addMonths(month, 1)) - start;
      let factor = days / 30.4375;
      if (m === 2 && LUNAR_NEW_YEAR_COUNTRIES.has(s.demo.country)) factor *= 0.9;
      if (m === 10 && s.demo.country === 'CN') factor *= 0.93;
      const heads = headcount(s, start + 14, ctx.today);
      const employeeHours = heads * (yearly / 12) * factor * (0.97 + rng.next() * 0.06);
      const nonEmployeeHours = heads * s.contractorShare * 190 * factor * (0.85 + rng.next() * 0.3);
      out.push({
        id: rng.uuid(),
        site_id: s.row.id,
        month,
        employee_hours: Math.round(employeeHours * 2) / 2,
        non_employee_hours: Math.round(nonEmployeeHours * 2) / 2,
      });
    }
  }
  return out;
}
