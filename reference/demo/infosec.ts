import { BUILT_IN_CATALOGUES, catalogueRows } from '../../server/modules/infosec/csf/catalogues.ts';
import type { DemoDataset } from './generate.ts';
import { generateCsfHistory } from './infosec-csf.ts';
import type { CsfHistory } from './infosec-csf-rows.ts';
import type { TableRows } from './ohs-tables.ts';
import { Random } from './random.ts';

/**
 * The information security demo: the register of each site's critical systems (IT and OT), the security
 * incidents of recent years, and the NIST CSF maturity assessments since 2019 (infosec-csf.ts). None of the 2023 incidents is material (the security seed reports 0 material
 * incidents in 2023: none above level 2); every past incident ran its course to closed. Texts at the Taiwanese
 * and Chinese sites are in Traditional Chinese, as their security teams write them.
 */

type Row = Record<string, unknown>;
export type InfosecDataset = {
  systems: Row[];
  incidents: Row[];
  incidentSystems: Row[];
  timeline: Row[];
  tasks: Row[];
  observables: Row[];
  lessons: Row[];
  csf: CsfHistory;
};

type SystemTemplate = {
  name: string;
  zh: string;
  domain: 'it' | 'ot';
  criticality: 'low' | 'medium' | 'high' | 'critical';
  rto: number;
  rpo: number;
  backup: string;
  backupZh: string;
  vendor?: string;
  product?: string;
  version?: string;
  cpe?: string;
  manufacturingOnly?: boolean;
};

const SYSTEMS: readonly SystemTemplate[] = [
  {
    name: 'Manufacturing execution system',
    zh: '製造執行系統',
    domain: 'it',
    criticality: 'critical',
    rto: 4,
    rpo: 0.25,
    backup: 'Hourly snapshots, daily off-site copy',
    backupZh: '每小時快照，每日異地備份',
    vendor: 'critical_manufacturing',
    product: 'mes',
    version: '10.2',
    cpe: 'cpe:2.3:a:critical_manufacturing:mes:10.2:*:*:*:*:*:*:*',
    manufacturingOnly: true,
  },
  {
    name: 'Equipment automation (EAP) servers',
    zh: '機台自動化（EAP）伺服器',
    domain: 'ot',
    criticality: 'critical',
    rto: 2,
    rpo: 1,
    backup: 'Daily image of each server',
    backupZh: '每日整機映像備份',
    manufacturingOnly: true,
  },
  {
    name: 'Facility monitoring (SCADA)',
    zh: '廠務監控系統（SCADA）',
    domain: 'ot',
    criticality: 'high',
    rto: 8,
    rpo: 4,
    backup: 'Weekly configuration export',
    backupZh: '每週匯出組態',
    vendor: 'aveva',
    product: 'system_platform',
    version: '2023',
    cpe: 'cpe:2.3:a:aveva:system_platform:2023:*:*:*:*:*:*:*',
    manufacturingOnly: true,
  },
  {
    name: 'ERP',
    zh: 'ERP 企業資源規劃',
    domain: 'it',
    criticality: 'critical',
    rto: 8,
    rpo: 1,
    backup: 'Log shipping to the group data centre',
    backupZh: '交易日誌同步至集團資料中心',
    vendor: 'sap',
    product: 's\\/4hana',
    version: '2022',
    cpe: 'cpe:2.3:a:sap:s\\/4hana:2022:*:*:*:*:*:*:*',
  },
  {
    name: 'Directory and sign-in',
    zh: '目錄與登入服務',
    domain: 'it',
    criticality: 'high',
    rto: 4,
    rpo: 4,
    backup: 'Two domain controllers per site, daily system state',
    backupZh: '每廠兩台網域控制站，每日系統狀態備份',
    vendor: 'microsoft',
    product: 'windows_server_2022',
    version: '-',
    cpe: 'cpe:2.3:o:microsoft:windows_server_2022:-:*:*:*:*:*:*:*',
  },
  {
    name: 'Engineering file server',
    zh: '工程檔案伺服器',
    domain: 'it',
    criticality: 'medium',
    rto: 24,
    rpo: 24,
    backup: 'Nightly backup, 90 days kept',
    backupZh: '每夜備份，保留 90 天',
  },
];

/** What happened, in the words of a site's security team, with the impact that sets its level. */
type IncidentTemplate = {
  title: string;
  zh: string;
  description: string;
  descriptionZh: string;
  level: 1 | 2;
  impact: Row;
  functional: 'none' | 'low' | 'medium';
  information: 'none' | 'privacy' | 'proprietary' | 'integrity';
  vector: 'email' | 'web' | 'external_media' | 'loss_theft' | 'improper_usage';
  system?: number;
};

