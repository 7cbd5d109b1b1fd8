import { Ajv, type ErrorObject } from 'ajv';
import { type Tlp, tlpLevels } from '#shared/modules/infosec/advisories/contract.ts';
import type { FieldError } from '../../../platform/http/errors.ts';

/**
 * Validation and reading of a STIX 2.1 bundle (OASIS STIX Version 2.1, OS, 10 June 2021). No maintained npm
 * library validates STIX 2.1, so the shapes Steward reads are JSON Schemas checked with Ajv: the bundle (§8),
 * the common properties (§3.2), and the objects an advisory is made of: report (§4.14), vulnerability (§4.18),
 * indicator (§4.7), attack pattern (§4.1), software (§6.14), relationship (§5.1), marking definition (§7.2).
 * Other object types are kept when they carry a well-formed type and id.
 */

/** §3.2 timestamp: RFC 3339, UTC, with optional fractional seconds. */
const TIMESTAMP = String.raw`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$`;
/** §2.9 identifier: `object-type--UUID`. */
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const IDENTIFIER = `^[a-z0-9][a-z0-9-]*[a-z0-9]--${UUID}$`;

const identifier = { type: 'string', pattern: IDENTIFIER };
const timestamp = { type: 'string', pattern: TIMESTAMP };
const nonEmpty = { type: 'string', minLength: 1 };
const externalReferences = {
  type: 'array',
  items: {
    type: 'object',
    required: ['source_name'],
    properties: { source_name: nonEmpty, external_id: { type: 'string' }, url: { type: 'string' } },
  },
};
const common = {
  type: nonEmpty,
  id: identifier,
  spec_version: { const: '2.1' },
  created: timestamp,
  modified: timestamp,
  object_marking_refs: { type: 'array', items: identifier },
  external_references: externalReferences,
};

/** A STIX Domain or Relationship Object: the common required properties and the type's own. */
const domainObject = (required: string[], properties: Record<string, unknown> = {}) => ({
  type: 'object',
  required: ['type', 'spec_version', 'id', 'created', 'modified', ...required],
  properties: { ...common, ...properties },
});

const schemas: Record<string, object> = {
  report: domainObject(['name', 'published', 'object_refs'], {
    name: nonEmpty,
    description: { type: 'string' },
    published: timestamp,
    object_refs: { type: 'array', minItems: 1, items: identifier },
  }),
  vulnerability: domainObject(['name'], { name: nonEmpty, description: { type: 'string' } }),
  indicator: domainObject(['pattern', 'pattern_type', 'valid_from'], {
    name: { type: 'string' },
    pattern: nonEmpty,
    pattern_type: nonEmpty,
    valid_from: timestamp,
    valid_until: timestamp,
  }),
  'attack-pattern': domainObject(['name'], { name: nonEmpty }),
  relationship: domainObject(['relationship_type', 'source_ref', 'target_ref'], {
    relationship_type: { type: 'string', pattern: '^[a-z0-9-]+$' },
    source_ref: identifier,
    target_ref: identifier,
  }),
  // §6.14: a STIX Cyber-observable Object, without created and modified.
  software: {
    type: 'object',
    required: ['type', 'id', 'name'],
    properties: {
      ...common,
      name: nonEmpty,
      cpe: { type: 'string' },
      vendor: { type: 'string' },
      version: { type: 'string' },
    },
  },
  'marking-definition': {
    type: 'object',
    required: ['type', 'id', 'created'],
    properties: { type: nonEmpty, id: identifier, created: timestamp, definition_type: { type: 'string' } },
  },
};
const anyObject = {
  type: 'object',
  required: ['type', 'id'],
  properties: { type: nonEmpty, id: identifier },
};
const envelope = {
  type: 'object',
  required: ['type', 'id', 'objects'],
  properties: {
    type: { const: 'bundle' },
    id: { type: 'string', pattern: `^bundle--${UUID}$` },
    objects: { type: 'array', minItems: 1, maxItems: 20_000, items: { type: 'object' } },
  },
};

