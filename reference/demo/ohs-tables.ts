import type { OhsDataset } from './ohs-rows.ts';
import type { CertificationRow } from './rows.ts';

/** One table's rows, in load order; `batchSize` for the few tables with many narrow rows. */
export type TableRows = { table: string; rows: readonly Record<string, unknown>[]; batchSize?: number };

/** The OHS tables of the demo, parents before children (the order both the demo and the benchmarks load in). */
export function ohsTables(ohs: OhsDataset): TableRows[] {
  return [
    { table: 'employees', rows: ohs.formerEmployees },
    { table: 'ohs_hours', rows: ohs.hours },
    { table: 'ohs_incidents', rows: ohs.incidents },
    { table: 'ohs_injuries', rows: ohs.injuries },
    { table: 'ohs_investigations', rows: ohs.investigations },
    { table: 'ohs_investigation_events', rows: ohs.investigationEvents },
    { table: 'ohs_root_causes', rows: ohs.rootCauses },
    { table: 'actions', rows: ohs.actions },
    { table: 'health_screenings', rows: ohs.screenings, batchSize: 10_000 },
    { table: 'health_followups', rows: ohs.followups },
    { table: 'wellbeing_programs', rows: ohs.wellbeingPrograms },
    { table: 'wellbeing_participation', rows: ohs.wellbeingParticipation, batchSize: 10_000 },
    { table: 'certifications', rows: renewalsAfterTheirPrevious(ohs.certifications) },
    { table: 'ohs_goals', rows: ohs.goals },
    { table: 'ohs_hazards', rows: ohs.hazards },
    { table: 'contractor_qualifications', rows: ohs.qualifications },
    { table: 'ohs_permits', rows: ohs.permits },
    { table: 'obligations', rows: ohs.obligations, batchSize: 10_000 },
  ];
}

/** Row counts per table, for progress lines and the audit event of the demo load. */
export function ohsCounts(o: OhsDataset): Record<string, number> {
  return {
    former_employees: o.formerEmployees.length,
    ohs_hours: o.hours.length,
    ohs_incidents: o.incidents.length,
    ohs_injuries: o.injuries.length,
    ohs_investigations: o.investigations.length,
    health_screenings: o.screenings.length,
    wellbeing_participation: o.wellbeingParticipation.length,
    certifications: o.certifications.length,
    ohs_hazards: o.hazards.length,
    ohs_permits: o.permits.length,
    obligations: o.obligations.length,
  };
}

/** Certificates ordered so that each comes after the one it renews. */
function renewalsAfterTheirPrevious(certs: readonly CertificationRow[]): CertificationRow[] {
  const byId = new Map(certs.map((c) => [c.id, c]));
  const depth = (c: CertificationRow): number =>
    c.previous_id ? 1 + depth(byId.get(c.previous_id) as CertificationRow) : 0;
  return [...certs].sort((a, b) => depth(a) - depth(b));
}
