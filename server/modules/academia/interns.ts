import type { z } from 'zod';
import type * as c from '#shared/modules/academia/contract.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../db/paging.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { inScope } from '../../platform/access/sql.ts';
import { auditedUpdate } from '../../platform/audit/audited-update.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { auditableIntern, auditableScholarship } from './audit-shapes.ts';
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
import * as repo from './repo.ts';
import { studyPeriodProblem } from './rules/study.ts';

const internSort = { startedOn: 'i.started_on', fullName: 'i.full_name', endedOn: 'i.ended_on' } as const;
const scholarshipSort = { awardedOn: 's.awarded_on', recipientName: 's.recipient_name' } as const;

function toScholarshipView(r: repo.ScholarshipRow, code: (siteId: string) => string) {
  return {
    id: r.id,
    siteId: r.site_id,
    siteCode: code(r.site_id),
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    partnerNameZh: r.partner_name_zh,
    recipientName: r.recipient_name,
    anonymisedOn: r.anonymised_on,
    program: r.program,
    awardedOn: r.awarded_on,
    amountMinor: num(r.amount_minor),
    currency: r.currency,
    condition: r.condition,
    version: r.version,
  };
}

/** A study period that does not fit the internship: 422 naming the field. */
function assertStudy(p: Parameters<typeof studyPeriodProblem>[0]) {
  const problem = studyPeriodProblem(p);
  if (problem) throw new ValidationError('The period of study does not fit the internship.', [problem]);
}

