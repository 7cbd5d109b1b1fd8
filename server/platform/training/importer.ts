import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import { type Actor, scopeHas, sitesWith } from '../access/actor.ts';
import type { Importer } from '../imports/importer.ts';
import { isoDate } from '../http/list.ts';
import { parseHours, parseResult, type TrainingResult } from './rules/completion.ts';

type Person = { id: string; siteId: string; type: 'employee' | 'contractor_worker' };
type Context = {
  courses: Map<string, { id: string; hours: string }>;
  people: Map<string, Person>;
  siteCodes: Map<string, string>;
  today: string;
};
type Row = { courseId: string; person: Person; completedOn: string; hours: string; result: TrainingResult };

/** Training completions from a spreadsheet: person number, course code, date, hours, result. */
export const trainingCompletionsImporter: Importer<Row, Context> = {
  kind: 'training_completions',
  title: 'Training completions',
  permission: 'training.manage',
  columns: [
    {
      key: 'person_no',
      label: 'Employee or worker number',
      required: true,
      aliases: ['employee_no', 'worker_no', 'employee number', '工號', '員工編號'],
    },
    { key: 'course_code', label: 'Course code', required: true, aliases: ['course', '課程代碼', '課程編號'] },
    {
      key: 'completed_on',
      label: 'Completed on',
      required: true,
      aliases: ['date', 'completion date', '完成日期', '日期'],
    },
    { key: 'hours', label: 'Hours', required: false, aliases: ['時數'] },
    { key: 'result', label: 'Result', required: false, aliases: ['結果'] },
  ],

  async prepare(db: Db, actor: Actor) {
    const scope = sitesWith(actor, 'training.manage');
    const courses = new Map(
      (await db.selectFrom('training_courses').select(['id', 'code', 'hours']).execute()).map((c) => [
        c.code.toUpperCase(),
        { id: c.id, hours: String(c.hours) },
      ]),
    );
    const people = new Map<string, Person>();
    // Only people the actor may record training for: others read as unknown (their existence is not revealed).
    const inScope = (siteId: string) => scopeHas(scope, siteId);
    for (const e of await db.selectFrom('employees').select(['id', 'employee_no', 'site_id']).execute()) {
      if (inScope(e.site_id))
        people.set(e.employee_no.toUpperCase(), { id: e.id, siteId: e.site_id, type: 'employee' });
    }
    for (const w of await db
      .selectFrom('contractor_workers')
      .select(['id', 'worker_no', 'site_id'])
      .execute()) {
      if (inScope(w.site_id) && !people.has(w.worker_no.toUpperCase()))
        people.set(w.worker_no.toUpperCase(), { id: w.id, siteId: w.site_id, type: 'contractor_worker' });
    }
    const siteCodes = new Map(
      (await db.selectFrom('sites').select(['id', 'code']).execute()).map((s) => [s.id, s.code]),
    );
    const now = await sql<{ today: string }>`select to_char(current_date, 'YYYY-MM-DD') as today`.execute(db);
    return { courses, people, siteCodes, today: now.rows[0].today };
  },

  check(record, context) {
    const errors: { column: string; message: string }[] = [];
    const person = context.people.get(record.person_no.toUpperCase());
    if (!record.person_no) errors.push({ column: 'person_no', message: 'Required' });
    else if (!person)
      errors.push({
        column: 'person_no',
        message: `No employee or contractor worker ${record.person_no} at a site where you record training`,
      });
    const course = context.courses.get(record.course_code.toUpperCase());
    if (!record.course_code) errors.push({ column: 'course_code', message: 'Required' });
    else if (!course) errors.push({ column: 'course_code', message: `Unknown course ${record.course_code}` });
    const date = isoDate.safeParse(record.completed_on);
    if (!date.success) errors.push({ column: 'completed_on', message: 'Use a real date as YYYY-MM-DD' });
    else if (date.data > context.today)
      errors.push({ column: 'completed_on', message: 'The date is in the future' });
    const hours = record.hours === '' ? (course?.hours ?? '0') : parseHours(record.hours);
    if (hours === null)
      errors.push({ column: 'hours', message: 'Hours with at most two decimals, under 1000' });
    const result = parseResult(record.result);
    if (result === null) errors.push({ column: 'result', message: 'Use passed, failed or attended' });
    if (errors.length || !person || !course || !date.success || hours === null || result === null)
      return { errors };
    return { row: { courseId: course.id, person, completedOn: date.data, hours, result } };
  },

  /** One statement per batch: columns as arrays, unnested by the database. Re-imported rows are skipped. */
  async insert(trx, rows, _context, meta) {
    const result = await sql<{ n: number }>`
      with added as (
        insert into training_completions (course_id, person_type, person_id, site_id, completed_on, hours, result, import_id, created_by)
        select * from unnest(
          ${rows.map((r) => r.courseId)}::uuid[],
          ${rows.map((r) => r.person.type)}::text[],
          ${rows.map((r) => r.person.id)}::uuid[],
          ${rows.map((r) => r.person.siteId)}::uuid[],
          ${rows.map((r) => r.completedOn)}::date[],
          ${rows.map((r) => r.hours)}::numeric[],
          ${rows.map((r) => r.result)}::text[],
          ${rows.map(() => meta.importId)}::uuid[],
          ${rows.map(() => meta.actorId)}::uuid[]
        )
        on conflict (course_id, person_id, completed_on) do nothing
        returning 1
      )
      select count(*)::int as n from added`.execute(trx);
    return Number(result.rows[0]?.n ?? 0);
  },
};
