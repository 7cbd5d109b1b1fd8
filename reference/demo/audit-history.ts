import { ohsMessage, ohsWord, qualificationKindName } from '../../server/modules/ohs/messages.ts';
import type { HistoricalAuditEntry } from '../../server/platform/audit/history.ts';
import type { AuditSummary } from '../../server/platform/audit/summary.ts';
import type { CommitteeDataset } from './committees.ts';
import type { DemoDataset } from './generate.ts';
import type { OhsDataset } from './ohs-rows.ts';
import type { TrainingDataset } from './training.ts';

/**
 * The audit events the demo's records would have left had they been entered one by one: each record's
 * creation (and a permit's every step, an investigation's closing, an action's completion) dated when it
 * happened, by whom. Health records stay out: their details are redacted in the log anyway, and a
 * screening's event says no more than the record itself.
 */
function historyOf(data: DemoDataset) {
  const out: HistoricalAuditEntry[] = [];
  const names = new Map(data.users.map((u) => [u.id, u.display_name]));
  const nameOf = new Map(data.users.map((u) => [u.display_name, u.id]));
  const system = { userId: null, label: 'steward import' };
  const who = (userId: string | null | undefined) =>
    userId ? { userId, label: names.get(userId) ?? 'steward import' } : system;
  const add = (
    at: string | null,
    actor: { userId: string | null; label: string },
    action: string,
    entityType: string,
    entityId: string,
    siteId: string | null,
    summary: AuditSummary | null,
    after?: unknown,
  ) => {
    if (!at) return;
    out.push({
      occurredAt: new Date(at),
      actor,
      action,
      entityType,
      entityId,
      siteId,
      summary: summary ?? undefined,
      after,
    });
  };

  return { out, add, who, nameOf, system };
}

/** The platform's records: training courses, committees and meetings, and the actions of committees. */
export function demoAuditHistory(
  data: DemoDataset,
  training: TrainingDataset,
  committees: CommitteeDataset,
): HistoricalAuditEntry[] {
  const { out, add, who } = historyOf(data);
  for (const a of committees.actions) {
    add(a.created_at, who(a.owner_id), 'action.created', 'action', a.id, a.site_id, a.title, {
      kind: a.kind,
      dueDate: a.due_date,
      sourceType: a.source_type,
    });
    add(a.done_at, who(a.owner_id), 'action.updated', 'action', a.id, a.site_id, a.title, { status: 'done' });
    add(a.verified_at, who(a.verified_by), 'action.updated', 'action', a.id, a.site_id, a.title, {
      status: 'verified',
    });
  }
  for (const c of training.courses)
    add(
      c.created_at,
      who(c.created_by),
      'course.created',
      'training_course',
      c.id,
      c.site_id,
      `${c.code} ${c.title}`,
      {
        code: c.code,
        domain: c.domain,
      },
    );
  for (const c of committees.committees)
    add(c.created_at, who(c.created_by), 'committee.created', 'committee', c.id, c.site_id, c.name, {
      level: c.level,
    });
  for (const m of committees.meetings) {
    add(m.created_at, who(m.created_by), 'meeting.created', 'meeting', m.id, m.site_id, m.title, {
      scheduledAt: m.scheduled_at,
    });
    add(
      m.minutes_approved_at,
      who(m.minutes_approved_by),
      'meeting.updated',
      'meeting',
      m.id,
      m.site_id,
      m.title,
      {
        status: 'minutes_approved',
      },
    );
  }
  return out;
}

