import { type ModuleT, moduleTexts, type TextKey } from '../../../platform/i18n/module-texts.ts';
import { en } from './en.ts';
import { zhTW } from './zh-TW.ts';

/** The intellectual property module's texts, in their own i18next namespace. */
const texts = moduleTexts('ip', en, zhTW);

export const IP_NS = texts.ns;
export type IpKey = TextKey<typeof en>;
export type IpT = ModuleT<typeof en>;
export const useIpT = texts.useT;
export const useIpLabel = texts.useLabel;
export { useZh } from '../../../platform/i18n/module-texts.ts';