/** Interns with their internship and, once hired, the employee record they became; scholarship awards. */
export function createInternsService(deps: AcademiaDeps) {
  const { db } = deps;

  async function internViews(rows: repo.InternRow[]) {
    const code = await siteCodes(deps, rows);
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteCode: code(r.site_id),
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      partnerNameZh: r.partner_name_zh,
      fullName: r.full_name,
      email: r.email,
      dateOfBirth: r.date_of_birth,
      program: r.program,
      startedOn: r.started_on,
      endedOn: r.ended_on,
      hours: r.hours,
      outcome: r.outcome,
      hiredEmployeeId: r.hired_employee_id,
      hiredOn: r.hired_on,
      anonymisedOn: r.anonymised_on,
      institute: r.institute,
      sponsored: r.sponsored,
      studyStartedOn: r.study_started_on,
      studyEndedOn: r.study_ended_on,
      version: r.version,
    }));
  }

  async function internOrNotFound(id: string, handle = db) {
    const row = await repo.internRows(handle).where('i.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('intern');
    return row;
  }

  /**
   * A hire links the intern to an employee record of a site the actor sees, hired no earlier than the
   * internship began; the link and its date go together.
   */
  async function assertHire(
    actor: Actor,
    startedOn: string,
    hire: { hiredEmployeeId: string | null | undefined; hiredOn: string | null | undefined },
  ) {
    if ((hire.hiredEmployeeId == null) !== (hire.hiredOn == null))
      throw new ValidationError('A hire names both the employee and the day.', [
        {
          path: hire.hiredEmployeeId == null ? 'hiredEmployeeId' : 'hiredOn',
          message: 'Required with the other',
        },
      ]);
    if (!hire.hiredEmployeeId || !hire.hiredOn) return;
    const found = (await deps.people.employeeEssentials([hire.hiredEmployeeId])).get(hire.hiredEmployeeId);
    if (!found || !access.can(actor, 'org.read', found.siteId))
      throw new ValidationError('No such employee.', [
        { path: 'hiredEmployeeId', message: 'Unknown employee' },
      ]);
    if (hire.hiredOn < startedOn)
      throw new ValidationError('Hired before the internship began.', [
        { path: 'hiredOn', message: 'Before the internship began' },
      ]);
  }

  return {
    async list(actor: Actor, q: z.infer<typeof c.internListQuery>) {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      let base = repo.internRows(db).where((eb) => inScope(eb, 'i.site_id', scope));
      if (q.siteId) base = base.where('i.site_id', '=', q.siteId);
      if (q.partnerId) base = base.where('i.partner_id', '=', q.partnerId);
      if (q.program) base = base.where('i.program', '=', q.program);
      if (q.outcome) base = base.where('i.outcome', '=', q.outcome);
      if (q.hired) base = base.where('i.hired_employee_id', q.hired === 'true' ? 'is not' : 'is', null);
      if (q.year)
        base = base
          .where('i.started_on', '>=', `${q.year}-01-01`)
          .where('i.started_on', '<=', `${q.year}-12-31`);
      if (q.cohort)
        base = base
          .where('i.study_started_on', '>=', `${q.cohort}-01-01`)
          .where('i.study_started_on', '<=', `${q.cohort}-12-31`);
      if (q.institute) base = base.where('i.institute', '=', q.institute);
      if (q.sponsored) base = base.where('i.sponsored', '=', q.sponsored === 'true');
      if (q.q) {
        const like = likePattern(q.q);
        base = base.where((eb) => eb.or([eb('i.full_name', 'ilike', like), eb('p.name', 'ilike', like)]));
      }
      const page = await listPage(db, base, q, {
        sortColumn: internSort[q.sort],
        tieBreaker: 'i.id',
        toView: (r: repo.InternRow) => r,
      });
      return { ...page, items: await internViews(page.items) };
    },

    /**
     * A year's study-then-internship cohorts at the reader's sites (seeds/002, the NSYSU college: "120
     * students every year - 80 students for the Institute of Advanced Semiconductor Packaging and Testing and
     * 40 students for the Institute of Precision Electronic Components … 65 out of the 80 students"
     * sponsored): the students whose study began in the year, by program and institute, counted from the
     * students' own rows.
     */
    async cohorts(actor: Actor, year: number): Promise<z.infer<typeof c.cohortFigures>> {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      const rows = await repo.cohortTotals(db, scope, year);
      const byInstitute = rows.map((r) => ({
        program: r.program,
        institute: r.institute,
        students: num(r.students),
        sponsored: num(r.sponsored),
      }));
      return {
        year,
        students: byInstitute.reduce((a, r) => a + r.students, 0),
        sponsored: byInstitute.reduce((a, r) => a + r.sponsored, 0),
        byInstitute,
      };
    },

    async get(actor: Actor, id: string) {
      const row = await internOrNotFound(id);
      assertReadAt(actor, row.site_id, 'intern');
      return (await internViews([row]))[0];
    },

    async create(actor: Actor, input: z.infer<typeof c.internInput>) {
      await assertManageAt(deps, actor, input.siteId);
      await assertPartner(db, input.partnerId);
      assertRange(input.startedOn, input.endedOn, 'endedOn');
      assertStudy({
        studyStartedOn: input.studyStartedOn ?? null,
        studyEndedOn: input.studyEndedOn ?? null,
        startedOn: input.startedOn,
      });
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('academia_interns')
          .values({
            site_id: input.siteId,
            partner_id: input.partnerId,
            full_name: input.fullName,
            email: input.email ?? null,
            date_of_birth: input.dateOfBirth ?? null,
            program: input.program,
            started_on: input.startedOn,
            ended_on: input.endedOn ?? null,
            hours: input.hours ?? 0,
            outcome: input.outcome ?? 'ongoing',
            institute: input.institute ?? null,
            sponsored: input.sponsored ?? false,
            study_started_on: input.studyStartedOn ?? null,
            study_ended_on: input.studyEndedOn ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'academia_intern.created',
          entityType: 'academia_intern',
          entityId: row.id,
          siteId: row.site_id,
          after: auditableIntern(row),
        });
        return row.id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof c.internPatch>) {
      if (patch.partnerId) await assertPartner(db, patch.partnerId);
      const current = await internOrNotFound(id);
      assertManageRecord(actor, current.site_id, 'intern');
      // Erased personal data stays erased: the retention schedule has run for this student.
      const personal = (['fullName', 'email', 'dateOfBirth'] as const).find((k) => patch[k] != null);
      if (current.anonymised_on && personal)
        throw new ConflictError('The intern was anonymised.', {
          field: personal,
          anonymisedOn: current.anonymised_on,
        });
      const startedOn = patch.startedOn ?? current.started_on;
      assertRange(startedOn, patch.endedOn === undefined ? current.ended_on : patch.endedOn, 'endedOn');
      const hire = {
        hiredEmployeeId:
          patch.hiredEmployeeId === undefined ? current.hired_employee_id : patch.hiredEmployeeId,
        hiredOn: patch.hiredOn === undefined ? current.hired_on : patch.hiredOn,
      };
      await assertHire(actor, startedOn, hire);
      assertStudy({
        studyStartedOn: patch.studyStartedOn === undefined ? current.study_started_on : patch.studyStartedOn,
        studyEndedOn: patch.studyEndedOn === undefined ? current.study_ended_on : patch.studyEndedOn,
        startedOn,
      });
      await db.transaction().execute(async (trx) => {
        await auditedUpdate(trx, actor, {
          table: 'academia_interns',
          id,
          version: patch.version,
          action:
            patch.hiredEmployeeId && patch.hiredEmployeeId !== current.hired_employee_id
              ? 'academia_intern.hired'
              : 'academia_intern.updated',
          entityType: 'academia_intern',
          what: 'intern',
          describe: auditableIntern,
          siteOf: (r) => r.site_id,
          authorize: (before) => assertManageRecord(actor, before.site_id, 'intern'),
          change: () => ({
            partner_id: patch.partnerId,
            full_name: patch.fullName,
            email: patch.email,
            date_of_birth: patch.dateOfBirth,
            program: patch.program,
            started_on: patch.startedOn,
            ended_on: patch.endedOn,
            hours: patch.hours,
            outcome: patch.outcome,
            hired_employee_id: patch.hiredEmployeeId,
            hired_on: patch.hiredOn,
            institute: patch.institute,
            sponsored: patch.sponsored,
            study_started_on: patch.studyStartedOn,
            study_ended_on: patch.studyEndedOn,
          }),
        });
      });
      return this.get(actor, id);
    },

    async listScholarships(actor: Actor, q: z.infer<typeof c.scholarshipListQuery>) {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      let base = repo.scholarshipRows(db).where((eb) => inScope(eb, 's.site_id', scope));
      if (q.siteId) base = base.where('s.site_id', '=', q.siteId);
      if (q.partnerId) base = base.where('s.partner_id', '=', q.partnerId);
      if (q.year)
        base = base
          .where('s.awarded_on', '>=', `${q.year}-01-01`)
          .where('s.awarded_on', '<=', `${q.year}-12-31`);
      if (q.q) base = base.where('s.recipient_name', 'ilike', likePattern(q.q));
      const page = await listPage(db, base, q, {
        sortColumn: scholarshipSort[q.sort],
        tieBreaker: 's.id',
        toView: (r: repo.ScholarshipRow) => r,
      });
      const code = await siteCodes(deps, page.items);
      return {
        ...page,
        items: page.items.map((r) => toScholarshipView(r, code)),
      };
    },

    async createScholarship(actor: Actor, input: z.infer<typeof c.scholarshipInput>) {
      await assertManageAt(deps, actor, input.siteId);
      await assertPartner(db, input.partnerId);
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('academia_scholarships')
          .values({
            site_id: input.siteId,
            partner_id: input.partnerId,
            recipient_name: input.recipientName,
            program: input.program,
            awarded_on: input.awardedOn,
            amount_minor: input.amountMinor,
            currency: input.currency,
            condition: input.condition ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'academia_scholarship.awarded',
          entityType: 'academia_scholarship',
          entityId: row.id,
          siteId: row.site_id,
          // Without the recipient's name: the log outlives the retention schedule.
          after: auditableScholarship(row),
        });
        return row.id;
      });
      return this.scholarshipById(actor, id);
    },

    async updateScholarship(actor: Actor, id: string, patch: z.infer<typeof c.scholarshipPatch>) {
      if (patch.partnerId) await assertPartner(db, patch.partnerId);
      const current = await repo.scholarshipRows(db).where('s.id', '=', id).executeTakeFirst();
      if (!current) throw new NotFoundError('scholarship');
      assertManageRecord(actor, current.site_id, 'scholarship');
      // An erased name stays erased: the retention schedule has run for this award.
      if (current.anonymised_on && patch.recipientName != null)
        throw new ConflictError('The scholarship recipient was anonymised.', {
          field: 'recipientName',
          anonymisedOn: current.anonymised_on,
        });
      await db.transaction().execute(async (trx) => {
        await auditedUpdate(trx, actor, {
          table: 'academia_scholarships',
          id,
          version: patch.version,
          action: 'academia_scholarship.updated',
          entityType: 'academia_scholarship',
          what: 'scholarship',
          describe: auditableScholarship,
          siteOf: (r) => r.site_id,
          authorize: (before) => assertManageRecord(actor, before.site_id, 'scholarship'),
          change: () => ({
            partner_id: patch.partnerId,
            recipient_name: patch.recipientName,
            program: patch.program,
            awarded_on: patch.awardedOn,
            amount_minor: patch.amountMinor,
            currency: patch.currency,
            condition: patch.condition,
          }),
        });
      });
      return this.scholarshipById(actor, id);
    },

    async scholarshipById(actor: Actor, id: string) {
      const row = await repo.scholarshipRows(db).where('s.id', '=', id).executeTakeFirst();
      if (!row) throw new NotFoundError('scholarship');
      assertReadAt(actor, row.site_id, 'scholarship');
      return toScholarshipView(row, await siteCodes(deps, [row]));
    },
  };
}

export type InternsService = ReturnType<typeof createInternsService>;
