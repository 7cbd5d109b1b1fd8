import { type Message, mergeCatalogues, messageOf, wordsCatalogue } from '../../platform/i18n/index.ts';

/**
 * What the industry–academia module writes on its own (obligation titles), in both languages: records keep
 * the key and parameters (server/platform/i18n), the reader sees their language.
 */
const en = {
  'academia.obligation.agreementRenewal': 'Renew or close the agreement with {{partner}}: {{title}}',
  'academia.obligation.milestone': 'Research project milestone: {{project}} — {{milestone}}',
} as const;

const zhTW: Record<keyof typeof en, string> = {
  'academia.obligation.agreementRenewal': '續約或結束與{{partner}}的合作協議：{{title}}',
  'academia.obligation.milestone': '研究計畫里程碑：{{project}} — {{milestone}}',
};

export const academiaMessagesCatalogue = mergeCatalogues(
  { en, 'zh-TW': zhTW },
  wordsCatalogue('academia.obligationKind', {
    agreement_renewal: ['agreement renewal', '協議續約'],
    milestone: ['research milestone', '研究里程碑'],
  }),
);

const academiaMessage = messageOf({ en });

/** The obligation titles of the industry–academia program, as messages. */
export const messages = {
  agreementRenewal: (p: { partner: string; title: string }): Message =>
    academiaMessage('academia.obligation.agreementRenewal', p),
  milestone: (p: { project: string; milestone: string }): Message =>
    academiaMessage('academia.obligation.milestone', p),
};
