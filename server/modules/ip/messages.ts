import { type Message, mergeCatalogues, messageOf, wordsCatalogue } from '../../platform/i18n/index.ts';
import type { Deadline } from './rules/deadlines.ts';

/**
 * What the IP module writes on its own (obligation titles), in both languages: records keep the key and
 * parameters (server/platform/i18n), the reader sees their language.
 */
const en = {
  'ip.obligation.priority':
    'Last day to file abroad claiming the priority of {{office}} {{applicationNo}} ({{family}})',
  'ip.obligation.nationalPhase': 'Enter the national phase in {{office}}: {{applicationNo}} ({{family}})',
  'ip.obligation.annuity': 'Pay the year {{year}} fee of {{office}} {{applicationNo}} ({{family}})',
  'ip.obligation.trademarkRenewal': 'Renew the trademark {{mark}} in {{office}} ({{applicationNo}})',
  'ip.obligation.officeAction': 'Respond to the {{kind}} of {{office}} {{applicationNo}} ({{family}})',
  'ip.obligation.useDeclaration': 'File the declaration of use of {{mark}} in {{office}} ({{applicationNo}})',
  'ip.obligation.tradeSecretReview': 'Review the measures protecting the trade secret: {{title}}',
  'ip.obligation.royaltyReportOwed':
    'Send {{counterparty}} the royalty report to {{periodEnd}} under licence {{reference}}',
  'ip.obligation.royaltyReportDue':
    'Receive the royalty report to {{periodEnd}} from {{counterparty}} under licence {{reference}}',
  'ip.obligation.royaltyReportExchanged':
    'Exchange royalty reports to {{periodEnd}} with {{counterparty}} under cross-licence {{reference}}',
  'ip.obligation.keepOrDrop':
    'Decide to keep, drop, sell or license {{office}} {{applicationNo}} ({{family}}) before its year {{year}} fee',
  'ip.obligation.exitInterview':
    'Hold the exit interview of {{name}} (leaving {{leaveDate}}) and file the signed acknowledgement',
  'ip.obligation.reviewCampaign':
    'Give a verdict on the {{count}} patents of the portfolio review “{{name}}”',
  'ip.actor.exitInterviews': 'Exit interviews of leaving inventors and trade-secret holders',
  'ip.importKind.matters': 'Patent matters (portfolio)',
} as const;

const zhTW: Record<keyof typeof en, string> = {
  'ip.obligation.priority': '主張 {{office}} {{applicationNo}}（{{family}}）優先權向外申請的最後一日',
  'ip.obligation.nationalPhase': '進入 {{office}} 國家階段：{{applicationNo}}（{{family}}）',
  'ip.obligation.annuity': '繳納 {{office}} {{applicationNo}}（{{family}}）第 {{year}} 年年費',
  'ip.obligation.trademarkRenewal': '延展 {{office}} 商標 {{mark}}（{{applicationNo}}）',
  'ip.obligation.officeAction': '答覆 {{office}} {{applicationNo}}（{{family}}）之{{kind}}',
  'ip.obligation.useDeclaration': '提出 {{office}} 商標 {{mark}} 的使用聲明（{{applicationNo}}）',
  'ip.obligation.tradeSecretReview': '檢視營業秘密的保護措施：{{title}}',
  'ip.obligation.royaltyReportOwed':
    '依授權 {{reference}} 向 {{counterparty}} 提交至 {{periodEnd}} 的權利金報告',
  'ip.obligation.royaltyReportDue':
    '依授權 {{reference}} 收取 {{counterparty}} 至 {{periodEnd}} 的權利金報告',
  'ip.obligation.royaltyReportExchanged':
    '依交互授權 {{reference}} 與 {{counterparty}} 交換至 {{periodEnd}} 的權利金報告',
  'ip.obligation.keepOrDrop':
    '於繳納第 {{year}} 年年費前決定 {{office}} {{applicationNo}}（{{family}}）維持、放棄、讓與或授權',
  'ip.obligation.exitInterview': '與 {{name}}（{{leaveDate}} 離職）進行離職面談並歸檔簽署的保密切結',
  'ip.obligation.reviewCampaign': '對專利盤點「{{name}}」的 {{count}} 件專利提出審查結論',
  'ip.actor.exitInterviews': '離職發明人與營業秘密接觸者的離職面談',
  'ip.importKind.matters': '專利案件（專利組合）',
};