const INCIDENTS: readonly IncidentTemplate[] = [
  {
    title: 'Phishing mail led to a password entered on a fake sign-in page',
    zh: '釣魚郵件導致員工於偽冒登入頁輸入密碼',
    description:
      'One account affected; password reset within the hour, no mailbox rule or data access found.',
    descriptionZh: '一個帳號受影響；一小時內重設密碼，未發現郵件規則或資料存取。',
    level: 1,
    impact: { confidentiality: { kind: 'general', severity: 'minor' }, integrity: null, availability: null },
    functional: 'low',
    information: 'none',
    vector: 'email',
    system: 4,
  },
  {
    title: 'Malware found on a USB stick at an equipment PC',
    zh: '機台電腦插入之隨身碟發現惡意程式',
    description: 'Blocked by the endpoint agent before it ran; the stick came from a vendor engineer.',
    descriptionZh: '端點防護於執行前攔截；隨身碟為廠商工程師攜入。',
    level: 1,
    impact: {
      confidentiality: null,
      integrity: null,
      availability: { kind: 'general', withinTolerableOutage: true },
    },
    functional: 'low',
    information: 'none',
    vector: 'external_media',
    system: 1,
  },
  {
    title: 'Notebook with engineering drawings lost on a business trip',
    zh: '出差遺失存有工程圖面之筆電',
    description: 'Disk encrypted; remote wipe confirmed the next day.',
    descriptionZh: '硬碟已加密；隔日確認遠端抹除完成。',
    level: 1,
    impact: { confidentiality: { kind: 'general', severity: 'minor' }, integrity: null, availability: null },
    functional: 'none',
    information: 'none',
    vector: 'loss_theft',
  },
  {
    title: 'File server slowed by a ransomware attempt, stopped at one share',
    zh: '勒索軟體企圖加密檔案伺服器，於單一共用資料夾被阻擋',
    description: 'About 300 files encrypted on one share and restored from the night before; no data taken.',
    descriptionZh: '單一共用資料夾約 300 個檔案遭加密，以前一晚備份還原；無資料外洩。',
    level: 2,
    impact: {
      confidentiality: null,
      integrity: { kind: 'general', severity: 'serious' },
      availability: { kind: 'general', withinTolerableOutage: true },
    },
    functional: 'medium',
    information: 'integrity',
    vector: 'email',
    system: 5,
  },
  {
    title: 'Supplier portal account used from an unexpected country',
    zh: '供應商入口網站帳號自異常國家登入',
    description: 'Account locked by the conditional access policy; the supplier confirmed a stolen password.',
    descriptionZh: '條件式存取政策鎖定帳號；供應商確認密碼遭竊。',
    level: 1,
    impact: { confidentiality: { kind: 'general', severity: 'minor' }, integrity: null, availability: null },
    functional: 'low',
    information: 'none',
    vector: 'web',
  },
];

const ZH_COUNTRIES = new Set(['TW', 'CN']);
const pad = (n: number) => String(n).padStart(2, '0');

