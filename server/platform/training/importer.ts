import { sql } from 'kysely';
import { isCalendarDate } from '#shared/platform/http/list.ts';
import { parseHours, parseResult, type TrainingResult } from '#shared/platform/training/rules/completion.ts';
import type { Db } from '../../db/types.ts';
import { type Actor, type SiteScope, sitesWith } from '../access/actor.ts';
import { platformMessage } from '../i18n/platform-messages.ts';
import type { Importer } from '../imports/importer.ts';
import { peopleByNumber } from './repo.ts';

type Person = { id: string; siteId: string; type: 'employee' | 'contractor_worker' };
type Context = {
  /** The sites where the actor records training: people elsewhere read as unknown (never revealed). */
  scope: SiteScope;
  courses: Map<string, { id: string; hours: string }>;
  /** The people the current batch of records names, by number in upper case (see `resolve`). */
  people: Map<string, Person>;
  today: string;
  /** True once this run's staging table exists. */
  staged: boolean;
};
/** The run's staging table: temporary, so private to the import's transaction and dropped at its end. */
const STAGE = 'import_training_completions';
/** Rows moved per statement by `finish`: large enough to run at bulk speed, small enough to show progress. */
const FINISH_CHUNK = 100_000;

type Row = { courseId: string; person: Person; completedOn: string; hours: string; result: TrainingResult };

/** Training completions from a spreadsheet: person number, course code, date, hours, result. */
export const trainingCompletionsImporter: Importer<Row, Context> = {
  kind: 'training_completions',
  name: platformMessage('platform.importKind.trainingCompletions'),
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
    const now = await sql<{ today: string }>`select to_char(current_date, 'YYYY-MM-DD') as today`.execute(db);
    return { scope, courses, people: new Map(), today: now.rows[0].today, staged: false };
  },

  /** The batch's people, looked up by number; an employee's number wins over a contractor worker's. */
  async resolve(db, records, context) {
    context.people.clear();
    const found = await peopleByNumber(
      db,
      records.map((r) => r.person_no),
      context.scope,
    );
    for (const p of found)
      if (p.type === 'employee' || !context.people.has(p.no))
        context.people.set(p.no, { id: p.id, siteId: p.site_id, type: p.type });
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
    const completedOn = record.completed_on;
    const dated = isCalendarDate(completedOn);
    if (!dated) errors.push({ column: 'completed_on', message: 'Use a real date as YYYY-MM-DD' });
    else if (completedOn > context.today)
      errors.push({ column: 'completed_on', message: 'The date is in the future' });
    const hours = record.hours === '' ? (course?.hours ?? '0') : parseHours(record.hours);
    if (hours === null)
      errors.push({ column: 'hours', message: 'Hours with at most two decimals, under 1000' });
    const result = parseResult(record.result);
    if (result === null) errors.push({ column: 'result', message: 'Use passed, failed or attended' });
    if (errors.length || !person || !course || !dated || hours === null || result === null) return { errors };
    return { row: { courseId: course.id, person, completedOn, hours, result } };
  },

  /**
   * Checked rows are staged in a temporary table (one statement per batch, columns as arrays unnested by the
   * database, no index to maintain); `finish` then moves them in a few large INSERT … SELECT statements,
   * the path PostgreSQL loads fastest, each sorted in the order of the table's unique index (neighbouring
   * keys land on the same index pages: a fifth faster on a million rows). Re-imported rows are skipped.
   */
  async insert(trx, rows, context, meta) {
    if (!context.staged) {
      await sql`create temporary table ${sql.table(STAGE)} (
        n bigint generated always as identity primary key, course_id uuid, person_type text, person_id uuid,
        site_id uuid, completed_on date, hours numeric(6, 2), result text, import_id uuid, created_by uuid
      ) on commit drop`.execute(trx);
      context.staged = true;
    }
    await sql`
      insert into ${sql.table(STAGE)} (course_id, person_type, person_id, site_id, completed_on, hours, result, import_id, created_by)
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
      )`.execute(trx);
    return 0;
  },

  async finish(trx, context, meta, progress) {
    if (!context.staged) return 0;
    const last = await sql<{ n: string | null }>`select max(n) as n from ${sql.table(STAGE)}`.execute(trx);
    const total = Number(last.rows[0]?.n ?? 0);
    let inserted = 0;
    // The training summary counts the import's rows once at the end rather than chunk by chunk (each
    // chunk's count would join the completions again: three times the commit's time for a million rows).
    await sql`set local steward.training_summary_deferred = on`.execute(trx);
    for (let from = 0; from < total; from += FINISH_CHUNK) {
      const result = await sql`
        insert into training_completions (course_id, person_type, person_id, site_id, completed_on, hours, result, import_id, created_by)
        select course_id, person_type, person_id, site_id, completed_on, hours, result, import_id, created_by
        from ${sql.table(STAGE)} where n > ${from} and n <= ${from + FINISH_CHUNK}
        order by course_id, person_id, completed_on
        on conflict (course_id, person_id, completed_on) do nothing`.execute(trx);
      inserted += Number(result.numAffectedRows ?? 0);
      progress(Math.min(1, (from + FINISH_CHUNK) / total));
    }
    await sql`set local steward.training_summary_deferred = off`.execute(trx);
    const rows = sql`(select * from training_completions where import_id = ${sql.lit(meta.importId)})`;
    await sql`select training_year_summary_add(${rows.compile(trx).sql})`.execute(trx);
    return inserted;
  },
};
