import { exitInterviewDue } from '#shared/modules/ip/exit-interviews/rules.ts';
import { addDays } from './clock.ts';
import type { DemoDataset } from './generate.ts';
import type { Random } from './random.ts';
import { demoWorkCalendar } from './site-calendars.ts';

type Row = Record<string, unknown>;

/** What the leaving inventors disclosed before they gave notice. */
const INVENTIONS: readonly [string, string][] = [
  ['Void-free underfill dispensing for large flip-chip dies', '大尺寸覆晶晶片無孔洞底部填充點膠'],
  ['Thermal-profile tuning for thin-core substrate reflow', '薄核心載板回焊溫度曲線調校'],
  ['Warpage control for fan-out panel-level molding', '扇出型面板級封裝模封翹曲控制'],
];

/**
 * An employee of each subsidiary who gave notice (a leave date ahead in the HR record) and had disclosed an
 * invention: exit interviews still due, one held and waiting for the signed acknowledgement, each with Legal's
 * obligation.
 * Their disclosures are their own (the leaver the sole inventor), so the other disclosures stay as they are.
 * Only leavers whose interview falls due after today are picked: the demo opens on nothing overdue.
 */
export function generateExitInterviews(data: DemoDataset, rng: Random) {
  const disclosures: Row[] = [];
  const inventors: Row[] = [];
  const interviews: Row[] = [];
  const obligations: Row[] = [];
  const ipOwner = data.users.find((u) => u.email === 'ip.owner@steward.demo');
  // One leaver in each subsidiary, so that each subsidiary's Legal staff have an interview to hold.
  const subsidiaries = new Set<unknown>();
  const leavers = data.sites
    .filter((s) => s.kind === 'manufacturing')
    .map((site) =>
      data.employees.find(
        (e) =>
          e.site_id === site.id &&
          e.leave_date &&
          exitInterviewDue(e.leave_date, demoWorkCalendar(data, site.id)).dueDate > data.clock,
      ),
    )
    .filter((e) => e !== undefined)
    .filter((e) => {
      const subsidiary = data.sites.find((s) => s.id === e.site_id)?.subsidiary_id;
      if (subsidiaries.has(subsidiary)) return false;
      subsidiaries.add(subsidiary);
      return true;
    })
    .slice(0, INVENTIONS.length);
  leavers.forEach((e, n) => {
    const site = data.sites.find((s) => s.id === e.site_id);
    const chinese = site?.country === 'TW' || site?.country === 'CN';
    const [en, zh] = INVENTIONS[n];
    const disclosureId = rng.uuid();
    const filedOn = addDays(data.clock, -rng.int(60, 200));
    disclosures.push({
      id: disclosureId,
      site_id: e.site_id,
      reference: `ID-2025-X${String(n + 1).padStart(3, '0')}`,
      title: chinese ? zh : en,
      description: chinese ? `${zh}：提高良率並減少材料使用。` : `${en}: better yield with less material.`,
      submitted_by: ipOwner?.id ?? null,
      research_project_id: null,
      partner_name: null,
      status: 'submitted',
      decision: null,
      decision_reason: null,
      decided_by: null,
      decided_at: null,
      created_at: new Date(`${filedOn}T02:00:00Z`),
      created_by: ipOwner?.id ?? null,
      updated_by: ipOwner?.id ?? null,
    });
    inventors.push({ disclosure_id: disclosureId, employee_id: e.id, name: e.full_name, share: 100 });
    const leaveDate = e.leave_date as string;
    const { dueDate } = exitInterviewDue(leaveDate, demoWorkCalendar(data, e.site_id));
    const held = n === 1;
    const id = rng.uuid();
    interviews.push({
      id,
      site_id: e.site_id,
      employee_id: e.id,
      leave_date: leaveDate,
      due_date: dueDate,
      inventor: true,
      family_ids: [],
      disclosure_ids: [disclosureId],
      trade_secret_ids: [],
      status: held ? 'held' : 'due',
      held_on: held ? data.clock : null,
      signed_on: null,
      created_by: null,
      updated_by: held ? (ipOwner?.id ?? null) : null,
    });
    obligations.push({
      id: rng.uuid(),
      kind: 'ip.exit_interview',
      source_type: 'ip_exit_interview',
      source_id: id,
      site_id: e.site_id,
      program: 'ip',
      owner_id: null,
      title: null,
      title_key: 'ip.obligation.exitInterview',
      title_params: { name: e.full_name, leaveDate },
      due_date: dueDate,
      due_at: null,
      state: 'open',
      done_at: null,
    });
  });
  return { disclosures, inventors, interviews, obligations };
}
