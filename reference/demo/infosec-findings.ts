import {
  defaultDuePolicy,
  dueOn,
  type Severity,
  severities,
  severityOfWord,
} from '#shared/modules/infosec/findings/severity.ts';
import { scoreVector } from '../../server/modules/infosec/findings/rules/cvss.ts';
import type { DemoDataset } from './generate.ts';
import type { TableRows } from './ohs-tables.ts';
import { writesChinese } from './organisation.ts';
import { Random } from './random.ts';

type Row = Record<string, unknown>;
type Kind = 'audit' | 'vulnerability_scan' | 'penetration_test' | 'ot_assessment';
type Target = 'mes' | 'eap' | 'scada' | 'erp' | 'directory' | 'files';

/**
 * What became of a finding: a scan finding fixed before the rescan (`fixed`: the rescan no longer reports it),
 * still reported by the rescan (`persisting`), first reported by the rescan (`new`), closed by a retest
 * (`verified`), left open (`open`), or its risk accepted until an expiry (`accepted`).
 */
type Fate = 'fixed' | 'persisting' | 'new' | 'verified' | 'open' | 'accepted';

type FindingTemplate = {
  rule: string;
  title: string;
  zh: string;
  target: Target;
  /** A CVSS v3.1 base vector, scored by the module's own calculator; none for an audit's nonconformity. */
  vector?: string;
  /** The auditor's grading when there is no vector. */
  grade?: 'low' | 'medium' | 'high';
  /** The port, path or clause after the host. */
  at: string;
  fate: Fate;
  /** Kept at every scale, so that the smallest demo still shows each fate. */
  always?: boolean;
};

const NESSUS: readonly FindingTemplate[] = [
  {
    rule: '104743',
    title: 'TLS 1.0 enabled on SCADA HMI',
    zh: 'SCADA 人機介面仍啟用 TLS 1.0',
    target: 'scada',
    vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N',
    at: ':443',
    fate: 'persisting',
    always: true,
  },
  {
    rule: '193217',
    title: 'Missing patch KB5036909 (Windows Server 2022 cumulative update) on domain controller',
    zh: '網域控制站缺少修補程式 KB5036909（Windows Server 2022 累積更新）',
    target: 'directory',
    vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
    at: '',
    fate: 'fixed',
    always: true,
  },
  {
    rule: '202033',
    title: 'Windows RDP licensing remote code execution (missing KB5040437)',
    zh: 'Windows 遠端桌面授權服務遠端程式碼執行（缺少 KB5040437）',
    target: 'directory',
    vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    at: ':3389',
    fate: 'new',
    always: true,
  },
  {
    rule: '57608',
    title: 'SMB signing not required on engineering file server',
    zh: '工程檔案伺服器未強制 SMB 簽章',
    target: 'files',
    vector: 'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N',
    at: ':445',
    fate: 'verified',
    always: true,
  },
  {
    rule: '191598',
    title: 'Apache Tomcat 9.0.x < 9.0.86 multiple vulnerabilities on MES application server',
    zh: 'MES 應用伺服器 Apache Tomcat 9.0.x < 9.0.86 多項弱點',
    target: 'mes',
    vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
    at: ':8443',
    fate: 'new',
  },
  {
    rule: '73182',
    title: 'Unsupported Microsoft SQL Server 2014 on MES database',
    zh: 'MES 資料庫使用已停止支援的 Microsoft SQL Server 2014',
    target: 'mes',
    vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    at: ':1433',
    fate: 'persisting',
  },
  {
    rule: '35291',
    title: 'TLS certificate signed with SHA-1 on ERP portal',
    zh: 'ERP 入口網站 TLS 憑證使用 SHA-1 簽章',
    target: 'erp',
    vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
    at: ':443',
    fate: 'fixed',
  },
  {
    rule: '11213',
    title: 'HTTP TRACE method enabled on ERP web dispatcher',
    zh: 'ERP Web Dispatcher 啟用 HTTP TRACE 方法',
    target: 'erp',
    vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N',
    at: ':8000',
    fate: 'new',
    always: true,
  },
  {
    rule: '41028',
    title: 'SNMP agent default community name (public) on EAP server',
    zh: 'EAP 伺服器 SNMP 使用預設社群名稱 public',
    target: 'eap',
    vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N',
    at: ':161',
    fate: 'verified',
  },
  {
    rule: '201194',
    title: 'OpenSSH < 9.8 signal handler race (CVE-2024-6387) on EAP server',
    zh: 'EAP 伺服器 OpenSSH < 9.8 訊號處理競態弱點（CVE-2024-6387）',
    target: 'eap',
    vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H',
    at: ':22',
    fate: 'new',
  },
];