/** The words of the module's enumerations (`ip.<enumeration>.<code>`). */
const words = {
  'ip.kind': {
    invention: ['invention', '發明'],
    utility_model: ['utility model', '新型'],
    design: ['design', '設計'],
  },
  'ip.status': {
    draft: ['draft', '草稿'],
    filed: ['filed', '已申請'],
    published: ['published', '已公開'],
    under_examination: ['under examination', '審查中'],
    allowed: ['allowed', '核准待領證'],
    granted: ['granted', '已核准'],
    lapsed: ['lapsed', '已失效'],
    abandoned: ['abandoned', '已放棄'],
    expired: ['expired', '已屆期'],
    opposed: ['opposed', '異議中'],
    in_litigation: ['in litigation', '訴訟中'],
  },
  'ip.problem': {
    grant_date_missing: ['grant date missing', '缺少核准日'],
    no_rules_for_office: ['no deadline rules for this office', '此專利局尚無期限規則'],
  },
  'ip.secretCategory': {
    cost_advantage: ['cost advantage', '成本優勢'],
    technology: ['technology', '技術'],
    quality: ['quality', '品質'],
    smart_factory: ['smart factory', '智慧工廠'],
    customer: ['customer', '客戶'],
  },
  'ip.disclosureStatus': {
    submitted: ['submitted', '已提出'],
    to_file: ['to be filed', '待申請'],
    filed: ['filed', '已申請'],
    trade_secret: ['kept as a trade secret', '列為營業秘密'],
    defensive_publication: ['published defensively', '防禦性公開'],
    dropped: ['dropped', '不予處理'],
  },
  'ip.licenceDirection': {
    in: ['in-licence', '授權引進'],
    out: ['out-licence', '授權他人'],
    cross: ['cross-licence', '交互授權'],
  },
  'ip.exclusivity': {
    exclusive: ['exclusive', '專屬'],
    sole: ['sole', '獨家'],
    non_exclusive: ['non-exclusive', '非專屬'],
  },
  'ip.royaltyBasis': {
    none: ['no royalty', '無權利金'],
    rate: ['rate of net sales', '淨銷售額比例'],
    fixed: ['fixed amount', '固定金額'],
  },
  'ip.reportingPeriod': {
    quarterly: ['quarterly', '每季'],
    semiannual: ['half-yearly', '每半年'],
    annual: ['yearly', '每年'],
  },
  'ip.ftoConclusion': {
    clear: ['free to operate', '可自由實施'],
    clear_with_licence: ['free to operate under a licence', '取得授權後可實施'],
    design_around: ['design around needed', '需迴避設計'],
    not_clear: ['not free to operate', '不可自由實施'],
  },
  'ip.riskKind': {
    misappropriation: ['trade secret misappropriation', '營業秘密侵害'],
    infringement: ['infringement', '侵權'],
    indemnity_claim: ['customer indemnity claim', '客戶賠償請求'],
    litigation: ['litigation', '訴訟'],
  },
  'ip.riskDirection': {
    by_us: ['by us (a claim against us)', '我方被控侵害'],
    against_us: ['against us (by others)', '他方侵害我方'],
  },
  'ip.riskStep': {
    suspected: ['suspected', '疑似'],
    investigating: ['investigating', '調查中'],
    evidence_preserved: ['evidence preserved', '證據保全'],
    notice_sent: ['notice sent', '已發函'],
    negotiating: ['negotiating', '協商中'],
    litigation: ['in litigation', '訴訟中'],
    settled: ['settled', '已和解'],
    judgment: ['judgment', '已判決'],
    closed: ['closed', '已結案'],
  },
  'ip.riskOutcome': {
    settled: ['settled', '和解'],
    won: ['won', '勝訴'],
    lost: ['lost', '敗訴'],
    withdrawn: ['withdrawn', '撤回'],
    licence_granted: ['licence granted', '授權解決'],
    no_infringement: ['no infringement found', '未構成侵害'],
    indemnified: ['customer indemnified', '已賠償客戶'],
  },
  'ip.riskCostCategory': {
    counsel: ['counsel', '律師費'],
    court: ['court fees', '裁判費'],
    expert: ['experts', '鑑定費'],
    settlement: ['settlement', '和解金'],
    damages: ['damages', '損害賠償'],
    other: ['other', '其他'],
  },
  'ip.keepDropDecision': {
    keep: ['keep', '維持'],
    drop: ['drop', '放棄'],
    sell: ['sell', '讓與'],
    license: ['license', '授權'],
  },
  'ip.recommendation': {
    keep: ['keep', '維持'],
    revitalise: ['license or sell', '授權或讓與（活化）'],
    consider_drop: ['consider dropping', '考慮放棄'],
  },
  'ip.officeActionKind': {
    rejection: ['rejection', '核駁通知'],
    final_rejection: ['final rejection', '最終核駁'],
    restriction: ['restriction requirement', '限制要求'],
    examination_report: ['examination report', '審查意見通知'],
    search_report: ['search report', '檢索報告'],
    other: ['communication', '通知'],
  },
  'ip.trademarkStatus': {
    filed: ['filed', '已申請'],
    registered: ['registered', '已註冊'],
    opposed: ['opposed', '異議中'],
    lapsed: ['lapsed', '已失效'],
    abandoned: ['abandoned', '已放棄'],
  },
  'ip.technology': {
    sip: ['SiP module', '系統級封裝（SiP）模組'],
    ic_2_5d_3d: ['2.5D/3D IC package', '2.5D/3D IC 封裝'],
    fan_out: ['fan-out wafer-level package', '扇出型晶圓級封裝'],
    mems_sensor: ['MEMS and sensor package', '微機電與感測器封裝'],
    other: ['other', '其他'],
  },
  'ip.entitySize': {
    large: ['large entity', '大型實體'],
    small: ['small entity', '小型實體'],
    micro: ['micro entity', '微型實體'],
  },
  'ip.forecastMissing': {
    no_schedule: ['no fee schedule for the office', '此專利局尚無規費表'],
    no_line: ['the schedule has no fee for this year', '規費表無此年度之費用'],
    national_fee: [
      'national renewal fee: validation states not recorded, or the state’s schedule not kept',
      '國家年費：未登錄生效國，或未收錄該國規費表',
    ],
    rate: ['no exchange rate on or before the day', '該日（含）前無匯率'],
  },
  'ip.exitInterviewStatus': {
    due: ['due', '待面談'],
    held: ['held, not signed', '已面談，未簽署'],
    acknowledged: ['acknowledgement signed', '已簽署切結'],
    withdrawn: ['leave withdrawn', '離職已撤回'],
  },
} as const;

