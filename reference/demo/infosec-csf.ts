import { readFileSync } from 'node:fs';
import { CSF_2_0_CATALOGUE_ID } from '../../server/modules/infosec/csf/catalogues.ts';
import { parseCsfCatalogue } from '../../server/modules/infosec/csf/rules/catalogue.ts';
import type { DemoDataset, SiteRow } from './generate.ts';
import { SITES, writesChinese } from './organisation.ts';
import { Random } from './random.ts';

/**
 * The NIST CSF maturity history of the security seed: "ASEH began implementing the NIST CSF maturity
 * assessment mechanism in partnership with third-party consultants in 2019", every facility every year, on
 * the five functions Identify, Protect, Detect, Respond and Recover (CSF 1.1, so Govern is left unassessed
 * before the group moved to CSF 2.0 in 2024); "NIST CSF maturity assessment for 25 sites" and "OT
 * cybersecurity assessment at four sites" in 2023, the OT scope growing since; benchmarked "against the
 * semiconductor industry".
 *
 * One campaign a year from 2019 to the demo year, closed but for the demo year's, whose assessments are under
 * way: most approved, some drafts half answered, some waiting for review, one signed off and waiting for the
 * CISO's approval. Levels (0–5) improve over the years, from about 2.2 for the group in 2019 to about 3.4 in
 * the demo year; ASE leads, SPIL (in the group since 2018) starts behind and closes part of the gap; OT sits
 * below IT and draws closer. Notes at the Taiwanese and Chinese sites are in Traditional Chinese.
 *
 * The consultants' recommendations become platform actions ("recommendations as actions (some done, some
 * open)"): 1 to 4 per approved assessment on its weakest subcategories, owned by the site's officer, due 3 to
 * 9 months after the approval and on the calendar as the action's due date; past years' done, some of last
 * year's still under way, this year's open.
 */

/** The CSF 2.0 catalogue as the migration loads it (read once). */
export const CSF_CATALOGUE = parseCsfCatalogue(
  readFileSync(new URL('../nist-csf-2.0/NIST_CSF_v2.0_catalog.xml', import.meta.url), 'utf8'),
);
/** The 106 subcategories of CSF 2.0, in catalogue order. */
export const CSF_SUBCATEGORIES: readonly string[] = CSF_CATALOGUE.items
  .filter((i) => i.kind === 'subcategory')
  .map((i) => i.identifier);

export const CSF_FIRST_YEAR = 2019;
/** The first campaign on CSF 2.0 (Govern assessed); earlier campaigns were on CSF 1.1. */
export const CSF_2_0_FROM = 2024;
/** The seed's 2023 figures. */
export const CSF_IT_SITES = 25;
export const CSF_OT_FIRST_YEAR = 2023;
export const CSF_OT_SITES_FIRST_YEAR = 4;
/** OT sites added to the scope each year after the first. */
const OT_SITES_ADDED_YEARLY = 2;

const FIRMS = ['Meridian Cyber Advisory', 'Harborline Security Consulting', 'Kestrel Risk Partners'] as const;
const OT_FIRM = 'Ironbridge Industrial Security';
const SUBSIDIARY_ORDER = ['ASE', 'SPIL', 'USI'];

/** Where each function stands against a site's overall level (Govern new in 2.0, Recover the weakest). */
const FUNCTION_OFFSET: Record<string, number> = {
  GV: -0.35,
  ID: 0.1,
  PR: 0.25,
  DE: -0.05,
  RS: -0.15,
  RC: -0.35,
};
/** Categories whose target is 4 (managed) rather than 3 (defined). */
const CRITICAL_CATEGORIES = new Set(['PR.AA', 'PR.DS', 'PR.PS', 'DE.CM']);

/** What a consultant wrote of a gap, by category; English and Traditional Chinese. */
const GAP_NOTES: Record<string, readonly [string, string]> = {
  'GV.OC': [
    'Legal and customer security requirements listed, not yet mapped to controls.',
    '法規與客戶資安要求已列出，尚未對應至控制措施。',
  ],
  'GV.OV': [
    'Results reported to the committee; no follow-up of agreed changes.',
    '結果已向委員會報告，但未追蹤決議事項之執行。',
  ],
  'GV.PO': ['Site policy last reviewed three years ago.', '廠區資安政策已三年未檢討。'],
  'GV.RM': ['Risk appetite not stated; risks accepted case by case.', '未明訂風險胃納，風險個案接受。'],
  'GV.RR': [
    'Security roles at the site not written into job descriptions.',
    '廠區資安角色尚未納入職務說明。',
  ],
  'GV.SC': [
    'Supplier security clauses in new contracts only; older contracts lack them.',
    '僅新合約納入供應商資安條款，舊合約尚未補齊。',
  ],
  'ID.AM': [
    'Inventory misses equipment PCs added by vendors since the last audit.',
    '資產清冊未涵蓋上次稽核後廠商新增之機台電腦。',
  ],
  'ID.IM': [
    'Lessons from exercises recorded but not tracked to closure.',
    '演練檢討事項已記錄，但未追蹤至結案。',
  ],
  'ID.RA': [
    'Risk assessment done yearly, not after major changes.',
    '每年執行風險評鑑，但重大變更後未重新評估。',
  ],
  'PR.AA': ['Shared accounts still in use on some production line PCs.', '部分產線電腦仍使用共用帳號。'],
  'PR.AT': [
    'Awareness training done; no targeted training for administrators.',
    '已完成全員資安宣導，系統管理者尚無專業訓練。',
  ],
  'PR.DS': [
    'Backups tested twice a year; restore time not measured.',
    '備份每年測試兩次，但未量測還原時間。',
  ],
  'PR.IR': ['Office and production networks still share a flat segment.', '辦公網路與生產網路尚未完全區隔。'],
  'PR.PS': [
    'Patching of legacy equipment PCs waits for vendor approval.',
    '老舊機台電腦之修補需待設備商核可。',
  ],
  'DE.AE': ['Alerts reviewed in office hours only.', '告警僅於上班時間檢視。'],
  'DE.CM': ['Production network logs not yet sent to the SOC.', '生產網路日誌尚未送至 SOC 監控。'],
  'RS.AN': ['Root cause analysis done for major incidents only.', '僅重大事件進行根因分析。'],
  'RS.CO': [
    'Contact list for customers and authorities not kept up to date.',
    '客戶與主管機關聯絡清單未定期更新。',
  ],
  'RS.MA': ['Playbooks cover ransomware and phishing only.', '事件應變劇本僅涵蓋勒索軟體與釣魚郵件。'],
  'RS.MI': [
    'Containment relies on the on-call engineer; no isolation procedure.',
    '事件圍堵仰賴值班工程師，尚無隔離程序。',
  ],
  'RC.CO': [
    'Recovery communication plan not agreed with the business.',
    '復原期間之溝通計畫尚未與業務單位確認。',
  ],
  'RC.RP': ['Recovery plan not yet exercised with the production teams.', '復原計畫尚未與生產單位共同演練。'],
};
const GOOD_PRACTICE = [
  'Good practice, shared with the other sites at the committee meeting.',
  '良好實務，已於委員會分享至其他廠區。',
] as const;
const NOT_APPLICABLE_NOTES = [
  ['Handled for this site by group IT.', '由集團資訊處統一負責。'],
  ['No such systems in the OT network.', 'OT 網路無此類系統。'],
] as const;

