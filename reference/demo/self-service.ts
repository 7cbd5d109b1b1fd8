import type { Db } from '../../server/db/types.ts';
import { addDays } from './clock.ts';

/**
 * What the demo's employee and contractor worker see on their own pages, besides the reports and
 * qualifications the OHS history already gives them: their history of the group's yearly courses (training.ts)
 * is set so that "My training" shows one course overdue, one due soon and one up to date.
 */

/** Days before the demo clock of each person's last completion: overdue, due within 60 days, up to date. */
const EMPLOYEE_COMPLETIONS: Record<string, number> = {
  'SAF-101': 365 + 40,
  'SEC-201': 330,
  'IP-301': 90,
};
const CONTRACTOR_COMPLETIONS: Record<string, number> = { 'SAF-150': 200 };
const CODES = [...Object.keys(EMPLOYEE_COMPLETIONS), ...Object.keys(CONTRACTOR_COMPLETIONS)];

const daysBefore = (clock: string, days: number) => addDays(clock.slice(0, 10), -days);

export async function loadSelfServiceDemo(trx: Db, clock: string) {
  const courses = new Map(
    (
      await trx
        .selectFrom('training_courses')
        .select(['id', 'code', 'hours'])
        .where('code', 'in', CODES)
        .where('site_id', 'is', null)
        .execute()
    ).map((c) => [c.code, c]),
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
      const course = courses.get(code);
      if (!course) return [];
      return [
        {
          course_id: course.id,
          person_type: isEmployee ? ('employee' as const) : ('contractor_worker' as const),
          person_id: personId,
          site_id: siteId,
          completed_on: daysBefore(clock, days),
          hours: String(course.hours),
          result: 'passed' as const,
        },
      ];
    });
  });
  // The person's own history of these courses is this one completion: it is their latest, as planned.
  for (const row of rows) {
    await trx
      .deleteFrom('training_completions')
      .where('course_id', '=', row.course_id)
      .where('person_id', '=', row.person_id)
      .execute();
    await trx.insertInto('training_completions').values(row).execute();
  }
}

/**
 * The demo employee's own work, so that every page of theirs shows what it is for: an action given to them
 * from the last risk review of their area, due in three weeks, with its obligation and the reminder they were
 * sent a week ago (the suspected phishing mail they reported is in the information security demo).
 */
export async function loadEmployeeWork(trx: Db, clock: string) {
  const me = await trx
    .selectFrom('users as u')
    .innerJoin('employees as e', 'e.id', 'u.employee_id')
    .innerJoin('sites as s', 's.id', 'e.site_id')
    .select(['u.id as user_id', 'e.site_id', 's.code as site_code', 's.country'])
    .where('u.email', '=', 'employee@steward.demo')
    .executeTakeFirst();
  if (!me) return;
  const zh = me.country === 'TW' || me.country === 'CN';
  const due = daysBefore(clock, -21);
  const title = zh ? '於黏晶機台旁加裝防夾護罩' : 'Fit a pinch guard beside the die bonder';
  const action = await trx
    .insertInto('actions')
    .values({
      site_id: me.site_id,
      program: 'ohs',
      kind: 'corrective',
      title,
      description: zh ? '上次區域風險評估之改善項目。' : 'From the last risk review of the area.',
      owner_id: me.user_id,
      due_date: due,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const obligation = await trx
    .insertInto('obligations')
    .values({
      kind: 'action.due',
      source_type: 'action',
      source_id: action.id,
      site_id: me.site_id,
      program: 'ohs',
      owner_id: me.user_id,
      title_key: 'platform.action.due',
      title_params: JSON.stringify({ title }),
      due_date: due,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sentOn = daysBefore(clock, 7);
  await trx
    .insertInto('notifications')
    .values({
      user_id: me.user_id,
      kind: 'reminder',
      title: `Reminder: [${me.site_code}] Action: ${title}`,
      body: `[${me.site_code}] Action: ${title} is due in 28 days (${due}).`,
      facts: JSON.stringify({
        siteCode: me.site_code,
        dueDate: due,
        daysLeft: 28,
        step: 'reminder',
        escalation: false,
      }),
      link: `/obligations/${obligation.id}`,
      obligation_id: obligation.id,
      site_id: me.site_id,
      created_at: new Date(`${sentOn}T01:00:00Z`),
    })
    .execute();
}
