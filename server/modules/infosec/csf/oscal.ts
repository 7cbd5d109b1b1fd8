import { createHash } from 'node:crypto';

/**
 * One NIST CSF maturity assessment as an OSCAL 1.0.4 assessment-results document (NIST OSCAL, "Assessment
 * Results Model"; JSON Schema in reference/oscal-1.0.4): one result for the assessment, one finding per
 * answered subcategory, the catalogue it was made against in back-matter.
 *
 * Choices the schema leaves open, and why:
 * - Steward keeps no OSCAL assessment plan, but `import-ap` is required: it points at the back-matter resource
 *   naming the CSF catalogue (version and source file), with a remark saying so.
 * - Control ids are the catalogue's own (`GV.OC-01`): NIST's CSF 2.0 OSCAL catalogue uses them as control ids
 *   and they already match the schema's token pattern, so no lower-casing is needed.
 * - A finding's status is `satisfied` when the level reaches the target, `not-satisfied` below it; a
 *   subcategory marked not applicable is `satisfied` with reason `not-applicable`; one with no target set is
 *   `not-satisfied` with reason `no-target` (nothing says it is met, so it is not claimed).
 * - UUIDs follow the 1.0.4 rule "assigned per-subject": derived from the assessment's and the subcategory's
 *   ids, so the same input gives the same document, and a re-export names the same subjects.
 */

export type OscalExportInput = {
  assessment: {
    id: string;
    revision: number;
    status: string;
    domain: 'it' | 'ot';
    site: { id: string; code: string; name: string };
    campaign: { id: string; year: number; name: string; basis: '1.1' | '2.0' };
    assessor: { name: string; consultancy: string | null } | null;
    /** ISO date-time. */
    approvedAt: string | null;
    /** ISO date-time. */
    updatedAt: string;
    correctionReason: string | null;
  };
  catalogue: { id: string; name: string; version: string; frameworkVersion: string; source: string };
  /** One per assessed subcategory (level given or not applicable); subcategories never answered are absent. */
  answers: {
    subcategory: string;
    statement: string;
    level: number | null;
    notApplicable: boolean;
    target: number | null;
    notes: string | null;
    assessedAt: string;
    assessedBy: string | null;
  }[];
  /** 0..5 → e.g. 'Not performed', 'Initial', … */
  levelLabels: Record<number, string>;
  /** ISO date-time. */
  generatedAt: string;
};

export const OSCAL_VERSION = '1.0.4';
/** The namespace of Steward's own OSCAL properties (the schema asks a URI: `^[a-zA-Z][a-zA-Z0-9+\-.]+:.+$`). */
export const CSF_PROP_NS = 'https://steward.example/ns/csf';

/** The schema's token pattern (control ids, target ids, status reasons, role ids, property names). */
const TOKEN = /^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u;

const DOMAIN_TITLE = { it: 'IT', ot: 'OT' } as const;

type Json = Record<string, unknown>;
type Answer = OscalExportInput['answers'][number];

/**
 * A version 4 shaped UUID from a SHA-256 of a stable key (RFC 4122 §4.4 layout: version nibble 4, variant
 * bits 10), so that it matches the schema's `[45]…[89ABab]` pattern and stays the same for the same key.
 */
export function deterministicUuid(key: string): string {
  const hex = createHash('sha256').update(`steward:csf-oscal:${key}`).digest('hex').slice(0, 32).split('');
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** One line, no leading or trailing space: the schema's `^\S(.*\S)?$` for names and property values. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** An ISO date-time in UTC; a value that is not a date is an error, never a guessed date. */
function dateTime(value: string, field: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`${field} is not a date-time: ${value}`);
  return d.toISOString();
}

function token(value: string, field: string): string {
  if (!TOKEN.test(value)) throw new Error(`${field} is not an OSCAL token: ${value}`);
  return value;
}

/** A Steward property; left out when its value is blank (the schema wants a non-empty value). */
function prop(name: string, value: string | number, remarks?: string): Json | null {
  const v = oneLine(String(value));
  if (v === '') return null;
  const p: Json = { name, ns: CSF_PROP_NS, value: v };
  if (remarks !== undefined && remarks.trim() !== '') p.remarks = remarks.trim();
  return p;
}

/** The schema's arrays hold at least one item: an empty list is left out rather than written empty. */
function withList(target: Json, key: string, items: (Json | string | null)[]): Json {
  const present = items.filter((i) => i !== null);
  if (present.length > 0) target[key] = present;
  return target;
}

