import type { z } from 'zod';
import type * as c from '#shared/modules/academia/teaching-contract.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../db/paging.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { inScope } from '../../platform/access/sql.ts';
import { auditedUpdate } from '../../platform/audit/audited-update.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { auditedDelete } from './audited-delete.ts';
import {
  type AcademiaDeps,
  assertManageAt,
  assertManageRecord,
  assertPartner,
  assertRange,
  assertReadAt,
  PROGRAM,
  siteCodes,
} from './deps.ts';
import { assertEmployees, employeeNames } from './teaching-people.ts';
import * as repo from './teaching-repo.ts';

const courseSort = {
  startsOn: 'c.starts_on',
  title: 'c.title',
  hours: 'c.hours',
  students: 'c.students',
} as const;

/** The feedback score as the API carries it (a number) and as the table keeps it (numeric, exact). */
const scoreIn = (v: number | null | undefined) => (v == null ? v : v.toFixed(2));

/**
 * Courses taught with or at universities by the company's lecturers: hours, students and the students'
 * feedback. USI University's courses are courses of the `usi_university` program. Academia records, not the
 * platform's training of employees.
 */
export function createCoursesService(deps: AcademiaDeps) {
  const { db } = deps;

  async function views(rows: repo.CourseRow[]) {
    const [code, names] = await Promise.all([
      siteCodes(deps, rows),
      employeeNames(
        deps,
        rows.map((r) => r.lecturer_employee_ids),
      ),
    ]);
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteCode: code(r.site_id),
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      partnerNameZh: r.partner_name_zh,
      program: r.program,
      subject: r.subject,
      title: r.title,
      lecturers: names(r.lecturer_employee_ids),
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      hours: r.hours,
      students: r.students,
      participationHours: r.hours * r.students,
      feedbackScore: r.feedback_score === null ? null : Number(r.feedback_score),
      feedbackComments: r.feedback_comments,
      version: r.version,
    }));
  }

  async function rowOrNotFound(id: string) {
    const row = await repo.courseRows(db).where('c.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('course');
    return row;
  }

  return {
    async list(actor: Actor, q: z.infer<typeof c.courseListQuery>) {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      let base = repo.courseRows(db).where((eb) => inScope(eb, 'c.site_id', scope));
      if (q.siteId) base = base.where('c.site_id', '=', q.siteId);
      if (q.partnerId) base = base.where('c.partner_id', '=', q.partnerId);
      if (q.program) base = base.where('c.program', '=', q.program);
      if (q.subject) base = base.where('c.subject', '=', q.subject);
      if (q.year)
        base = base
          .where('c.starts_on', '>=', `${q.year}-01-01`)
          .where('c.starts_on', '<=', `${q.year}-12-31`);
      if (q.q) {
        const like = likePattern(q.q);
        base = base.where((eb) => eb.or([eb('c.title', 'ilike', like), eb('p.name', 'ilike', like)]));
      }
      const page = await listPage(db, base, q, {
        sortColumn: courseSort[q.sort],
        tieBreaker: 'c.id',
        toView: (r: repo.CourseRow) => r,
      });
      return { ...page, items: await views(page.items) };
    },

    async get(actor: Actor, id: string) {
      const row = await rowOrNotFound(id);
      assertReadAt(actor, row.site_id, 'course');
      return (await views([row]))[0];
    },

    async create(actor: Actor, input: z.infer<typeof c.courseInput>) {
      await assertManageAt(deps, actor, input.siteId);
      if (input.partnerId) await assertPartner(db, input.partnerId);
      assertRange(input.startsOn, input.endsOn, 'endsOn');
      await assertEmployees(deps, actor, input.lecturerEmployeeIds, 'lecturerEmployeeIds');
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('academia_courses')
          .values({
            site_id: input.siteId,
            partner_id: input.partnerId ?? null,
            program: input.program,
            subject: input.subject,
            title: input.title,
            lecturer_employee_ids: input.lecturerEmployeeIds ?? [],
            starts_on: input.startsOn,
            ends_on: input.endsOn,
            hours: input.hours,
            students: input.students,
            feedback_score: scoreIn(input.feedbackScore) ?? null,
            feedback_comments: input.feedbackComments || null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'academia_course.created',
          entityType: 'academia_course',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        return row.id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof c.coursePatch>) {
      const current = await rowOrNotFound(id);
      assertManageRecord(actor, current.site_id, 'course');
      if (patch.partnerId) await assertPartner(db, patch.partnerId);
      assertRange(patch.startsOn ?? current.starts_on, patch.endsOn ?? current.ends_on, 'endsOn');
      await assertEmployees(deps, actor, patch.lecturerEmployeeIds, 'lecturerEmployeeIds');
      await db.transaction().execute(async (trx) => {
        await auditedUpdate(trx, actor, {
          table: 'academia_courses',
          id,
          version: patch.version,
          action: 'academia_course.updated',
          entityType: 'academia_course',
          what: 'course',
          siteOf: (r) => r.site_id,
          authorize: (before) => assertManageRecord(actor, before.site_id, 'course'),
          change: () => ({
            partner_id: patch.partnerId,
            program: patch.program,
            subject: patch.subject,
            title: patch.title,
            lecturer_employee_ids: patch.lecturerEmployeeIds,
            starts_on: patch.startsOn,
            ends_on: patch.endsOn,
            hours: patch.hours,
            students: patch.students,
            feedback_score: scoreIn(patch.feedbackScore),
            feedback_comments: patch.feedbackComments === '' ? null : patch.feedbackComments,
          }),
        });
      });
      return this.get(actor, id);
    },

    /** Removes a course recorded in error; the year's figures move with it. */
    async remove(actor: Actor, id: string, version: number) {
      await db.transaction().execute((trx) =>
        auditedDelete(trx, actor, {
          table: 'academia_courses',
          id,
          version,
          what: 'course',
          action: 'academia_course.deleted',
          entityType: 'academia_course',
          authorize: (before) => assertManageRecord(actor, before.site_id, 'course'),
        }),
      );
    },
  };
}

export type CoursesService = ReturnType<typeof createCoursesService>;