/** The OHS records: incidents, investigations, their actions, hazards, permits, qualifications, certificates. */
export function ohsAuditHistory(data: DemoDataset, ohs: OhsDataset): HistoricalAuditEntry[] {
  const { out, add, who, nameOf, system } = historyOf(data);
  for (const i of ohs.incidents)
    add(
      i.created_at,
      i.anonymous ? { userId: null, label: 'anonymous report' } : who(i.created_by),
      'ohs.incident.reported',
      'ohs_incident',
      i.id,
      i.site_id,
      ohsMessage('ohs.audit.incidentReported', {
        reference: i.reference,
        kind: ohsWord('ohs.incidentKind', i.kind),
        title: i.title,
      }),
      { reference: i.reference, kind: i.kind, occurredOn: i.occurred_on, title: i.title },
    );
  const incidentOf = new Map(ohs.incidents.map((i) => [i.id, i]));
  for (const v of ohs.investigations) {
    const ref = incidentOf.get(v.incident_id)?.reference ?? v.incident_id;
    add(
      v.created_at,
      who(v.lead_id),
      'ohs.investigation.opened',
      'ohs_investigation',
      v.id,
      v.site_id,
      ohsMessage('ohs.audit.investigationOpened', { reference: ref }),
      {
        incidentId: v.incident_id,
        leadId: v.lead_id,
      },
    );
    add(
      v.closed_at,
      who(v.lead_id),
      'ohs.investigation.closed',
      'ohs_investigation',
      v.id,
      v.site_id,
      ohsMessage('ohs.audit.investigationClosed', { reference: ref }),
      {
        status: 'closed',
      },
    );
  }
  for (const r of ohs.rootCauses)
    add(
      r.created_at,
      system,
      'ohs.root_cause.added',
      'ohs_investigation',
      r.investigation_id,
      r.site_id,
      r.statement,
      {
        method: r.method,
        category: r.category,
      },
    );
  for (const a of ohs.actions) {
    add(a.created_at, who(a.owner_id), 'action.created', 'action', a.id, a.site_id, a.title, {
      kind: a.kind,
      dueDate: a.due_date,
      sourceType: a.source_type,
    });
    add(a.done_at, who(a.owner_id), 'action.updated', 'action', a.id, a.site_id, a.title, { status: 'done' });
    add(a.verified_at, who(a.verified_by), 'action.updated', 'action', a.id, a.site_id, a.title, {
      status: 'verified',
    });
  }
  for (const h of ohs.hazards)
    add(
      `${h.last_reviewed_on}T02:00:00.000Z`,
      who(h.owner_id),
      'ohs.hazard.created',
      'ohs_hazard',
      h.id,
      h.site_id,
      h.hazard,
      {
        activity: h.activity,
        likelihood: h.likelihood,
        severity: h.severity,
      },
    );
  for (const p of ohs.permits)
    for (const step of p.history)
      add(
        step.at,
        step.by ? { userId: nameOf.get(step.by) ?? null, label: step.by } : system,
        step.transition === 'request' ? 'ohs.permit.requested' : `ohs.permit.${step.transition}`,
        'ohs_permit',
        p.id,
        p.site_id,
        step.transition === 'request'
          ? ohsMessage('ohs.audit.permitRequested', {
              reference: p.reference,
              type: ohsWord('ohs.permitType', p.type),
            })
          : ohsMessage('ohs.audit.permitStep', {
              reference: p.reference,
              from: ohsWord('ohs.permitStatus', step.from),
              to: ohsWord('ohs.permitStatus', step.to),
            }),
        { reference: p.reference, type: p.type, status: step.to },
      );
  for (const q of ohs.qualifications)
    add(
      `${q.issued_on}T03:00:00.000Z`,
      system,
      'contractor_qualification.created',
      'contractor_qualification',
      q.id,
      q.site_id,
      ohsMessage('ohs.audit.qualificationAdded', {
        kind: qualificationKindName(q.kind),
        number: q.certificate_no,
      }),
      {
        workerId: q.worker_id,
        kind: q.kind,
        validUntil: q.valid_until,
      },
    );
  for (const c of ohs.certifications)
    add(
      c.created_at,
      who(c.owner_id),
      'certification.created',
      'certification',
      c.id,
      c.site_id,
      `${c.standard} ${c.certificate_no}`,
      {
        issuedOn: c.issued_on,
        validUntil: c.valid_until,
      },
    );
  return out;
}
