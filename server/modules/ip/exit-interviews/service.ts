import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  ExitInterviewView,
  exitInterviewListQuery,
  exitInterviewPatch,
} from '#shared/modules/ip/exit-interviews/contract.ts';
import { exitInterviewDue } from '#shared/modules/ip/exit-interviews/rules.ts';
import { listPage } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { inScope } from '../../../platform/access/sql.ts';
import { auditedUpdate } from '../../../platform/audit/audited-update.ts';
import type { DocumentsService } from '../../../platform/documents/service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import type { WorkdaysService } from '../../../platform/workdays/service.ts';
import * as repo from './repo.ts';
import { createExitInterviewScan, EXIT_INTERVIEW, PERMISSION, type ScanDeps } from './scan.ts';

export { EXIT_INTERVIEW } from './scan.ts';

const PROGRAM = 'ip' as const;

type Deps = Omit<ScanDeps, 'workdays'> & {
  documents: Pick<DocumentsService, 'countsByOwner'>;
  workdays: Pick<WorkdaysService, 'calendars' | 'onChanged'>;
};

const sortColumns = { dueDate: 'x.due_date', leaveDate: 'x.leave_date', status: 'x.status' } as const;

/** Exit interviews: Legal's list, one interview, recording it held and its acknowledgement signed. */
export function createExitInterviewsService(deps: Deps) {
  const { db } = deps;
  const scanner = createExitInterviewScan(deps);
  const { todayAt, syncObligation } = scanner;
  // A day added to or removed from a site's calendar re-dates its open interviews in the same transaction.
  deps.workdays.onChanged((trx, actor, siteIds) => scanner.redate(trx, actor, siteIds).then(() => {}));

  async function views(rows: repo.InterviewRow[], handle: Db = db): Promise<ExitInterviewView[]> {
    const [names, sites, titles, docs, calendarOf] = await Promise.all([
      deps.people.personNames(
        rows.map((r) => ({ type: 'employee' as const, id: r.employee_id })),
        handle,
      ),
      deps.org.sitesByIds(
        rows.map((r) => r.site_id),
        handle,
      ),
      repo.secretTitles(
        handle,
        rows.flatMap((r) => r.trade_secret_ids),
      ),
      deps.documents.countsByOwner(
        EXIT_INTERVIEW,
        rows.map((r) => r.id),
        handle,
      ),
      deps.workdays.calendars(
        rows.map((r) => r.site_id),
        handle,
      ),
    ]);
    return rows.map((r) => {
      const person = names.get(`employee:${r.employee_id}`);
      return {
        id: r.id,
        siteId: r.site_id,
        siteCode: sites.get(r.site_id)?.code ?? '',
        employeeId: r.employee_id,
        employeeName: person?.name ?? null,
        employeeNo: person?.no ?? null,
        leaveDate: r.leave_date,
        dueDate: r.due_date,
        // Read at each look: a calendar entered since makes the date certain without touching the row.
        calendarKnown: exitInterviewDue(r.leave_date, calendarOf(r.site_id)).calendarKnown,
        inventor: r.inventor,
        familyIds: r.family_ids,
        disclosureIds: r.disclosure_ids,
        tradeSecrets: r.trade_secret_ids.map((id) => ({ id, title: titles.get(id) ?? '' })),
        status: r.status,
        heldOn: r.held_on,
        signedOn: r.signed_on,
        documents: docs.get(r.id) ?? 0,
        version: r.version,
      };
    });
  }

  async function rowOrNotFound(id: string, handle: Db = db) {
    const r = await repo.interviewRows(handle).where('x.id', '=', id).executeTakeFirst();
    if (!r) throw new NotFoundError('exit interview');
    return r;
  }

  return {
    /** Legal's look now, at the sites where the actor holds the permission. */
    scan(actor: Actor, siteId?: string) {
      if (!siteId) return scanner.scan(actor, access.listScope(actor, PERMISSION, PROGRAM));
      access.assert(actor, { permission: PERMISSION, siteId, what: 'site', program: PROGRAM });
      return scanner.scan(actor, new Set([siteId]));
    },

    async list(actor: Actor, q: z.infer<typeof exitInterviewListQuery>) {
      const scope = access.listScope(actor, PERMISSION, PROGRAM);
      let base = repo.interviewRows(db).where((eb) => inScope(eb, 'x.site_id', scope));
      if (q.siteId) base = base.where('x.site_id', '=', q.siteId);
      if (q.status) base = base.where('x.status', '=', q.status);
      if (q.dueBy) base = base.where('x.due_date', '<=', q.dueBy);
      if (q.q) {
        const ids = await deps.people.employeeIdsMatching(scope, q.q);
        base = ids.length ? base.where('x.employee_id', 'in', ids) : base.where(sql<boolean>`false`);
      }
      const page = await listPage(db, base, q, {
        sortColumn: sortColumns[q.sort],
        tieBreaker: 'x.id',
        toView: (r: repo.InterviewRow) => r,
      });
      return { ...page, items: await views(page.items) };
    },

    async get(actor: Actor, id: string) {
      const r = await rowOrNotFound(id);
      access.assert(actor, {
        permission: PERMISSION,
        siteId: r.site_id,
        what: 'exit interview',
        program: PROGRAM,
      });
      return (await views([r]))[0];
    },

    /** Who may see or file the interview's documents (the signed acknowledgement). */
    async siteOf(actor: Actor, id: string, _intent: 'read' | 'write') {
      const r = await rowOrNotFound(id);
      access.assert(actor, {
        permission: PERMISSION,
        siteId: r.site_id,
        what: 'exit interview',
        program: PROGRAM,
      });
      return r.site_id;
    },

    async record(actor: Actor, id: string, patch: z.infer<typeof exitInterviewPatch>) {
      const current = await rowOrNotFound(id);
      access.assert(actor, {
        permission: PERMISSION,
        siteId: current.site_id,
        what: 'exit interview',
        program: PROGRAM,
      });
      const today = (await todayAt([current.site_id]))(current.site_id);
      for (const field of ['heldOn', 'signedOn'] as const) {
        const day = patch[field];
        if (day && day > today)
          throw new ValidationError('The day is after today.', [{ path: field, message: 'After today' }]);
      }
      return db.transaction().execute(async (trx) => {
        const after = (await auditedUpdate(trx, actor, {
          table: 'ip_exit_interviews',
          id,
          version: patch.version,
          action: 'ip.exit_interview.recorded',
          entityType: EXIT_INTERVIEW,
          what: 'exit interview',
          siteOf: (r) => r.site_id,
          authorize: (before) => {
            if (before.version === patch.version && before.status === 'withdrawn')
              throw new ConflictError('The leave date was withdrawn: there is no interview to hold.', {
                interviewStatus: before.status,
              });
          },
          change: (before) => {
            const heldOn = patch.heldOn === undefined ? before.held_on : patch.heldOn;
            const signedOn = patch.signedOn === undefined ? before.signed_on : patch.signedOn;
            if (signedOn && !heldOn)
              throw new ValidationError('The acknowledgement is signed at the interview.', [
                { path: 'heldOn', message: 'Required once the acknowledgement is signed' },
              ]);
            if (signedOn && heldOn && signedOn < heldOn)
              throw new ValidationError('Signed before the interview was held.', [
                { path: 'signedOn', message: 'Before the interview' },
              ]);
            return {
              held_on: heldOn,
              signed_on: signedOn,
              status: signedOn ? 'acknowledged' : heldOn ? 'held' : 'due',
            };
          },
        })) as repo.InterviewRow;
        if (after.signed_on) {
          const filed = (await deps.documents.countsByOwner(EXIT_INTERVIEW, [id], trx)).get(id) ?? 0;
          if (filed === 0)
            throw new ValidationError('File the signed acknowledgement before recording it as signed.', [
              { path: 'signedOn', message: 'No signed acknowledgement filed' },
            ]);
        }
        await syncObligation(trx, actor, after, current.status === 'acknowledged');
        return (await views([after], trx))[0];
      });
    },
  };
}

export type ExitInterviewsService = ReturnType<typeof createExitInterviewsService>;
