import { sql } from 'kysely';
import type { z } from 'zod';
import { likePattern } from '#shared/platform/http/list.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import type {
  completionInput,
  completionListQuery,
  courseInput,
  courseListQuery,
  coursePatch,
  trainingDomains,
} from '#shared/platform/training/contract.ts';
import { percentDone } from '#shared/platform/training/rules/completion.ts';
import { listPage, paginate } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import type { Actor, SiteScope } from '../access/actor.ts';
import { access } from '../access/service.ts';
import { inScope } from '../access/sql.ts';
import { recordAudit } from '../audit/service.ts';
import { NotFoundError, ValidationError } from '../http/errors.ts';
import type { DataVersionsService } from '../versions/service.ts';
import { createTrainingDueService } from './due.ts';
import { campaignBySite } from './repo.ts';

function courseRows(db: Db) {
  return db
    .selectFrom('training_courses')
    .leftJoin('sites', 'sites.id', 'training_courses.site_id')
    .selectAll('training_courses')
    .select('sites.code as site_code');
}
type CourseRow = Awaited<ReturnType<ReturnType<typeof courseRows>['execute']>>[number];

const toCourseView = (c: CourseRow) => ({
  id: c.id,
  code: c.code,
  title: c.title,
  titleZh: c.title_zh,
  domain: c.domain,
  audience: c.audience,
  recurrenceMonths: c.recurrence_months,
  hours: String(c.hours),
  siteId: c.site_id,
  siteCode: c.site_code,
  active: c.active,
  version: c.version,
});

/** Where the training summary files completions without a site (never a site in a scope). */
const NO_SITE = '00000000-0000-0000-0000-000000000000';
const hoursText = (v: unknown) => (v === null || v === undefined ? '0.00' : String(v));

/** The version of completions, courses, employees and sites (migration 0076). */
const CAMPAIGN_VERSION = 'training.campaign';

