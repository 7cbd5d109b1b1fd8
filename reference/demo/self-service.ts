import type { Db } from '../../server/db/types.ts';

/**
 * What the demo's employee and contractor worker see on their own pages, besides the reports and
 * qualifications the OHS history already gives them: courses that concern them and their completions, so
 * that "My training" shows one course overdue, one due soon and one up to date. Courses the rest of the demo
 * already defines under the same code are kept as they are (insert … on conflict do nothing), and a person's
 * completion already there is not repeated.
 */
const COURSES = [
  {
    // Taiwan's OSH Education and Training Rules, art. 17: three hours every three years for employees.
    code: 'OSH-REFRESH',
    title: 'Occupational safety and health refresher',
    title_zh: '在職勞工安全衛生教育訓練',
    domain: 'safety' as const,
    audience: 'all_employees' as const,
    recurrence_months: 36,
    hours: '3',
  },
  {
    code: 'ISMS-AWARE',
    title: 'Information security awareness',
    title_zh: '資訊安全認知',
    domain: 'cybersecurity' as const,
    audience: 'all_employees' as const,
    recurrence_months: 12,
    hours: '1',
  },
  {
    code: 'IP-BASICS',
    title: 'Protecting trade secrets and intellectual property',
    title_zh: '營業秘密與智慧財產保護',
    domain: 'ip' as const,
    audience: 'all_employees' as const,
    recurrence_months: 12,
    hours: '1',
  },
  {
    code: 'CTR-INDUCTION',
    title: 'Contractor site safety induction',
    title_zh: '承攬人員入廠安全衛生教育',
    domain: 'safety' as const,
    audience: 'contractors' as const,
    recurrence_months: 12,
    hours: '3',
  },
];

/** Days before the demo clock of each completion: overdue, due within 60 days, and up to date. */
const EMPLOYEE_COMPLETIONS: Record<string, number> = {
  'OSH-REFRESH': 3 * 365 + 40,
  'ISMS-AWARE': 330,
  'IP-BASICS': 90,
};
const CONTRACTOR_COMPLETIONS: Record<string, number> = { 'CTR-INDUCTION': 200 };

function daysBefore(clock: string, days: number): string {
  const d = new Date(`${clock.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export async function loadSelfServiceDemo(trx: Db, clock: string) {
  await trx
    .insertInto('training_courses')
    .values(COURSES.map((c) => ({ ...c, site_id: null })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const courses = new Map(
    (
      await trx
        .selectFrom('training_courses')
        .select(['id', 'code'])
        .where(
          'code',
          'in',
          COURSES.map((c) => c.code),
        )
        .execute()
    ).map((c) => [c.code, c.id]),
  );
  const people = await trx
    .selectFrom('users as u')
    .leftJoin('employees as e', 'e.id', 'u.employee_id')
    .leftJoin('contractor_workers as w', 'w.id', 'u.contractor_worker_id')
    .select([
      'u.email',
      'e.id as employee_id',
      'e.site_id as employee_site',
      'w.id as worker_id',
      'w.site_id as worker_site',
    ])
    .where('u.email', 'in', ['employee@steward.demo', 'contractor@steward.demo'])
    .execute();
  const rows = people.flatMap((p) => {
    const isEmployee = p.email === 'employee@steward.demo';
    const personId = isEmployee ? p.employee_id : p.worker_id;
    const siteId = isEmployee ? p.employee_site : p.worker_site;
    if (!personId) return [];
    const plan = isEmployee ? EMPLOYEE_COMPLETIONS : CONTRACTOR_COMPLETIONS;
    return Object.entries(plan).flatMap(([code, days]) => {
      const courseId = courses.get(code);
      if (!courseId) return [];
      return [
        {
          course_id: courseId,
          person_type: isEmployee ? ('employee' as const) : ('contractor_worker' as const),
          person_id: personId,
          site_id: siteId,
          completed_on: daysBefore(clock, days),
          hours: COURSES.find((c) => c.code === code)?.hours ?? '1',
          result: 'passed' as const,
        },
      ];
    });
  });
  for (const row of rows) {
    const already = await trx
      .selectFrom('training_completions')
      .select('id')
      .where('course_id', '=', row.course_id)
      .where('person_id', '=', row.person_id)
      .executeTakeFirst();
    if (!already) await trx.insertInto('training_completions').values(row).execute();
  }
}