function levelText(level: number, labels: Record<number, string>): string {
  const label = labels[level];
  return label ? `${level} (${label})` : String(level);
}

function checkLevel(value: number | null, field: string): void {
  if (value !== null && !(Number.isInteger(value) && value >= 0 && value <= 5)) {
    throw new Error(`${field} is not a maturity level 0 to 5: ${value}`);
  }
}

function status(a: Answer): { state: 'satisfied' | 'not-satisfied'; reason: string } {
  checkLevel(a.level, `${a.subcategory} level`);
  checkLevel(a.target, `${a.subcategory} target`);
  if (a.notApplicable && a.level !== null) throw new Error(`${a.subcategory}: a level and not applicable`);
  if (a.notApplicable) return { state: 'satisfied', reason: 'not-applicable' };
  if (a.level === null) throw new Error(`${a.subcategory}: neither a level nor not applicable`);
  if (a.target === null) return { state: 'not-satisfied', reason: 'no-target' };
  return a.level >= a.target
    ? { state: 'satisfied', reason: 'target-met' }
    : { state: 'not-satisfied', reason: 'below-target' };
}

function findingDescription(a: Answer, labels: Record<number, string>): string {
  if (a.notApplicable || a.level === null)
    return `${a.subcategory} is not applicable to this site and domain.`;
  const current = `Current maturity ${levelText(a.level, labels)}`;
  if (a.target === null) return `${current}; no target maturity set.`;
  const verdict = a.level >= a.target ? 'target met' : 'below target';
  return `${current} against target ${levelText(a.target, labels)}: ${verdict}.`;
}

function finding(input: OscalExportInput, a: Answer): Json {
  const { levelLabels } = input;
  const s = status(a);
  const notes = a.notes?.trim() ?? '';
  const f: Json = {
    uuid: deterministicUuid(`finding:${input.assessment.id}:${a.subcategory}`),
    title: oneLine(a.statement) === '' ? a.subcategory : `${a.subcategory}: ${oneLine(a.statement)}`,
    description: findingDescription(a, levelLabels),
  };
  withList(f, 'props', [
    prop('subcategory', a.subcategory),
    a.level === null ? null : prop('current-maturity', a.level, levelLabels[a.level]),
    a.target === null ? null : prop('target-maturity', a.target, levelLabels[a.target]),
    a.notApplicable ? prop('not-applicable', 'true') : null,
    prop('assessed-at', dateTime(a.assessedAt, `${a.subcategory} assessedAt`)),
    a.assessedBy === null ? null : prop('assessed-by', a.assessedBy),
  ]);
  f.target = {
    type: 'objective-id',
    'target-id': token(a.subcategory, 'subcategory'),
    description: oneLine(a.statement) || a.subcategory,
    status: s,
  };
  if (notes !== '') f.remarks = notes;
  return f;
}

function parties(input: OscalExportInput): { parties: Json[]; assessorUuid: string | null } {
  const assessor = input.assessment.assessor;
  if (assessor === null) return { parties: [], assessorUuid: null };
  const list: Json[] = [];
  const consultancy = oneLine(assessor.consultancy ?? '');
  const orgUuid = consultancy === '' ? null : deterministicUuid(`party:organization:${consultancy}`);
  const name = oneLine(assessor.name);
  const person: Json = { uuid: deterministicUuid(`party:person:${name}:${consultancy}`), type: 'person' };
  if (name !== '') person.name = name;
  if (orgUuid !== null) person['member-of-organizations'] = [orgUuid];
  list.push(person);
  if (orgUuid !== null) list.push({ uuid: orgUuid, type: 'organization', name: consultancy });
  return { parties: list, assessorUuid: person.uuid as string };
}

function catalogueResource(input: OscalExportInput, uuid: string): Json {
  const c = input.catalogue;
  const source = encodeURI(c.source.trim());
  const mediaType = /\.xml$/i.test(source)
    ? 'application/oscal.catalog+xml'
    : /\.json$/i.test(source)
      ? 'application/oscal.catalog+json'
      : null;
  const rlink: Json = { href: source };
  if (mediaType !== null) rlink['media-type'] = mediaType;
  return withList(
    {
      uuid,
      title: `${c.name} ${c.version} catalogue`,
      description: `The ${c.name} ${c.version} catalogue (framework version ${c.frameworkVersion}) that the assessment's subcategories come from.`,
      props: [prop('catalogue-id', c.id), prop('framework-version', c.frameworkVersion)].filter(
        (p) => p !== null,
      ),
      citation: { text: `NIST, ${c.name} ${c.version} (${c.frameworkVersion}), OSCAL catalogue ${c.source}` },
    },
    'rlinks',
    source === '' ? [] : [rlink],
  );
}

