import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { SiteScope } from './actor.ts';

/** The SQL condition "this row's site is in scope", for every scoped list query. */
export function inScope(
  eb: ExpressionBuilder<any, any>,
  siteColumn: string,
  scope: SiteScope,
): Expression<SqlBool> {
  if (scope === 'all') return sql<SqlBool>`true`;
  if (scope.size === 0) return sql<SqlBool>`false`;
  return eb(eb.ref(siteColumn), 'in', [...scope]);
}

/**
 * Like inScope for tables whose group-level rows have no site: those rows are visible only with the
 * whole group in scope.
 */
export function inScopeGroupRowsForGroupOnly(
  eb: ExpressionBuilder<any, any>,
  siteColumn: string,
  scope: SiteScope,
): Expression<SqlBool> {
  if (scope === 'all') return sql<SqlBool>`true`;
  return eb.and([eb(eb.ref(siteColumn), 'is not', null), inScope(eb, siteColumn, scope)]);
}
