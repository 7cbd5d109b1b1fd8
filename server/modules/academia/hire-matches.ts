import type { z } from 'zod';
import type * as c from '#shared/modules/academia/hire-match-contract.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { type Actor, type SiteScope, systemActor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { inScope } from '../../platform/access/sql.ts';
import { auditedUpdate } from '../../platform/audit/audited-update.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { ConflictError, NotFoundError } from '../../platform/http/errors.ts';
import type { PeopleService } from '../../platform/people/service.ts';
import { auditableIntern } from './audit-shapes.ts';
import {
  type AcademiaDeps,
  assertManageAt,
  assertManageRecord,
  assertReadAt,
  PROGRAM,
  siteCodes,
} from './deps.ts';
import * as repo from './hire-match-repo.ts';
import { hireMatch, normaliseEmail } from './rules/hire-match.ts';

type MatchView = z.infer<typeof c.hireMatchView>;
const matchSort = { proposedAt: 'm.proposed_at', internName: 'i.full_name' } as const;
/** E-mail addresses asked of the people service at once. */
const BATCH = 500;

/**
 * Proposing matches between former interns and employee records. The platform announces no new employee to
 * modules, so the module looks: every night (the manifest's job) and when a staff member asks. The platform's
 * employee record holds no date of birth, so employees are found by e-mail only (rules/hire-match.ts).
 */
export function createHireMatchScan(deps: {
  db: Db;
  people: Pick<PeopleService, 'employeeEssentialsByEmail'>;
}) {
  const { db } = deps;

  async function scan(actor: Actor, scope: SiteScope) {
    const interns = await repo.unhiredInterns(db, scope);
    const byEmail = new Map<string, typeof interns>();
    for (const i of interns) {
      const e = normaliseEmail(i.email);
      if (e) byEmail.set(e, [...(byEmail.get(e) ?? []), i]);
    }
    const emails = [...byEmail.keys()];
    const found: {
      siteId: string;
      internId: string;
      employeeId: string;
      employeeSiteId: string;
      reason: 'email';
    }[] = [];
    for (let n = 0; n < emails.length; n += BATCH) {
      const employees = await deps.people.employeeEssentialsByEmail(emails.slice(n, n + BATCH));
      const linked = await repo.employeesAlreadyLinked(
        db,
        employees.map((e) => e.id),
      );
      for (const e of employees) {
        if (linked.has(e.id)) continue;
        for (const i of byEmail.get(normaliseEmail(e.email) ?? '') ?? []) {
          const verdict = hireMatch(
            { fullName: i.full_name, email: i.email, dateOfBirth: i.date_of_birth, startedOn: i.started_on },
            { fullName: e.fullName, email: e.email, dateOfBirth: null, hireDate: e.hireDate },
          );
          if (verdict.match && verdict.reason === 'email')
            found.push({
              siteId: i.site_id,
              internId: i.id,
              employeeId: e.id,
              employeeSiteId: e.siteId,
              reason: verdict.reason,
            });
        }
      }
    }
    const added = await db.transaction().execute(async (trx) => {
      const rows = await repo.insertProposals(trx, found, actor.userId);
      for (const r of rows)
        await recordAudit(trx, actor, {
          action: 'academia_hire_match.proposed',
          entityType: 'academia_hire_match',
          entityId: r.id,
          siteId: r.site_id,
          after: r,
        });
      return rows.length;
    });
    return { interns: interns.length, proposed: added };
  }

  return {
    scan,
    /** Every site (the nightly job). */
    scanAll: () => scan(systemActor('academia.actor.hireMatch'), 'all'),
  };
}