const PENTEST: readonly FindingTemplate[] = [
  {
    rule: 'WSTG-INPV-05',
    title: 'SQL injection in MES work-order search',
    zh: 'MES 工單查詢存在 SQL 注入',
    target: 'mes',
    vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N',
    at: '/mes/workorders/search',
    fate: 'verified',
    always: true,
  },
  {
    rule: 'WSTG-INPV-02',
    title: 'Stored cross-site scripting in ERP supplier portal',
    zh: 'ERP 供應商入口網站存在儲存型跨站腳本',
    target: 'erp',
    vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N',
    at: '/supplier/messages',
    fate: 'open',
    always: true,
  },
  {
    rule: 'AD-KERBEROAST',
    title: 'Kerberoastable service account with a weak password',
    zh: '服務帳號可遭 Kerberoasting 且密碼強度不足',
    target: 'directory',
    vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
    at: '/svc_mesbatch',
    fate: 'open',
  },
  {
    rule: 'WSTG-SESS-02',
    title: 'Session cookie without the Secure flag on MES portal',
    zh: 'MES 入口網站工作階段 Cookie 未設定 Secure 屬性',
    target: 'mes',
    vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N',
    at: '/mes/login',
    fate: 'verified',
  },
];

const OT: readonly FindingTemplate[] = [
  {
    rule: 'OT-CRED-01',
    title: 'Default credentials on PLC web interface',
    zh: 'PLC 網頁管理介面使用預設帳密',
    target: 'scada',
    vector: 'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    at: ':80',
    fate: 'open',
    always: true,
  },
  {
    rule: 'OT-EOL-07',
    title: 'Windows 7 past end of support on EAP tool controller',
    zh: 'EAP 機台控制電腦使用已停止支援的 Windows 7',
    target: 'eap',
    vector: 'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    at: '',
    fate: 'accepted',
    always: true,
  },
  {
    rule: 'OT-PROTO-03',
    title: 'Modbus/TCP without authentication between SCADA and chillers',
    zh: 'SCADA 與冰水主機間 Modbus/TCP 未驗證',
    target: 'scada',
    vector: 'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H',
    at: ':502',
    fate: 'verified',
  },
  {
    rule: 'OT-SEG-02',
    title: 'OT and office VLANs routed without a firewall',
    zh: 'OT 與辦公網段間未經防火牆直接路由',
    target: 'eap',
    vector: 'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:L/I:L/A:L',
    at: '',
    fate: 'open',
  },
];

const AUDIT: readonly FindingTemplate[] = [
  {
    rule: 'A.5.18',
    title: 'Leavers’ accounts not disabled within one working day',
    zh: '離職人員帳號未於一個工作天內停用',
    target: 'directory',
    grade: 'medium',
    at: '',
    fate: 'open',
    always: true,
  },
  {
    rule: 'A.8.13',
    title: 'Backup restore not tested in the last twelve months',
    zh: '近十二個月未執行備份還原測試',
    target: 'files',
    grade: 'high',
    at: '',
    fate: 'verified',
    always: true,
  },
  {
    rule: 'A.5.15',
    title: 'Privileged access review of ERP overdue',
    zh: 'ERP 特權帳號權限審查逾期',
    target: 'erp',
    grade: 'medium',
    at: '',
    fate: 'open',
  },
];

type EngagementPlan = {
  kind: Kind;
  code: string;
  tool: string;
  vendor: string;
  scope: (site: number) => [string, string];
  findings: readonly FindingTemplate[];
};

