/** What the audit log keeps of the program's records that hold students' personal data. */

/** A student's name, e-mail and date of birth, which the retention schedule erases from the record. */
export const PERSONAL = ['full_name', 'email', 'date_of_birth'] as const;

/**
 * What the audit log keeps of an intern: the record without the student's personal data (the log outlives the
 * retention schedule, and a hash of a birth date is the date), with the names of the personal fields it holds.
 */
export function auditableIntern(row: Record<string, unknown>) {
  const kept = Object.fromEntries(
    Object.entries(row).filter(([k]) => !(PERSONAL as readonly string[]).includes(k)),
  );
  return { ...kept, personal_data: PERSONAL.filter((k) => row[k] != null) };
}

/** What the audit log keeps of a scholarship award: the record without the recipient's name. */
export function auditableScholarship(row: Record<string, unknown>) {
  const { recipient_name, ...kept } = row;
  return { ...kept, personal_data: recipient_name == null ? [] : ['recipient_name'] };
}

/** What the audit log keeps of an internship evaluation: the record without the comments about the student. */
export function auditableEvaluation(row: Record<string, unknown>) {
  const { comments, ...kept } = row;
  return { ...kept, personal_data: comments == null ? [] : ['comments'] };
}
