/** A small STIX 2.1 bundle as a partner shares it, for tests of advisory import and routing. */

export const TLP_GREEN_V2 = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
export const TLP_RED_V1 = 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed';

const T = '2026-11-20T08:00:00.000Z';
let counter = 0;
/** A fresh UUID-shaped suffix, so that bundles in one test run never share ids. */
export function uuid(): string {
  counter += 1;
  const n = (Date.now() * 1000 + counter).toString(16).padStart(12, '0').slice(-12);
  return `6b0f2a1e-1c2d-4e5f-8a9b-${n}`;
}

export type BundleSpec = {
  marking?: string;
  /** Software objects beyond the defaults (or instead of them). */
  software?: Record<string, unknown>[];
  indicatorValue?: string;
};

export function stixBundle(spec: BundleSpec = {}) {
  const marking = spec.marking ?? TLP_GREEN_V2;
  const common = { spec_version: '2.1', created: T, modified: T, object_marking_refs: [marking] };
  const vulnerability = {
    type: 'vulnerability',
    id: `vulnerability--${uuid()}`,
    ...common,
    name: 'CVE-2026-21001',
    description: 'Improper input validation in the web server of the PLC firmware',
    external_references: [{ source_name: 'cve', external_id: 'CVE-2026-21001' }],
  };
  const software = spec.software ?? [
    {
      type: 'software',
      id: `software--${uuid()}`,
      name: 'SIMATIC S7-1500 firmware',
      cpe: 'cpe:2.3:o:siemens:simatic_s7-1500_firmware:*:*:*:*:*:*:*:*',
      version: '<3.0.0',
    },
    {
      type: 'software',
      id: `software--${uuid()}`,
      name: 'HTTP Server',
      vendor: 'Apache',
      version: '>=2.4.0 <2.4.58',
    },
  ];
  const attack = {
    type: 'attack-pattern',
    id: `attack-pattern--${uuid()}`,
    ...common,
    name: 'Exploit Public-Facing Application',
  };
  const indicator = {
    type: 'indicator',
    id: `indicator--${uuid()}`,
    ...common,
    name: 'Exploitation source address',
    pattern: `[ipv4-addr:value = '${spec.indicatorValue ?? '198.51.100.7'}']`,
    pattern_type: 'stix',
    valid_from: T,
  };
  const relationship = {
    type: 'relationship',
    id: `relationship--${uuid()}`,
    ...common,
    relationship_type: 'indicates',
    source_ref: indicator.id,
    target_ref: attack.id,
  };
  const report = {
    type: 'report',
    id: `report--${uuid()}`,
    ...common,
    name: 'TVN-202611-001 Remote code execution in PLC firmware and web servers',
    description: 'Partners report active exploitation.',
    published: T,
    object_refs: [vulnerability.id, attack.id, indicator.id, ...software.map((s) => s.id as string)],
  };
  return {
    type: 'bundle',
    id: `bundle--${uuid()}`,
    objects: [report, vulnerability, ...software, attack, indicator, relationship],
  };
}
