import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { CSF_PROP_NS, type OscalExportInput, oscalFileName, toOscalAssessmentResults } from './oscal.ts';

/*
 * Validated against NIST's OSCAL 1.0.4 assessment-results JSON Schema (draft-07), copied unchanged into
 * reference/oscal-1.0.4. Its token patterns use Unicode property classes (`\p{L}`, `\p{N}`), which only
 * compile with the `u` flag: Ajv 8's `unicodeRegExp` (on by default) is set explicitly so that these patterns are
 * checked, not skipped.
 */
const schema = JSON.parse(
  readFileSync(
    new URL('../../../../reference/oscal-1.0.4/oscal_assessment-results_schema.json', import.meta.url),
    'utf8',
  ),
) as object;
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: true });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const levelLabels = {
  0: 'Not performed',
  1: 'Initial',
  2: 'Repeatable',
  3: 'Defined',
  4: 'Managed',
  5: 'Optimising',
};

function fixture(): OscalExportInput {
  return {
    assessment: {
      id: '5d0c1f7e-1111-4c2a-9d3e-000000000001',
      revision: 2,
      status: 'approved',
      domain: 'ot',
      site: { id: 'a1b2c3d4-0000-4000-8000-000000000001', code: 'TPE', name: 'Taipei Plant' },
      campaign: {
        id: 'c0ffee00-0000-4000-8000-000000002025',
        year: 2025,
        name: 'Annual review',
        basis: '2.0',
      },
      assessor: { name: '  Chen\nMei-ling ', consultancy: 'Formosa Cyber Advisory' },
      approvedAt: '2025-06-30T09:15:00.000Z',
      updatedAt: '2025-06-30T09:15:00.000Z',
      correctionReason: 'PR.AA-01 was marked for the wrong domain.',
    },
    catalogue: {
      id: '7c1f0a52-2b6e-4c1d-9a44-c5f200000020',
      name: 'NIST CSF',
      version: '2.0',
      frameworkVersion: 'CSF_2_0_0',
      source: 'reference/nist-csf-2.0/NIST_CSF_v2.0_catalog.xml',
    },
    answers: [
      {
        subcategory: 'GV.OC-01',
        statement: 'The organizational mission is understood and informs cybersecurity risk management',
        level: 3,
        notApplicable: false,
        target: 3,
        notes: 'Mission statement reviewed by the board in 2025.',
        assessedAt: '2025-05-12T02:00:00.000Z',
        assessedBy: 'Chen Mei-ling',
      },
      {
        subcategory: 'GV.OC-02',
        statement: 'Internal and external stakeholders are understood',
        level: 2,
        notApplicable: false,
        target: 4,
        notes: 'Stakeholders listed.\nNo yearly review yet.',
        assessedAt: '2025-05-10T08:30:00+08:00', // the earliest, given with an offset
        assessedBy: 'Chen Mei-ling',
      },
      {
        subcategory: 'ID.AM-01',
        statement: 'Inventories of hardware managed by the organization are maintained',
        level: 4,
        notApplicable: false,
        target: 3,
        notes: null,
        assessedAt: '2025-05-13T03:00:00.000Z',
        assessedBy: null,
      },
      {
        subcategory: 'PR.AA-01',
        statement: 'Identities and credentials for authorized users, services, and hardware are managed',
        level: null,
        notApplicable: true,
        target: null,
        notes: 'No remote access to the OT network.',
        assessedAt: '2025-05-14T03:00:00.000Z',
        assessedBy: 'Chen Mei-ling',
      },
      {
        subcategory: 'DE.CM-01',
        statement: 'Networks and network services are monitored to find potentially adverse events',
        level: 0,
        notApplicable: false,
        target: null,
        notes: '   ',
        assessedAt: '2025-05-15T03:00:00.000Z',
        assessedBy: 'Chen Mei-ling',
      },
    ],
    levelLabels,
    generatedAt: '2025-07-01T00:00:00.000Z',
  };
}

type Prop = { name: string; ns?: string; value: string; remarks?: string };
type Finding = {
  uuid: string;
  description: string;
  remarks?: string;
  props: Prop[];
  target: { type: string; 'target-id': string; status: { state: string; reason?: string } };
};
type Doc = {
  'assessment-results': {
    uuid: string;
    metadata: Record<string, unknown> & { parties?: { uuid: string; type: string; name?: string }[] };
    'import-ap': { href: string };
    results: {
      uuid: string;
      title: string;
      start: string;
      end?: string;
      remarks?: string;
      'reviewed-controls': { 'control-selections': { 'include-controls'?: { 'control-id': string }[] }[] };
      findings?: Finding[];
    }[];
    'back-matter': { resources: { uuid: string; title: string; rlinks: { href: string }[] }[] };
  };
};

const exported = (input: OscalExportInput) => toOscalAssessmentResults(input) as unknown as Doc;
const valid = (doc: unknown) => {
  const ok = validate(doc);
  return { ok, errors: validate.errors ?? [] };
};
const propOf = (f: Finding, name: string) => f.props.find((p) => p.name === name);