const ajv = new Ajv({ allErrors: true, strict: false });
const validateEnvelope = ajv.compile(envelope);
const validators = new Map(Object.entries(schemas).map(([type, s]) => [type, ajv.compile(s)]));
const validateAny = ajv.compile(anyObject);

/**
 * The TLP marking definitions. TLP 1.0: STIX 2.1 §7.2.1.4 (Table 7.2 "TLP marking definitions"), WHITE read as
 * CLEAR. TLP 2.0: the OASIS CTI TC's TLP 2.0 marking definitions (extension-definition--60a3c5c5-0d10-413e-
 * aab3-9e08dde9e88d, cti-stix-common-objects), which STIX 2.1 itself does not predefine.
 */
export const TLP_MARKINGS: Readonly<Record<string, Tlp>> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'clear',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'green',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'amber',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'red',
  'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487': 'clear',
  'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb': 'green',
  'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421': 'amber',
  'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003': 'amber_strict',
  'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1': 'red',
};
/** An unmarked bundle is handled as TLP:AMBER: shared only with the people named on it. */
export const UNMARKED_TLP: Tlp = 'amber';

export type StixObject = {
  stixId: string;
  type: string;
  name: string | null;
  externalId: string | null;
  /** What the list shows beside the name: a CVE's description, an indicator's pattern, software's version. */
  detail: string | null;
};
export type StixSoftware = {
  stixId: string;
  name: string;
  vendor: string | null;
  version: string | null;
  cpe: string | null;
};
export type StixObservable = { stixId: string; name: string | null; kind: string; value: string };
export type ParsedBundle = {
  bundleId: string;
  title: string;
  summary: string | null;
  publishedAt: string | null;
  tlp: Tlp;
  objects: StixObject[];
  software: StixSoftware[];
  observables: StixObservable[];
  relationships: { sourceRef: string; type: string; targetRef: string }[];
};

export type BundleResult = { ok: true; bundle: ParsedBundle } | { ok: false; errors: FieldError[] };

/** `/objects/3/pattern` → `objects[3].pattern`, for a field name a reader finds in the file. */
function fieldOf(e: ErrorObject): string {
  const parts = e.instancePath.split('/').filter(Boolean);
  if (e.keyword === 'required') parts.push(String(e.params.missingProperty));
  return parts.map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('');
}

const problem = (e: ErrorObject) =>
  e.keyword === 'required' ? 'is required' : (e.message ?? 'is not valid');

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * The `=` comparisons of a STIX pattern (§9): `[ipv4-addr:value = '198.51.100.7']` gives kind `ipv4-addr:value`
 * and its value. Enough to search indicators and match them to incidents; the full pattern is kept as written.
 */
