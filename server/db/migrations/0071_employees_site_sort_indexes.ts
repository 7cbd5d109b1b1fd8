import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * Employees of a few sites sorted by department or hire date (a subsidiary's officer): the list reads each
 * site's rows in order from these indexes and merges them (server/db/paging.ts, perSite), as it already does by
 * name (employees_site_idx). Without them, the first page by department walked the whole group's department
 * index past 115,000 other sites' employees at scale 10.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create index employees_site_department_idx on employees (site_id, department, id);
    create index employees_site_hire_idx on employees (site_id, hire_date, id);
    `,
  );
}