export const ipMessagesCatalogue = mergeCatalogues(
  { en, 'zh-TW': zhTW },
  wordsCatalogue('ip.obligationKind', {
    priority: ['priority deadline', '優先權期限'],
    national_phase: ['national phase entry', '進入國家階段'],
    annuity: ['annuity or maintenance fee', '年費或維持費'],
    trademark_renewal: ['trademark renewal', '商標延展'],
    office_action: ['office action response', '官方通知答覆'],
    trade_secret_review: ['trade secret review', '營業秘密年度檢視'],
    royalty_report: ['royalty report', '權利金報告'],
    keep_drop: ['keep-or-drop decision', '專利維持或放棄決策'],
    exit_interview: ['exit interview', '離職面談'],
    review_campaign: ['portfolio review', '專利盤點'],
  }),
  ...Object.entries(words).map(([prefix, w]) => wordsCatalogue(prefix, w)),
);

/** The name of the IP program's import of patent matters, for the import's audit event and title. */
export const ipMattersImportKind: Message = { key: 'ip.importKind.matters' };

/** The word of one of the module's enumerations, for exports and documents. */
export function ipWord(enumeration: keyof typeof words, code: string): Message {
  return { key: `${enumeration}.${code}` };
}

const ipMessage = messageOf({ en });

/** The obligation titles of the IP program, as messages. */
export const ipMessages = {
  deadlineTitle(
    d: Pick<Deadline, 'kind' | 'office' | 'year' | 'state'>,
    applicationNo: string,
    family: string,
  ): Message {
    // A validation state's national renewal fee names the state beside the EPO.
    const params = { office: d.state ? `${d.office}-${d.state}` : d.office, applicationNo, family };
    if (d.kind === 'priority') return ipMessage('ip.obligation.priority', params);
    if (d.kind === 'national_phase') return ipMessage('ip.obligation.nationalPhase', params);
    return ipMessage('ip.obligation.annuity', { ...params, year: d.year ?? 0 });
  },
  officeActionTitle(kind: string, office: string, applicationNo: string, family: string): Message {
    return ipMessage('ip.obligation.officeAction', {
      kind: ipWord('ip.officeActionKind', kind),
      office,
      applicationNo,
      family,
    });
  },
  trademarkTitle(
    kind: 'renewal' | 'use_declaration',
    office: string,
    mark: string,
    applicationNo: string,
  ): Message {
    return ipMessage(kind === 'renewal' ? 'ip.obligation.trademarkRenewal' : 'ip.obligation.useDeclaration', {
      office,
      mark,
      applicationNo,
    });
  },
  secretReviewTitle(title: string): Message {
    return ipMessage('ip.obligation.tradeSecretReview', { title });
  },
  keepOrDropTitle(office: string, applicationNo: string, family: string, year: number | null): Message {
    return ipMessage('ip.obligation.keepOrDrop', { office, applicationNo, family, year: year ?? 0 });
  },
  reviewCampaignTitle(name: string, count: number): Message {
    return ipMessage('ip.obligation.reviewCampaign', { name, count });
  },
  exitInterviewTitle(name: string, leaveDate: string): Message {
    return ipMessage('ip.obligation.exitInterview', { name, leaveDate });
  },
  royaltyReportTitle(
    direction: 'in' | 'out' | 'cross',
    reference: string,
    counterparty: string,
    periodEnd: string,
  ): Message {
    const key = {
      in: 'ip.obligation.royaltyReportOwed',
      out: 'ip.obligation.royaltyReportDue',
      cross: 'ip.obligation.royaltyReportExchanged',
    } as const;
    return ipMessage(key[direction], { reference, counterparty, periodEnd });
  },
};
