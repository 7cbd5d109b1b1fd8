import { type ModuleT, moduleTexts, type TextKey } from '../../../platform/i18n/module-texts.ts';
import { en } from './en.ts';
import { zhTW } from './zh-TW.ts';

/** The industry–academia module's texts, in their own i18next namespace. */
const texts = moduleTexts('academia', en, zhTW);

export const ACADEMIA_NS = texts.ns;
export type AcademiaKey = TextKey<typeof en>;
export type AcademiaT = ModuleT<typeof en>;
export const useAcademiaT = texts.useT;
export const useAcademiaLabel = texts.useLabel;
export { useZh } from '../../../platform/i18n/module-texts.ts';
