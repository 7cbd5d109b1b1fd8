import type { AcademiaTables } from './academia/index.ts';
import type { InfosecTables } from './infosec/index.ts';
import type { IpTables } from './ip/index.ts';
import type { OhsTables } from './ohs/index.ts';
import type { SmartTables } from './smart/index.ts';

/** The program modules' tables, joined to the platform's in the database type (server/db/schema.ts). */
export type ModuleTables = IpTables & InfosecTables & OhsTables & AcademiaTables & SmartTables;
