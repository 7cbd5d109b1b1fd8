import { emailLocalPart, personName } from './names.ts';
import { type Culture, type DemoSite, SITES } from './organisation.ts';
import { FULL_SCALE, SUPPLIERS, slug, UNIVERSITIES, VISITOR_ORGANISATIONS } from './partners.ts';
import type { Random } from './random.ts';
import type { ExternalPersonRow } from './rows.ts';

/** Students, researchers, suppliers' staff and visitors at the sites (a few suppliers' staff at no one site). */
export function generateExternalPersons(
  rng: Random,
  scale: number,
  siteId: Map<string, string>,
): ExternalPersonRow[] {
  const total = Math.max(12, Math.round(FULL_SCALE.externalPersons * scale));
  const out: ExternalPersonRow[] = [];
  const culturesOf = (code: string): readonly (readonly [Culture, number])[] =>
    (SITES.find((s) => s.code === code) as DemoSite).cultures.filter(
      ([c]) => !['ph', 'vn', 'id'].includes(c),
    );
  for (let i = 0; i < total; i++) {
    const kind = rng.weighted([
      ['student', 62],
      ['supplier_staff', 27],
      ['researcher', 6],
      ['visitor', 5],
    ] as const);
    if (kind === 'student' || kind === 'researcher') {
      const uni = rng.weighted(UNIVERSITIES.map((u) => [u, u.weight] as const));
      const site = rng.pick(uni.sites);
      const name = personName(rng, rng.weighted(culturesOf(site)));
      const prefix = kind === 'researcher' ? 'Prof. ' : '';
      out.push({
        id: rng.uuid(),
        site_id: siteId.get(site) as string,
        kind,
        full_name: `${prefix}${name.fullName}`,
        organisation: uni.name,
        email: rng.chance(0.6) ? `${emailLocalPart(name)}@${slug(uni.name)}.edu.example` : null,
      });
    } else if (kind === 'supplier_staff') {
      const supplier = rng.pick(SUPPLIERS);
      const site = rng.weighted(
        SITES.filter((s) => s.kind !== 'office').map((s) => [s, s.employees] as const),
      );
      const name = personName(rng, rng.chance(0.15) ? 'jp' : rng.weighted(culturesOf(site.code)));
      out.push({
        id: rng.uuid(),
        site_id: rng.chance(0.85) ? (siteId.get(site.code) as string) : null,
        kind,
        full_name: name.fullName,
        organisation: supplier,
        email: `${emailLocalPart(name)}@${slug(supplier)}.example`,
      });
    } else {
      const site = rng.weighted(SITES.map((s) => [s, s.employees] as const));
      const name = personName(rng, rng.weighted(culturesOf(site.code)));
      out.push({
        id: rng.uuid(),
        site_id: siteId.get(site.code) as string,
        kind,
        full_name: name.fullName,
        organisation: rng.pick(VISITOR_ORGANISATIONS[site.country]),
        email: null,
      });
    }
  }
  return out;
}
