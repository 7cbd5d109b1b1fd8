import { messageOf, wordsCatalogue } from '../../../platform/i18n/index.ts';

/** What advisories write on their own (audit summaries, export words), in both languages. */
const en = {
  'infosec.audit.advisoryImported': '{{reference}}: {{title}} (TLP:{{tlp}}, {{sites}} sites)',
  'infosec.audit.advisoryResponded': '{{reference}} {{site}}: {{status}}',
} as const;

const zhTW: Record<keyof typeof en, string> = {
  'infosec.audit.advisoryImported': '{{reference}}：{{title}}（TLP:{{tlp}}，{{sites}} 個廠區）',
  'infosec.audit.advisoryResponded': '{{reference}} {{site}}：{{status}}',
};

export const advisoryCatalogue = { en, 'zh-TW': zhTW };
export const advisoryMessage = messageOf({ en });

/** The words of the advisories' enumerations (`infosec.<enumeration>.<code>`). */
export const advisoryWords = {
  'infosec.advisorySource': {
    twcert: ['TWCERT/CC', 'TWCERT/CC'],
    first: ['FIRST', 'FIRST'],
    vendor: ['vendor', '供應商'],
    other: ['other partner', '其他夥伴'],
  },
  'infosec.advisorySeverity': {
    low: ['low', '低'],
    medium: ['medium', '中'],
    high: ['high', '高'],
    critical: ['critical', '嚴重'],
  },
  'infosec.advisoryResponse': {
    open: ['awaiting response', '待回覆'],
    not_affected: ['not affected', '未受影響'],
    patched: ['patched', '已修補'],
    mitigated: ['mitigated', '已緩解'],
    accepted: ['risk accepted', '接受風險'],
  },
} as const;

export const advisoryWordCatalogues = Object.entries(advisoryWords).map(([prefix, w]) =>
  wordsCatalogue(prefix, w),
);
