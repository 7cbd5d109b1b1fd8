/**
 * The statements that register a data version (migration 0075) and renew it from statement-level triggers on
 * each of its tables: `<table>_<suffix>_changed` (insert, update, delete) and `<table>_<suffix>_truncated`.
 */
export function dataVersionTriggers(name: string, suffix: string, tables: readonly string[]): string {
  const statements = [`select data_version_register('${name}');`];
  for (const table of tables)
    statements.push(
      `create trigger ${table}_${suffix}_changed after insert or update or delete on ${table}
         for each statement execute function data_version_changed('${name}');`,
      `create trigger ${table}_${suffix}_truncated after truncate on ${table}
         for each statement execute function data_version_changed('${name}');`,
    );
  return statements.join('\n');
}
