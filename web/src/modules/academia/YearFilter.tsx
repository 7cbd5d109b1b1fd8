import { Select } from '@mantine/core';
import { useAcademiaT } from './i18n/index.ts';

/** How many calendar years back a list's year filter offers, this year included. */
const YEARS_OFFERED = 15;

/** A list's calendar-year filter: this year and the years before it, clearable ("All years"). */
export function YearFilter({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (year: string | null) => void;
}) {
  const t = useAcademiaT();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: YEARS_OFFERED }, (_, i) => String(thisYear - i));
  return (
    <Select
      aria-label={t('common.year')}
      placeholder={t('common.allYears')}
      data={years}
      value={value}
      onChange={onChange}
      clearable
      w={140}
    />
  );
}