export function generateInfosecDataset(data: DemoDataset): InfosecDataset {
  const rng = new Random(`${data.seed}:infosec`);
  const owner = data.users.find((u) => u.email.startsWith('infosec.owner@'));
  const systems: Row[] = [];
  const systemsBySite = new Map<string, Row[]>();
  for (const site of data.sites) {
    const zh = ZH_COUNTRIES.has(site.country);
    const rows: Row[] = [];
    for (const s of SYSTEMS) {
      if (s.manufacturingOnly && site.kind !== 'manufacturing') continue;
      rows.push({
        id: rng.uuid(),
        site_id: site.id,
        name: zh ? s.zh : s.name,
        owner_id: owner?.id ?? null,
        domain: s.domain,
        criticality: s.criticality,
        rto_hours: s.rto,
        rpo_hours: s.rpo,
        backup: zh ? s.backupZh : s.backup,
        vendor: s.vendor ?? null,
        product: s.product ?? null,
        product_version: s.version ?? null,
        cpe: s.cpe ?? null,
      });
    }
    systemsBySite.set(site.id, rows);
    systems.push(...rows);
  }

  // Security incidents from 2022 to the demo's last year, a few a year at some sites; all closed.
  const incidents: Row[] = [];
  const incidentSystems: Row[] = [];
  const timeline: Row[] = [];
  const lastYear = Number(data.clock.slice(0, 4)) - 1;
  const sequence = new Map<string, number>();
  // Every site has met at least one incident in these years; some sites a few.
  const occurrences: { site: (typeof data.sites)[number]; year: number }[] = [];
  for (const site of data.sites) {
    const years: number[] = [];
    for (let year = 2022; year <= lastYear; year++) if (rng.chance(0.3)) years.push(year);
    if (years.length === 0) years.push(rng.int(2022, lastYear));
    for (const year of years) occurrences.push({ site, year });
  }
  for (const { site, year } of occurrences) {
    const template = INCIDENTS[rng.int(0, INCIDENTS.length - 1)];
    const zh = ZH_COUNTRIES.has(site.country);
    const key = `${site.code}-${year}`;
    const n = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, n);
    const month = rng.int(1, 12);
    const aware = new Date(
      `${year}-${pad(month)}-${pad(rng.int(1, 28))}T${pad(rng.int(1, 10))}:${pad(rng.int(0, 59))}:00Z`,
    );
    const at = (hours: number) => new Date(aware.getTime() + hours * 3_600_000);
    const id = rng.uuid();
    incidents.push({
      id,
      site_id: site.id,
      reference: `${site.code}-SEC-${year}-${String(n).padStart(4, '0')}`,
      title: zh ? template.zh : template.title,
      description: zh ? template.descriptionZh : template.description,
      aware_at: aware,
      reported_by: null,
      status: 'closed',
      level: template.level,
      // The bulk load writes each row as JSON: the impact goes in as an object, not as text.
      impact: template.impact,
      functional_impact: template.functional,
      information_impact: template.information,
      recoverability: 'regular',
      attack_vector: template.vector,
      ciso_reported_at: at(0.5),
      level_reviewed_at: at(4),
      recovered_at: at(20),
      investigation_reported_at: at(24 * 20),
      created_at: aware,
      updated_at: at(24 * 21),
    });
    const system = template.system === undefined ? undefined : systemsBySite.get(site.id)?.[template.system];
    if (system) incidentSystems.push({ incident_id: id, system_id: system.id, site_id: site.id });
    const steps: [string, number][] = [
      ['reported', 0],
      ['classified', 2],
      ['ciso_reported', 0.5],
      ['level_reviewed', 4],
      ['contained', 6],
      ['recovered', 20],
      ['investigation_reported', 24 * 20],
      ['closed', 24 * 21],
    ];
    for (const [kind, hours] of steps)
      timeline.push({
        id: rng.uuid(),
        incident_id: id,
        site_id: site.id,
        at: at(hours),
        kind,
        created_at: at(hours),
      });
  }
  const response: { table: 'tasks' | 'observables' | 'lessons'; row: Row }[] = [];
  // The demo employee reported a suspected phishing mail to the security team a month ago.
  const employeeUser = data.users.find((u) => u.email.startsWith('employee@'));
  const employee = data.employees.find((e) => e.id === employeeUser?.employee_id);
  const employeeSite = data.sites.find((s) => s.id === employee?.site_id);
  if (employeeUser && employeeSite) {
    const zh = ZH_COUNTRIES.has(employeeSite.country);
    const aware = new Date(new Date(`${data.clock}T02:30:00Z`).getTime() - 30 * 86_400_000);
    const year = aware.getUTCFullYear();
    const key = `${employeeSite.code}-${year}`;
    const n = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, n);
    const at = (hours: number) => new Date(aware.getTime() + hours * 3_600_000);
    const id = rng.uuid();
    incidents.push({
      id,
      site_id: employeeSite.id,
      reference: `${employeeSite.code}-SEC-${year}-${String(n).padStart(4, '0')}`,
      title: zh ? '收到冒充 IT 部門要求重設密碼之郵件' : 'Mail posing as IT asking for a password reset',
      description: zh
        ? '未點擊連結，已轉寄資安信箱。'
        : 'Did not click the link; forwarded to the security mailbox.',
      aware_at: aware,
      reported_by: employeeUser.id,
      status: 'closed',
      level: 1,
      impact: {
        confidentiality: { kind: 'general', severity: 'minor' },
        integrity: null,
        availability: null,
      },
      functional_impact: 'none',
      information_impact: 'none',
      recoverability: 'regular',
      attack_vector: 'email',
      ciso_reported_at: at(0.5),
      level_reviewed_at: at(3),
      recovered_at: at(4),
      investigation_reported_at: at(48),
      created_at: aware,
      updated_at: at(49),
    });
    timeline.push({
      id: rng.uuid(),
      incident_id: id,
      site_id: employeeSite.id,
      at: aware,
      kind: 'reported',
      created_at: aware,
    });
    response.push(...demoResponse(rng, data, { id, site_id: employeeSite.id, aware, zh }));
  }
  const tasks = response.filter((r) => r.table === 'tasks').map((r) => r.row);
  const observables = response.filter((r) => r.table === 'observables').map((r) => r.row);
  // The sender's domain was seen before at the same site: the earlier incident carries it too.
  const earlier = incidents.filter((i) => i.site_id === employeeSite?.id && i.reported_by === null).at(-1);
  if (earlier && observables.length > 0)
    observables.push({
      ...observables[0],
      id: rng.uuid(),
      incident_id: earlier.id,
      created_at: earlier.aware_at,
    });
  const lessons = response.filter((r) => r.table === 'lessons').map((r) => r.row);
  return {
    systems,
    incidents,
    incidentSystems,
    timeline,
    tasks,
    observables,
    lessons,
    csf: generateCsfHistory(data),
  };
}