/**
 * What a consultant recommends for a weak subcategory, in English and Traditional Chinese: one concrete
 * practice per CSF 2.0 subcategory (NIST CSWP 29, the statements of the catalogue put as the step to take).
 */
export const RECOMMENDATIONS: Record<string, readonly [string, string]> = {
  'GV.OC-01': [
    "Tie the site's security objectives to the group mission and customer commitments",
    '將廠區資安目標連結集團使命與客戶承諾',
  ],
  'GV.OC-02': [
    "Record what customers, regulators and the parent company expect of the site's security",
    '彙整客戶、主管機關與母公司對廠區資安之期望',
  ],
  'GV.OC-03': [
    'Map legal, regulatory and customer security requirements to controls',
    '將法規與客戶資安要求對應至控制措施',
  ],
  'GV.OC-04': [
    'Document the services customers depend on and their recovery expectations',
    '文件化客戶所依賴之服務及其復原期望',
  ],
  'GV.OC-05': [
    'List the outside services the site depends on and their security terms',
    '列出廠區所依賴之外部服務及其資安條件',
  ],
  'GV.OV-01': [
    "Review the security strategy's results yearly at the security committee",
    '每年於資安委員會檢討資安策略成效',
  ],
  'GV.OV-02': [
    'Review the security strategy against new risks and requirements',
    '依新風險與新要求檢討資安策略',
  ],
  'GV.OV-03': ['Set security performance indicators and report them quarterly', '訂定資安績效指標並每季報告'],
  'GV.PO-01': ['Issue a site security policy approved by management', '發布經管理階層核定之廠區資安政策'],
  'GV.PO-02': ['Review the security policy yearly and after major changes', '每年及重大變更後檢討資安政策'],
  'GV.RM-01': [
    "Agree security risk objectives with the site's management",
    '與廠區管理階層議定資安風險管理目標',
  ],
  'GV.RM-02': [
    "State the site's risk appetite and tolerance for security risks",
    '明訂廠區資安風險胃納與容忍度',
  ],
  'GV.RM-03': ['Include security risks in the enterprise risk register', '將資安風險納入企業風險登錄表'],
  'GV.RM-04': [
    'Define the risk response options and who may accept a risk',
    '訂定風險回應選項及風險接受權責',
  ],
  'GV.RM-05': [
    'Set a reporting line to management for security and supplier risks',
    '建立資安與供應商風險向管理階層之通報管道',
  ],
  'GV.RM-06': [
    'Adopt the group method for scoring and ranking security risks',
    '採用集團資安風險評分與排序方法',
  ],
  'GV.RM-07': ['Record security-driven opportunities in the risk review', '於風險檢討中納入資安相關之機會'],
  'GV.RR-01': [
    'Put security on the plant management meeting agenda every quarter',
    '每季將資安列入廠務會議議程',
  ],
  'GV.RR-02': ['Write security roles and authorities into job descriptions', '將資安角色與權責納入職務說明'],
  'GV.RR-03': [
    'Budget security staff and tools in line with the risk plan',
    '依風險計畫編列資安人力與工具預算',
  ],
  'GV.RR-04': [
    'Add security checks to hiring, transfers and departures',
    '將資安檢核納入任用、調職與離職程序',
  ],
  'GV.SC-01': [
    'Set up a supplier security risk programme with agreed objectives',
    '建立供應鏈資安風險管理計畫並議定目標',
  ],
  'GV.SC-02': [
    'Define the security responsibilities of suppliers and partners',
    '明訂供應商與合作夥伴之資安責任',
  ],
  'GV.SC-03': ["Bring supplier risks into the site's risk assessment", '將供應商風險納入廠區風險評鑑'],
  'GV.SC-04': ['Rank suppliers by their criticality to security', '依資安關鍵程度分級供應商'],
  'GV.SC-05': ['Add security clauses to existing supplier contracts', '於既有供應商合約補入資安條款'],
  'GV.SC-06': ['Run a security due diligence before onboarding suppliers', '新供應商導入前執行資安盡職調查'],
  'GV.SC-07': ["Reassess critical suppliers' security every year", '每年重新評估關鍵供應商之資安'],
  'GV.SC-08': ['Include key suppliers in incident response exercises', '將關鍵供應商納入資安事件應變演練'],
  'GV.SC-09': [
    'Monitor supplier security performance over the contract term',
    '於合約期間監控供應商資安表現',
  ],
  'GV.SC-10': [
    'Revoke supplier access and recover data when contracts end',
    '合約終止時撤銷供應商權限並收回資料',
  ],
  'ID.AM-01': ['Complete the hardware inventory, equipment PCs included', '完成硬體資產清冊（含機台電腦）'],
  'ID.AM-02': ['Complete the inventory of software, services and systems', '完成軟體、服務與系統清冊'],
  'ID.AM-03': [
    'Document the data flows between office and production networks',
    '繪製辦公與生產網路間之資料流圖',
  ],
  'ID.AM-04': ['Keep an inventory of the services suppliers provide', '建立供應商提供服務之清冊'],
  'ID.AM-05': ['Classify assets by criticality and business impact', '依關鍵性與營運衝擊分級資產'],
  'ID.AM-07': [
    'Inventory sensitive data such as customer designs and process recipes',
    '盤點客戶設計與製程配方等敏感資料',
  ],
  'ID.AM-08': [
    'Manage equipment and software through their life cycle, retirement included',
    '落實設備與軟體之生命週期管理（含汰除）',
  ],
  'ID.IM-01': ['Track the improvements found by assessments to closure', '追蹤評鑑發現之改善事項至結案'],
  'ID.IM-02': [
    'Track the findings of exercises and penetration tests to closure',
    '追蹤演練與滲透測試發現至結案',
  ],
  'ID.IM-03': ['Review security procedures after operational changes', '營運變更後檢討資安程序'],
  'ID.IM-04': [
    'Update the incident response plan and share it with operations',
    '更新資安事件應變計畫並周知營運單位',
  ],
  'ID.RA-01': ['Scan for vulnerabilities monthly and record the results', '每月執行弱點掃描並記錄結果'],
  'ID.RA-02': [
    'Subscribe to threat intelligence feeds and industry sharing groups',
    '訂閱威脅情資並參與產業情資分享',
  ],
  'ID.RA-03': ['Keep a register of the threats to the site', '建立廠區威脅登錄表'],
  'ID.RA-04': [
    'Rate the impact and likelihood of threats to critical systems',
    '評估關鍵系統威脅之衝擊與可能性',
  ],
  'ID.RA-05': ['Prioritise risk treatment by inherent risk', '依固有風險排定風險處理優先順序'],
  'ID.RA-06': ['Track risk treatment plans with owners and dates', '以負責人與期限追蹤風險處理計畫'],
  'ID.RA-07': ['Assess the security impact of changes and exceptions', '評估變更與例外之資安影響'],
  'ID.RA-08': ['Set up a process for vulnerability reports from outside', '建立外部弱點通報之處理流程'],
  'ID.RA-09': [
    'Verify the integrity of software and equipment before installation',
    '安裝前驗證軟體與設備之完整性',
  ],
  'ID.RA-10': ["Assess critical suppliers' security before purchase", '採購前評估關鍵供應商之資安'],
  'PR.AA-01': ['Remove shared and dormant accounts', '清除共用帳號與閒置帳號'],
  'PR.AA-02': ['Verify identities before issuing credentials', '核發帳號前確認使用者身分'],
  'PR.AA-03': ['Enforce phishing-resistant MFA for remote access', '遠端存取全面導入抗釣魚多因子驗證'],
  'PR.AA-04': ['Protect single sign-on assertions with signed tokens', '以簽章權杖保護單一登入之身分聲明'],
  'PR.AA-05': ['Review access rights quarterly on least privilege', '依最小權限原則每季覆核存取權限'],
  'PR.AA-06': [
    'Control and log physical access to server and control rooms',
    '管制並記錄機房與控制室之實體進出',
  ],
  'PR.AT-01': [
    'Run phishing simulations and awareness training for all staff',
    '對全體同仁進行釣魚演練與資安宣導',
  ],
  'PR.AT-02': ['Provide specialised security training for administrators', '提供系統管理者資安專業訓練'],
  'PR.DS-01': ['Encrypt sensitive data at rest on servers and laptops', '加密伺服器與筆電上之敏感資料'],
  'PR.DS-02': ['Encrypt data in transit to customers and between sites', '加密與客戶及廠區間之傳輸資料'],
  'PR.DS-10': ['Protect data in use with data loss prevention controls', '以資料外洩防護控制保護使用中資料'],
  'PR.DS-11': ['Test restores from backup and keep an offline copy', '定期測試備份還原並保存離線備份'],
  'PR.IR-01': ['Segment the office and production networks', '區隔辦公網路與生產網路'],
  'PR.IR-02': ['Protect server rooms against fire, water and power loss', '強化機房防火、防水與電力保護'],
  'PR.IR-03': ['Add redundancy for critical systems', '為關鍵系統建置備援'],
  'PR.IR-04': ['Monitor the capacity of critical systems and plan upgrades', '監控關鍵系統容量並規劃擴充'],
  'PR.PS-01': ['Apply hardened configuration baselines', '套用強化組態基準'],
  'PR.PS-02': ["Patch software within the group's deadlines", '依集團期限完成軟體修補'],
  'PR.PS-03': ['Replace end-of-life equipment PCs or isolate them', '汰換或隔離已停止支援之機台電腦'],
  'PR.PS-04': ['Send security logs to central log management', '將資安日誌集中至日誌管理平台'],
  'PR.PS-05': ['Allow-list applications on production PCs', '於產線電腦實施應用程式白名單'],
  'PR.PS-06': ['Build security testing into software development', '將資安測試納入軟體開發流程'],
  'DE.AE-02': ['Analyse security alerts with documented triage steps', '依書面程序分析資安告警'],
  'DE.AE-03': [
    'Correlate firewall, endpoint and server logs in the SIEM',
    '於 SIEM 關聯防火牆、端點與伺服器日誌',
  ],
  'DE.AE-04': [
    'Estimate the impact and scope of security events at triage',
    '於初判時評估資安事件之衝擊與範圍',
  ],
  'DE.AE-06': ['Route alerts to the analysts on duty around the clock', '告警全天候通知值班分析人員'],
  'DE.AE-07': ['Feed threat intelligence into alert analysis', '將威脅情資納入告警分析'],
  'DE.AE-08': ['Define the criteria for declaring an incident', '訂定資安事件判定準則'],
  'DE.CM-01': ['Monitor production network traffic for anomalies', '監控生產網路之異常流量'],
  'DE.CM-02': ['Monitor sensitive areas with cameras and alarms', '以監視器與警報監控敏感區域'],
  'DE.CM-03': ['Monitor the activity of privileged accounts', '監控特權帳號活動'],
  'DE.CM-06': ["Monitor vendors' remote maintenance sessions", '監控廠商遠端維護連線'],
  'DE.CM-09': [
    'Deploy endpoint detection and response on servers and PCs',
    '於伺服器與個人電腦部署端點偵測與回應（EDR）',
  ],
  'RS.AN-03': ['Perform root cause analysis for every significant incident', '對重要資安事件進行根因分析'],
  'RS.AN-06': ['Keep an investigation log for each incident', '每件資安事件保存調查紀錄'],
  'RS.AN-07': ['Preserve incident evidence with a chain of custody', '保全事件證據並維持保管鏈'],
  'RS.AN-08': ["Estimate and confirm each incident's magnitude", '評估並確認每件事件之影響規模'],
  'RS.CO-02': [
    'Keep the contact list for customers and authorities up to date',
    '定期更新客戶與主管機關之通報聯絡清單',
  ],
  'RS.CO-03': ['Agree what incident information is shared and with whom', '議定事件資訊之分享對象與範圍'],
  'RS.MA-01': ['Exercise the incident response plan with third parties', '與第三方共同演練資安事件應變計畫'],
  'RS.MA-02': ['Have the SOC triage and validate incident reports', '由 SOC 初判並確認事件通報'],
  'RS.MA-03': [
    "Categorise and prioritise incidents on the group's scale",
    '依集團分級標準分類並排定事件優先順序',
  ],
  'RS.MA-04': ['Define escalation rules to the CISO and management', '訂定向資安長與管理階層之升級規則'],
  'RS.MA-05': ['Define the criteria for starting recovery', '訂定啟動復原之準則'],
  'RS.MI-01': ['Write an isolation procedure for infected hosts', '訂定受感染主機之隔離程序'],
  'RS.MI-02': ['Verify eradication before reconnecting systems', '系統重新連線前確認威脅已根除'],
  'RC.CO-03': ['Agree the recovery communication plan with the business', '與業務單位確認復原期間之溝通計畫'],
  'RC.CO-04': ['Prepare approved public statements for incident recovery', '預擬經核可之事件復原對外說明'],
  'RC.RP-01': ['Exercise the recovery plan with the production teams', '與生產單位共同演練復原計畫'],
  'RC.RP-02': ['Set recovery priorities for critical systems', '訂定關鍵系統之復原優先順序'],
  'RC.RP-03': ['Check the integrity of backups before restoring', '還原前驗證備份完整性'],
  'RC.RP-04': ['Define minimum operating levels after an incident', '訂定事件後之最低營運水準'],
  'RC.RP-05': ['Verify restored systems before returning them to production', '還原系統回復生產前進行驗證'],
  'RC.RP-06': [
    'Define the criteria for ending recovery and complete the records',
    '訂定復原結束準則並完成紀錄',
  ],
};

