import { describe, expect, it } from 'vitest';
import { stixBundle, TLP_RED_V1 } from '../../../../test/support/stix.ts';
import { patternComparisons, readBundle, TLP_MARKINGS } from './stix.ts';

describe('STIX 2.1 bundle', () => {
  it('reads the advisory: title and date from the report, software, observables, relationships', () => {
    const r = readBundle(stixBundle());
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.bundle.title).toBe('TVN-202611-001 Remote code execution in PLC firmware and web servers');
    expect(r.bundle.publishedAt).toBe('2026-11-20T08:00:00.000Z');
    expect(r.bundle.tlp).toBe('green');
    expect(r.bundle.software.map((s) => s.name)).toEqual(['SIMATIC S7-1500 firmware', 'HTTP Server']);
    expect(r.bundle.observables).toEqual([
      expect.objectContaining({ kind: 'ipv4-addr:value', value: '198.51.100.7' }),
    ]);
    expect(r.bundle.relationships).toEqual([expect.objectContaining({ type: 'indicates' })]);
    expect(r.bundle.objects.find((o) => o.type === 'vulnerability')?.externalId).toBe('CVE-2026-21001');
  });

  it('refuses a malformed object naming its index, its id and the field', () => {
    const bundle = stixBundle();
    const at = bundle.objects.findIndex((o) => o.type === 'indicator');
    const indicator = bundle.objects[at] as Record<string, unknown>;
    delete indicator.pattern;
    expect(readBundle(bundle)).toEqual({
      ok: false,
      errors: [{ path: `bundle.objects[${at}].pattern`, message: `${indicator.id}: pattern is required` }],
    });
  });

  it('refuses a bad timestamp, an id of another type and a bundle without objects', () => {
    const bundle = stixBundle();
    (bundle.objects[1] as Record<string, unknown>).modified = '2026-11-20 08:00';
    (bundle.objects[2] as Record<string, unknown>).id = 'tool--6b0f2a1e-1c2d-4e5f-8a9b-000000000001';
    const r = readBundle(bundle);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual([
      'bundle.objects[1].modified',
      'bundle.objects[2].id',
    ]);
    const empty = readBundle({
      type: 'bundle',
      id: 'bundle--6b0f2a1e-1c2d-4e5f-8a9b-000000000002',
      objects: [],
    });
    expect(empty.ok ? [] : empty.errors.map((e) => e.path)).toEqual(['bundle.objects']);
  });

  // STIX 2.1 §7.2.1.4, TLP 1.0 marking definitions; TLP 2.0: OASIS cti-stix-common-objects, extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d.
  it('reads TLP from the standard marking definitions, the most restrictive one winning', () => {
    expect(TLP_MARKINGS['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9']).toBe('clear');
    expect(TLP_MARKINGS['marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003']).toBe('amber_strict');
    const bundle = stixBundle();
    (bundle.objects[1] as { object_marking_refs: string[] }).object_marking_refs = [TLP_RED_V1];
    const r = readBundle(bundle);
    expect(r.ok && r.bundle.tlp).toBe('red');
  });

  it('reads the equality comparisons of a STIX pattern (§9.3 examples)', () => {
    expect(
      patternComparisons(
        "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
      ),
    ).toEqual([
      {
        kind: 'file:hashes.SHA-256',
        value: 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f',
      },
    ]);
    expect(
      patternComparisons("[domain-name:value = 'example.com'] OR [url:value = 'http://example.com/it\\'s']"),
    ).toEqual([
      { kind: 'domain-name:value', value: 'example.com' },
      { kind: 'url:value', value: "http://example.com/it's" },
    ]);
  });
});
