import { exitInterviewDue, leaveCallsForInterview } from '#shared/modules/ip/exit-interviews/rules.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import type { Db } from '../../../db/types.ts';
import { type Actor, type SiteScope, systemActor } from '../../../platform/access/actor.ts';
import { auditedUpdate } from '../../../platform/audit/audited-update.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { word } from '../../../platform/i18n/index.ts';
import { registerObligationKind } from '../../../platform/obligations/kinds.ts';
import type { ObligationsService } from '../../../platform/obligations/service.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { PeopleService } from '../../../platform/people/service.ts';
import type { WorkdaysService } from '../../../platform/workdays/service.ts';
import { ipMessages } from '../messages.ts';
import * as repo from './repo.ts';

const PROGRAM = 'ip' as const;
export const PERMISSION = 'ip.exit_interviews.manage' as const;
export const EXIT_INTERVIEW = 'ip_exit_interview';
export const EXIT_INTERVIEW_KIND = 'ip.exit_interview';
// Seen and reminded only by the holders of the exit-interview permission at the employee's site (Legal): it
// names a person who is leaving.
registerObligationKind({
  kind: EXIT_INTERVIEW_KIND,
  name: word('ip.obligationKind', 'exit_interview'),
  program: PROGRAM,
  schedule: { daysBefore: [14, 3, 1], overdueEveryDays: 1 },
  restricted: {
    permission: PERMISSION,
    auditEntity: EXIT_INTERVIEW,
    auditAction: 'ip.exit_interview.reminded',
  },
});

export type ScanDeps = {
  db: Db;
  obligations: ObligationsService;
  org: Pick<OrgService, 'sitesByIds'>;
  people: Pick<PeopleService, 'employeesLeavingFrom' | 'leaveDates' | 'personNames' | 'employeeIdsMatching'>;
  /** The sites' working calendars: an interview falls due on a working day of the employee's site. */
  workdays: Pick<WorkdaysService, 'calendars'>;
  now: () => Date;
};

/**
 * Proposing exit interviews: an employee who is an inventor or may access a registered trade secret and gets a
 * leave date in the HR record is interviewed by Legal. The platform announces no change of an employee to
 * modules, so the module looks: nightly (the manifest's job) and when Legal asks.
 */
