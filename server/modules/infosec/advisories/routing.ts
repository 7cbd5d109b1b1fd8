import { cpeParts } from '#shared/modules/infosec/rules/cpe.ts';
import type { StixSoftware } from './stix.ts';
import { versionInRange } from './versions.ts';

/** A registered system as routing reads it (infosec_systems). */
export type RoutableSystem = {
  id: string;
  site_id: string;
  vendor: string | null;
  product: string | null;
  product_version: string | null;
  cpe: string | null;
};
export type Match = { systemId: string; siteId: string; softwareStixId: string };

/**
 * A vendor or product name as CPE writes it (NIST IR 7695 §5.3.2: lower case, spaces as underscores, escapes
 * dropped), so that `Siemens` / `SIMATIC S7-1500` meets `siemens:simatic_s7-1500`.
 */
export function nameKey(value: string | null | undefined): string | null {
  const k = value
    ?.toLowerCase()
    .replace(/\\(.)/g, '$1')
    .trim()
    .replace(/[\s_]+/g, '_');
  return k && k !== '*' && k !== '-' ? k : null;
}

type Identity = { vendor: string | null; product: string | null; version: string | null };

function softwareIdentity(s: StixSoftware): Identity {
  const c = s.cpe ? cpeParts(s.cpe) : null;
  return {
    vendor: nameKey(c?.vendor) ?? nameKey(s.vendor),
    product: nameKey(c?.product) ?? nameKey(s.name),
    // A range cannot be written in a CPE: `version` carries it, the CPE's own version otherwise.
    version:
      s.version ?? (c && c.version !== '*' && c.version !== '-' ? c.version.replace(/\\(.)/g, '$1') : null),
  };
}

function systemIdentities(s: RoutableSystem): Identity[] {
  const out: Identity[] = [];
  const c = s.cpe ? cpeParts(s.cpe) : null;
  if (c)
    out.push({
      vendor: nameKey(c.vendor),
      product: nameKey(c.product),
      version: s.product_version ?? c.version.replace(/\\(.)/g, '$1'),
    });
  if (s.product)
    out.push({ vendor: nameKey(s.vendor), product: nameKey(s.product), version: s.product_version });
  return out;
}

/** The product keys routing looks systems up by (one query for the whole bundle). */
export function productKeys(software: readonly StixSoftware[]): string[] {
  return [...new Set(software.map((s) => softwareIdentity(s).product).filter((k): k is string => !!k))];
}

/**
 * The registered systems each software object of an advisory concerns: same product, same vendor when both
 * name one, and the system's version within the software's version or range. One pass over a product index,
 * so a bundle of a thousand objects costs no more than its objects and candidate systems.
 */
export function matchSystems(software: readonly StixSoftware[], systems: readonly RoutableSystem[]): Match[] {
  const byProduct = new Map<string, { system: RoutableSystem; id: Identity }[]>();
  for (const system of systems)
    for (const id of systemIdentities(system)) {
      if (!id.product) continue;
      const list = byProduct.get(id.product) ?? [];
      list.push({ system, id });
      byProduct.set(id.product, list);
    }
  const matches = new Map<string, Match>();
  for (const s of software) {
    const want = softwareIdentity(s);
    if (!want.product) continue;
    for (const { system, id } of byProduct.get(want.product) ?? []) {
      if (want.vendor && id.vendor && want.vendor !== id.vendor) continue;
      if (!versionInRange(id.version, want.version)) continue;
      matches.set(`${system.id}|${s.stixId}`, {
        systemId: system.id,
        siteId: system.site_id,
        softwareStixId: s.stixId,
      });
    }
  }
  return [...matches.values()];
}