/** Subcategories an OT network may not have: group-level governance, services to outsiders, software built. */
const OT_NOT_APPLICABLE = [
  'GV.OC-01',
  'GV.OC-04',
  'GV.OV-01',
  'GV.OV-02',
  'GV.OV-03',
  'GV.PO-01',
  'GV.RM-01',
  'GV.RM-02',
  'GV.RM-03',
  'GV.RM-07',
  'GV.SC-01',
  'GV.SC-02',
  'GV.SC-03',
  'ID.AM-04',
  'ID.AM-07',
  'ID.IM-04',
  'ID.RA-09',
  'ID.RA-10',
  'PR.AA-04',
  'PR.DS-02',
  'PR.DS-10',
  'PR.PS-06',
  'DE.AE-07',
  'RS.AN-08',
  'RS.CO-03',
  'RC.CO-04',
  'RC.RP-06',
];

type Stamped = {
  version: number;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  updated_by: string | null;
};
export type CsfCampaignRow = Stamped & {
  id: string;
  year: number;
  name: string;
  catalogue_id: string;
  basis: '1.1' | '2.0';
  due_on: string;
  status: 'open' | 'closed';
};
export type CsfAssessmentStatus = 'draft' | 'in_review' | 'reviewed' | 'signed_off' | 'approved';
export type CsfAssessmentRow = Stamped & {
  id: string;
  campaign_id: string;
  site_id: string;
  domain: 'it' | 'ot';
  revision: number;
  status: CsfAssessmentStatus;
  assessor_id: string | null;
  consultancy: string | null;
  correction_of: string | null;
  correction_reason: string | null;
  submitted_at: Date | null;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  signed_off_at: Date | null;
  signed_off_by: string | null;
  approved_at: Date | null;
  approved_by: string | null;
};
export type CsfAnswerRow = {
  assessment_id: string;
  site_id: string;
  subcategory: string;
  current_level: number | null;
  not_applicable: boolean;
  target_level: number | null;
  notes: string | null;
  assessed_by: string | null;
  assessed_at: Date;
};
export type CsfBenchmarkRow = {
  year: number;
  function: string;
  score: number;
  source: string;
  updated_at: Date;
  updated_by: string | null;
};
/** A consultant's recommendation as a platform action (the `actions` table), its source the assessment. */
export type CsfActionRow = {
  id: string;
  site_id: string;
  program: 'infosec';
  kind: 'corrective' | 'improvement';
  /** Typed text in the site's language (no message key). */
  title: string;
  description: string;
  source_type: typeof CSF_ACTION_SOURCE;
  source_id: string;
  owner_id: string | null;
  due_date: string;
  status: 'open' | 'in_progress' | 'done' | 'verified';
  done_at: Date | null;
  verified_at: Date | null;
  verified_by: string | null;
  effectiveness_note: string | null;
  version: number;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  updated_by: string | null;
};
/** The due date of an action on the calendar (kind 'action.due'), as the platform's action service keeps it. */
export type CsfObligationRow = {
  id: string;
  kind: 'action.due';
  source_type: 'action';
  source_id: string;
  site_id: string;
  program: 'infosec';
  owner_id: string | null;
  title: null;
  title_key: 'platform.action.due';
  title_params: { title: string };
  due_date: string;
  due_at: null;
  state: 'open' | 'done';
  done_at: Date | null;
  done_by: string | null;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  updated_by: string | null;
};
export type CsfHistory = {
  campaigns: CsfCampaignRow[];
  assessments: CsfAssessmentRow[];
  answers: CsfAnswerRow[];
  benchmarks: CsfBenchmarkRow[];
  /** The consultants' recommendations of the approved assessments, and their due dates on the calendar. */
  actions: CsfActionRow[];
  obligations: CsfObligationRow[];
};

