import { dec31, isoDate, jan1 } from './clock.ts';
import { personName } from './names.ts';
import { type Context, seedScreeningTargets, worksWithin, YEAR } from './ohs-context.ts';
import { MAX_COVERAGE, OHS_SEED } from './ohs-seed.ts';
import { writesChinese } from './organisation.ts';
import type { EmployeeRow } from './rows.ts';
import { DEPARTMENT_ZH, departmentsFor, inSiteLanguage, JOB_TITLE_ZH } from './workforce.ts';

// Former employees: enough people at work in the seed's year for its screening campaign.

export function generateFormerEmployees(ctx: Context): EmployeeRow[] {
  if (!ctx.seedYearDone) return [];
  const rng = ctx.root.fork('former-employees');
  const targets = seedScreeningTargets(ctx);
  const from = jan1(OHS_SEED.year);
  const to = dec31(OHS_SEED.year);
  // They left after the seed's year, before the last two years (whose leavers generate.ts has).
  const leaveFrom = to + 1;
  const leaveTo = Math.max(leaveFrom + 30, Math.min(ctx.today - 1, ctx.today - 540));
  const out: EmployeeRow[] = [];
  ctx.sites.forEach((s, i) => {
    const pool = s.employees.filter((p) => worksWithin(p, from, to)).length;
    const missing = Math.max(0, Math.ceil(targets[i] / MAX_COVERAGE) - pool);
    const numbered = ctx.data.employees.filter((e) => e.site_id === s.row.id).length;
    const departments = departmentsFor(s.demo.kind);
    const opened = jan1(s.demo.opened);
    for (let k = 0; k < missing; k++) {
      const name = personName(rng, rng.weighted(s.demo.cultures));
      const department = rng.weighted(departments.map((d) => [d, d.weight] as const));
      const [title] = rng.weighted(department.titles.map((t) => [t, t[1]] as const));
      const hire = Math.max(opened, from - 1 - Math.round(rng.exponential(4 * YEAR)));
      const leave = Math.min(ctx.today - 1, rng.int(leaveFrom, leaveTo));
      const row: EmployeeRow = {
        id: rng.uuid(),
        site_id: s.row.id,
        // After the site's current numbers, as the HR system numbered the records it took over.
        employee_no: `${s.row.code}-${String(numbered + k + 1).padStart(6, '0')}`,
        full_name: name.fullName,
        email: null,
        department: inSiteLanguage(department.name, writesChinese(s.row.country), DEPARTMENT_ZH),
        job_title: inSiteLanguage(title, writesChinese(s.row.country), JOB_TITLE_ZH),
        hire_date: isoDate(hire),
        leave_date: isoDate(Math.max(hire, leave)),
      };
      out.push(row);
      s.employees.push({
        id: row.id,
        type: 'employee',
        from: hire,
        until: Math.max(hire, leave),
        companyId: null,
        name: row.full_name,
      });
    }
  });
  return out;
}