export function patternComparisons(pattern: string): { kind: string; value: string }[] {
  const out: { kind: string; value: string }[] = [];
  const re = /([a-z0-9-]+):([A-Za-z0-9_.'-]+)\s*=\s*'((?:[^'\\]|\\.)*)'/g;
  for (const m of pattern.matchAll(re)) {
    out.push({ kind: `${m[1]}:${m[2].replaceAll("'", '')}`, value: m[3].replace(/\\(.)/g, '$1') });
  }
  return out;
}

const tlpRank = (t: Tlp) => tlpLevels.indexOf(t);

/**
 * Validates a bundle and reads the advisory from it; a malformed bundle is refused with every faulty object
 * named by its index and id, and the field.
 */
export function readBundle(input: unknown): BundleResult {
  if (!validateEnvelope(input)) {
    const errors = (validateEnvelope.errors ?? []).map((e) => ({
      path: `bundle${fieldOf(e)}`,
      message: `bundle: ${fieldOf(e).slice(1) || 'bundle'} ${problem(e)}`,
    }));
    return { ok: false, errors };
  }
  const raw = (input as { id: string; objects: Record<string, unknown>[] }).objects;
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  raw.forEach((o, i) => {
    const type = typeof o.type === 'string' ? o.type : '';
    const validate = validators.get(type) ?? validateAny;
    const name = typeof o.id === 'string' ? o.id : `object ${i}`;
    if (!validate(o)) {
      for (const e of validate.errors ?? []) {
        const field = fieldOf(e);
        errors.push({
          path: `bundle.objects[${i}]${field}`,
          message: `${name}: ${field.slice(1)} ${problem(e)}`,
        });
      }
      return;
    }
    const id = o.id as string;
    if (!id.startsWith(`${type}--`))
      errors.push({ path: `bundle.objects[${i}].id`, message: `${id}: id does not start with ${type}--` });
    if (seen.has(id))
      errors.push({ path: `bundle.objects[${i}].id`, message: `${id}: id appears twice in the bundle` });
    seen.add(id);
    if (type === 'indicator' && o.pattern_type === 'stix' && !String(o.pattern).trim().startsWith('['))
      errors.push({
        path: `bundle.objects[${i}].pattern`,
        message: `${id}: pattern is not a STIX pattern ([object-type:property = 'value'])`,
      });
  });
  if (errors.length) return { ok: false, errors: errors.slice(0, 200) };
  return { ok: true, bundle: toAdvisory((input as { id: string }).id, raw) };
}

function toAdvisory(bundleId: string, raw: Record<string, unknown>[]): ParsedBundle {
  // Marking definitions the bundle itself carries (TLP 1.0 style `definition: { tlp }`) count as well.
  const markings: Record<string, Tlp> = { ...TLP_MARKINGS };
  for (const o of raw) {
    const tlp = (o.definition as { tlp?: string } | undefined)?.tlp?.toLowerCase().replace('+', '_');
    if (o.type === 'marking-definition' && o.definition_type === 'tlp' && tlp)
      markings[o.id as string] =
        tlp === 'white' ? 'clear' : (((tlpLevels as readonly string[]).includes(tlp) ? tlp : 'red') as Tlp);
  }
  let tlp: Tlp | null = null;
  const objects: StixObject[] = [];
  const software: StixSoftware[] = [];
  const observables: StixObservable[] = [];
  const relationships: ParsedBundle['relationships'] = [];
  for (const o of raw) {
    for (const ref of (o.object_marking_refs as string[] | undefined) ?? []) {
      const level = markings[ref];
      if (level && (tlp === null || tlpRank(level) > tlpRank(tlp))) tlp = level;
    }
    const stixId = o.id as string;
    const type = o.type as string;
    if (type === 'marking-definition') continue;
    if (type === 'relationship') {
      relationships.push({
        sourceRef: o.source_ref as string,
        type: o.relationship_type as string,
        targetRef: o.target_ref as string,
      });
      continue;
    }
    const refs = (o.external_references as { source_name: string; external_id?: string }[] | undefined) ?? [];
    const externalId = str(refs.find((r) => r.external_id)?.external_id);
    let detail: string | null = str(o.description);
    if (type === 'indicator') {
      detail = o.pattern as string;
      if (o.pattern_type === 'stix')
        for (const c of patternComparisons(o.pattern as string))
          observables.push({ stixId, name: str(o.name), ...c });
    }
    if (type === 'software') {
      const s = {
        stixId,
        name: o.name as string,
        vendor: str(o.vendor),
        version: str(o.version),
        cpe: str(o.cpe),
      };
      software.push(s);
      detail = [s.vendor, s.version, s.cpe].filter(Boolean).join(' · ') || null;
    }
    objects.push({ stixId, type, name: str(o.name), externalId, detail: detail?.slice(0, 2000) ?? null });
  }
  const report = raw.find((o) => o.type === 'report');
  const first = report ?? raw.find((o) => o.type === 'vulnerability') ?? raw.find((o) => str(o.name));
  return {
    bundleId,
    title: (str(first?.name) ?? bundleId).slice(0, 300),
    summary: str(report?.description)?.slice(0, 8000) ?? null,
    publishedAt: str(report?.published),
    tlp: tlp ?? UNMARKED_TLP,
    objects,
    software,
    observables,
    relationships,
  };
}