export function infosecTables(d: InfosecDataset): TableRows[] {
  return [
    { table: 'infosec_systems', rows: d.systems },
    { table: 'infosec_incidents', rows: d.incidents },
    {
      table: 'infosec_incident_sites',
      rows: d.incidents.map((i) => ({ incident_id: i.id, site_id: i.site_id })),
    },
    { table: 'infosec_incident_systems', rows: d.incidentSystems },
    { table: 'infosec_timeline', rows: d.timeline },
    { table: 'infosec_incident_tasks', rows: d.tasks },
    { table: 'infosec_incident_observables', rows: d.observables },
    { table: 'infosec_incident_lessons', rows: d.lessons },
    // The catalogue version the history was made against, as the running system would store it.
    ...BUILT_IN_CATALOGUES.flatMap((b) => {
      const rows = catalogueRows(b);
      return [
        { table: 'csf_catalogues', rows: [rows.catalogue] },
        { table: 'csf_items', rows: rows.items },
      ];
    }),
    { table: 'csf_campaigns', rows: d.csf.campaigns },
    { table: 'csf_assessments', rows: d.csf.assessments },
    { table: 'csf_answers', rows: d.csf.answers, batchSize: 10_000 },
    { table: 'csf_benchmarks', rows: d.csf.benchmarks },
    { table: 'actions', rows: d.csf.actions },
    { table: 'obligations', rows: d.csf.obligations },
  ];
}

/**
 * The response to the demo employee's report: the site's security team checked the mail gateway, blocked the
 * sender and warned the site, recorded the sender's domain and link, and noted what went well.
 */
function demoResponse(
  rng: Random,
  data: DemoDataset,
  incident: { id: string; site_id: string; aware: Date; zh: boolean },
): { table: 'tasks' | 'observables' | 'lessons'; row: Row }[] {
  const officer = data.users.find((u) => u.email.startsWith('officer.kh@')) ?? null;
  const at = (hours: number) => new Date(incident.aware.getTime() + hours * 3_600_000);
  const base = { incident_id: incident.id, site_id: incident.site_id };
  const task = (phase: string, en: string, zh: string, due: number, done: number) => ({
    table: 'tasks' as const,
    row: {
      id: rng.uuid(),
      ...base,
      phase,
      title: incident.zh ? zh : en,
      owner_id: officer?.id ?? null,
      due_at: at(due),
      status: 'done',
      done_at: at(done),
      done_by: officer?.id ?? null,
      created_at: at(1),
      created_by: officer?.id ?? null,
      updated_at: at(done),
      updated_by: officer?.id ?? null,
    },
  });
  const observable = (kind: string, value: string) => ({
    table: 'observables' as const,
    row: {
      id: rng.uuid(),
      ...base,
      kind,
      value,
      note: null,
      created_at: at(1),
      created_by: officer?.id ?? null,
    },
  });
  return [
    observable('domain-name', 'it-helpdesk-reset.example'),
    observable('url', 'https://it-helpdesk-reset.example/password'),
    task(
      'analysis',
      'Find the other recipients in the mail gateway log',
      '從郵件閘道紀錄找出其他收件人',
      2,
      1.5,
    ),
    task('containment', 'Block the sender domain and purge the message', '封鎖寄件網域並刪除該郵件', 3, 2.5),
    task('communication', 'Warn the site’s staff of the look-alike mail', '提醒全廠同仁注意此仿冒郵件', 8, 6),
    {
      table: 'lessons',
      row: {
        id: rng.uuid(),
        ...base,
        kind: 'went_well',
        text: incident.zh
          ? '同仁未點擊連結並於半小時內通報，封鎖在其他人開信前完成。'
          : 'The employee did not click and reported within half an hour; the block was in place before others opened it.',
        action_id: null,
        created_at: at(24),
        created_by: officer?.id ?? null,
      },
    },
  ];
}
