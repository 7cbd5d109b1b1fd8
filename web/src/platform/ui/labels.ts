import { useTranslation } from 'react-i18next';
import { dateTimeFormat, numberFormat, regionNames } from './intl.ts';
import { formatDayMonth, formatInZone, formatMonthShort } from './time.ts';

/** The name of a record in the user's language: the Chinese name when there is one and the user reads Chinese. */
export function useLocalName() {
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-TW';
  return (r: { name: string; nameZh?: string | null }) => (zh && r.nameZh ? r.nameZh : r.name);
}

/** Country names from ISO codes, in the user's language. */
export function useCountryName() {
  const { i18n } = useTranslation();
  const names = regionNames(i18n.language);
  return (code: string) => names?.of(code) ?? code;
}

/** Numbers and dates in the user's language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const number = numberFormat(i18n.language);
  const dateTime = dateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    number: (n: number) => number.format(n),
    dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—'),
    date: (d: string | null | undefined) => d ?? '—',
    /** A site's event in the site's time zone, labelled: "2026-12-03 07:13 (Asia/Taipei)". */
    siteTime: (iso: string | null | undefined, timeZone: string) => formatInZone(iso, timeZone),
    /** "Dec 3" / "12月3日" of a YYYY-MM-DD date. */
    dayMonth: (d: string) => formatDayMonth(d, i18n.language),
    /** "Dec" / "12月" of a month 1–12. */
    monthShort: (month: number) => formatMonthShort(month, i18n.language),
  };
}
