import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/index.ts';
import type { Translation } from '../i18n/types.ts';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type WithoutPlural<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K;

/** Every key of a bundle of texts (plural forms by their base key). */
export type KeyOf<T> = WithoutPlural<Leaves<T>>;
export type TFor<T> = (key: KeyOf<T>, options?: Record<string, unknown>) => string;

export type Texts<E> = {
  ns: string;
  /** Adds the bundle to i18next (once). */
  register: () => void;
  /** The namespaced key, for components that translate it themselves (the navigation). */
  key: (k: KeyOf<E>) => ParseKeys;
};

/**
 * A bundle of texts in its own i18next namespace, added to the platform's instance: English, and the
 * Traditional Chinese with exactly the same keys (the type checker enforces it).
 */
export function defineTexts<const E extends Record<string, unknown>>(
  ns: string,
  en: E,
  zhTW: Translation<E>,
): Texts<E> {
  const register = () => {
    if (i18n.hasResourceBundle('en', ns)) return;
    i18n.addResourceBundle('en', ns, en, true, true);
    i18n.addResourceBundle('zh-TW', ns, zhTW, true, true);
  };
  // The platform initialises i18next in main.tsx, after the pages are imported: add the bundle then.
  if (i18n.isInitialized) register();
  else i18n.on('initialized', register);
  return { ns, register, key: (k) => `${ns}:${k}` as ParseKeys };
}

/** The `t` of a bundle, typed against its English texts; the component re-renders on a change of language. */
export function useTexts<E>(texts: Texts<E>): TFor<E> {
  const { i18n: instance } = useTranslation();
  texts.register();
  const translate = instance.t as unknown as (key: string, options: Record<string, unknown>) => string;
  return (key, options) => translate(key, { ns: texts.ns, ...options });
}

/** A label of an enumerated value under `group` (e.g. 'statuses', 'open'), or the value itself when unknown. */
export function useTextsLabel<E>(texts: Texts<E>) {
  const t = useTexts(texts);
  return (group: string, value: string | null | undefined) =>
    value === null || value === undefined
      ? '—'
      : t(`${group}.${value}` as KeyOf<E>, { defaultValue: value.replace(/_/g, ' ') });
}
