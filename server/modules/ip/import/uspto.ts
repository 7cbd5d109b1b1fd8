import { XMLParser } from 'fast-xml-parser';
import type { Kind } from '#shared/modules/ip/rules/offices.ts';

/**
 * Reads US patent grants from the USPTO's full-text grant XML (the `us-patent-grant` documents of the weekly
 * "ipg" files, DTD v4.0 onwards; several documents may follow each other in one file, each with its own XML
 * declaration) into the facts of a US matter. Only the bibliographic part is read.
 */

export type RelatedFiling = {
  /** How the grant claims it: a parent (35 U.S.C. 120, 121), a provisional (119(e)) or a foreign priority (119(a)). */
  relation:
    | 'continuation'
    | 'continuation_in_part'
    | 'division'
    | 'reissue'
    | 'provisional'
    | 'foreign_priority';
  country: string;
  applicationNo: string;
  date: string | null;
};

export type UsptoGrant = {
  /** The grant number as printed, without leading zeros ("8930553", "D712345", "RE45678"). */
  patentNo: string;
  /** WIPO ST.16 kind code of the grant: B1, B2, S, E, P2, P3, H. */
  kindCode: string;
  /** The matter's kind; null when Steward keeps no such kind (plant patents, statutory invention registrations). */
  kind: Kind | null;
  grantDate: string;
  applicationNo: string;
  filingDate: string;
  applicationType: string | null;
  title: string;
  /** Patent term adjustment under 35 U.S.C. 154(b), days (0 when the grant prints none). */
  termAdjustmentDays: number;
  claims: number | null;
  ipcClasses: string[];
  cpcClasses: string[];
  /** The pre-grant publication (kind A1), if there was one. */
  publicationNo: string | null;
  publicationDate: string | null;
  related: RelatedFiling[];
  /** The earliest date the grant claims (parent, provisional or foreign priority), or null. */
  priorityDate: string | null;
  /**
   * The day the 20-year term counts from when it is not the filing date: the earliest US application the grant
   * claims under 35 U.S.C. 120 or 121 (a continuation, continuation-in-part or division), 154(a)(2); provisionals
   * and foreign priorities do not count (154(a)(3)).
   */
  termFrom: string | null;
  /** Patent and non-patent documents cited on the grant. */
  citations: number;
  /** Inventors as printed, in order: given names first. */
  inventors: { givenName: string; familyName: string }[];
};

const LISTS = new Set([
  'classification-ipcr',
  'classification-cpc',
  'us-citation',
  'citation',
  'inventor',
  'applicant',
  'us-applicant',
  'continuation',
  'continuation-in-part',
  'division',
  'reissue',
  'relation',
  'us-provisional-application',
  'priority-claim',
  'related-publication',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => LISTS.has(name),
  trimValues: true,
  parseTagValue: false,
  processEntities: true,
  htmlEntities: true,
});

// biome-ignore lint/suspicious/noExplicitAny: the parsed XML is walked by name and checked as it is read
type Node = any;

const text = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return text((v as Record<string, unknown>)['#text']);
  return String(v).trim();
};
const list = (v: unknown): Node[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** "20150106" → "2015-01-06"; a partial date ("20101100", as citations print them) or none gives null. */
function isoDate(v: unknown): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text(v));
  if (!m || m[2] === '00' || m[3] === '00') return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]) ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** A document number as printed without its padding zeros: "08930553" → "8930553", "D0712345" → "D712345". */
export function plainNumber(v: string): string {
  const m = /^([A-Z]*)0*(\d+)$/i.exec(v.trim());
  return m ? `${m[1].toUpperCase()}${m[2]}` : v.trim();
}

/** WIPO ST.16 kinds of US grants: utility B1/B2 (without or with a pre-grant publication), reissues E, designs S. */
export function kindOfCode(code: string): Kind | null {
  if (/^B[12]$/.test(code) || code === 'E' || code === 'E1') return 'invention';
  if (code === 'S' || code === 'S1') return 'design';
  return null;
}

/** A classification element (section, class, subclass, main group, subgroup) as its printed symbol. */
function symbol(c: Node): string | null {
  const section = text(c?.section);
  const cls = text(c?.class);
  const subclass = text(c?.subclass);
  const main = text(c?.['main-group']);
  const sub = text(c?.subgroup);
  if (!section || !cls || !subclass || !/^\d+$/.test(main) || !/^\d+$/.test(sub)) return null;
  return `${section}${cls}${subclass} ${Number(main)}/${sub}`;
}

const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];

function relatedFilings(bib: Node): RelatedFiling[] {
  const out: RelatedFiling[] = [];
  const docs = bib['us-related-documents'] ?? {};
  const parents: [string, RelatedFiling['relation']][] = [
    ['continuation', 'continuation'],
    ['continuation-in-part', 'continuation_in_part'],
    ['division', 'division'],
    ['reissue', 'reissue'],
  ];
  for (const [tag, relation] of parents)
    for (const item of list(docs[tag]))
      for (const rel of list(item?.relation)) {
        const id = rel?.['parent-doc']?.['document-id'];
        if (!id) continue;
        out.push({
          relation,
          country: text(id.country) || 'US',
          applicationNo: text(id['doc-number']),
          date: isoDate(id.date),
        });
      }
  for (const p of list(docs['us-provisional-application'])) {
    const id = p?.['document-id'];
    if (id)
      out.push({
        relation: 'provisional',
        country: 'US',
        applicationNo: text(id['doc-number']),
        date: isoDate(id.date),
      });
  }
  for (const p of list(bib['priority-claims']?.['priority-claim']))
    out.push({
      relation: 'foreign_priority',
      country: text(p?.country),
      applicationNo: text(p?.['doc-number']),
      date: isoDate(p?.date),
    });
  return out;
}

