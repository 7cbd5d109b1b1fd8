import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import { likePattern } from '#shared/platform/http/list.ts';

/**
 * Substring search of people. The character-pair indexes of migration 0012 narrow the rows to those holding
 * every pair of the search text (their expressions are written here exactly as there, or the index is not
 * used); ILIKE on each field then keeps the true matches. A one-character search has no pair to look up.
 */
const SEARCHED = {
  employees: {
    text: sql`lower(employees.full_name || ' ' || employees.employee_no || ' ' || coalesce(employees.email, ''))`,
    fields: ['employees.full_name', 'employees.employee_no', 'employees.email'],
  },
  contractor_workers: {
    text: sql`lower(contractor_workers.full_name || ' ' || contractor_workers.worker_no)`,
    fields: ['contractor_workers.full_name', 'contractor_workers.worker_no'],
  },
} as const satisfies Record<string, { text: RawBuilder<unknown>; fields: readonly string[] }>;

export function matchesSearch(
  // biome-ignore lint/suspicious/noExplicitAny: any query over the searched table
  eb: ExpressionBuilder<any, any>,
  table: keyof typeof SEARCHED,
  q: string,
): Expression<SqlBool> {
  const { text, fields } = SEARCHED[table];
  const pattern = likePattern(q);
  const anyField = eb.or(fields.map((f) => eb(eb.ref(f), 'ilike', pattern)));
  if ([...q].length < 2) return anyField;
  return eb.and([sql<SqlBool>`steward_bigrams(${text}) @> steward_bigrams(lower(${q}))`, anyField]);
}
