import type { DemoDataset } from './generate.ts';
import type { TableRows } from './ohs-tables.ts';
import { Random } from './random.ts';

type Row = Record<string, unknown>;

const DAY = 86_400_000;
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const year = (iso: string) => Number(iso.slice(0, 4));

/**
 * The organisations the seed names as the group's information-sharing partners: FIRST, TWCERT/CC and the
 * High-tech Information Security Alliance, SEMI's Semiconductor Cybersecurity Committee, and the MOU that ASE
 * Kaohsiung signed with the Kaohsiung division of the Ministry of Justice Investigation Bureau. The seed gives
 * no dates: the start years and the yearly renewals are the demo's own.
 */
const MEMBERSHIPS = [
  { organisation: 'FIRST', kind: 'membership', since: '2019-05-01', site: null, renewMonth: '05-01' },
  { organisation: 'TWCERT/CC', kind: 'membership', since: '2018-01-01', site: null, renewMonth: '01-01' },
  {
    organisation: 'High-tech Information Security Alliance',
    kind: 'membership',
    since: '2021-09-01',
    site: null,
    renewMonth: '09-01',
  },
  {
    organisation: 'SEMI Semiconductor Cybersecurity Committee',
    kind: 'membership',
    since: '2019-07-01',
    site: null,
    renewMonth: '07-01',
  },
  {
    organisation: 'MJIB Kaohsiung Division',
    kind: 'mou',
    since: '2023-06-01',
    site: 'ASE-KH',
    renewMonth: '06-01',
  },
] as const;
const LEAD_DAYS = 60;

/** The demo's governance records: the memberships and agreements with their renewals as obligations. */
export function governanceTables(group: DemoDataset, ownerId: string | null): TableRows[] {
  const rng = new Random(`${group.seed}:infosec-governance`);
  const clock = group.clock;
  const memberships: Row[] = [];
  const obligations: Row[] = [];
  for (const m of MEMBERSHIPS) {
    const site = m.site ? group.sites.find((s) => s.code === m.site) : null;
    if (m.site && !site) continue;
    // The next renewal date on or after the demo's today.
    let renewalOn = `${year(clock)}-${m.renewMonth}`;
    if (renewalOn < clock) renewalOn = `${year(clock) + 1}-${m.renewMonth}`;
    const id = rng.uuid();
    memberships.push({
      id,
      site_id: site?.id ?? null,
      organisation: m.organisation,
      kind: m.kind,
      since: m.since,
      renewal_on: renewalOn,
      renewal_lead_days: LEAD_DAYS,
      owner_id: ownerId,
      note: null,
      created_by: ownerId,
      updated_by: ownerId,
    });
    obligations.push({
      id: rng.uuid(),
      kind: 'infosec.membership_renewal',
      source_type: 'infosec_membership',
      source_id: id,
      site_id: site?.id ?? null,
      program: 'infosec',
      owner_id: ownerId,
      title: null,
      title_key: 'infosec.membership.renewal',
      title_params: {
        organisation: m.organisation,
        kind: { key: `infosec.membershipKind.${m.kind}` },
        renewalOn,
      },
      due_date: addDays(renewalOn, -LEAD_DAYS),
      due_at: null,
      state: 'open',
      done_at: null,
    });
  }
  return [
    { table: 'infosec_memberships', rows: memberships },
    { table: 'obligations', rows: obligations },
  ];
}
