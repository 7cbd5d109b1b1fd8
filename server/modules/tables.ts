import type { InfosecTables } from './infosec/index.ts';
import type { OhsTables } from './ohs/index.ts';

/** The program modules' tables, joined to the platform's in the database type (server/db/schema.ts). */
export type ModuleTables = OhsTables & InfosecTables;
