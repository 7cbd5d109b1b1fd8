import { type ModuleT, moduleTexts, type TextKey } from '../../../platform/i18n/module-texts.ts';
import { en } from './en.ts';
import { zhTW } from './zh-TW.ts';

/** The shop-floor monitoring module's texts, in their own i18next namespace. */
const texts = moduleTexts('smart', en, zhTW);

export const SMART_NS = texts.ns;
export type SmartKey = TextKey<typeof en>;
export type SmartT = ModuleT<typeof en>;
export const useSmartT = texts.useT;
export const useSmartLabel = texts.useLabel;
