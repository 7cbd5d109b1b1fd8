import { XMLParser } from 'fast-xml-parser';

/**
 * Reads a NIST CSF catalogue from NIST's OSCAL XML. The CSF 2.0 file also carries the CSF 1.1 categories and
 * subcategories that 2.0 withdrew, without marking them: a subcategory is active when it has implementation
 * examples, a category when it holds an active subcategory (reference/nist-csf-2.0/README.md).
 */

export type CsfItemKind = 'function' | 'category' | 'subcategory';

export type CsfCatalogueItem = {
  identifier: string;
  kind: CsfItemKind;
  /** The function of a category, the category of a subcategory; null for a function. */
  parent: string | null;
  /** Catalogue order: functions, then each function's categories and their subcategories. */
  position: number;
  /** Functions and categories have a title; a subcategory's title is its identifier. */
  title: string;
  /** What the item asks (a function's overview, a category's or subcategory's statement). */
  statement: string;
  examples: string[];
};

export type CsfCatalogue = {
  title: string;
  /** The framework's version as NIST states it, e.g. `CSF_2_0_0`. */
  frameworkVersion: string;
  published: string;
  items: CsfCatalogueItem[];
};

type XmlProp = { '@_name': string; '@_value': string };
type XmlPart = { '@_id'?: string; '@_name': string; p?: string[] };
type XmlControl = {
  '@_id': string;
  '@_class': string;
  title: string;
  prop?: XmlProp[];
  part?: XmlPart[];
  control?: XmlControl[];
};
type XmlGroup = {
  '@_id': string;
  '@_class': string;
  title: string;
  part?: XmlPart[];
  control?: XmlControl[];
};

const ALWAYS_LISTS = new Set(['group', 'control', 'part', 'prop', 'p']);

/** Whitespace of the XML's wrapped lines folded into single spaces. */
function text(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

function partText(parts: XmlPart[] | undefined, name: string): string {
  const part = parts?.find((p) => p['@_name'] === name);
  return text(part?.p?.join(' '));
}

/** Title case for the catalogue's upper-case function titles ("GOVERN" → "Govern"). */
function functionTitle(title: string): string {
  return title.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());
}

export function parseCsfCatalogue(xml: string): CsfCatalogue {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    isArray: (name) => ALWAYS_LISTS.has(name),
    trimValues: true,
    parseTagValue: false,
    processEntities: true,
  });
  const doc = parser.parse(xml) as {
    catalog?: { metadata: { title: string; published: string; prop?: XmlProp[] }; group?: XmlGroup[] };
  };
  const catalog = doc.catalog;
  if (!catalog?.group) throw new Error('Not an OSCAL catalogue: no <catalog> with groups');
  const frameworkVersion = catalog.metadata.prop?.find((p) => p['@_name'] === 'framework-version-identifier');
  const items: CsfCatalogueItem[] = [];
  let position = 0;
  for (const group of catalog.group) {
    if (group['@_class'] !== 'function') continue;
    const fn = group['@_id'];
    items.push({
      identifier: fn,
      kind: 'function',
      parent: null,
      position: position++,
      title: functionTitle(text(group.title)),
      statement: partText(group.part, 'overview'),
      examples: [],
    });
    for (const category of group.control ?? []) {
      if (category['@_class'] !== 'category') continue;
      const active = (category.control ?? []).filter(
        (sub) => sub['@_class'] === 'subcategory' && sub.part?.some((p) => p['@_name'] === 'example'),
      );
      if (active.length === 0) continue;
      items.push({
        identifier: category['@_id'],
        kind: 'category',
        parent: fn,
        position: position++,
        title: text(category.title),
        statement: partText(category.part, 'statement'),
        examples: [],
      });
      for (const sub of active) {
        items.push({
          identifier: sub['@_id'],
          kind: 'subcategory',
          parent: category['@_id'],
          position: position++,
          title: text(sub.title),
          statement: partText(sub.part, 'statement'),
          examples: (sub.part ?? [])
            .filter((p) => p['@_name'] === 'example')
            .map((p) => text(p.p?.join(' '))),
        });
      }
    }
  }
  return {
    title: text(catalog.metadata.title),
    frameworkVersion: frameworkVersion?.['@_value'] ?? '',
    published: text(catalog.metadata.published),
    items,
  };
}
