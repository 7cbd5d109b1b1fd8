/**
 * Whether a database error is the unique index `constraint` refusing a second row (SQLSTATE 23505), on
 * PostgreSQL and PGlite alike: the way to tell a lost race from a fault where a unique index settles it.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: name } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && name === constraint;
}
