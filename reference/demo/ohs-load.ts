import { bulkInsert } from '../../server/db/bulk.ts';
import type { Db } from '../../server/db/types.ts';
import type { CertificationRow, OhsDataset } from './ohs.ts';

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Loads the OHS records of the demo inside the demo's transaction, parents before children, in batches.
 * History is loaded as it stands on the demo clock's day (closed investigations, notices given, obligations
 * done), and without an audit event per row: the demo load records one.
 */
export async function loadOhsDataset(
  trx: Db,
  ohs: OhsDataset,
  log: (line: string) => void = () => {},
): Promise<void> {
  await bulkInsert(trx, 'employees', ohs.formerEmployees);
  await bulkInsert(trx, 'ohs_hours', ohs.hours);
  await bulkInsert(trx, 'ohs_incidents', ohs.incidents);
  await bulkInsert(trx, 'ohs_injuries', ohs.injuries);
  await bulkInsert(trx, 'ohs_investigations', ohs.investigations);
  await bulkInsert(trx, 'ohs_investigation_events', ohs.investigationEvents);
  await bulkInsert(trx, 'ohs_root_causes', ohs.rootCauses);
  await bulkInsert(trx, 'actions', ohs.actions);
  log(
    `Demo dataset: OHS history loaded (${fmt(ohs.hours.length)} site-months of hours, ${fmt(ohs.incidents.length)} incidents, ${fmt(ohs.injuries.length)} people hurt, ${fmt(ohs.investigations.length)} investigations)`,
  );
  await bulkInsert(trx, 'health_screenings', ohs.screenings, { batchSize: 10_000 });
  await bulkInsert(trx, 'health_followups', ohs.followups);
  await bulkInsert(trx, 'wellbeing_programs', ohs.wellbeingPrograms);
  await bulkInsert(trx, 'wellbeing_participation', ohs.wellbeingParticipation, { batchSize: 10_000 });
  log(
    `Demo dataset: ${fmt(ohs.screenings.length)} health screenings, ${fmt(ohs.wellbeingPrograms.length)} wellbeing programs with ${fmt(ohs.wellbeingParticipation.length)} participations loaded`,
  );
  await bulkInsert(trx, 'certifications', renewalsAfterTheirPrevious(ohs.certifications));
  await bulkInsert(trx, 'ohs_goals', ohs.goals);
  await bulkInsert(trx, 'ohs_hazards', ohs.hazards);
  await bulkInsert(trx, 'contractor_qualifications', ohs.qualifications);
  await bulkInsert(trx, 'ohs_permits', ohs.permits);
  await bulkInsert(trx, 'obligations', ohs.obligations, { batchSize: 10_000 });
  log(
    `Demo dataset: ${ohs.certifications.length} ISO 45001 certificates, ${ohs.hazards.length} hazards, ${ohs.permits.length} permits to work and ${fmt(ohs.obligations.length)} obligations loaded`,
  );
}

/** Certificates ordered so that each comes after the one it renews. */
function renewalsAfterTheirPrevious(certs: readonly CertificationRow[]): CertificationRow[] {
  const byId = new Map(certs.map((c) => [c.id, c]));
  const depth = (c: CertificationRow): number =>
    c.previous_id ? 1 + depth(byId.get(c.previous_id) as CertificationRow) : 0;
  return [...certs].sort((a, b) => depth(a) - depth(b));
}
