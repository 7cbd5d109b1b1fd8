import { mergeCatalogues, messageOf, wordsCatalogue } from '../../../platform/i18n/index.ts';

/** What material decisions, insurance and the Board report write on their own, in both languages. */
const en = {
  'infosec.audit.materialDecided': '{{reference}}: material {{material}}',
  'infosec.audit.policyRecorded': '{{insurer}} {{policyNumber}}',
  'infosec.audit.policyUpdated': '{{insurer}} {{policyNumber}}',
  'infosec.audit.insurerNotified': '{{reference}}: {{insurer}} notified {{notifiedAt}}',
  'infosec.board.obligation': 'Report the information security program of {{year}} to the Board',
} as const;

const zhTW: Record<keyof typeof en, string> = {
  'infosec.audit.materialDecided': '{{reference}}：重大 {{material}}',
  'infosec.audit.policyRecorded': '{{insurer}} {{policyNumber}}',
  'infosec.audit.policyUpdated': '{{insurer}} {{policyNumber}}',
  'infosec.audit.insurerNotified': '{{reference}}：{{notifiedAt}} 通知 {{insurer}}',
  'infosec.board.obligation': '向董事會報告 {{year}} 年資訊安全執行情形',
};

const kindNames = wordsCatalogue('infosec.obligationKind', {
  board_report: ['yearly information security report to the Board', '年度資訊安全董事會報告'],
});

export const materialMessages = mergeCatalogues({ en, 'zh-TW': zhTW }, kindNames);

export const materialMessage = messageOf({ en });