/** The source of a recommendation: the assessment (the security module's record type). */
export const CSF_ACTION_SOURCE = 'infosec_csf_assessment';

/** The demo year's assessments still under way, by site: the rest of that year's are approved. */
const UNDER_WAY_IT: Record<string, CsfAssessmentStatus> = {
  'ASE-KH': 'draft',
  'ASE-WH': 'draft',
  'USI-MX': 'draft',
  'SPIL-DF': 'in_review',
  'SPIL-ZK': 'in_review',
  'USI-SZ': 'in_review',
  'SPIL-HC': 'reviewed',
  'ASE-PG': 'signed_off',
};
/** The demo year's assessments that the site's own officer does rather than a consultancy. */
const INTERNAL_IT = new Set(['ASE-KH']);

const DAY_MS = 86_400_000;
const STEPS: readonly CsfAssessmentStatus[] = ['draft', 'in_review', 'reviewed', 'signed_off', 'approved'];
const functionOf = (subcategory: string) => subcategory.slice(0, 2);
const categoryOf = (subcategory: string) => subcategory.slice(0, 5);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const employeesOf = new Map(SITES.map((s) => [s.code, s.employees]));

/** The sites assessed for IT (the manufacturing sites first, then by size) and the order OT joins in. */
export function csfScope(sites: readonly SiteRow[]): { it: SiteRow[]; ot: SiteRow[] } {
  const ranked = [...sites].sort(
    (a, b) =>
      Number(b.kind === 'manufacturing') - Number(a.kind === 'manufacturing') ||
      (employeesOf.get(b.code) ?? 0) - (employeesOf.get(a.code) ?? 0) ||
      a.code.localeCompare(b.code),
  );
  const chosen = new Set(ranked.slice(0, CSF_IT_SITES));
  return {
    it: sites.filter((s) => chosen.has(s)),
    ot: ranked.filter((s) => s.kind === 'manufacturing'),
  };
}

