import { mergeCatalogues, messageOf, wordsCatalogue } from '../../../platform/i18n/index.ts';

/** What governance writes on its own, in both languages (records keep the key and parameters). */
const en = {
  'infosec.membership.renewal': 'Renew {{organisation}} ({{kind}}) by {{renewalOn}}',
  'infosec.audit.membership': '{{organisation}} ({{kind}})',
  'infosec.risk.review': 'Review the security risk "{{title}}"',
  'infosec.audit.risk': '{{site}} {{title}}',
  'infosec.audit.goal': '{{year}}: {{title}}',
  'infosec.importKind.siteKpis': 'Security KPIs of the sites (monthly)',
  'infosec.audit.policy': '{{code}} {{title}}',
  'infosec.audit.policyVersion': '{{code}} version {{label}} (effective {{effectiveOn}})',
  'infosec.audit.policyCampaign': '{{code}} version {{label}}: acknowledgements due {{dueOn}}',
  'infosec.audit.policyAcknowledged': '{{code}} version {{label}} read and understood',
  'infosec.audit.policyAcknowledgementWithdrawn': '{{code}} version {{label}}: acknowledgement withdrawn',
  'infosec.policy.campaignDue': 'Acknowledgements of policy {{code}} version {{label}} due {{dueOn}}',
} as const;

const zhTW: Record<keyof typeof en, string> = {
  'infosec.membership.renewal': '於 {{renewalOn}} 前續約 {{organisation}}（{{kind}}）',
  'infosec.audit.membership': '{{organisation}}（{{kind}}）',
  'infosec.risk.review': '檢視資安風險「{{title}}」',
  'infosec.audit.risk': '{{site}} {{title}}',
  'infosec.audit.goal': '{{year}}：{{title}}',
  'infosec.importKind.siteKpis': '各廠區資安 KPI（每月）',
  'infosec.audit.policy': '{{code}} {{title}}',
  'infosec.audit.policyVersion': '{{code}} 第 {{label}} 版（{{effectiveOn}} 生效）',
  'infosec.audit.policyCampaign': '{{code}} 第 {{label}} 版：{{dueOn}} 前完成簽署',
  'infosec.audit.policyAcknowledged': '已閱讀並了解 {{code}} 第 {{label}} 版',
  'infosec.audit.policyAcknowledgementWithdrawn': '{{code}} 第 {{label}} 版：撤回簽署',
  'infosec.policy.campaignDue': '政策 {{code}} 第 {{label}} 版簽署期限 {{dueOn}}',
};

const kindNames = wordsCatalogue('infosec.obligationKind', {
  membership_renewal: ['membership or agreement renewal', '會員資格或協議續約'],
  risk_review: ['security risk review', '資安風險檢視'],
  policy_acknowledgement: ['policy acknowledgement campaign', '政策簽署活動'],
});

/** The words of governance's enumerations (`infosec.<enumeration>.<code>`). */
export const governanceWords = {
  'infosec.membershipKind': {
    membership: ['membership', '會員'],
    agreement: ['agreement', '協議'],
    mou: ['MOU', '合作備忘錄'],
  },
  'infosec.riskTreatment': {
    mitigate: ['mitigate', '降低'],
    transfer: ['transfer', '移轉'],
    avoid: ['avoid', '避免'],
    accept: ['accept', '接受'],
  },
  'infosec.policyStatus': {
    draft: ['draft', '草案'],
    active: ['in force', '生效中'],
    retired: ['retired', '已廢止'],
  },
  'infosec.riskBand': {
    low: ['low', '低'],
    medium: ['medium', '中'],
    high: ['high', '高'],
    critical: ['critical', '極高'],
  },
} as const;

export const governanceMessages = mergeCatalogues(
  { en, 'zh-TW': zhTW },
  kindNames,
  ...Object.entries(governanceWords).map(([prefix, w]) => wordsCatalogue(prefix, w)),
);

export const governanceMessage = messageOf({ en });

export function governanceWord(enumeration: keyof typeof governanceWords, code: string) {
  return { key: `${enumeration}.${code}` };
}
