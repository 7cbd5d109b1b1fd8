/**
 * Whether an employee record is the former intern it seems to be, and why. Two grounds, either enough:
 * - the same e-mail address, compared after trimming and without case (RFC 5321 lets the local part be
 *   case-sensitive, but no mail system in use treats it so, and HR systems retype addresses freely);
 * - the same name and the same date of birth. A name alone is never enough: common Chinese names repeat
 *   within a site. Names are compared after Unicode NFKC (full-width letters become ASCII, compatibility
 *   ideographs their unified forms), without case, and without any white space, so that "陳 小明", "陳小明" and
 *   "ＣＨＥＮ  Xiao-ming" written twice alike compare equal.
 * The platform's employee record has no date of birth today, so employees are matched on e-mail only until it
 * has one (an employee with `dateOfBirth: null` never matches by name).
 * Either way the hire cannot come before the internship began: an earlier hire is another person, or an
 * employee who became an intern, which is not a conversion.
 */

export type InternForMatch = {
  /** Null once anonymised: such an intern is recognised by nothing. */
  fullName: string | null;
  email: string | null;
  dateOfBirth: string | null;
  startedOn: string;
};

export type EmployeeForMatch = {
  fullName: string;
  email: string | null;
  /** Null when the employee record does not hold one (the platform's does not, today). */
  dateOfBirth: string | null;
  hireDate: string;
};

export type HireMatchReason = 'email' | 'name_and_birth_date';

export type HireMatch =
  | { match: true; reason: HireMatchReason }
  | { match: false; why: 'no_common_ground' | 'hired_before_internship' };

/** An e-mail address as compared: trimmed, lower case; null when blank. */
export function normaliseEmail(email: string | null | undefined): string | null {
  const e = (email ?? '').trim().toLowerCase();
  return e === '' ? null : e;
}

/** A name as compared: NFKC, lower case (full Unicode folding), every white space removed. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('und').replace(/\s+/gu, '');
}

export function hireMatch(intern: InternForMatch, employee: EmployeeForMatch): HireMatch {
  let reason: HireMatchReason | null = null;
  const email = normaliseEmail(intern.email);
  if (email !== null && email === normaliseEmail(employee.email)) reason = 'email';
  else {
    const name = normaliseName(intern.fullName ?? '');
    if (
      name !== '' &&
      intern.dateOfBirth !== null &&
      employee.dateOfBirth !== null &&
      intern.dateOfBirth === employee.dateOfBirth &&
      name === normaliseName(employee.fullName)
    )
      reason = 'name_and_birth_date';
  }
  if (reason === null) return { match: false, why: 'no_common_ground' };
  if (employee.hireDate < intern.startedOn) return { match: false, why: 'hired_before_internship' };
  return { match: true, reason };
}
