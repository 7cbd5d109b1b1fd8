import type { DemoDataset } from './generate.ts';
import type { TableRows } from './ohs-tables.ts';
import { writesChinese } from './organisation.ts';
import { Random } from './random.ts';

type Row = Record<string, unknown>;

/** Up to `n` of the items, each at most once (a partial shuffle of a copy). */
function sample<T>(rng: Random, items: readonly T[], n: number): T[] {
  const copy = [...items];
  const k = Math.min(n, copy.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.next() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, k);
}
const DAY = 86_400_000;
const day = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** Where the group's recovery drills run: the data centre of the first manufacturing site in Kaohsiung. */
const DRILL_SITE = 'ASE-KH';
const SPIL_DRILL_SITE = 'SPIL-ZK';
const FIRST_YEAR = 2019;

const STEPS = {
  en: [
    ['Declare the drill and freeze changes to the systems in scope', 15],
    ['Fail the primary servers over to the standby site', 60],
    ['Restore the databases from the last off-site backup', 120],
    ['Check the restored data against the control totals', 45],
    ['Users at the lines confirm the systems work; hand back', 30],
  ],
  zh: [
    ['宣告演練開始，凍結範圍內系統的變更', 15],
    ['將主要伺服器切換至備援機房', 60],
    ['以最近一次異地備份還原資料庫', 120],
    ['以控制總數核對還原後的資料', 45],
    ['產線使用者確認系統可正常運作後交還', 30],
  ],
} as const;
const RESOURCES = {
  en: ['Standby data centre', 'Off-site backup tapes', 'Vendor support on call', 'Drill communication group'],
  zh: ['備援機房', '異地備份磁帶', '廠商待命支援', '演練通訊群組'],
};
const RISKS = {
  en: [['Production data changed during the drill', 'Run in the maintenance window; compare control totals']],
  zh: [['演練期間生產資料異動', '於維護時段執行，並比對控制總數']],
};
const TITLES = {
  recovery: { en: 'Recovery drill of the critical systems', zh: '關鍵系統復原演練' },
  incident_response: {
    en: 'Incident response drill: ransomware at a plant',
    zh: '資安事件應變演練：廠區勒索軟體',
  },
};

/**
 * The demo's drills and social-engineering email drills: a recovery drill of the critical systems every six
 * months since 2019 at the group's drill site (June and December, so two a year, as the report counts them),
 * a yearly incident-response tabletop there, and at every site two phishing campaigns a year of the last two
 * years with each recipient's furthest step.
 */
