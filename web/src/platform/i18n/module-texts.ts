import { useTranslation } from 'react-i18next';
import { i18n } from './index.ts';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type WithoutPlural<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K;

/** Every key of a module's texts (plural forms by their base key). */
export type TextKey<T> = WithoutPlural<Leaves<T>>;
/** A module's `t`, typed against its English texts. */
export type ModuleT<T> = (key: TextKey<T>, options?: Record<string, unknown>) => string;

/**
 * A program module's texts: its own i18next namespace, added to the platform's instance, with a `t` typed
 * against the English texts (a misspelt key fails to compile) and a label helper for enumerated values.
 */
export function moduleTexts<T extends object>(ns: string, en: T, zhTW: T) {
  function register() {
    if (i18n.hasResourceBundle('en', ns)) return;
    i18n.addResourceBundle('en', ns, en, true, true);
    i18n.addResourceBundle('zh-TW', ns, zhTW, true, true);
  }
  // The platform initialises i18next in main.tsx, after the modules are imported: add the bundles then.
  if (i18n.isInitialized) register();
  else i18n.on('initialized', register);

  /** The module's `t`; re-renders on a change of language. */
  // biome-ignore lint/correctness/noComponentHookFactories: made once per module at import, bound to its namespace
  function useT(): ModuleT<T> {
    const { i18n: instance } = useTranslation();
    register();
    const translate = instance.t as unknown as (key: string, options: Record<string, unknown>) => string;
    return (key, options) => translate(key, { ns, ...options });
  }

  /** A label of an enumerated value (e.g. `kinds`, 'near_miss'), or the raw value when unknown. */
  // biome-ignore lint/correctness/noComponentHookFactories: made once per module at import, bound to its namespace
  function useLabel() {
    const t = useT();
    return (group: string, value: string | null | undefined) => {
      if (value === null || value === undefined) return '—';
      return t(`${group}.${value}` as TextKey<T>, { defaultValue: value });
    };
  }

  return { ns, useT, useLabel };
}

/** True when the user reads Chinese: for the server's bilingual labels ({ en, zh }). */
export function useZh() {
  const { i18n: instance } = useTranslation();
  return instance.language === 'zh-TW';
}
