import type { EmployeeRow } from '../../reference/demo/rows.ts';
import { chainKeyFor, eventHash, GENESIS_HASH } from '../../server/platform/audit/chain.ts';

/**
 * An audit history for the benchmarks: the hiring of every employee, appended to the chain of the employee's
 * site with the same hash rule as Steward's own writes, so the audit list reads a table of a real group's size
 * and `steward audit verify` still finds every chain intact.
 */

export type AuditEventRow = {
  chain_key: string;
  seq: number;
  prev_hash: string;
  hash: string;
  occurred_at: string;
  actor_id: null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  site_id: string;
  summary: string;
  before: null;
  after: Record<string, unknown>;
};

export type AuditHeads = Map<string, { seq: number; hash: string }>;

/** Yields the events in chain order; `heads` holds each chain's last link when the generator is done. */
export function* hiringEvents(
  employees: readonly EmployeeRow[],
  heads: AuditHeads,
): Generator<AuditEventRow> {
  for (const e of employees) {
    const chainKey = chainKeyFor(e.site_id);
    const head = heads.get(chainKey) ?? { seq: 0, hash: GENESIS_HASH };
    const fields = {
      chainKey,
      seq: head.seq + 1,
      prevHash: head.hash,
      occurredAt: new Date(`${e.hire_date}T01:00:00.000Z`),
      actorId: null,
      actorLabel: 'steward import',
      action: 'employee.created',
      entityType: 'employee',
      entityId: e.id,
      siteId: e.site_id,
      summary: `Employee ${e.employee_no} added`,
      before: null,
      after: {
        employeeNo: e.employee_no,
        fullName: e.full_name,
        department: e.department,
        hireDate: e.hire_date,
      },
    };
    const hash = eventHash(fields);
    heads.set(chainKey, { seq: fields.seq, hash });
    yield {
      chain_key: chainKey,
      seq: fields.seq,
      prev_hash: fields.prevHash,
      hash,
      occurred_at: fields.occurredAt.toISOString(),
      actor_id: null,
      actor_label: fields.actorLabel,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      site_id: fields.siteId,
      summary: fields.summary,
      before: null,
      after: fields.after,
    };
  }
}
