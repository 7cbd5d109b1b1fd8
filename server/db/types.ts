import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** A handle that may be the root or a transaction: repositories take either. */
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