export function otSiteCount(year: number, available: number): number {
  if (year < CSF_OT_FIRST_YEAR) return 0;
  return Math.min(available, CSF_OT_SITES_FIRST_YEAR + OT_SITES_ADDED_YEARLY * (year - CSF_OT_FIRST_YEAR));
}

export function generateCsfHistory(data: DemoDataset): CsfHistory {
  const root = new Random(`${data.seed}:infosec-csf`);
  const ids = root.fork('ids');
  const demoYear = Number(data.clock.slice(0, 4));
  const lastYear = Math.max(demoYear, CSF_FIRST_YEAR);
  const owner = data.users.find((u) => u.email.startsWith('infosec.owner@'))?.id ?? null;
  const officers = siteOfficers(data);
  const subsidiaryCode = new Map(data.subsidiaries.map((s) => [s.id, s.code]));
  const scope = csfScope(data.sites);

  // What stays with a site over the years: its standing, and its strong and weak subcategories.
  const siteRng = root.fork('sites');
  const siteOffset = new Map<string, number>();
  const persistent = new Map<string, number[]>();
  for (const site of data.sites) {
    siteOffset.set(site.id, (siteRng.next() - 0.5) * 0.6);
    persistent.set(
      site.id,
      CSF_SUBCATEGORIES.map(() => (siteRng.next() - 0.5) * 1.5),
    );
  }
  const subcategoryRng = root.fork('subcategories');
  const subcategoryOffset = CSF_SUBCATEGORIES.map(() => (subcategoryRng.next() - 0.5) * 0.6);
  const structural = CSF_SUBCATEGORIES.map((s, i) => FUNCTION_OFFSET[functionOf(s)] + subcategoryOffset[i]);

  const progress = (year: number) =>
    clamp((year - CSF_FIRST_YEAR) / Math.max(1, lastYear - CSF_FIRST_YEAR), 0, 1);
  const subsidiaryOffset = (code: string, t: number) =>
    code === 'ASE' ? 0.35 : code === 'SPIL' ? -0.6 + 0.25 * t : -0.05;
  const standing = (site: SiteRow, t: number) =>
    subsidiaryOffset(subsidiaryCode.get(site.subsidiary_id) ?? '', t) + (siteOffset.get(site.id) ?? 0);

  const campaigns: CsfCampaignRow[] = [];
  const assessments: CsfAssessmentRow[] = [];
  const answers: CsfAnswerRow[] = [];
  const benchmarks: CsfBenchmarkRow[] = [];
  const actions: CsfActionRow[] = [];
  const obligations: CsfObligationRow[] = [];
  const clockStart = new Date(`${data.clock}T00:00:00+08:00`).getTime();

  for (let year = CSF_FIRST_YEAR; year <= lastYear; year++) {
    const yearRng = root.fork(`year/${year}`);
    const current = year === demoYear;
    const basis = year < CSF_2_0_FROM ? '1.1' : '2.0';
    const subcategories = CSF_SUBCATEGORIES.map((_, i) => i).filter(
      (i) => basis === '2.0' || functionOf(CSF_SUBCATEGORIES[i]) !== 'GV',
    );
    // A day of the year as a moment; the demo year's calendar is squeezed into the days gone by so far.
    const jan1 = Date.parse(`${year}-01-01T00:00:00+08:00`);
    const squeeze = current ? clamp((clockStart - 3_600_000 - jan1) / (330 * DAY_MS), 0, 1) : 1;
    const at = (day: number, hour = 10) => new Date(jan1 + (day * DAY_MS + hour * 3_600_000) * squeeze);

    const t = progress(year);
    const groupMean = 2.2 + 1.2 * t;
    const centreSites = mean(scope.it.map((s) => standing(s, t)));
    const centreItems = mean(subcategories.map((i) => structural[i]));
    const firm = (site: SiteRow) => {
      const k = SUBSIDIARY_ORDER.indexOf(subsidiaryCode.get(site.subsidiary_id) ?? '');
      // Each subsidiary's consultancy, re-tendered every three years.
      return FIRMS[(Math.max(0, k) + Math.floor((year - CSF_FIRST_YEAR) / 3)) % FIRMS.length];
    };

    const campaign: CsfCampaignRow = {
      id: ids.uuid(),
      year,
      name: `NIST CSF maturity assessment ${year}`,
      catalogue_id: CSF_2_0_CATALOGUE_ID,
      basis,
      due_on: `${year}-11-30`,
      status: current ? 'open' : 'closed',
      version: 1,
      created_at: at(9),
      created_by: owner,
      updated_at: current ? at(9) : at(348),
      updated_by: owner,
    };
    campaigns.push(campaign);

    const itLevels = new Map<string, number[]>();
    const otSites = scope.ot.slice(0, otSiteCount(year, scope.ot.length));
    const newOt = new Set(otSites.slice(otSiteCount(year - 1, scope.ot.length)));
    const plans = [
      ...scope.it.map((site, k) => ({ site, domain: 'it' as const, k, n: scope.it.length })),
      ...otSites.map((site, k) => ({ site, domain: 'ot' as const, k, n: otSites.length })),
    ];
    for (const { site, domain, k, n } of plans) {
      const rng = yearRng.fork(`${site.code}/${domain}`);
      const zh = writesChinese(site.country);
      let status: CsfAssessmentStatus = 'approved';
      if (current)
        status =
          domain === 'it'
            ? (UNDER_WAY_IT[site.code] ?? 'approved')
            : newOt.has(site)
              ? 'draft'
              : k === 0
                ? 'in_review'
                : 'approved';
      const officer = officers.get(site.id) ?? null;
      const internal = current && domain === 'it' && INTERNAL_IT.has(site.code) && officer !== null;
      const assessor = internal ? officer : null;

      // Fieldwork from April (IT) or July (OT), site after site; then the report, review, sign-off, approval.
      const start =
        (domain === 'it' ? 91 : 182) + Math.floor((k / n) * (domain === 'it' ? 130 : 60)) + rng.int(0, 6);
      const submitted = start + 3 + rng.int(7, 20);
      const reviewed = submitted + rng.int(5, 15);
      const signedOff = reviewed + rng.int(3, 10);
      const approved = signedOff + rng.int(3, 14);
      const reached = STEPS.indexOf(status);
      const when = (step: CsfAssessmentStatus, day: number) =>
        reached >= STEPS.indexOf(step) ? at(day, 15) : null;
      const events = [
        when('in_review', submitted),
        when('reviewed', reviewed),
        when('signed_off', signedOff),
        when('approved', approved),
      ];
      const lastEvent = events.filter((e): e is Date => e !== null).at(-1) ?? at(start + 2, 17);
      const assessment: CsfAssessmentRow = {
        id: ids.uuid(),
        campaign_id: campaign.id,
        site_id: site.id,
        domain,
        revision: 1,
        status,
        assessor_id: assessor,
        consultancy: internal ? null : domain === 'ot' ? OT_FIRM : firm(site),
        correction_of: null,
        correction_reason: null,
        submitted_at: events[0],
        reviewed_at: events[1],
        reviewed_by: events[1] ? (officer ?? owner) : null,
        signed_off_at: events[2],
        signed_off_by: events[2] ? (officer ?? owner) : null,
        approved_at: events[3],
        approved_by: events[3] ? owner : null,
        version: 1 + events.filter((e) => e !== null).length,
        created_at: at(start - 14),
        created_by: owner,
        updated_at: lastEvent,
        updated_by: events[1] ? (events[3] ? owner : (officer ?? owner)) : (assessor ?? owner),
      };
      assessments.push(assessment);

      // A draft is answered in catalogue order as far as the assessors have got.
      const answered =
        status === 'draft'
          ? subcategories.slice(0, Math.round(subcategories.length * (0.3 + rng.next() * 0.4)))
          : subcategories;
      const notApplicable = new Set<string>();
      if (domain === 'ot') {
        const pool = OT_NOT_APPLICABLE.filter((s) => basis === '2.0' || functionOf(s) !== 'GV');
        const count = rng.int(5, Math.min(15, pool.length));
        while (notApplicable.size < count) notApplicable.add(rng.pick(pool));
      }
      const firstAnswer = answers.length;
      const otGap = Math.max(0.4, 1.2 - 0.2 * (year - CSF_OT_FIRST_YEAR));
      const flagship = site.code === 'ASE-KH' && basis === '2.0';
      for (const i of answered) {
        const subcategory = CSF_SUBCATEGORIES[i];
        const category = categoryOf(subcategory);
        const assessedAt = at(start + rng.int(0, 2), 9 + rng.int(0, 7));
        const target = CRITICAL_CATEGORIES.has(category) || flagship ? 4 : 3;
        if (notApplicable.has(subcategory)) {
          const [en, zhNote] = rng.pick(NOT_APPLICABLE_NOTES);
          answers.push({
            assessment_id: assessment.id,
            site_id: site.id,
            subcategory,
            current_level: null,
            not_applicable: true,
            target_level: null,
            notes: rng.chance(0.6) ? (zh ? zhNote : en) : null,
            assessed_by: assessor,
            assessed_at: assessedAt,
          });
          continue;
        }
        const value =
          groupMean +
          standing(site, t) -
          centreSites +
          structural[i] -
          centreItems +
          (persistent.get(site.id)?.[i] ?? 0) +
          (rng.next() - 0.5) * 0.7 -
          (domain === 'ot' ? otGap : 0);
        const level = clamp(Math.round(value), 0, 5);
        if (domain === 'it') {
          const fn = functionOf(subcategory);
          const list = itLevels.get(fn) ?? [];
          list.push(level);
          itLevels.set(fn, list);
        }
        let notes: string | null = null;
        if (level < target && rng.chance(0.12)) {
          const note = GAP_NOTES[category];
          notes = note ? (zh ? note[1] : note[0]) : null;
        } else if (level === 5 && rng.chance(0.25)) notes = zh ? GOOD_PRACTICE[1] : GOOD_PRACTICE[0];
        answers.push({
          assessment_id: assessment.id,
          site_id: site.id,
          subcategory,
          current_level: level,
          not_applicable: false,
          target_level: domain === 'ot' ? Math.min(target, 3 + Number(year >= 2025)) : target,
          notes,
          assessed_by: assessor,
          assessed_at: assessedAt,
        });
      }
      if (status === 'approved')
        recommend({
          rng: root.fork(`actions/${year}/${site.code}/${domain}`),
          assessment,
          answers: answers.slice(firstAnswer),
          year,
          demoYear,
          zh,
          owner: officer ?? owner,
          ciso: owner,
          clockStart,
          actions,
          obligations,
        });
    }

    // The consultants' semiconductor benchmark: ahead of the group at first, overtaken by the demo year.
    const benchmarkRng = root.fork(`benchmark/${year}`);
    for (const fn of ['GV', 'ID', 'PR', 'DE', 'RS', 'RC']) {
      if (fn === 'GV' && basis === '1.1') continue;
      const ours = mean(itLevels.get(fn) ?? [groupMean]);
      const lead = 0.3 - 0.45 * t + (benchmarkRng.next() - 0.5) * 0.2;
      benchmarks.push({
        year,
        function: fn,
        score: Math.round(clamp(ours + lead, 0, 5) * 10) / 10,
        source: `Semiconductor industry benchmark ${year}, ${FIRMS[0]}`,
        updated_at: at(325),
        updated_by: owner,
      });
    }
  }
  return { campaigns, assessments, answers, benchmarks, actions, obligations };
}

