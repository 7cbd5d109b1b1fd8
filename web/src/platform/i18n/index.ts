import dayjs from 'dayjs';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import { en } from './en.ts';

export const locales = ['en', 'zh-TW'] as const;
export type Locale = (typeof locales)[number];
/** Each language by its own name, for the pickers. */
export const localeNames: Record<Locale, string> = { en: 'English', 'zh-TW': '繁體中文' };

const STORAGE_KEY = 'steward.locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/** The language before sign-in: the last one used on this browser, else the browser's own. */
function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh-TW') return saved;
  const nav = navigator.language.toLowerCase();
  return nav.startsWith('zh') ? 'zh-TW' : 'en';
}

/**
 * The Traditional Chinese texts, zod's messages and dayjs's words, loaded when the language is first chosen:
 * a first page in English does not carry them.
 */
type ZhTW = { texts: typeof en; zod: typeof zodEn };
let zhTWParts: Promise<ZhTW> | undefined;
function loadZhTW(): Promise<ZhTW> {
  zhTWParts ??= Promise.all([
    import('./zh-TW.ts'),
    import('zod/v4/locales/zh-TW.js'),
    import('dayjs/locale/zh-tw'),
  ]).then(([texts, zod]) => ({ texts: texts.zhTW, zod: zod.default }));
  return zhTWParts;
}

async function applySideEffects(locale: Locale) {
  const zh = locale === 'zh-TW' ? await loadZhTW() : null;
  document.documentElement.lang = locale;
  dayjs.locale(zh ? 'zh-tw' : 'en');
  // zod's own messages (client-side form validation) in the same language.
  z.config(zh ? zh.zod() : zodEn());
}

export const i18n: I18n = i18next.createInstance();

export async function initI18n(): Promise<I18n> {
  const lng = initialLocale();
  const zh = lng === 'zh-TW' ? await loadZhTW() : null;
  await i18n.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    supportedLngs: [...locales],
    resources: { en: { translation: en }, ...(zh ? { 'zh-TW': { translation: zh.texts } } : {}) },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await applySideEffects(lng);
  return i18n;
}

/** Switches the language at once (the caller persists it on the server for signed-in users). */
export async function setLocale(locale: Locale) {
  localStorage.setItem(STORAGE_KEY, locale);
  if (locale === 'zh-TW' && !i18n.hasResourceBundle('zh-TW', 'translation'))
    i18n.addResourceBundle('zh-TW', 'translation', (await loadZhTW()).texts, true, true);
  await applySideEffects(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return i18n.language === 'zh-TW' ? 'zh-TW' : 'en';
}