export function toOscalAssessmentResults(input: OscalExportInput): Record<string, unknown> {
  const { assessment: a, catalogue, answers } = input;
  const seen = new Set<string>();
  for (const answer of answers) {
    if (seen.has(answer.subcategory)) throw new Error(`${answer.subcategory} answered twice`);
    seen.add(answer.subcategory);
  }

  const domain = DOMAIN_TITLE[a.domain];
  const subject = `${a.site.name} (${a.site.code}), ${domain}, ${a.campaign.name} ${a.campaign.year}, revision ${a.revision}`;
  const resourceUuid = deterministicUuid(`catalogue:${catalogue.id}`);
  const { parties: partyList, assessorUuid } = parties(input);

  const metadata: Json = { title: `NIST CSF maturity assessment: ${subject}` };
  if (a.approvedAt !== null) metadata.published = dateTime(a.approvedAt, 'approvedAt');
  metadata['last-modified'] = dateTime(input.generatedAt, 'generatedAt');
  metadata.version = String(a.revision);
  metadata['oscal-version'] = OSCAL_VERSION;
  withList(metadata, 'props', [
    prop('assessment-id', a.id),
    prop('assessment-status', a.status),
    prop('assessment-updated-at', dateTime(a.updatedAt, 'updatedAt')),
    prop('site-code', a.site.code),
    prop('site-name', a.site.name),
    prop('domain', a.domain),
    prop('campaign-year', a.campaign.year),
    prop('campaign-name', a.campaign.name),
    prop('csf-basis', a.campaign.basis),
  ]);
  if (assessorUuid !== null) {
    metadata.roles = [{ id: 'assessor', title: 'Assessor' }];
    metadata.parties = partyList;
    metadata['responsible-parties'] = [{ 'role-id': 'assessor', 'party-uuids': [assessorUuid] }];
  }

  // The earliest answer opens the evidence collection; with none yet, the assessment's last change.
  const times = answers.map((x) => dateTime(x.assessedAt, `${x.subcategory} assessedAt`)).sort();
  const start = times[0] ?? dateTime(a.updatedAt, 'updatedAt');
  const notApplicable = answers.filter((x) => x.notApplicable).length;

  const selection: Json = {
    description:
      answers.length === 0
        ? 'No subcategory has been assessed yet.'
        : `The assessed subcategories of the ${catalogue.name} ${catalogue.version} catalogue.`,
  };
  withList(
    selection,
    'include-controls',
    answers.map((x) => ({ 'control-id': token(x.subcategory, 'subcategory') })),
  );

  const result: Json = {
    uuid: deterministicUuid(`result:${a.id}`),
    title: `CSF maturity of ${subject}`,
    description: `Maturity of each assessed subcategory on the 0 to 5 scale, against its target maturity. Subcategories assessed: ${answers.length}, of which not applicable: ${notApplicable}.`,
    start,
  };
  if (a.approvedAt !== null) result.end = dateTime(a.approvedAt, 'approvedAt');
  withList(result, 'props', [
    prop('revision', a.revision),
    a.correctionReason === null ? null : prop('correction', 'true'),
  ]);
  result['reviewed-controls'] = { 'control-selections': [selection] };
  withList(
    result,
    'findings',
    answers.map((x) => finding(input, x)),
  );
  if (a.correctionReason !== null && a.correctionReason.trim() !== '') {
    result.remarks = `Correction of an approved assessment: ${a.correctionReason.trim()}`;
  }

  return {
    'assessment-results': {
      uuid: deterministicUuid(`assessment-results:${a.id}`),
      metadata,
      'import-ap': {
        href: `#${resourceUuid}`,
        remarks:
          'Steward keeps no separate OSCAL assessment plan: the plan is the catalogue in back-matter, every subcategory of it in scope.',
      },
      results: [result],
      'back-matter': { resources: [catalogueResource(input, resourceUuid)] },
    },
  };
}

/** The export's file name, e.g. `csf-TPE-2025-it-r1.oscal.json`. */
export function oscalFileName(input: OscalExportInput): string {
  const a = input.assessment;
  const code = a.site.code.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'site';
  return `csf-${code}-${a.campaign.year}-${a.domain}-r${a.revision}.oscal.json`;
}