const PLANS: Record<Exclude<Kind, 'vulnerability_scan'>, EngagementPlan> = {
  penetration_test: {
    kind: 'penetration_test',
    code: 'PT',
    tool: 'Burp Suite Professional',
    vendor: 'Formosa Red Team Ltd.',
    scope: () => ['MES and ERP web applications', 'MES 與 ERP 網頁應用程式'],
    findings: PENTEST,
  },
  ot_assessment: {
    kind: 'ot_assessment',
    code: 'OT',
    tool: 'Nozomi Guardian',
    vendor: 'Pacific OT Security',
    scope: (i) => [`Production OT network 10.${20 + i}.50.0/24`, `生產 OT 網段 10.${20 + i}.50.0/24`],
    findings: OT,
  },
  audit: {
    kind: 'audit',
    code: 'AU',
    tool: 'ISO/IEC 27001 audit',
    vendor: 'Group internal audit',
    scope: () => ['ISMS controls of the site', '本廠資訊安全管理制度控制措施'],
    findings: AUDIT,
  },
};
const SCAN = {
  code: 'VS',
  tool: 'Nessus',
  vendor: 'Site IT security',
  scope: (i: number) => [`Server VLANs 10.${20 + i}.0.0/16`, `伺服器網段 10.${20 + i}.0.0/16`],
};
/** The third engagement of a site by its place in the group: manufacturing sites take turns. */
const ROTATION = ['ot_assessment', 'penetration_test', 'audit'] as const;

const TARGETS: Record<Target, (s: Row) => boolean> = {
  mes: (s) => s.product === 'mes',
  eap: (s) => s.domain === 'ot' && !s.vendor,
  scada: (s) => s.vendor === 'aveva',
  erp: (s) => s.vendor === 'sap',
  directory: (s) => s.product === 'windows_server_2022',
  files: (s) => s.domain === 'it' && !s.vendor && s.criticality === 'medium',
};
const SUBNET: Record<Target, number> = { mes: 10, erp: 11, directory: 12, files: 13, eap: 50, scada: 51 };

const DAY = 86_400_000;

/** The severity, score and vector of a template as the findings import would store them. */
function scoredTemplate(t: Pick<FindingTemplate, 'vector' | 'grade'>) {
  if (t.vector) {
    const scored = scoreVector(t.vector);
    if (!scored) throw new Error(`Not a complete CVSS base vector: ${t.vector}`);
    return {
      cvss_vector: scored.vector,
      cvss_score: scored.score,
      severity: scored.severity,
      severity_source: 'cvss' as const,
    };
  }
  const severity = severityOfWord(t.grade ?? 'medium') as Severity;
  return { cvss_vector: null, cvss_score: null, severity, severity_source: 'tool' as const };
}

/**
 * The engagements of the last two years at each site with registered systems (a vulnerability scan a year
 * ago and its rescan of the same scope weeks ago, and an OT assessment, penetration test or ISO 27001 audit
 * in between) and their findings on the site's systems: fixed before the rescan, still open and overdue,
 * new, closed by a retest, and at a few sites an end-of-life tool controller whose risk the owner accepted.
 * Severity, score and due date come from the module's own CVSS scoring and default due-date policy.
 */
