import type { z } from 'zod';
import type * as c from '#shared/modules/academia/teaching-contract.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../db/paging.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { inScope } from '../../platform/access/sql.ts';
import { auditedUpdate } from '../../platform/audit/audited-update.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { auditedDelete } from './audited-delete.ts';
import {
  type AcademiaDeps,
  assertManageAt,
  assertManageRecord,
  assertPartner,
  assertRange,
  assertReadAt,
  num,
  PROGRAM,
  siteCodes,
} from './deps.ts';
import { codeTaken } from './program-repo.ts';
import { assertEmployees, employeeNames } from './teaching-people.ts';
import * as repo from './teaching-repo.ts';

const mentorshipSort = { startsOn: 'm.starts_on', title: 'm.title', students: 'm.students' } as const;

function activityView(a: repo.ActivityRow) {
  return {
    id: a.id,
    mentorshipId: a.mentorship_id,
    kind: a.kind,
    heldOn: a.held_on,
    hours: a.hours,
    students: a.students,
    participationHours: a.hours * a.students,
    version: a.version,
  };
}

/**
 * An activity lies within its program's term and has no more students than the program's mentees: 422
 * naming the field otherwise.
 */
function assertActivityFits(
  m: { starts_on: string; ends_on: string; students: number },
  a: { held_on: string; students: number },
) {
  if (a.held_on < m.starts_on || a.held_on > m.ends_on)
    throw new ValidationError('The activity lies outside the program’s term.', [
      { path: 'heldOn', message: `Between ${m.starts_on} and ${m.ends_on}` },
    ]);
  if (a.students > m.students)
    throw new ValidationError('More students than the program’s mentees.', [
      { path: 'students', message: `At most ${m.students}` },
    ]);
}

/** A program named on a mentorship must be a program record: otherwise 422 naming the field. */
async function assertProgram(db: AcademiaDeps['db'], code: string) {
  if (!(await codeTaken(db, code)))
    throw new ValidationError('No such program.', [{ path: 'program', message: 'Unknown program' }]);
}

/**
 * Mentorship programs run with universities (SPIL's University Corporate Mentors with NCHU): the mentees of
 * the term, the company's mentors, and the activities with their hours and the students who took part.
 */
