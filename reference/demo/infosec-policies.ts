import type { DemoDataset } from './generate.ts';
import type { TableRows } from './ohs-tables.ts';
import { Random } from './random.ts';

type Row = Record<string, unknown>;

const DAY = 86_400_000;
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const at = (iso: string, hour: number) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/**
 * The group's information security policies, each with two versions. The seed names the group's information
 * security policy; the titles, version labels, dates and summaries of changes are the demo's own, written as
 * the CISO office would enter them.
 */
const POLICIES = [
  {
    code: 'ISP-01',
    title: 'Information Security Policy',
    versions: [
      { label: '1.0', effectiveOn: '2021-01-01', summary: 'First issue adopted by the Board.' },
      {
        label: '2.0',
        effectiveOn: '2023-03-01',
        summary: 'Aligned with ISO/IEC 27001:2022; adds supplier and OT security.',
      },
    ],
  },
  {
    code: 'AUP-01',
    title: 'Acceptable Use Policy',
    versions: [
      { label: '1.0', effectiveOn: '2020-07-01', summary: 'First issue.' },
      { label: '2.0', effectiveOn: null, summary: 'Generative AI tools and personal cloud storage.' },
    ],
  },
  {
    code: 'SUP-01',
    title: 'Supplier Security Policy',
    versions: [
      { label: '1.0', effectiveOn: '2022-05-01', summary: 'First issue.' },
      { label: '1.1', effectiveOn: '2024-06-01', summary: 'Remote access of equipment vendors.' },
    ],
  },
] as const;

/**
 * The demo's policies: three group-wide policies with two versions each; the 2023 campaign for the
 * Information Security Policy 2.0 over every site, acknowledged by the demo's employees but one at SPIL
 * (overdue); and an open campaign for the Acceptable Use Policy 2.0 (in force a month before the demo's
 * today) that the employee (employee@) has not yet acknowledged. The people asked are the demo users who are
 * employees, as the service takes them: an active account, on the roll on the opening day.
 */
export function policyTables(group: DemoDataset, ownerId: string | null): TableRows[] {
  const rng = new Random(`${group.seed}:infosec-policies`);
  const clock = group.clock;
  const policies: Row[] = [];
  const versions: Row[] = [];
  const campaigns: Row[] = [];
  const campaignSites: Row[] = [];
  const asked: Row[] = [];
  const acks: Row[] = [];
  const obligations: Row[] = [];
  const versionId = new Map<string, string>();
  for (const p of POLICIES) {
    const id = rng.uuid();
    policies.push({
      id,
      site_id: null,
      code: p.code,
      title: p.title,
      owner_id: ownerId,
      status: 'active',
      created_by: ownerId,
      updated_by: ownerId,
    });
    for (const v of p.versions) {
      const vid = rng.uuid();
      const effectiveOn = v.effectiveOn ?? addDays(clock, -30);
      versionId.set(`${p.code} ${v.label}`, vid);
      versions.push({
        id: vid,
        policy_id: id,
        label: v.label,
        effective_on: effectiveOn,
        summary: v.summary,
        approved_by: ownerId,
        approved_on: addDays(effectiveOn, -14),
        created_at: at(addDays(effectiveOn, -14), 10),
        created_by: ownerId,
        updated_by: ownerId,
      });
    }
  }
  const employees = new Map(group.employees.map((e) => [e.id, e]));
  const people = group.users.flatMap((u) => {
    const e = u.employee_id ? employees.get(u.employee_id) : undefined;
    return e
      ? [{ userId: u.id, email: u.email, employeeId: e.id, siteId: e.site_id, hireDate: e.hire_date }]
      : [];
  });
  const campaign = (
    key: string,
    openedOn: string,
    dueOn: string,
    acknowledged: (email: string) => number | null,
  ) => {
    const id = rng.uuid();
    campaigns.push({
      id,
      policy_version_id: versionId.get(key),
      group_wide: true,
      opened_on: openedOn,
      due_on: dueOn,
      created_at: at(openedOn, 9),
      created_by: ownerId,
      updated_by: ownerId,
    });
    for (const s of group.sites) campaignSites.push({ campaign_id: id, site_id: s.id });
    for (const p of people) {
      if (p.hireDate > openedOn) continue;
      asked.push({ campaign_id: id, user_id: p.userId, employee_id: p.employeeId, site_id: p.siteId });
      const after = acknowledged(p.email);
      if (after !== null)
        acks.push({ campaign_id: id, user_id: p.userId, acknowledged_at: at(addDays(openedOn, after), 11) });
    }
    return id;
  };
  // 2023: everyone acknowledged within weeks, but SPIL's officer, who is still overdue.
  campaign('ISP-01 2.0', '2023-03-01', '2023-04-30', (email) =>
    email.startsWith('officer.spil@') ? null : 3 + rng.int(0, 40),
  );
  // Open now: about half have acknowledged; the employee has not.
  const openedOn = addDays(clock, -20);
  const dueOn = addDays(clock, 25);
  const open = campaign('AUP-01 2.0', openedOn, dueOn, (email) =>
    email.startsWith('employee@') || rng.next() < 0.5 ? null : rng.int(1, 19),
  );
  obligations.push({
    id: rng.uuid(),
    kind: 'infosec.policy_acknowledgement',
    source_type: 'infosec_policy_campaign',
    source_id: open,
    site_id: null,
    program: 'infosec',
    owner_id: null,
    title: null,
    title_key: 'infosec.policy.campaignDue',
    title_params: { code: 'AUP-01', label: '2.0', dueOn },
    due_date: dueOn,
    due_at: null,
    state: 'open',
    done_at: null,
  });
  return [
    { table: 'infosec_policies', rows: policies },
    { table: 'infosec_policy_versions', rows: versions },
    { table: 'infosec_policy_campaigns', rows: campaigns },
    { table: 'infosec_policy_campaign_sites', rows: campaignSites },
    { table: 'infosec_policy_asked', rows: asked },
    { table: 'infosec_policy_acknowledgements', rows: acks },
    { table: 'obligations', rows: obligations },
  ];
}
