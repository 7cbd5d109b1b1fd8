import { readFileSync } from 'node:fs';
import type { Db } from '../../../db/types.ts';
import { type CsfCatalogue, parseCsfCatalogue } from './rules/catalogue.ts';

/**
 * The catalogue versions Steward ships, by fixed id: campaigns (and the demo's history) name the version they
 * were made against, and a later revision of the framework is a new entry beside these. Each is read from its
 * official file in `reference/` and stored the first time it is needed (not by a migration: a database just
 * migrated holds no rows, so that a backup restores into it as into any empty one).
 */
export const CSF_2_0_CATALOGUE_ID = '7c1f0a52-2b6e-4c1d-9a44-c5f200000020';

type BuiltIn = { id: string; name: string; version: string; file: string };

export const BUILT_IN_CATALOGUES: readonly BuiltIn[] = [
  {
    id: CSF_2_0_CATALOGUE_ID,
    name: 'NIST CSF',
    version: '2.0',
    file: 'reference/nist-csf-2.0/NIST_CSF_v2.0_catalog.xml',
  },
];

const parsed = new Map<string, CsfCatalogue>();

function parsedOf(b: BuiltIn): CsfCatalogue {
  let c = parsed.get(b.id);
  if (!c) {
    c = parseCsfCatalogue(readFileSync(new URL(`../../../../${b.file}`, import.meta.url), 'utf8'));
    parsed.set(b.id, c);
  }
  return c;
}

/** The rows of a built-in catalogue version: its head and its items, as the tables hold them. */
export function catalogueRows(b: BuiltIn) {
  const c = parsedOf(b);
  return {
    catalogue: {
      id: b.id,
      name: b.name,
      version: b.version,
      framework_version: c.frameworkVersion,
      published: c.published.slice(0, 10),
      source: b.file,
    },
    items: c.items.map((item) => ({
      catalogue_id: b.id,
      identifier: item.identifier,
      kind: item.kind,
      parent: item.parent,
      position: item.position,
      title: item.title,
      statement: item.statement,
      examples: item.examples,
    })),
  };
}

/** Stores the built-in versions that the database does not hold yet (two processes may race: both succeed). */
export async function ensureBuiltInCatalogues(db: Db): Promise<void> {
  const present = new Set((await db.selectFrom('csf_catalogues').select('id').execute()).map((r) => r.id));
  for (const b of BUILT_IN_CATALOGUES) {
    if (present.has(b.id)) continue;
    const rows = catalogueRows(b);
    const store = async (trx: Db) => {
      const inserted = await trx
        .insertInto('csf_catalogues')
        .values(rows.catalogue)
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return;
      await trx
        .insertInto('csf_items')
        .values(rows.items.map((i) => ({ ...i, examples: JSON.stringify(i.examples) })))
        .execute();
    };
    // Inside the caller's transaction when there is one (an embedded database has one connection).
    if (db.isTransaction) await store(db);
    else await db.transaction().execute(store);
  }
}