export function findingTables(data: DemoDataset, systems: Row[], ownerId: string | null): TableRows[] {
  const rng = new Random(`${data.seed}:infosec-findings`);
  const today = Date.parse(`${data.clock}T00:00:00Z`);
  const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const moment = (day: string, hour: number) => new Date(Date.parse(`${day}T00:00:00Z`) + hour * 3_600_000);
  // The smallest demos keep the findings marked `always`; the full demo has them all.
  const keep = Math.min(1, Math.sqrt(data.scale));
  const bySite = new Map<string, Row[]>();
  for (const s of systems) bySite.set(s.site_id as string, [...(bySite.get(s.site_id as string) ?? []), s]);
  const engagements: Row[] = [];
  const findings: Row[] = [];

  data.sites.forEach((site, i) => {
    const own = bySite.get(site.id);
    if (!own?.length) return;
    const zh = writesChinese(site.country);
    const say = (en: string, chinese: string) => (zh ? chinese : en);
    const addEngagement = (
      code: string,
      kind: Kind,
      vendor: string,
      scope: string,
      startsOn: string,
      days: number,
    ) => {
      const endsOn = dayOf(Date.parse(startsOn) + days * DAY);
      const row = {
        id: rng.uuid(),
        site_id: site.id,
        reference: `${site.code}-${code}-${startsOn.slice(0, 7).replace('-', '')}`,
        kind,
        vendor,
        scope,
        starts_on: startsOn,
        ends_on: endsOn,
        report: `DMS-ISEC-${startsOn.slice(0, 4)}-${String(engagements.length + 1).padStart(4, '0')}`,
        created_at: moment(startsOn, 1),
        created_by: ownerId,
        updated_at: moment(endsOn, 9),
        updated_by: ownerId,
      };
      engagements.push(row);
      return row;
    };
    const addFinding = (t: FindingTemplate, tool: string, first: Row, last: Row) => {
      const system = own.find(TARGETS[t.target]);
      if (!system || (!t.always && !rng.chance(keep))) return;
      const host = `10.${20 + i}.${SUBNET[t.target]}.${10 + (own.indexOf(system) % 40)}`;
      const location = t.grade ? (system.name as string) : `${host}${t.at}`;
      const scored = scoredTemplate(t);
      const openedOn = first.ends_on as string;
      const due = dueOn(openedOn, scored.severity, defaultDuePolicy);
      const seenAt = moment(last.ends_on as string, 6);
      // Closed by a retest some weeks after the report, and always before the demo's today.
      const lastDay = Math.min(
        Date.parse(openedOn) + rng.int(10, 80) * DAY,
        t.fate === 'verified' && first !== last
          ? Date.parse(last.starts_on as string) - DAY
          : today - 2 * DAY,
      );
      const fixedAt =
        t.fate === 'fixed'
          ? moment(last.ends_on as string, 7)
          : t.fate === 'verified'
            ? moment(dayOf(lastDay), rng.int(2, 9))
            : null;
      const accepted = t.fate === 'accepted' && ownerId !== null && i % 12 === 0;
      findings.push({
        id: rng.uuid(),
        site_id: site.id,
        engagement_id: first.id,
        last_engagement_id: t.fate === 'persisting' ? last.id : first.id,
        system_id: system.id,
        tool,
        scan_scope: first.scope,
        rule_id: t.rule,
        identity: `rule:${t.rule}@${location}`,
        title: say(t.title, t.zh),
        location,
        ...scored,
        severity_rank: severities.indexOf(scored.severity),
        status: fixedAt ? 'closed' : accepted ? 'accepted' : 'open',
        opened_on: openedOn,
        first_seen_at: moment(openedOn, 6),
        last_seen_at: t.fate === 'persisting' ? seenAt : moment(openedOn, 6),
        last_import_id: null,
        due_on: due,
        closed_at: fixedAt,
        closed_reason: t.fate === 'fixed' ? 'not_reported' : t.fate === 'verified' ? 'verified' : null,
        evidence:
          t.fate === 'verified'
            ? say(`Retest ${dayOf(lastDay)}: not reproduced`, `${dayOf(lastDay)} 複測：未再發現`)
            : null,
        reopened_count: 0,
        accepted_by: accepted ? ownerId : null,
        accepted_until: accepted ? dayOf(today + rng.int(120, 300) * DAY) : null,
        acceptance_reason: accepted
          ? say(
              'Tool vendor qualifies no newer OS; controller isolated on its own VLAN until the tool is replaced',
              '機台原廠未驗證新版作業系統；汰換前以獨立網段隔離',
            )
          : null,
        created_at: moment(openedOn, 6),
        created_by: ownerId,
        updated_at: fixedAt ?? (t.fate === 'persisting' ? seenAt : moment(openedOn, 6)),
        updated_by: ownerId,
      });
    };

    // The yearly scan and its rescan of the same scope by the same tool.
    const [scopeEn, scopeZh] = SCAN.scope(i);
    const scope = say(scopeEn, scopeZh);
    const before = addEngagement(
      SCAN.code,
      'vulnerability_scan',
      SCAN.vendor,
      scope,
      dayOf(today - rng.int(370, 390) * DAY),
      2,
    );
    const rescan = addEngagement(
      SCAN.code,
      'vulnerability_scan',
      SCAN.vendor,
      scope,
      dayOf(today - rng.int(35, 60) * DAY),
      2,
    );
    for (const t of NESSUS) addFinding(t, SCAN.tool, t.fate === 'new' ? rescan : before, rescan);

    const plan = PLANS[site.kind === 'manufacturing' ? ROTATION[i % ROTATION.length] : 'audit'];
    const [en, chinese] = plan.scope(i);
    const engagement = addEngagement(
      plan.code,
      plan.kind,
      plan.vendor,
      say(en, chinese),
      dayOf(today - rng.int(150, 260) * DAY),
      rng.int(4, 10),
    );
    for (const t of plan.findings) addFinding(t, plan.tool, engagement, engagement);
  });

  return [
    { table: 'infosec_engagements', rows: engagements },
    { table: 'infosec_findings', rows: findings },
  ];
}
