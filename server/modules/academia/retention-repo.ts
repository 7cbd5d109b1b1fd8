import type { Db } from '../../db/types.ts';

/** Every period whose personal data is still held, locked until the run commits. */
export function heldPeriods(trx: Db) {
  return trx
    .selectFrom('academia_interns')
    .select(['id', 'full_name', 'email', 'date_of_birth', 'started_on', 'ended_on', 'outcome'])
    .where('anonymised_on', 'is', null)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Erases the name and contact details of these periods; returns what the audit may show of each. */
export function anonymise(trx: Db, ids: string[], today: string) {
  return trx
    .updateTable('academia_interns')
    .set((eb) => ({
      full_name: null,
      email: null,
      date_of_birth: null,
      anonymised_on: today,
      version: eb('version', '+', 1),
      updated_at: new Date(),
      updated_by: null,
    }))
    .where('id', 'in', ids)
    .where('anonymised_on', 'is', null)
    .returning(['id', 'site_id', 'version', 'anonymised_on'])
    .execute();
}

/** Proposed hires of these interns, dismissed: an anonymised intern can no longer be recognised. */
export function dismissProposals(trx: Db, internIds: string[], at: Date) {
  return trx
    .updateTable('academia_hire_matches')
    .set((eb) => ({
      status: 'dismissed',
      decided_by: null,
      decided_at: at,
      version: eb('version', '+', 1),
      updated_by: null,
      updated_at: at,
    }))
    .where('intern_id', 'in', internIds)
    .where('status', '=', 'proposed')
    .returningAll()
    .execute();
}
