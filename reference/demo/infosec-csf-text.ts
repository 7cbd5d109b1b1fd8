// What the consultants wrote in the NIST CSF assessments, and what the CISO office wrote of their
// recommendations: English and Traditional Chinese.

/** What a consultant wrote of a gap, by category; English and Traditional Chinese. */
export const GAP_NOTES: Record<string, readonly [string, string]> = {
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
export const GOOD_PRACTICE = [
  'Good practice, shared with the other sites at the committee meeting.',
  '良好實務，已於委員會分享至其他廠區。',
] as const;
export const NOT_APPLICABLE_NOTES = [
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
export const OT_NOT_APPLICABLE = [
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

/** What the CISO office wrote on checking a recommendation done. */
export const EFFECTIVE = [
  ['Evidence checked by the CISO office.', '資安長室已查核佐證資料。'],
  ['Checked on site at the follow-up visit.', '已於追蹤訪查時現場確認。'],
  ['Confirmed by the consultants at the follow-up review.', '顧問於追蹤檢視時確認有效。'],
] as const;
/** Why a recommendation of last year is still under way after its first due date. */
export const MOVED = [
  ["waiting for the equipment vendor's approval", '待設備商核可'],
  ["budget moved to this year's plan", '預算移至今年度計畫'],
  ['depends on the network segmentation project', '需配合網路區隔專案'],
] as const;
