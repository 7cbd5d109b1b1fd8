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

/** Every award whose recipient's name is still held, with its last payment, locked until the run commits. */
export async function heldScholarships(trx: Db) {
  const awards = await trx
    .selectFrom('academia_scholarships')
    .select(['id', 'awarded_on'])
    .where('anonymised_on', 'is', null)
    .orderBy('id')
    .forUpdate()
    .execute();
  const lastPaid = new Map<string, string>();
  for (let n = 0; n < awards.length; n += 1000) {
    const ids = awards.slice(n, n + 1000).map((a) => a.id);
    const rows = await trx
      .selectFrom('academia_payments')
      .select(['scholarship_id', (eb) => eb.fn.max('paid_on').as('last_paid_on')])
      .where('scholarship_id', 'in', ids)
      .groupBy('scholarship_id')
      .execute();
    for (const r of rows) if (r.scholarship_id) lastPaid.set(r.scholarship_id, String(r.last_paid_on));
  }
  return awards.map((a) => ({ id: a.id, awardedOn: a.awarded_on, lastPaidOn: lastPaid.get(a.id) ?? null }));
}

/** Erases the recipient's name of these awards; returns what the audit may show of each. */
export function anonymiseScholarships(trx: Db, ids: string[], today: string) {
  return trx
    .updateTable('academia_scholarships')
    .set((eb) => ({
      recipient_name: null,
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