export function drillTables(group: DemoDataset, systems: Row[], ownerId: string | null): TableRows[] {
  const rng = new Random(`${group.seed}:infosec-drills`);
  const clock = group.clock;
  const drills: Row[] = [];
  const people: Row[] = [];
  const drillSystems: Row[] = [];
  const officer = group.users.find((u) => u.email.startsWith('officer.kh@'));
  const addDrill = (
    site: (typeof group.sites)[number],
    kind: 'recovery' | 'incident_response',
    plannedOn: string,
    officer: { id: string } | undefined,
  ) => {
    const lang = writesChinese(site.country) ? 'zh' : 'en';
    const critical = systems.filter((s) => s.site_id === site.id && s.criticality === 'critical');
    const id = rng.uuid();
    const held = plannedOn < clock;
    // The latest drill held is still waiting for its review.
    const reviewed = held && day(plannedOn, 45) < clock;
    drills.push({
      id,
      site_id: site.id,
      kind,
      title: TITLES[kind][lang],
      status: reviewed ? 'reviewed' : held ? 'held' : 'planned',
      planned_on: plannedOn,
      duration_hours: kind === 'recovery' ? 8 : 3,
      scope:
        kind === 'recovery'
          ? Number(plannedOn.slice(0, 4)) % 2
            ? 'full_failover'
            : 'partial_restore'
          : 'tabletop',
      scope_note: null,
      // The bulk load writes each row as JSON: the lists go in as they are, not as text.
      steps: STEPS[lang].map(([description, minutes]) => ({ description, minutes })),
      resources: RESOURCES[lang],
      risks: RISKS[lang].map(([risk, mitigation]) => ({ risk, mitigation })),
      held_on: held ? plannedOn : null,
      run_notes: null,
      reviewed_on: reviewed ? day(plannedOn, 14) : null,
      findings: null,
      created_by: ownerId,
      updated_by: ownerId,
    });
    const crew = [
      ownerId && {
        user: ownerId,
        role: 'commander',
        unit: lang === 'zh' ? '集團資安處' : 'Group CISO office',
      },
      officer && {
        user: officer.id,
        role: 'recovery_lead',
        unit: lang === 'zh' ? '廠區資訊課' : 'Site IT section',
      },
    ].filter((c): c is { user: string; role: string; unit: string } => !!c);
    for (const [position, c] of crew.entries())
      people.push({
        drill_id: id,
        user_id: c.user,
        site_id: site.id,
        position,
        role: c.role,
        unit: c.unit,
        task:
          lang === 'zh'
            ? '依演練計畫執行所負責的步驟'
            : 'Carries out the steps of the plan assigned to the role',
        backup_user_id: null,
      });
    if (kind !== 'recovery') return;
    for (const s of critical) {
      const rto = Number(s.rto_hours);
      const rpo = Number(s.rpo_hours);
      // Most drills meet the objectives; now and then a restore runs over.
      const over = rng.chance(0.15);
      drillSystems.push({
        drill_id: id,
        system_id: s.id,
        site_id: site.id,
        backup_source: 'offsite_backup',
        achieved_rto_hours: held ? Math.round(rto * (over ? 1.3 : 0.5 + rng.next() * 0.4) * 100) / 100 : null,
        achieved_rpo_hours: held ? Math.round(rpo * (0.3 + rng.next() * 0.6) * 100) / 100 : null,
        data_restored: held ? true : null,
      });
    }
  };
  const site = group.sites.find((s) => s.code === DRILL_SITE);
  if (site) {
    for (let year = FIRST_YEAR; year <= Number(clock.slice(0, 4)); year++) {
      addDrill(site, 'recovery', `${year}-06-15`, officer);
      addDrill(site, 'incident_response', `${year}-09-20`, officer);
      addDrill(site, 'recovery', `${year}-12-10`, officer);
    }
  }
  const campaigns: Row[] = [];
  const results: Row[] = [];
  const staying = new Map<string, typeof group.employees>();
  // The drill mails those with an address.
  for (const e of group.employees)
    if (!e.leave_date && e.email) staying.set(e.site_id, [...(staying.get(e.site_id) ?? []), e]);
  const firstYear = Number(clock.slice(0, 4)) - 1;
  for (const s of group.sites) {
    const lang = writesChinese(s.country) ? 'zh' : 'en';
    const staff = staying.get(s.id) ?? [];
    if (staff.length === 0) continue;
    for (let year = firstYear; year <= firstYear + 1; year++)
      for (const [half, month] of [
        [1, '04'],
        [2, '10'],
      ] as const) {
        const sentOn = `${year}-${month}-${String(8 + (campaigns.length % 15)).padStart(2, '0')}`;
        if (sentOn >= clock) continue;
        const id = rng.uuid();
        campaigns.push({
          id,
          site_id: s.id,
          name:
            lang === 'zh'
              ? `${year} ${half === 1 ? '上' : '下'}半年社交工程演練`
              : `${year} H${half} phishing drill`,
          sent_on: sentOn,
          course_id: null,
          course_code: 'SEC-201',
          training_due_days: 30,
          import_by: null,
          import_requested_at: null,
          results_imported_at: new Date(Date.parse(`${sentOn}T09:00:00Z`) + 14 * DAY),
          created_by: ownerId,
          updated_by: ownerId,
        });
        for (const e of sample(rng, staff, 40)) {
          const roll = rng.next();
          const status = roll < 0.08 ? 'submitted' : roll < 0.2 ? 'clicked' : roll < 0.45 ? 'opened' : 'sent';
          results.push({
            campaign_id: id,
            site_id: s.id,
            employee_id: e.id,
            email: e.email,
            name: e.full_name,
            position: e.job_title,
            department: e.department,
            status,
            sent_at: new Date(Date.parse(`${sentOn}T01:30:00Z`)),
            reported: status !== 'submitted' && rng.chance(0.15),
            training_due_on: null,
          });
        }
      }
  }
  // SPIL's first incident-response tabletop, three weeks ago but in this year, which the drills page opens on
  // (drawn last, so that the draws before it stay as they were).
  const spil = group.sites.find((s) => s.code === SPIL_DRILL_SITE);
  const thisYear = `${clock.slice(0, 4)}-01-02`;
  if (spil) addDrill(spil, 'incident_response', [day(clock, -21), thisYear].sort()[1], undefined);
  return [
    { table: 'infosec_drills', rows: drills },
    { table: 'infosec_drill_people', rows: people },
    { table: 'infosec_drill_systems', rows: drillSystems },
    { table: 'infosec_phishing_campaigns', rows: campaigns },
    { table: 'infosec_phishing_results', rows: results },
  ];
}
