import { useTranslation } from 'react-i18next';
import { i18n } from '../../../platform/i18n/index.ts';
import { en } from './en.ts';
import { zhTW } from './zh-TW.ts';

/** The shop-floor monitoring module's texts live in their own i18next namespace, added to the platform's instance. */
export const SMART_NS = 'smart';

function register() {
  if (i18n.hasResourceBundle('en', SMART_NS)) return;
  i18n.addResourceBundle('en', SMART_NS, en, true, true);
  i18n.addResourceBundle('zh-TW', SMART_NS, zhTW, true, true);
}

// The platform initialises i18next in main.tsx, after the modules are imported: add the bundles then.
if (i18n.isInitialized) register();
else i18n.on('initialized', register);

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type WithoutPlural<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K;

/** Every key of the monitoring texts (plural forms by their base key). */
export type SmartKey = WithoutPlural<Leaves<typeof en>>;
export type SmartT = (key: SmartKey, options?: Record<string, unknown>) => string;

/** The shop-floor monitoring module's `t`, typed against the English texts; re-renders on a change of language. */
export function useSmartT(): SmartT {
  const { i18n: instance } = useTranslation();
  register();
  const translate = instance.t as unknown as (key: string, options: Record<string, unknown>) => string;
  return (key, options) => translate(key, { ns: SMART_NS, ...options });
}

/** A label of an enumerated value (e.g. `kinds`, 'near_miss'), or the raw value when unknown. */
export function useSmartLabel() {
  const t = useSmartT();
  return (group: string, value: string | null | undefined) => {
    if (value === null || value === undefined) return '—';
    const key = `${group}.${value}` as SmartKey;
    const text = t(key, { defaultValue: value });
    return text;
  };
}
