import { matchSystems, type RoutableSystem } from '../../server/modules/infosec/advisories/routing.ts';
import { dueOn } from '../../server/modules/infosec/advisories/settings.ts';
import type { StixSoftware } from '../../server/modules/infosec/advisories/stix.ts';
import type { DemoDataset } from './generate.ts';
import type { TableRows } from './ohs-tables.ts';
import { Random } from './random.ts';

type Row = Record<string, unknown>;

/** The days to answer by severity, as the setting's default gives them. */
const DUE_DAYS = { critical: 7, high: 14, medium: 30, low: 90 };
const DAY = 86_400_000;

type DemoAdvisory = {
  title: string;
  summary: string;
  source: 'twcert' | 'first' | 'vendor';
  severity: 'critical' | 'high' | 'medium';
  tlp: 'clear' | 'green' | 'amber';
  daysAgo: number;
  /** Share of the routed sites that have answered. */
  answered: number;
  cve: string;
  software: Omit<StixSoftware, 'stixId'>[];
  indicators: { name: string; kind: string; value: string }[];
};

const ADVISORIES: DemoAdvisory[] = [
  {
    title: 'TVN-202610-007 Remote code execution in AVEVA System Platform',
    summary:
      'TWCERT/CC relays a vendor fix for a deserialization flaw exploited against SCADA servers in the region.',
    source: 'twcert',
    severity: 'critical',
    tlp: 'green',
    daysAgo: 40,
    answered: 0.8,
    cve: 'CVE-2026-30121',
    software: [
      {
        name: 'System Platform',
        vendor: 'AVEVA',
        version: '<2023.2',
        cpe: 'cpe:2.3:a:aveva:system_platform:*:*:*:*:*:*:*:*',
      },
    ],
    indicators: [
      { name: 'Exploitation source', kind: 'ipv4-addr:value', value: '203.0.113.45' },
      { name: 'Loader download', kind: 'url:value', value: 'http://update-check.example.net/sp/patch.bin' },
      {
        name: 'Loader',
        kind: 'file:hashes.SHA-256',
        value: '6f1ed002ab5595859014ebf0951522d9b3a7d4e5f1f1b8f3c0b2c7c1d6a8e4f2',
      },
    ],
  },
  {
    title: 'Windows Server 2022 Kerberos privilege escalation',
    summary: 'The vendor’s monthly security update fixes a privilege escalation exploited in the wild.',
    source: 'vendor',
    severity: 'high',
    tlp: 'clear',
    daysAgo: 5,
    answered: 0.3,
    cve: 'CVE-2026-41877',
    software: [{ name: 'Windows Server 2022', vendor: 'Microsoft', version: null, cpe: null }],
    indicators: [],
  },
  {
    title: 'FIRST: MES credential phishing campaign against OSAT suppliers',
    summary: 'Shared under TLP:AMBER with the CISO office: lures imitating the MES vendor’s support portal.',
    source: 'first',
    severity: 'medium',
    tlp: 'amber',
    daysAgo: 12,
    answered: 0,
    cve: 'CVE-2026-28810',
    software: [{ name: 'MES', vendor: 'Critical Manufacturing', version: '>=10.0 <10.3', cpe: null }],
    indicators: [
      { name: 'Phishing domain', kind: 'domain-name:value', value: 'cmf-support-portal.example.com' },
    ],
  },
];

const RESPONSES = ['patched', 'mitigated', 'not_affected', 'patched', 'accepted'] as const;

/**
 * The cybersecurity advisories of the demo: three partners' advisories of the last weeks, routed to the sites
 * whose registered systems run the software (by the module's own routing), with the sites' answers so far.
 */
export function advisoryTables(data: DemoDataset, systems: Row[], ownerId: string | null): TableRows[] {
  const rng = new Random(`${data.seed}:infosec-advisories`);
  const clock = new Date(`${data.clock}T02:00:00Z`).getTime();
  const advisories: Row[] = [];
  const recipients: Row[] = [];
  const objects: Row[] = [];
  const observables: Row[] = [];
  const sites: Row[] = [];
  const matches: Row[] = [];
  ADVISORIES.forEach((a, n) => {
    const id = rng.uuid();
    const routedAt = new Date(clock - a.daysAgo * DAY);
    const year = routedAt.getUTCFullYear();
    advisories.push({
      id,
      reference: `ADV-${year}-${String(n + 1).padStart(4, '0')}`,
      title: a.title,
      summary: a.summary,
      source: a.source,
      severity: a.severity,
      tlp: a.tlp,
      bundle_id: `bundle--${rng.uuid()}`,
      published_at: new Date(routedAt.getTime() - DAY),
      routed_at: routedAt,
      created_by: ownerId,
      updated_by: ownerId,
    });
    if (a.tlp === 'amber' && ownerId) recipients.push({ advisory_id: id, user_id: ownerId });
    objects.push({
      advisory_id: id,
      stix_id: `vulnerability--${rng.uuid()}`,
      type: 'vulnerability',
      name: a.cve,
      external_id: a.cve,
      detail: a.summary,
    });
    const software = a.software.map((s) => ({ ...s, stixId: `software--${rng.uuid()}` }));
    for (const s of software)
      objects.push({
        advisory_id: id,
        stix_id: s.stixId,
        type: 'software',
        name: s.name,
        external_id: null,
        detail: [s.vendor, s.version, s.cpe].filter(Boolean).join(' · '),
      });
    for (const i of a.indicators) {
      const stixId = `indicator--${rng.uuid()}`;
      const [type, path] = i.kind.split(':');
      const property = path.startsWith('hashes.') ? `hashes.'${path.slice(7)}'` : path;
      objects.push({
        advisory_id: id,
        stix_id: stixId,
        type: 'indicator',
        name: i.name,
        external_id: null,
        detail: `[${type}:${property} = '${i.value}']`,
      });
      observables.push({ advisory_id: id, stix_id: stixId, name: i.name, kind: i.kind, value: i.value });
    }
    const routed = matchSystems(software, systems as RoutableSystem[]);
    const due = dueOn(routedAt.toISOString().slice(0, 10), DUE_DAYS, a.severity);
    const siteIds = [...new Set(routed.map((m) => m.siteId))];
    siteIds.forEach((siteId, k) => {
      const answered = rng.next() < a.answered;
      sites.push({
        advisory_id: id,
        site_id: siteId,
        due_on: due,
        status: answered ? RESPONSES[k % RESPONSES.length] : 'open',
        responded_at: answered ? new Date(routedAt.getTime() + (1 + (k % 5)) * DAY) : null,
        responded_by: answered ? ownerId : null,
      });
    });
    for (const m of routed)
      matches.push({
        advisory_id: id,
        site_id: m.siteId,
        system_id: m.systemId,
        software_stix_id: m.softwareStixId,
      });
  });
  return [
    { table: 'infosec_advisories', rows: advisories },
    { table: 'infosec_advisory_recipients', rows: recipients },
    { table: 'infosec_advisory_objects', rows: objects },
    { table: 'infosec_advisory_observables', rows: observables },
    { table: 'infosec_advisory_sites', rows: sites },
    { table: 'infosec_advisory_matches', rows: matches },
  ];
}