describe('the OSCAL export of a CSF assessment', () => {
  it('validates against the OSCAL 1.0.4 assessment-results schema', () => {
    const doc = exported(fixture());
    expect(valid(doc)).toEqual({ ok: true, errors: [] });
    expect((doc['assessment-results'].metadata as { 'oscal-version': string })['oscal-version']).toBe(
      '1.0.4',
    );
  });

  it('holds one result for the assessment and one finding per answer, in answer order', () => {
    const ar = exported(fixture())['assessment-results'];
    expect(ar.results).toHaveLength(1);
    const [result] = ar.results;
    expect(result.title).toContain('Taipei Plant');
    expect(result.title).toContain('OT');
    expect(result.title).toContain('2025');
    expect(result.title).toContain('revision 2');
    expect(result.findings?.map((f) => f.target['target-id'])).toEqual([
      'GV.OC-01',
      'GV.OC-02',
      'ID.AM-01',
      'PR.AA-01',
      'DE.CM-01',
    ]);
    expect(result['reviewed-controls']['control-selections'][0]['include-controls']).toEqual([
      { 'control-id': 'GV.OC-01' },
      { 'control-id': 'GV.OC-02' },
      { 'control-id': 'ID.AM-01' },
      { 'control-id': 'PR.AA-01' },
      { 'control-id': 'DE.CM-01' },
    ]);
    // Start: the earliest answer (08:30 at +08:00 is 00:30 UTC); end: the approval.
    expect(result.start).toBe('2025-05-10T00:30:00.000Z');
    expect(result.end).toBe('2025-06-30T09:15:00.000Z');
    expect(result.remarks).toContain('PR.AA-01 was marked for the wrong domain.');
  });

  it('states each finding against its target, with the levels as properties', () => {
    const findings = exported(fixture())['assessment-results'].results[0].findings ?? [];
    const by = new Map(findings.map((f) => [f.target['target-id'], f]));
    const at = (id: string) => {
      const f = by.get(id);
      if (!f) throw new Error(`no finding for ${id}`);
      return f;
    };

    expect(at('GV.OC-01').target.status).toEqual({ state: 'satisfied', reason: 'target-met' });
    expect(propOf(at('GV.OC-01'), 'current-maturity')).toEqual({
      name: 'current-maturity',
      ns: CSF_PROP_NS,
      value: '3',
      remarks: 'Defined',
    });
    expect(propOf(at('GV.OC-01'), 'target-maturity')?.value).toBe('3');
    expect(at('GV.OC-01').remarks).toBe('Mission statement reviewed by the board in 2025.');

    expect(at('GV.OC-02').target.status).toEqual({ state: 'not-satisfied', reason: 'below-target' });
    expect(propOf(at('GV.OC-02'), 'current-maturity')?.value).toBe('2');
    expect(propOf(at('GV.OC-02'), 'target-maturity')).toMatchObject({ value: '4', remarks: 'Managed' });
    expect(at('GV.OC-02').remarks).toBe('Stakeholders listed.\nNo yearly review yet.');
    expect(at('GV.OC-02').description).toBe(
      'Current maturity 2 (Repeatable) against target 4 (Managed): below target.',
    );

    // Above the target is met; no notes, no remarks; no assessor, no assessed-by.
    expect(at('ID.AM-01').target.status.state).toBe('satisfied');
    expect(at('ID.AM-01').remarks).toBeUndefined();
    expect(propOf(at('ID.AM-01'), 'assessed-by')).toBeUndefined();

    // Not applicable: satisfied for that reason, a property says so, no current level.
    expect(at('PR.AA-01').target.status).toEqual({ state: 'satisfied', reason: 'not-applicable' });
    expect(propOf(at('PR.AA-01'), 'not-applicable')?.value).toBe('true');
    expect(propOf(at('PR.AA-01'), 'current-maturity')).toBeUndefined();
    expect(propOf(at('PR.AA-01'), 'target-maturity')).toBeUndefined();

    // A level with no target is not claimed as met; blank notes give no remarks.
    expect(at('DE.CM-01').target.status).toEqual({ state: 'not-satisfied', reason: 'no-target' });
    expect(propOf(at('DE.CM-01'), 'current-maturity')).toMatchObject({
      value: '0',
      remarks: 'Not performed',
    });
    expect(at('DE.CM-01').remarks).toBeUndefined();

    for (const f of findings) {
      expect(f.target.type).toBe('objective-id');
      expect(propOf(f, 'subcategory')?.value).toBe(f.target['target-id']);
      for (const p of f.props) expect(p.ns).toBe(CSF_PROP_NS);
    }
  });

  it('names the assessor and the consultancy as parties, and the catalogue in back-matter', () => {
    const ar = exported(fixture())['assessment-results'];
    const parties = ar.metadata.parties ?? [];
    const person = parties.find((p) => p.type === 'person');
    const org = parties.find((p) => p.type === 'organization');
    expect(person).toMatchObject({ name: 'Chen Mei-ling', 'member-of-organizations': [org?.uuid] });
    expect(org?.name).toBe('Formosa Cyber Advisory');
    expect(ar.metadata['responsible-parties']).toEqual([
      { 'role-id': 'assessor', 'party-uuids': [person?.uuid] },
    ]);

    const [resource] = ar['back-matter'].resources;
    expect(ar['import-ap'].href).toBe(`#${resource.uuid}`);
    expect(resource.title).toBe('NIST CSF 2.0 catalogue');
    expect(resource.rlinks[0].href).toBe('reference/nist-csf-2.0/NIST_CSF_v2.0_catalog.xml');
    expect(JSON.stringify(resource)).toContain('CSF_2_0_0');
  });

  it('is deterministic: the same input gives the same document, with distinct version 4 UUIDs', () => {
    const first = toOscalAssessmentResults(fixture());
    const second = toOscalAssessmentResults(fixture());
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));

    const ar = (first as unknown as Doc)['assessment-results'];
    const own = [
      ar.uuid,
      ar.results[0].uuid,
      ...(ar.results[0].findings ?? []).map((f) => f.uuid),
      ...(ar.metadata.parties ?? []).map((p) => p.uuid),
      ar['back-matter'].resources[0].uuid,
    ];
    expect(own).toHaveLength(10);
    expect(new Set(own).size).toBe(10);
    for (const u of own) expect(u).toMatch(UUID_V4);

    const other = fixture();
    other.assessment.id = '5d0c1f7e-1111-4c2a-9d3e-000000000002';
    const otherDoc = exported(other)['assessment-results'];
    expect(otherDoc.uuid).not.toBe(ar.uuid);
    expect(otherDoc.results[0].findings?.[0].uuid).not.toBe(ar.results[0].findings?.[0].uuid);
  });

  it('exports an assessment with no answers: valid, no findings, started at its last change', () => {
    const input = fixture();
    input.answers = [];
    input.assessment = {
      ...input.assessment,
      status: 'draft',
      approvedAt: null,
      assessor: null,
      correctionReason: null,
      revision: 1,
    };
    const doc = exported(input);
    expect(valid(doc)).toEqual({ ok: true, errors: [] });
    const [result] = doc['assessment-results'].results;
    // The schema's arrays hold at least one item (minItems 1): no findings means no `findings` key.
    expect(result.findings).toBeUndefined();
    expect(result['reviewed-controls']['control-selections'][0]['include-controls']).toBeUndefined();
    expect(result.start).toBe('2025-06-30T09:15:00.000Z');
    expect(result.end).toBeUndefined();
    expect(doc['assessment-results'].metadata.parties).toBeUndefined();
  });

  it('the validator bites: a document without its OSCAL version, or with a bad token, fails', () => {
    const noVersion = exported(fixture());
    delete noVersion['assessment-results'].metadata['oscal-version'];
    const r1 = valid(noVersion);
    expect(r1.ok).toBe(false);
    expect(r1.errors).toContainEqual(
      expect.objectContaining({
        instancePath: '/assessment-results/metadata',
        keyword: 'required',
        params: { missingProperty: 'oscal-version' },
      }),
    );

    // The \p{L} token pattern is enforced: a target id may not start with a digit.
    const badToken = exported(fixture());
    const f = badToken['assessment-results'].results[0].findings?.[0];
    if (!f) throw new Error('no finding');
    f.target['target-id'] = '1GV.OC-01';
    const r2 = valid(badToken);
    expect(r2.ok).toBe(false);
    expect(r2.errors).toContainEqual(
      expect.objectContaining({
        instancePath: '/assessment-results/results/0/findings/0/target/target-id',
        keyword: 'pattern',
      }),
    );

    // A property value with a leading space breaks `^\S(.*\S)?$`.
    const badValue = exported(fixture());
    const g = badValue['assessment-results'].results[0].findings?.[0];
    if (!g) throw new Error('no finding');
    g.props[0].value = ' GV.OC-01';
    expect(valid(badValue).ok).toBe(false);
  });

  it('refuses an answer with neither a level nor not applicable, or a level off the scale', () => {
    const unanswered = fixture();
    unanswered.answers[0] = { ...unanswered.answers[0], level: null };
    expect(() => toOscalAssessmentResults(unanswered)).toThrow(
      /GV\.OC-01: neither a level nor not applicable/,
    );

    const offScale = fixture();
    offScale.answers[0] = { ...offScale.answers[0], level: 6 };
    expect(() => toOscalAssessmentResults(offScale)).toThrow(/not a maturity level/);

    const badDate = fixture();
    badDate.answers[0] = { ...badDate.answers[0], assessedAt: 'yesterday' };
    expect(() => toOscalAssessmentResults(badDate)).toThrow(/not a date-time/);
  });

  it('names the file after the site, year, domain and revision', () => {
    expect(oscalFileName(fixture())).toBe('csf-TPE-2025-ot-r2.oscal.json');
    const odd = fixture();
    odd.assessment.site.code = 'TW/Hsinchu 2';
    expect(oscalFileName(odd)).toBe('csf-TW-Hsinchu-2-2025-ot-r2.oscal.json');
  });
});