/** Courses (group-wide or of a site), completions, yearly figures per domain, and campaign progress per site. */
export function createTrainingService(
  db: Db,
  versions: Pick<DataVersionsService, 'read'>,
  now: () => Date = () => new Date(),
) {
  async function courseOrNotFound(id: string) {
    const c = await courseRows(db).where('training_courses.id', '=', id).executeTakeFirst();
    if (!c) throw new NotFoundError('course');
    return c;
  }

  /**
   * The campaign progress as a key and the computation it names: the key holds everything the answer
   * depends on (the course as read now, the reader's sites, today and the version of completions, courses,
   * employees and sites, migration 0076), so an answer kept under it is the answer `compute` would give.
   */
  async function campaignAnswer(actor: Actor, courseId: string) {
    const [course, version] = await Promise.all([
      courseOrNotFound(courseId),
      versions.read(CAMPAIGN_VERSION),
    ]);
    access.assert(actor, { permission: 'training.read', siteId: course.site_id, what: 'course' });
    const scope = access.listScope(actor, 'training.read');
    const today = localDate(now(), GROUP_TIME_ZONE);
    const key = { course, version, today, scope: scope === 'all' ? 'all' : [...scope].sort() };
    return { key, compute: () => campaignOf(course, scope, today) };
  }

  return {
    ...createTrainingDueService(db, now),
    async listCourses(actor: Actor, q: z.infer<typeof courseListQuery>) {
      const scope = access.listScope(actor, 'training.read');
      let base = courseRows(db).where((eb) =>
        eb.or([eb('training_courses.site_id', 'is', null), inScope(eb, 'training_courses.site_id', scope)]),
      );
      if (q.domain) base = base.where('training_courses.domain', '=', q.domain);
      if (q.active) base = base.where('training_courses.active', '=', q.active === 'true');
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) =>
          eb.or([
            eb('training_courses.code', 'ilike', p),
            eb('training_courses.title', 'ilike', p),
            eb('training_courses.title_zh', 'ilike', p),
          ]),
        );
      }
      const sortColumn = {
        code: 'training_courses.code',
        title: 'training_courses.title',
        domain: 'training_courses.domain',
      }[q.sort];
      return listPage(db, base, q, {
        sortColumn,
        tieBreaker: 'training_courses.id',
        toView: toCourseView,
      });
    },

    async getCourse(actor: Actor, id: string) {
      const c = await courseOrNotFound(id);
      access.assert(actor, { permission: 'training.read', siteId: c.site_id, what: 'course' });
      return toCourseView(c);
    },

    async createCourse(actor: Actor, input: z.infer<typeof courseInput>) {
      // A group-wide course is for whoever manages training across the group; a site course for the site.
      access.assert(actor, { permission: 'training.manage', siteId: input.siteId ?? null, what: 'site' });
      if (!input.siteId && access.listScope(actor, 'training.manage') !== 'all') {
        throw new ValidationError(
          'Only group-wide training managers create group-wide courses: choose your site.',
          [{ path: 'siteId', message: 'Required for you' }],
        );
      }
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('training_courses')
          .values({
            code: input.code,
            title: input.title,
            title_zh: input.titleZh ?? null,
            domain: input.domain,
            audience: input.audience,
            recurrence_months: input.recurrenceMonths ?? null,
            hours: input.hours,
            site_id: input.siteId ?? null,
            active: input.active ?? true,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'course.created',
          entityType: 'training_course',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        return toCourseView(
          (await courseRows(trx).where('training_courses.id', '=', row.id).executeTakeFirst()) as CourseRow,
        );
      });
    },

    async updateCourse(actor: Actor, id: string, patch: z.infer<typeof coursePatch>) {
      const before = await courseOrNotFound(id);
      access.assert(actor, { permission: 'training.manage', siteId: before.site_id, what: 'course' });
      if (!before.site_id && access.listScope(actor, 'training.manage') !== 'all')
        access.assert(actor, { permission: 'org.manage', siteId: null });
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'training_courses',
          id,
          patch.version,
          definedOnly({
            code: patch.code,
            title: patch.title,
            title_zh: patch.titleZh,
            domain: patch.domain,
            audience: patch.audience,
            recurrence_months: patch.recurrenceMonths,
            hours: patch.hours,
            active: patch.active,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'course.updated',
          entityType: 'training_course',
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        return toCourseView(
          (await courseRows(trx).where('training_courses.id', '=', id).executeTakeFirst()) as CourseRow,
        );
      });
    },

    async listCompletions(actor: Actor, q: z.infer<typeof completionListQuery>) {
      const scope = access.listScope(actor, 'training.read');
      let base = db
        .selectFrom('training_completions as tc')
        .innerJoin('training_courses as c', 'c.id', 'tc.course_id')
        .leftJoin('employees as e', 'e.id', 'tc.person_id')
        .leftJoin('contractor_workers as w', 'w.id', 'tc.person_id')
        .leftJoin('sites as s', 's.id', 'tc.site_id')
        .select([
          'tc.id',
          'tc.course_id',
          'c.code as course_code',
          'tc.person_type',
          'tc.person_id',
          'tc.completed_on',
          'tc.hours',
          'tc.result',
          's.code as site_code',
        ])
        .select((eb) => [
          eb.fn.coalesce('e.full_name', 'w.full_name').as('person_name'),
          eb.fn.coalesce('e.employee_no', 'w.worker_no').as('person_no'),
        ])
        .where((eb) => inScope(eb, 'tc.site_id', scope));
      if (q.courseId) base = base.where('tc.course_id', '=', q.courseId);
      if (q.siteId) base = base.where('tc.site_id', '=', q.siteId);
      if (q.personId) base = base.where('tc.person_id', '=', q.personId);
      if (q.from) base = base.where('tc.completed_on', '>=', q.from);
      if (q.to) base = base.where('tc.completed_on', '<=', q.to);
      type Row = Awaited<ReturnType<typeof base.execute>>[number];
      const { items, ...paging } = await paginate<Row>(db, base, {
        sortColumn: 'tc.completed_on',
        order: q.order,
        tieBreaker: 'tc.id',
        page: q.page,
        cursor: q.cursor,
        count: q.count,
        pageSize: q.pageSize,
      });
      return {
        items: items.map((r) => ({
          id: Number(r.id),
          courseId: r.course_id,
          courseCode: r.course_code,
          personType: r.person_type,
          personId: r.person_id,
          personName: r.person_name,
          personNo: r.person_no,
          siteCode: r.site_code,
          completedOn: r.completed_on,
          hours: String(r.hours),
          result: r.result,
        })),
        ...paging,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async recordCompletion(actor: Actor, input: z.infer<typeof completionInput>) {
      const course = await courseOrNotFound(input.courseId);
      const person =
        input.personType === 'employee'
          ? await db
              .selectFrom('employees')
              .select(['id', 'site_id'])
              .where('id', '=', input.personId)
              .executeTakeFirst()
          : await db
              .selectFrom('contractor_workers')
              .select(['id', 'site_id'])
              .where('id', '=', input.personId)
              .executeTakeFirst();
      if (!person)
        throw new NotFoundError(input.personType === 'employee' ? 'employee' : 'contractor worker');
      access.assert(actor, { permission: 'training.manage', siteId: person.site_id, what: 'person' });
      const today = localDate(now(), GROUP_TIME_ZONE);
      if (input.completedOn > today)
        throw new ValidationError('The completion date is in the future.', [
          { path: 'completedOn', message: 'In the future' },
        ]);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('training_completions')
          .values({
            course_id: course.id,
            person_type: input.personType,
            person_id: person.id,
            site_id: person.site_id,
            completed_on: input.completedOn,
            hours: input.hours ?? String(course.hours),
            result: input.result,
            created_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'training.completed',
          entityType: 'training_completion',
          entityId: String(row.id),
          siteId: person.site_id,
          after: row,
        });
        return { id: Number(row.id) };
      });
    },

    /**
     * A year's figures per domain: individuals trained (each counted once), hours and completions. Read
     * from the summary the database keeps per year, site and domain (migration 0011); people trained at
     * two sites of the scope in the year (the movers) are counted once by taking back their extra sites.
     */
    async yearlyFigures(actor: Actor, year: number, siteId?: string) {
      const scope = access.listScope(actor, 'training.read');
      const [sums, repeats] = await Promise.all([
        db
          .selectFrom('training_year_sites as s')
          .where('s.year', '=', year)
          .where((eb) => inScope(eb, 's.site_key', scope))
          .$if(siteId !== undefined, (q) => q.where('s.site_key', '=', siteId as string))
          .select([
            's.domain',
            sql<number>`sum(s.individuals)`.as('individuals'),
            sql<string>`coalesce(sum(s.hours), 0)::numeric(14,2)::text`.as('hours'),
            sql<number>`sum(s.completions)`.as('completions'),
          ])
          .groupBy('s.domain')
          .execute(),
        siteId
          ? Promise.resolve([])
          : db
              .selectFrom('training_completions as tc')
              .innerJoin('training_courses as c', 'c.id', 'tc.course_id')
              .where('tc.person_id', 'in', (eb) =>
                eb.selectFrom('training_year_movers as m').select('m.person_id').where('m.year', '=', year),
              )
              .where('tc.completed_on', '>=', `${year}-01-01`)
              .where('tc.completed_on', '<=', `${year}-12-31`)
              .where('tc.result', '<>', 'failed')
              .where((eb) => inScope(eb, 'tc.site_id', scope))
              .select([
                sql<string>`coalesce(c.domain, 'all')`.as('domain'),
                sql<number>`count(distinct (tc.person_id, coalesce(tc.site_id, ${NO_SITE}::uuid)))
                  - count(distinct tc.person_id)`.as('extra'),
              ])
              .groupBy(sql`grouping sets ((c.domain), ())`)
              .execute(),
      ]);
      const figure = (domain: string) => {
        const r = sums.find((x) => x.domain === domain);
        const extra = Number(repeats.find((x) => x.domain === domain)?.extra ?? 0);
        return {
          individuals: Number(r?.individuals ?? 0) - extra,
          hours: hoursText(r?.hours ?? '0.00'),
          completions: Number(r?.completions ?? 0),
        };
      };
      const domains = (
        ['intellectual_property', 'cybersecurity', 'safety', 'other'] as (typeof trainingDomains)[number][]
      ).map((domain) => ({ domain, ...figure(domain) }));
      return { year, domains, total: figure('all') };
    },

    /**
     * Progress of a course's campaign per site: of the active employees it concerns, how many hold a
     * current completion (within the course's recurrence).
     */
    async campaign(actor: Actor, courseId: string) {
      return (await campaignAnswer(actor, courseId)).compute();
    },

    campaignAnswer,
  };

  async function campaignOf(course: CourseRow, scope: SiteScope, today: string) {
    const rows = await campaignBySite(db, {
      courseId: course.id,
      courseSiteId: course.site_id,
      scope,
      today,
      recurrenceMonths: course.recurrence_months,
      newHiresOnly: course.audience === 'new_hires',
    });
    const sites = rows.map((r) => ({
      siteId: r.site_id,
      siteCode: r.site_code,
      people: Number(r.people),
      done: Number(r.done),
      percent: percentDone(Number(r.done), Number(r.people)),
    }));
    const people = sites.reduce((a, s) => a + s.people, 0);
    const done = sites.reduce((a, s) => a + s.done, 0);
    return {
      course: toCourseView(course),
      sites,
      total: { people, done, percent: percentDone(done, people) },
    };
  }
}

export type TrainingService = ReturnType<typeof createTrainingService>;
