import type { Kysely } from 'kysely';
import type { Db } from '../../../db/types.ts';
import { removeAuditFields } from '../../../platform/audit/field-removal.ts';

/**
 * Students' personal data out of the audit events written before the program's events stopped carrying it:
 * an intern's event held the whole record (name, e-mail, date of birth) until the log kept only which of
 * them the record held, and a scholarship award's event the recipient's name. The log outlives the retention
 * schedule, which erases those fields from the records, so the events already stored lose them too: each
 * keeps the rest of the record and, as the events written since do, `personal_data` naming the fields it held.
 * The chains are rewritten by the platform's audit field removal (verified first, hashed again from the first
 * event changed, the rewrite recorded as an `audit.redacted` event of each chain), so they still verify.
 * The interns' and awards' tables never held a telephone number: no event has one to remove.
 */
const PERSONAL = ['full_name', 'email', 'date_of_birth', 'recipient_name'] as const;

export function withoutPersonalData(value: Record<string, unknown>): Record<string, unknown> {
  const kept = Object.fromEntries(
    Object.entries(value).filter(([k]) => !(PERSONAL as readonly string[]).includes(k)),
  );
  const held = PERSONAL.filter((k) => value[k] != null);
  const already = Array.isArray(value.personal_data) ? (value.personal_data as string[]) : [];
  return { ...kept, personal_data: [...new Set([...already, ...held])] };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await removeAuditFields(db as unknown as Db, {
    entityTypes: ['academia_intern', 'academia_scholarship'],
    fields: PERSONAL,
    scrub: withoutPersonalData,
    actorLabel: 'academia.actor.auditPersonalData',
  });
}
