import { type ModuleT, moduleTexts, type TextKey } from '../../../platform/i18n/module-texts.ts';
import { en } from './en.ts';
import { zhTW } from './zh-TW.ts';

/** The occupational health and safety module's texts, in their own i18next namespace. */
const texts = moduleTexts('ohs', en, zhTW);

export const OHS_NS = texts.ns;
export type OhsKey = TextKey<typeof en>;
export type OhsT = ModuleT<typeof en>;
export const useOhsT = texts.useT;
export const useOhsLabel = texts.useLabel;
export { useZh } from '../../../platform/i18n/module-texts.ts';
