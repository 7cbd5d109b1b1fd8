import type { DemoDataset } from './generate.ts';
import type { Random } from './random.ts';

type Row = Record<string, unknown>;

/** Inventions the group's engineers disclose (Traditional Chinese at the Taiwanese and Chinese sites). */
const INVENTIONS: readonly [string, string][] = [
  ['Low-temperature copper hybrid bonding', '低溫銅對銅混合鍵合製程'],
  ['Warpage prediction for panel-level moulding', '面板級模封翹曲預測方法'],
  ['Flux-free solder reflow in formic acid vapour', '甲酸氣氛無助焊劑回焊'],
  ['Wafer-map anomaly detection for final test', '終測晶圓圖異常偵測'],
  ['Recycled-copper lead frame plating', '再生銅導線架電鍍製程'],
  ['Self-cleaning dicing blade coolant nozzle', '自清潔切割刀冷卻噴嘴'],
];

/**
 * Invention disclosures: one filed by each demo user who may disclose (so that everyone's "My inventions" has
 * a row), at a site they work at, with two inventors of that site; half waiting for the review committee, the
 * others published defensively by the IP office's decision.
 */
export function generateDisclosures(
  data: DemoDataset,
  rng: Random,
): { disclosures: Row[]; inventors: Row[] } {
  const disclosures: Row[] = [];
  const inventors: Row[] = [];
  const manufacturing = data.sites.filter((s) => s.kind === 'manufacturing');
  const ipOwner = data.users.find((u) => u.email === 'ip.owner@steward.demo');
  const employeesAt = (siteId: string) => data.employees.filter((e) => e.site_id === siteId && !e.leave_date);
  let n = 0;
  for (const user of data.users) {
    const roles = data.roleAssignments.filter((a) => a.user_id === user.id);
    const discloses = roles.some(
      (a) =>
        a.role === 'group_admin' ||
        a.role === 'employee' ||
        (a.role === 'site_officer' && (a.program === null || a.program === 'ip')) ||
        (a.role === 'program_owner' && a.program === 'ip'),
    );
    if (!discloses) continue;
    const own = data.employees.find((e) => e.id === user.employee_id);
    const scoped = roles.flatMap((a) => a.site_ids ?? []);
    const inSubsidiary = roles.flatMap((a) =>
      a.subsidiary_id
        ? manufacturing.filter((s) => s.subsidiary_id === a.subsidiary_id).map((s) => s.id)
        : [],
    );
    const siteId = own?.site_id ?? scoped[0] ?? inSubsidiary[0] ?? manufacturing[n % manufacturing.length].id;
    const site = data.sites.find((s) => s.id === siteId);
    const chinese = site?.country === 'TW' || site?.country === 'CN';
    const people = employeesAt(siteId);
    const first = own ?? people[0];
    const second = people.find((p) => p.id !== first?.id);
    if (!first || !second) continue;
    const [en, zh] = INVENTIONS[n % INVENTIONS.length];
    const decided = n % 2 === 1;
    const id = rng.uuid();
    const day = `2025-${String((n % 12) + 1).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    n += 1;
    disclosures.push({
      id,
      site_id: siteId,
      reference: `ID-2025-${String(n).padStart(4, '0')}`,
      title: chinese ? zh : en,
      description: chinese ? `${zh}：提高良率並減少材料使用。` : `${en}: better yield with less material.`,
      submitted_by: user.id,
      research_project_id: null,
      partner_name: null,
      status: decided ? 'defensive_publication' : 'submitted',
      decision: decided ? 'defensive_publication' : null,
      decision_reason: decided
        ? chinese
          ? '不易舉證侵權，公開以確保自由實施。'
          : 'Hard to police; published to keep it free to use.'
        : null,
      decided_by: decided ? (ipOwner?.id ?? null) : null,
      decided_at: decided ? new Date(`${day}T08:00:00Z`) : null,
      created_at: new Date(`${day}T02:00:00Z`),
      created_by: user.id,
      updated_by: user.id,
    });
    inventors.push(
      { disclosure_id: id, employee_id: first.id, name: first.full_name, share: 60 },
      { disclosure_id: id, employee_id: second.id, name: second.full_name, share: 40 },
    );
  }
  return { disclosures, inventors };
}