function inventorsOf(bib: Node): UsptoGrant['inventors'] {
  // DTD 4.3 onwards: us-parties/inventors; before: parties/applicants with app-type "applicant-inventor".
  const modern = list(bib['us-parties']?.inventors?.inventor ?? bib.parties?.inventors?.inventor);
  const people = modern.length
    ? modern
    : list(bib.parties?.applicants?.applicant).filter((a) => a?.['@_app-type'] === 'applicant-inventor');
  return people
    .map((p) => ({
      givenName: text(p?.addressbook?.['first-name']),
      familyName: text(p?.addressbook?.['last-name']),
    }))
    .filter((p) => p.givenName || p.familyName);
}

function grantOf(doc: Node, index: number): UsptoGrant {
  const bib = doc?.['us-bibliographic-data-grant'];
  const where = `document ${index + 1}`;
  if (!bib) throw new Error(`The ${where} has no us-bibliographic-data-grant.`);
  const pub = bib['publication-reference']?.['document-id'];
  const app = bib['application-reference'];
  const appId = app?.['document-id'];
  const patentNo = plainNumber(text(pub?.['doc-number']));
  const kindCode = text(pub?.kind).toUpperCase();
  const grantDate = isoDate(pub?.date);
  const filingDate = isoDate(appId?.date);
  const applicationNo = text(appId?.['doc-number']);
  if (!patentNo || !grantDate)
    throw new Error(`The ${where} has no grant number and date (publication-reference).`);
  if (!applicationNo || !filingDate)
    throw new Error(`US ${patentNo} has no application number and filing date (application-reference).`);
  const ipcr = list(bib['classifications-ipcr']?.['classification-ipcr']).map(symbol);
  const cpc = bib['classifications-cpc'];
  const cpcSymbols = [
    ...list(cpc?.['main-cpc']?.['classification-cpc']),
    ...list(cpc?.['further-cpc']?.['classification-cpc']),
  ].map(symbol);
  const cited = bib['us-references-cited'] ?? bib['references-cited'];
  const prePublication = list(bib['us-related-documents']?.['related-publication'])
    .map((p) => p?.['document-id'])
    .find((id) => id && text(id.country || 'US') === 'US');
  const related = relatedFilings(bib);
  const claimed = related.map((r) => r.date).filter((d): d is string => !!d && d < filingDate);
  const parents = related
    .filter((r) => ['continuation', 'continuation_in_part', 'division'].includes(r.relation))
    .map((r) => r.date)
    .filter((d): d is string => !!d && d < filingDate)
    .sort();
  const claims = text(bib['number-of-claims']);
  const adjustment = text(bib['us-term-of-grant']?.['us-term-extension']);
  return {
    patentNo,
    kindCode,
    kind: kindOfCode(kindCode),
    grantDate,
    applicationNo,
    filingDate,
    applicationType: app?.['@_appl-type'] ?? null,
    title: text(bib['invention-title']).replace(/\s+/g, ' '),
    termAdjustmentDays: /^\d+$/.test(adjustment) ? Number(adjustment) : 0,
    claims: /^\d+$/.test(claims) ? Number(claims) : null,
    ipcClasses: unique(ipcr),
    cpcClasses: unique(cpcSymbols),
    publicationNo: prePublication ? text(prePublication['doc-number']) : null,
    publicationDate: prePublication ? isoDate(prePublication.date) : null,
    related,
    priorityDate: claimed.length ? claimed.sort()[0] : null,
    termFrom: parents[0] ?? null,
    citations: list(cited?.['us-citation']).length + list(cited?.citation).length,
    inventors: inventorsOf(bib),
  };
}

/**
 * The grants in a file of USPTO grant XML, in file order. Throws an Error saying what is wrong (not XML, a
 * document that is not a grant, a grant without its numbers and dates).
 */
export function readUsptoGrants(xml: string): UsptoGrant[] {
  // Weekly files concatenate whole documents, each with its XML declaration and DOCTYPE.
  const parts = xml
    .replace(/^\uFEFF/, '')
    .split(/(?=<\?xml[\s?])/)
    .filter((p) => p.trim());
  const grants: UsptoGrant[] = [];
  for (const part of parts) {
    let doc: Node;
    try {
      doc = parser.parse(part);
    } catch (error) {
      throw new Error(`The file is not well-formed XML: ${(error as Error).message}`);
    }
    const root = doc?.['us-patent-grant'];
    if (!root) {
      const name = Object.keys(doc ?? {}).find((k) => k !== '?xml' && !k.startsWith('!'));
      throw new Error(`Not a US patent grant: the document is <${name ?? '?'}>, not <us-patent-grant>.`);
    }
    grants.push(grantOf(root, grants.length));
  }
  if (grants.length === 0) throw new Error('The file holds no <us-patent-grant> document.');
  return grants;
}