/** What the CISO office wrote on checking a recommendation done. */
const EFFECTIVE = [
  ['Evidence checked by the CISO office.', '資安長室已查核佐證資料。'],
  ['Checked on site at the follow-up visit.', '已於追蹤訪查時現場確認。'],
  ['Confirmed by the consultants at the follow-up review.', '顧問於追蹤檢視時確認有效。'],
] as const;
/** Why a recommendation of last year is still under way after its first due date. */
const MOVED = [
  ["waiting for the equipment vendor's approval", '待設備商核可'],
  ["budget moved to this year's plan", '預算移至今年度計畫'],
  ['depends on the network segmentation project', '需配合網路區隔專案'],
] as const;
/** Due dates fall 3 to 9 months after the approval. */
export const CSF_ACTION_DUE_DAYS = [90, 270] as const;

/**
 * The consultants' recommendations of an approved assessment, 1 to 4 of its weakest subcategories (the largest
 * gaps between target and level), as platform actions owned by the site's officer, with their due dates on
 * the calendar. Past years' are done (most verified by the CISO office); some of last year's are still under
 * way, their due date moved past today when the first one has gone by (the demo opens with nothing overdue);
 * this year's are open.
 */
function recommend(p: {
  rng: Random;
  assessment: CsfAssessmentRow;
  answers: readonly CsfAnswerRow[];
  year: number;
  demoYear: number;
  zh: boolean;
  owner: string | null;
  ciso: string | null;
  clockStart: number;
  actions: CsfActionRow[];
  obligations: CsfObligationRow[];
}): void {
  const { rng, assessment, zh } = p;
  const approved = (assessment.approved_at as Date).getTime();
  // The last moment the history may hold: before the demo day begins.
  const limit = p.clockStart - 2 * 3_600_000;
  const ranked = p.answers
    .filter((x) => !x.not_applicable && x.current_level !== null && x.target_level !== null)
    .map((x) => ({
      x,
      gap: (x.target_level as number) - (x.current_level as number),
      tie: rng.next(),
    }))
    .sort(
      (a, b) =>
        b.gap - a.gap || (a.x.current_level as number) - (b.x.current_level as number) || a.tie - b.tie,
    );
  const count = Math.min(rng.int(1, 4), Math.max(1, ranked.filter((r) => r.gap > 0).length));
  const domain = assessment.domain === 'ot' ? 'OT' : 'IT';
  for (const { x } of ranked.slice(0, count)) {
    const level = x.current_level as number;
    const [en, zhText] = RECOMMENDATIONS[x.subcategory] ?? [
      `Raise the practice of ${x.subcategory}`,
      `提升 ${x.subcategory} 之實務`,
    ];
    const title = zh
      ? `${assessment.domain === 'ot' ? 'OT：' : ''}${zhText}（${x.subcategory}）`
      : `${assessment.domain === 'ot' ? 'OT: ' : ''}${en} (${x.subcategory})`;
    const firm = assessment.consultancy;
    let description = zh
      ? `${p.year} 年 NIST CSF 評估（${domain}${firm ? `，${firm}` : ''}）建議：現況等級 ${level}，目標 ${x.target_level}。`
      : `From the ${p.year} NIST CSF assessment (${domain}${firm ? `, ${firm}` : ''}): level ${level}, target ${x.target_level}.`;

    const created = Math.max(approved, Math.min(approved + rng.int(1, 4) * DAY_MS, limit));
    const [minDue, maxDue] = CSF_ACTION_DUE_DAYS;
    let due = approved + rng.int(minDue, maxDue) * DAY_MS;
    let status: CsfActionRow['status'] = 'open';
    let done: number | null = null;
    let verified: number | null = null;
    let updated = created;
    if (p.year >= p.demoYear) {
      // This year's: open, due no sooner than a week from today.
      const lo = Math.max(approved + minDue * DAY_MS, p.clockStart + 7 * DAY_MS);
      const hi = Math.max(lo, approved + maxDue * DAY_MS);
      due = lo + Math.floor(rng.next() * ((hi - lo) / DAY_MS + 1)) * DAY_MS;
    } else {
      const lastYear = p.year === p.demoYear - 1;
      let unfinished = lastYear && rng.chance(due > p.clockStart + 7 * DAY_MS ? 0.5 : 0.15);
      if (!unfinished) {
        // Done ahead of the due date, or a little late.
        done = rng.chance(0.2) ? due + rng.int(1, 30) * DAY_MS : due - rng.int(0, 60) * DAY_MS;
        done = Math.max(done, created + 14 * DAY_MS) + rng.int(0, 7) * 3_600_000;
        if (done > limit) {
          if (lastYear) unfinished = true;
          else done = limit;
        }
      }
      if (unfinished) {
        done = null;
        status = rng.chance(0.5) ? 'in_progress' : 'open';
        if (due < p.clockStart + 7 * DAY_MS) {
          const [why, whyZh] = rng.pick(MOVED);
          const first = taipeiDate(due);
          due = p.clockStart + rng.int(10, 60) * DAY_MS;
          description += zh
            ? `原訂 ${first} 完成，已展延：${whyZh}。`
            : ` Due date moved from ${first}: ${why}.`;
        }
        if (status === 'in_progress') updated = Math.min(limit, created + rng.int(20, 120) * DAY_MS);
      } else {
        status = 'done';
        updated = done as number;
        const check = (done as number) + rng.int(5, 30) * DAY_MS;
        if (rng.chance(0.65) && check <= limit) {
          status = 'verified';
          verified = check;
          updated = check;
        }
      }
    }
    const owner = p.owner;
    const action: CsfActionRow = {
      id: rng.uuid(),
      site_id: assessment.site_id,
      program: 'infosec',
      kind: level <= 1 ? 'corrective' : 'improvement',
      title,
      description,
      source_type: CSF_ACTION_SOURCE,
      source_id: assessment.id,
      owner_id: owner,
      due_date: taipeiDate(due),
      status,
      done_at: done === null ? null : new Date(done),
      verified_at: verified === null ? null : new Date(verified),
      verified_by: verified === null ? null : p.ciso,
      effectiveness_note: verified === null ? null : rng.pick(EFFECTIVE)[zh ? 1 : 0],
      version: { open: 1, in_progress: 2, done: 3, verified: 4 }[status],
      created_at: new Date(created),
      created_by: p.ciso,
      updated_at: new Date(updated),
      updated_by: status === 'open' ? p.ciso : status === 'verified' ? p.ciso : owner,
    };
    p.actions.push(action);
    p.obligations.push({
      id: rng.uuid(),
      kind: 'action.due',
      source_type: 'action',
      source_id: action.id,
      site_id: action.site_id,
      program: 'infosec',
      owner_id: owner,
      title: null,
      title_key: 'platform.action.due',
      title_params: { title },
      due_date: action.due_date,
      due_at: null,
      state: done === null ? 'open' : 'done',
      done_at: action.done_at,
      done_by: done === null ? null : owner,
      created_at: action.created_at,
      created_by: p.ciso,
      updated_at: action.done_at ?? action.created_at,
      updated_by: done === null ? p.ciso : owner,
    });
  }
}

/** The calendar date of a moment in Taipei, the group's time zone. */
function taipeiDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Each site's officer among the demo users: one named for the site, or for its whole subsidiary. */
function siteOfficers(data: DemoDataset): Map<string, string> {
  const officers = new Map<string, string>();
  for (const r of data.roleAssignments) {
    if (r.role !== 'site_officer') continue;
    const sites =
      r.scope_kind === 'sites'
        ? r.site_ids
        : r.scope_kind === 'subsidiary'
          ? data.sites.filter((s) => s.subsidiary_id === r.subsidiary_id).map((s) => s.id)
          : [];
    for (const id of sites) if (!officers.has(id)) officers.set(id, r.user_id);
  }
  return officers;
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}