export function createMentorshipsService(deps: AcademiaDeps) {
  const { db } = deps;

  async function views(rows: repo.MentorshipRow[]) {
    const [code, names] = await Promise.all([
      siteCodes(deps, rows),
      employeeNames(
        deps,
        rows.map((r) => r.mentor_employee_ids),
      ),
    ]);
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteCode: code(r.site_id),
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      partnerNameZh: r.partner_name_zh,
      title: r.title,
      program: r.program,
      mentors: names(r.mentor_employee_ids),
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      students: r.students,
      activities: num(r.activity_count),
      participationHours: num(r.participation_hours),
      version: r.version,
    }));
  }

  async function rowOrNotFound(id: string, handle = db) {
    const row = await repo.mentorshipRows(handle).where('m.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('mentorship');
    return row;
  }

  async function activityOrNotFound(id: string) {
    const row = await repo.activityById(db, id);
    if (!row) throw new NotFoundError('mentorship activity');
    return row;
  }

  return {
    async list(actor: Actor, q: z.infer<typeof c.mentorshipListQuery>) {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      let base = repo.mentorshipRows(db).where((eb) => inScope(eb, 'm.site_id', scope));
      if (q.siteId) base = base.where('m.site_id', '=', q.siteId);
      if (q.partnerId) base = base.where('m.partner_id', '=', q.partnerId);
      if (q.program) base = base.where('m.program', '=', q.program);
      if (q.year)
        base = base
          .where('m.starts_on', '>=', `${q.year}-01-01`)
          .where('m.starts_on', '<=', `${q.year}-12-31`);
      if (q.q) {
        const like = likePattern(q.q);
        base = base.where((eb) => eb.or([eb('m.title', 'ilike', like), eb('p.name', 'ilike', like)]));
      }
      const page = await listPage(db, base, q, {
        sortColumn: mentorshipSort[q.sort],
        tieBreaker: 'm.id',
        toView: (r: repo.MentorshipRow) => r,
      });
      return { ...page, items: await views(page.items) };
    },

    async get(actor: Actor, id: string) {
      const row = await rowOrNotFound(id);
      assertReadAt(actor, row.site_id, 'mentorship');
      const [view] = await views([row]);
      const activities = await repo.activityRows(db, id);
      return { ...view, activityRows: activities.map(activityView) };
    },

    async create(actor: Actor, input: z.infer<typeof c.mentorshipInput>) {
      await assertManageAt(deps, actor, input.siteId);
      await assertPartner(db, input.partnerId);
      if (input.program) await assertProgram(db, input.program);
      assertRange(input.startsOn, input.endsOn, 'endsOn');
      await assertEmployees(deps, actor, input.mentorEmployeeIds, 'mentorEmployeeIds');
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('academia_mentorships')
          .values({
            site_id: input.siteId,
            partner_id: input.partnerId,
            title: input.title,
            program: input.program ?? null,
            mentor_employee_ids: input.mentorEmployeeIds ?? [],
            starts_on: input.startsOn,
            ends_on: input.endsOn,
            students: input.students,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'academia_mentorship.created',
          entityType: 'academia_mentorship',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        return row.id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof c.mentorshipPatch>) {
      const current = await rowOrNotFound(id);
      assertManageRecord(actor, current.site_id, 'mentorship');
      if (patch.partnerId) await assertPartner(db, patch.partnerId);
      if (patch.program) await assertProgram(db, patch.program);
      const term = {
        starts_on: patch.startsOn ?? current.starts_on,
        ends_on: patch.endsOn ?? current.ends_on,
        students: patch.students ?? current.students,
      };
      assertRange(term.starts_on, term.ends_on, 'endsOn');
      await assertEmployees(deps, actor, patch.mentorEmployeeIds, 'mentorEmployeeIds');
      // The activities recorded must still fit the changed term and number of mentees.
      for (const a of await repo.activityRows(db, id)) {
        if (a.held_on < term.starts_on || a.held_on > term.ends_on)
          throw new ValidationError('An activity would lie outside the term.', [
            { path: a.held_on < term.starts_on ? 'startsOn' : 'endsOn', message: `Activity on ${a.held_on}` },
          ]);
        if (a.students > term.students)
          throw new ValidationError('An activity has more students.', [
            { path: 'students', message: `At least ${a.students}` },
          ]);
      }
      await db.transaction().execute(async (trx) => {
        await auditedUpdate(trx, actor, {
          table: 'academia_mentorships',
          id,
          version: patch.version,
          action: 'academia_mentorship.updated',
          entityType: 'academia_mentorship',
          what: 'mentorship',
          siteOf: (r) => r.site_id,
          authorize: (before) => assertManageRecord(actor, before.site_id, 'mentorship'),
          change: () => ({
            partner_id: patch.partnerId,
            title: patch.title,
            program: patch.program,
            mentor_employee_ids: patch.mentorEmployeeIds,
            starts_on: patch.startsOn,
            ends_on: patch.endsOn,
            students: patch.students,
          }),
        });
      });
      return this.get(actor, id);
    },

    /** Removes a program recorded in error, with its activities. */
    async remove(actor: Actor, id: string, version: number) {
      await db.transaction().execute((trx) =>
        auditedDelete(trx, actor, {
          table: 'academia_mentorships',
          id,
          version,
          what: 'mentorship',
          action: 'academia_mentorship.deleted',
          entityType: 'academia_mentorship',
          authorize: (before) => assertManageRecord(actor, before.site_id, 'mentorship'),
        }),
      );
    },

    async addActivity(actor: Actor, mentorshipId: string, input: z.infer<typeof c.activityInput>) {
      const m = await rowOrNotFound(mentorshipId);
      assertManageRecord(actor, m.site_id, 'mentorship');
      assertActivityFits(m, { held_on: input.heldOn, students: input.students });
      const row = await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('academia_mentorship_activities')
          .values({
            mentorship_id: mentorshipId,
            site_id: m.site_id,
            kind: input.kind,
            held_on: input.heldOn,
            hours: input.hours,
            students: input.students,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'academia_mentorship_activity.recorded',
          entityType: 'academia_mentorship_activity',
          entityId: inserted.id,
          siteId: inserted.site_id,
          after: inserted,
        });
        return inserted;
      });
      return activityView(row);
    },

    async updateActivity(actor: Actor, id: string, patch: z.infer<typeof c.activityPatch>) {
      const current = await activityOrNotFound(id);
      assertManageRecord(actor, current.site_id, 'mentorship activity');
      const m = await rowOrNotFound(current.mentorship_id);
      assertActivityFits(m, {
        held_on: patch.heldOn ?? current.held_on,
        students: patch.students ?? current.students,
      });
      const after = await db.transaction().execute((trx) =>
        auditedUpdate(trx, actor, {
          table: 'academia_mentorship_activities',
          id,
          version: patch.version,
          action: 'academia_mentorship_activity.updated',
          entityType: 'academia_mentorship_activity',
          what: 'mentorship activity',
          siteOf: (r) => r.site_id,
          authorize: (before) => assertManageRecord(actor, before.site_id, 'mentorship activity'),
          change: () => ({
            kind: patch.kind,
            held_on: patch.heldOn,
            hours: patch.hours,
            students: patch.students,
          }),
        }),
      );
      return activityView(after as repo.ActivityRow);
    },

    async removeActivity(actor: Actor, id: string, version: number) {
      await db.transaction().execute((trx) =>
        auditedDelete(trx, actor, {
          table: 'academia_mentorship_activities',
          id,
          version,
          what: 'mentorship activity',
          action: 'academia_mentorship_activity.deleted',
          entityType: 'academia_mentorship_activity',
          authorize: (before) => assertManageRecord(actor, before.site_id, 'mentorship activity'),
        }),
      );
    },
  };
}

export type MentorshipsService = ReturnType<typeof createMentorshipsService>;
