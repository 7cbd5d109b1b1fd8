import { dayNumber, isoDate } from './clock.ts';
import { emailLocalPart, type PersonName, personName } from './names.ts';
import { type Culture, SITES, SUBSIDIARIES, writesChinese } from './organisation.ts';
import type { Random } from './random.ts';
import type { EmployeeRow } from './rows.ts';
import { DEMO_USERS } from './users.ts';
import { DEPARTMENT_ZH, departmentsFor, inSiteLanguage, isSenior, JOB_TITLE_ZH } from './workforce.ts';

const YEAR = 365.25;
const MIGRANT_CULTURES: ReadonlySet<Culture> = new Set(['ph', 'vn', 'id']);

/**
 * The employees, site by site, numbered in the order of hiring as an HR system hands the numbers out; the
 * people behind the demo sign-ins are among them (`demoEmployeeIds`, by the sign-in's email).
 */
export function generateEmployees(root: Random, scale: number, today: number, siteId: Map<string, string>) {
  const employees: EmployeeRow[] = [];
  const emailTaken = new Set<string>();
  // Where the search for a free `local<n>@domain` resumes: every smaller n is taken already, and taken
  // addresses stay taken, so the result is the same as counting from 2 (which is quadratic at scale 10).
  const nextSuffix = new Map<string, number>();
  const uniqueEmail = (local: string, domain: string) => {
    let candidate = `${local}@${domain}`;
    const key = candidate;
    let n = nextSuffix.get(key) ?? 2;
    if (emailTaken.has(candidate)) {
      for (candidate = `${local}${n}@${domain}`; emailTaken.has(candidate); n++)
        candidate = `${local}${n + 1}@${domain}`;
      nextSuffix.set(key, n);
    }
    emailTaken.add(candidate);
    return candidate;
  };
  const demoEmployeeIds = new Map<string, string>();
  for (const site of SITES) {
    const rng = root.fork(`employees:${site.code}`);
    const domain = (SUBSIDIARIES.find((s) => s.code === site.subsidiary) as (typeof SUBSIDIARIES)[number])
      .emailDomain;
    const opened = dayNumber(`${site.opened}-01-01`);
    const departments = departmentsFor(site.kind);
    const zh = writesChinese(site.country);
    const drafts: (Omit<EmployeeRow, 'employee_no'> & { order: number })[] = [];
    const count = Math.max(4, Math.round(site.employees * scale));
    for (let i = 0; i < count; i++) {
      const culture = rng.weighted(site.cultures);
      const name = personName(rng, culture);
      let department = rng.weighted(departments.map((d) => [d, d.weight] as const));
      let [title, , emailShare] = rng.weighted(department.titles.map((t) => [t, t[1]] as const));
      // Migrant workers of the Taiwanese factories work on the lines, on contracts of at most 12 years.
      const migrant = MIGRANT_CULTURES.has(culture) && site.country === 'TW';
      if (migrant) {
        department = departments[0];
        [title, , emailShare] = rng.weighted(department.titles.slice(0, 2).map((t) => [t, t[1]] as const));
      }
      const hire = migrant
        ? today - Math.min(Math.round(rng.exponential(3 * YEAR)), Math.round(12 * YEAR) - rng.int(0, 400))
        : hireDay(rng, today, opened, isSenior(title));
      const leave = leaveDay(rng, today, hire);
      drafts.push({
        id: rng.uuid(),
        site_id: siteId.get(site.code) as string,
        full_name: name.fullName,
        email: rng.chance(emailShare) ? uniqueEmail(emailLocalPart(name), domain) : null,
        department: inSiteLanguage(department.name, zh, DEPARTMENT_ZH),
        job_title: inSiteLanguage(title, zh, JOB_TITLE_ZH),
        hire_date: isoDate(hire),
        leave_date: leave === null ? null : isoDate(leave),
        order: i,
      });
    }
    for (const u of DEMO_USERS) {
      if (u.person.kind !== 'employee' || u.person.site !== site.code) continue;
      const name: PersonName = {
        fullName: u.person.fullName,
        given: u.displayName.replace(/^Dr\. /, '').split(' ')[0],
        family: u.displayName.split(' ').slice(-1)[0],
      };
      const id = rng.uuid();
      demoEmployeeIds.set(u.email, id);
      drafts.push({
        id,
        site_id: siteId.get(site.code) as string,
        full_name: name.fullName,
        email: uniqueEmail(emailLocalPart(name), domain),
        department: inSiteLanguage(u.person.department ?? 'Production', zh, DEPARTMENT_ZH),
        job_title: u.person.jobTitle ? inSiteLanguage(u.person.jobTitle, zh, JOB_TITLE_ZH) : null,
        hire_date: isoDate(Math.max(opened, today - Math.round(rng.int(6, 14) * YEAR))),
        leave_date: null,
        order: drafts.length,
      });
    }
    // Employee numbers follow the order of hiring, as an HR system hands them out.
    drafts.sort((a, b) =>
      a.hire_date < b.hire_date ? -1 : a.hire_date > b.hire_date ? 1 : a.order - b.order,
    );
    drafts.forEach(({ order: _order, ...e }, i) => {
      employees.push({ ...e, employee_no: `${site.code}-${String(i + 1).padStart(6, '0')}` });
    });
  }
  return { employees, demoEmployeeIds };
}

/**
 * Length of service: mostly recent hires (factories turn over), with a long tail to 30 years; senior staff
 * have served longer. Nobody joined before the site opened; a few join in the coming weeks.
 */
function hireDay(rng: Random, today: number, opened: number, senior: boolean): number {
  if (rng.chance(0.003)) return today + rng.int(1, 21);
  const earliest = Math.max(opened, today - Math.round(30 * YEAR));
  let tenure = Math.round(rng.exponential(senior ? 9 * YEAR : 5 * YEAR));
  if (senior) tenure += Math.round(2 * YEAR);
  let hire = today - tenure;
  if (hire < earliest) hire = rng.int(earliest, today - 30);
  return hire;
}

/** About 8% have left, most within the last two years; a few leave within the next month. */
function leaveDay(rng: Random, today: number, hire: number): number | null {
  if (hire > today - 60) return null;
  const r = rng.next();
  if (r < 0.005) return today + rng.int(1, 30);
  if (r >= 0.085) return null;
  const leave = today - Math.round(rng.exponential(420)) - 1;
  return Math.max(hire + 30, leave);
}