/** Proposed hires: the list, looking now, and a staff member's confirmation or dismissal. */
export function createHireMatchesService(deps: AcademiaDeps) {
  const { db } = deps;
  const scanner = createHireMatchScan(deps);

  async function views(rows: repo.MatchRow[]): Promise<MatchView[]> {
    const employees = await deps.people.employeeEssentials(rows.map((r) => r.employee_id));
    const code = await siteCodes(deps, rows);
    const labels = await deps.org.siteLabels([...employees.values()].map((e) => e.siteId));
    return rows.map((r) => {
      const e = employees.get(r.employee_id);
      return {
        id: r.id,
        siteId: r.site_id,
        siteCode: code(r.site_id),
        internId: r.intern_id,
        internName: r.intern_name,
        internEmail: r.intern_email,
        partnerName: r.partner_name,
        partnerNameZh: r.partner_name_zh,
        program: r.program,
        startedOn: r.started_on,
        endedOn: r.ended_on,
        employeeId: r.employee_id,
        employeeNo: e?.employeeNo ?? null,
        employeeName: e?.fullName ?? null,
        employeeEmail: e?.email ?? null,
        employeeSiteCode: e ? (labels.get(e.siteId)?.code ?? null) : null,
        hireDate: e?.hireDate ?? null,
        reason: r.reason,
        status: r.status,
        proposedAt: r.proposed_at.toISOString(),
        decidedAt: r.decided_at?.toISOString() ?? null,
        version: r.version,
      };
    });
  }

  async function matchOrNotFound(id: string, handle: Db = db) {
    const row = await repo.matchRows(handle).where('m.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('hire match');
    return row;
  }

  async function decide(actor: Actor, id: string, version: number, status: 'confirmed' | 'dismissed') {
    const current = await matchOrNotFound(id);
    assertReadAt(actor, current.employee_site_id, 'hire match');
    assertManageRecord(actor, current.site_id, 'hire match');
    await db.transaction().execute(async (trx) => {
      const decided = await auditedUpdate(trx, actor, {
        table: 'academia_hire_matches',
        id,
        version,
        action: status === 'confirmed' ? 'academia_hire_match.confirmed' : 'academia_hire_match.dismissed',
        entityType: 'academia_hire_match',
        what: 'hire match',
        siteOf: (r) => r.site_id,
        authorize: (before) => {
          assertManageRecord(actor, before.site_id, 'hire match');
          if (before.version === version && before.status !== 'proposed')
            throw new ConflictError('This match was already decided.', { decision: before.status });
        },
        change: () => ({ status, decided_by: actor.userId, decided_at: new Date() }),
      });
      if (status === 'dismissed') return;
      const employee = (await deps.people.employeeEssentials([decided.employee_id], trx)).get(
        decided.employee_id,
      );
      if (!employee)
        throw new ConflictError('The employee record no longer exists.', { employeeId: decided.employee_id });
      const intern = await trx
        .selectFrom('academia_interns')
        .select(['version', 'hired_employee_id'])
        .where('id', '=', decided.intern_id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (intern.hired_employee_id)
        throw new ConflictError('The intern is already linked to a hire.', {
          hiredEmployeeId: intern.hired_employee_id,
        });
      await auditedUpdate(trx, actor, {
        table: 'academia_interns',
        id: decided.intern_id,
        version: intern.version,
        action: 'academia_intern.hired',
        entityType: 'academia_intern',
        what: 'intern',
        // Without the student's name, e-mail and date of birth, as every intern event.
        describe: auditableIntern,
        siteOf: (r) => r.site_id,
        change: () => ({ hired_employee_id: employee.id, hired_on: employee.hireDate }),
      });
      // The intern's other proposals fall: one intern, one hire.
      const others = await trx
        .updateTable('academia_hire_matches')
        .set((eb) => ({
          status: 'dismissed',
          decided_by: actor.userId,
          decided_at: new Date(),
          version: eb('version', '+', 1),
          updated_by: actor.userId,
          updated_at: new Date(),
        }))
        .where('intern_id', '=', decided.intern_id)
        .where('status', '=', 'proposed')
        .returningAll()
        .execute();
      for (const o of others)
        await recordAudit(trx, actor, {
          action: 'academia_hire_match.dismissed',
          entityType: 'academia_hire_match',
          entityId: o.id,
          siteId: o.site_id,
          after: o,
        });
    });
    return views([await matchOrNotFound(id)]).then((v) => v[0]);
  }

  return {
    async list(actor: Actor, q: z.infer<typeof c.hireMatchListQuery>) {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      let base = repo
        .matchRows(db)
        .where((eb) => inScope(eb, 'm.site_id', scope))
        // The proposal names the employee: shown only to staff who see the employee's site as well.
        .where((eb) => inScope(eb, 'm.employee_site_id', scope))
        .where('m.status', '=', q.status);
      if (q.siteId) base = base.where('m.site_id', '=', q.siteId);
      if (q.q) base = base.where('i.full_name', 'ilike', likePattern(q.q));
      const page = await listPage(db, base, q, {
        sortColumn: matchSort[q.sort],
        tieBreaker: 'm.id',
        toView: (r: repo.MatchRow) => r,
      });
      return { ...page, items: await views(page.items) };
    },

    /** Looks now, at one site the actor manages or at every site where the actor runs the program. */
    async scan(actor: Actor, input: z.infer<typeof c.hireMatchScanInput>) {
      if (input.siteId) {
        await assertManageAt(deps, actor, input.siteId);
        return scanner.scan(actor, new Set([input.siteId]));
      }
      return scanner.scan(actor, access.listScope(actor, 'academia.manage', PROGRAM));
    },

    confirm: (actor: Actor, id: string, version: number) => decide(actor, id, version, 'confirmed'),
    dismiss: (actor: Actor, id: string, version: number) => decide(actor, id, version, 'dismissed'),
  };
}

export type HireMatchesService = ReturnType<typeof createHireMatchesService>;
