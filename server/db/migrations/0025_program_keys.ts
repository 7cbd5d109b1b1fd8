import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * The program keys leave the schema: role assignments, obligations, actions and committees checked their
 * `program` against a list written into migrations 0001, 0002, 0003 and 0005. The programs are now those
 * of the module list the app runs with (each manifest declares its key), and the contracts and the users
 * service refuse any other; a new program needs no migration of the platform's tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table role_assignments drop constraint role_assignments_program_check;
    alter table obligations drop constraint obligations_program_check;
    alter table actions drop constraint actions_program_check;
    alter table committees drop constraint committees_program_check;
    `,
  );
}