export function createExitInterviewScan(deps: ScanDeps) {
  const { db, now } = deps;

  async function todayAt(siteIds: readonly string[], handle: Db = db) {
    const sites = await deps.org.sitesByIds(siteIds, handle);
    return (siteId: string) => localDate(now(), sites.get(siteId)?.timeZone ?? 'UTC');
  }

  /** The obligation of Legal at the employee's site: open while the acknowledgement is not filed. */
  async function syncObligation(trx: Db, actor: Actor, r: repo.InterviewRow, reopen = false) {
    if (r.status === 'withdrawn' || r.status === 'acknowledged') {
      await deps.obligations.closeForSource(
        trx,
        actor,
        EXIT_INTERVIEW_KIND,
        EXIT_INTERVIEW,
        r.id,
        r.status === 'withdrawn' ? 'cancelled' : 'done',
      );
      return;
    }
    const name = (await deps.people.personNames([{ type: 'employee', id: r.employee_id }], trx)).get(
      `employee:${r.employee_id}`,
    );
    await deps.obligations.upsertForSource(trx, actor, {
      kind: EXIT_INTERVIEW_KIND,
      sourceType: EXIT_INTERVIEW,
      sourceId: r.id,
      siteId: r.site_id,
      program: PROGRAM,
      ownerId: null,
      title: ipMessages.exitInterviewTitle(name?.name ?? '', r.leave_date),
      dueDate: r.due_date,
      reopen,
    });
  }

  async function scan(actor: Actor, scope: SiteScope) {
    // The earliest "today" of any time zone is at most a day behind UTC's.
    const utcToday = now().toISOString().slice(0, 10);
    const earliest = new Date(Date.parse(`${utcToday}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const candidates = (await deps.people.employeesLeavingFrom(earliest)).filter(
      (e) => scope === 'all' || scope.has(e.siteId),
    );
    const today = await todayAt(candidates.map((e) => e.siteId));
    const calendarOf = await deps.workdays.calendars(candidates.map((e) => e.siteId));
    const leaving = candidates.filter((e) => leaveCallsForInterview(e.leaveDate, today(e.siteId)));
    const ids = leaving.map((e) => e.id);
    const [inventors, secrets, latest, open] = await Promise.all([
      repo.inventorLinks(db, ids),
      repo.secretsOfPeople(
        db,
        leaving.flatMap((e) => e.userIds),
        ids,
      ),
      repo.latestOfEmployees(db, ids),
      repo.openInterviews(db, scope),
    ]);
    const result = { leaving: leaving.length, proposed: 0, updated: 0, withdrawn: 0 };
    await db.transaction().execute(async (trx) => {
      const seen = new Set<string>();
      for (const e of leaving) {
        const links = inventors.get(e.id);
        const users = new Set(e.userIds);
        const secretIds = secrets
          .filter(
            (s) =>
              users.has(s.owner_id) ||
              s.access_user_ids.some((u) => users.has(u)) ||
              s.access_employee_ids.includes(e.id),
          )
          .map((s) => s.id);
        const inventor = !!links && links.familyIds.length + links.disclosureIds.length > 0;
        if (!inventor && secretIds.length === 0) continue;
        seen.add(e.id);
        const values = {
          site_id: e.siteId,
          leave_date: e.leaveDate,
          due_date: exitInterviewDue(e.leaveDate, calendarOf(e.siteId)).dueDate,
          inventor,
          family_ids: links?.familyIds ?? [],
          disclosure_ids: links?.disclosureIds ?? [],
          trade_secret_ids: secretIds,
        };
        const before = latest.get(e.id);
        if (!before) {
          const row = await trx
            .insertInto('ip_exit_interviews')
            .values({ ...values, employee_id: e.id, created_by: actor.userId, updated_by: actor.userId })
            // A scan running at the same time (the night's and Legal's) proposed it first.
            .onConflict((oc) => oc.columns(['employee_id', 'leave_date']).doNothing())
            .returningAll()
            .executeTakeFirst();
          if (!row) continue;
          await recordAudit(trx, actor, {
            action: 'ip.exit_interview.proposed',
            entityType: EXIT_INTERVIEW,
            entityId: row.id,
            siteId: row.site_id,
            after: row,
          });
          await syncObligation(trx, actor, row);
          result.proposed++;
          continue;
        }
        // A signed acknowledgement stands whatever the HR record says next.
        if (before.status === 'acknowledged') continue;
        const moved =
          before.leave_date !== e.leaveDate ||
          before.due_date !== values.due_date ||
          before.status === 'withdrawn';
        const reasonsChanged =
          before.inventor !== inventor ||
          before.trade_secret_ids.join() !== secretIds.join() ||
          before.family_ids.join() !== values.family_ids.join() ||
          before.disclosure_ids.join() !== values.disclosure_ids.join();
        if (!moved && !reasonsChanged) continue;
        const after = await auditedUpdate(trx, actor, {
          table: 'ip_exit_interviews',
          id: before.id,
          version: before.version,
          action: 'ip.exit_interview.updated',
          entityType: EXIT_INTERVIEW,
          what: 'exit interview',
          siteOf: (r) => r.site_id,
          change: () => ({ ...values, ...(before.status === 'withdrawn' ? { status: 'due' } : {}) }),
        });
        await syncObligation(trx, actor, after as repo.InterviewRow, before.status === 'withdrawn');
        result.updated++;
      }
      // Open interviews of employees no longer leaving (the leave date withdrawn) fall; a date moved into the
      // past keeps the interview, re-dated.
      const others = open.filter((r) => !seen.has(r.employee_id));
      const dates = await deps.people.leaveDates(
        others.map((r) => r.employee_id),
        trx,
      );
      const othersCalendar = await deps.workdays.calendars(
        others.map((r) => r.site_id),
        trx,
      );
      for (const r of others) {
        const leaveDate = dates.get(r.employee_id) ?? null;
        if (leaveDate === r.leave_date) continue;
        const change = leaveDate
          ? {
              leave_date: leaveDate,
              due_date: exitInterviewDue(leaveDate, othersCalendar(r.site_id)).dueDate,
            }
          : { status: 'withdrawn' as const };
        const after = await auditedUpdate(trx, actor, {
          table: 'ip_exit_interviews',
          id: r.id,
          version: r.version,
          action: leaveDate ? 'ip.exit_interview.updated' : 'ip.exit_interview.withdrawn',
          entityType: EXIT_INTERVIEW,
          what: 'exit interview',
          siteOf: (x) => x.site_id,
          change: () => change,
        });
        await syncObligation(trx, actor, after as repo.InterviewRow);
        if (leaveDate) result.updated++;
        else result.withdrawn++;
      }
    });
    return result;
  }

  /**
   * The open interviews at these sites re-dated on their calendars, inside the transaction that changed them
   * (a public holiday added or removed): each whose due date moves is updated, audited, and its obligation moved.
   */
  async function redate(trx: Db, actor: Actor, siteIds: readonly string[]) {
    if (siteIds.length === 0) return 0;
    const open = await repo.openInterviews(trx, new Set(siteIds));
    const calendarOf = await deps.workdays.calendars(
      open.map((r) => r.site_id),
      trx,
    );
    let moved = 0;
    for (const r of open) {
      const dueDate = exitInterviewDue(r.leave_date, calendarOf(r.site_id)).dueDate;
      if (dueDate === r.due_date) continue;
      const after = await auditedUpdate(trx, actor, {
        table: 'ip_exit_interviews',
        id: r.id,
        version: r.version,
        action: 'ip.exit_interview.redated',
        entityType: EXIT_INTERVIEW,
        what: 'exit interview',
        siteOf: (x) => x.site_id,
        change: () => ({ due_date: dueDate }),
      });
      await syncObligation(trx, actor, after as repo.InterviewRow);
      moved++;
    }
    return moved;
  }

  return {
    todayAt,
    syncObligation,
    scan,
    redate,
    /** Every site (the nightly job). */
    scanAll: () => scan(systemActor('ip.actor.exitInterviews'), 'all'),
  };
}
