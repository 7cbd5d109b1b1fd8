import { readFileSync } from 'node:fs';
import type { CatalogueView } from '#shared/modules/infosec/csf/contract.ts';
import type { Db } from '../../../db/types.ts';
import { NotFoundError } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { BUILT_IN_CATALOGUES, ensureBuiltInCatalogues } from './catalogues.ts';
import type { Hierarchy } from './rules/maturity.ts';

/** The functions that CSF 1.1 and 2.0 share; Govern is new in 2.0. */
export const SHARED_FUNCTIONS = ['ID', 'PR', 'DE', 'RS', 'RC'] as const;
/** Functions a campaign's basis leaves unassessed. */
export function unassessedFunctions(basis: '1.1' | '2.0'): string[] {
  return basis === '1.1' ? ['GV'] : [];
}

type Item = {
  identifier: string;
  kind: 'function' | 'category' | 'subcategory';
  parent: string | null;
  title: string;
  statement: string;
  examples: string[];
};

export type LoadedCatalogue = {
  id: string;
  name: string;
  version: string;
  frameworkVersion: string;
  source: string;
  published: string;
  items: Item[];
  byId: ReadonlyMap<string, Item>;
  hierarchy: Hierarchy;
  functions: Item[];
  subcategories: Item[];
};

type Translation = { title?: string; statement?: string };

const TRANSLATION_FILE = new URL('../../../../reference/nist-csf-2.0/titles.zh-TW.json', import.meta.url);
let translations: Record<string, Translation> | undefined;

/** The editable Traditional Chinese titles, read once per process; an identifier missing there stays English. */
function zhTw(): Record<string, Translation> {
  translations ??= JSON.parse(readFileSync(TRANSLATION_FILE, 'utf8')) as Record<string, Translation>;
  return translations;
}

/** A catalogue item's title and statement in the reader's language. */
export function localized(item: Item, locale: Locale): { title: string; statement: string } {
  const t = locale === 'zh-TW' ? zhTw()[item.identifier] : undefined;
  return { title: t?.title ?? item.title, statement: t?.statement ?? item.statement };
}

/** Catalogue versions never change once loaded: each is read once per process and kept. */
export function createCatalogueStore(db: Db) {
  const loaded = new Map<string, Promise<LoadedCatalogue>>();
  let latest: Promise<string> | undefined;

  async function load(id: string, handle: Db): Promise<LoadedCatalogue> {
    const read = () =>
      handle.selectFrom('csf_catalogues').selectAll().where('id', '=', id).executeTakeFirst();
    let head = await read();
    if (!head && BUILT_IN_CATALOGUES.some((b) => b.id === id)) {
      await ensureBuiltInCatalogues(handle);
      head = await read();
    }
    if (!head) throw new NotFoundError('catalogue');
    const items = (
      await handle
        .selectFrom('csf_items')
        .select(['identifier', 'kind', 'parent', 'title', 'statement', 'examples'])
        .where('catalogue_id', '=', id)
        .orderBy('position')
        .execute()
    ).map((r) => ({ ...r, examples: r.examples ?? [] }));
    const categoryOf = new Map<string, string>();
    const functionOf = new Map<string, string>();
    for (const item of items) {
      if (item.kind === 'subcategory' && item.parent) categoryOf.set(item.identifier, item.parent);
      if (item.kind === 'category' && item.parent) functionOf.set(item.identifier, item.parent);
    }
    return {
      id,
      name: head.name,
      version: head.version,
      frameworkVersion: head.framework_version,
      source: head.source,
      published: head.published,
      items,
      byId: new Map(items.map((i) => [i.identifier, i])),
      hierarchy: { categoryOf, functionOf },
      functions: items.filter((i) => i.kind === 'function'),
      subcategories: items.filter((i) => i.kind === 'subcategory'),
    };
  }

  return {
    /** `handle`: the caller's transaction, when there is one (an embedded database has one connection). */
    get(id: string, handle: Db = db): Promise<LoadedCatalogue> {
      let entry = loaded.get(id);
      if (!entry) {
        entry = load(id, handle);
        // A failed load is not kept: the caller sees the error, the next call reads again.
        entry.catch(() => loaded.delete(id));
        loaded.set(id, entry);
      }
      return entry;
    },

    /**
     * The newest catalogue version, for a new campaign. Versions come with the product (a new one is a new
     * built-in), so the answer is read once per process.
     */
    latestId(handle: Db = db): Promise<string> {
      const read = async () => {
        await ensureBuiltInCatalogues(handle);
        const row = await handle
          .selectFrom('csf_catalogues')
          .select('id')
          .orderBy('published', 'desc')
          .executeTakeFirst();
        if (!row) throw new NotFoundError('catalogue');
        return row.id;
      };
      // Inside a transaction that may yet roll back, nothing is kept.
      if (handle.isTransaction) return read();
      if (!latest) {
        latest = read();
        latest.catch(() => {
          latest = undefined;
        });
      }
      return latest;
    },

    view(c: LoadedCatalogue, locale: Locale): CatalogueView {
      const childrenOf = (parent: string) => c.items.filter((i) => i.parent === parent);
      return {
        id: c.id,
        name: c.name,
        version: c.version,
        published: c.published,
        functions: c.functions.map((f) => ({
          identifier: f.identifier,
          ...localized(f, locale),
          categories: childrenOf(f.identifier).map((cat) => ({
            identifier: cat.identifier,
            ...localized(cat, locale),
            subcategories: childrenOf(cat.identifier).map((s) => ({
              identifier: s.identifier,
              statement: localized(s, locale).statement,
              examples: s.examples,
            })),
          })),
        })),
      };
    },
  };
}

export type CatalogueStore = ReturnType<typeof createCatalogueStore>;

/** The subcategories an assessment on this basis answers. */
export function subcategoriesToAssess(c: LoadedCatalogue, basis: '1.1' | '2.0'): Item[] {
  const skip = new Set(unassessedFunctions(basis));
  return c.subcategories.filter((s) => !skip.has(c.hierarchy.functionOf.get(s.parent ?? '') ?? ''));
}
