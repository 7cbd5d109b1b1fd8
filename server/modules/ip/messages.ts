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
  'ip.obligation.useDeclaration': 'File the declaration of use of {{mark}} in {{office}} ({{applicationNo}})',
  'ip.obligation.tradeSecretReview': 'Review the measures protecting the trade secret: {{title}}',
} as const;

const zhTW: Record<keyof typeof en, string> = {
  'ip.obligation.priority': '主張 {{office}} {{applicationNo}}（{{family}}）優先權向外申請的最後一日',
  'ip.obligation.nationalPhase': '進入 {{office}} 國家階段：{{applicationNo}}（{{family}}）',
  'ip.obligation.annuity': '繳納 {{office}} {{applicationNo}}（{{family}}）第 {{year}} 年年費',
  'ip.obligation.trademarkRenewal': '延展 {{office}} 商標 {{mark}}（{{applicationNo}}）',
  'ip.obligation.useDeclaration': '提出 {{office}} 商標 {{mark}} 的使用聲明（{{applicationNo}}）',
  'ip.obligation.tradeSecretReview': '檢視營業秘密的保護措施：{{title}}',
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
  'ip.trademarkStatus': {
    filed: ['filed', '已申請'],
    registered: ['registered', '已註冊'],
    opposed: ['opposed', '異議中'],
    lapsed: ['lapsed', '已失效'],
    abandoned: ['abandoned', '已放棄'],
  },
} as const;

export const ipMessagesCatalogue = mergeCatalogues(
  { en, 'zh-TW': zhTW },
  wordsCatalogue('ip.obligationKind', {
    priority: ['priority deadline', '優先權期限'],
    national_phase: ['national phase entry', '進入國家階段'],
    annuity: ['annuity or maintenance fee', '年費或維持費'],
    trademark_renewal: ['trademark renewal', '商標延展'],
    trade_secret_review: ['trade secret review', '營業秘密年度檢視'],
  }),
  ...Object.entries(words).map(([prefix, w]) => wordsCatalogue(prefix, w)),
);

/** The word of one of the module's enumerations, for exports and documents. */
export function ipWord(enumeration: keyof typeof words, code: string): Message {
  return { key: `${enumeration}.${code}` };
}

const ipMessage = messageOf({ en });

/** The obligation titles of the IP program, as messages. */
export const ipMessages = {
  deadlineTitle(
    d: Pick<Deadline, 'kind' | 'office' | 'year'>,
    applicationNo: string,
    family: string,
  ): Message {
    const params = { office: d.office, applicationNo, family };
    if (d.kind === 'priority') return ipMessage('ip.obligation.priority', params);
    if (d.kind === 'national_phase') return ipMessage('ip.obligation.nationalPhase', params);
    return ipMessage('ip.obligation.annuity', { ...params, year: d.year ?? 0 });
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
};
