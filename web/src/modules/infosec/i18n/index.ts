import { type ModuleT, moduleTexts, type TextKey } from '../../../platform/i18n/module-texts.ts';
import { en } from './en.ts';
import { zhTW } from './zh-TW.ts';

/** The information security module's texts, in their own i18next namespace. */
const texts = moduleTexts('infosec', en, zhTW);

export const INFOSEC_NS = texts.ns;
export type InfosecKey = TextKey<typeof en>;
export type InfosecT = ModuleT<typeof en>;
export const useInfosecT = texts.useT;
export const useInfosecLabel = texts.useLabel;
