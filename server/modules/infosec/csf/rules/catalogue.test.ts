import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsfCatalogue } from './catalogue.ts';

const xml = readFileSync(
  new URL('../../../../../reference/nist-csf-2.0/NIST_CSF_v2.0_catalog.xml', import.meta.url),
  'utf8',
);

describe('the NIST CSF 2.0 catalogue from NIST OSCAL', () => {
  const catalogue = parseCsfCatalogue(xml);
  const of = (kind: string) => catalogue.items.filter((i) => i.kind === kind);

  it('holds 6 functions, 22 categories and 106 subcategories (CSF 2.0, withdrawn 1.1 items excluded)', () => {
    expect(catalogue.frameworkVersion).toBe('CSF_2_0_0');
    expect(of('function').map((f) => f.identifier)).toEqual(['GV', 'ID', 'PR', 'DE', 'RS', 'RC']);
    expect(of('category')).toHaveLength(22);
    expect(of('subcategory')).toHaveLength(106);
    // Withdrawn in 2.0: ID.BE, ID.GV, PR.AC, PR.IP, DE.DP, RS.RP (and their subcategories) stay out.
    const ids = new Set(catalogue.items.map((i) => i.identifier));
    for (const withdrawn of ['ID.BE', 'ID.GV', 'PR.AC', 'PR.IP', 'DE.DP', 'RS.RP', 'ID.BE-01', 'PR.AC-01'])
      expect(ids.has(withdrawn)).toBe(false);
  });

  it('keeps identifiers, titles, statements and implementation examples in English', () => {
    const gv = catalogue.items.find((i) => i.identifier === 'GV');
    expect(gv).toMatchObject({ title: 'Govern', kind: 'function', parent: null });
    const ps01 = catalogue.items.find((i) => i.identifier === 'PR.PS-01');
    expect(ps01).toMatchObject({
      kind: 'subcategory',
      parent: 'PR.PS',
      statement: 'Configuration management practices are established and applied',
    });
    expect(ps01?.examples.length).toBeGreaterThan(0);
    const category = catalogue.items.find((i) => i.identifier === 'PR.PS');
    expect(category).toMatchObject({ title: 'Platform Security', parent: 'PR' });
    // Every subcategory sits under a category of the catalogue, every category under a function.
    const byId = new Map(catalogue.items.map((i) => [i.identifier, i]));
    for (const sub of of('subcategory')) expect(byId.get(sub.parent ?? '')?.kind).toBe('category');
    for (const cat of of('category')) expect(byId.get(cat.parent ?? '')?.kind).toBe('function');
  });

  it('refuses a document that is not an OSCAL catalogue', () => {
    expect(() => parseCsfCatalogue('<profile/>')).toThrow(/Not an OSCAL catalogue/);
  });
});
