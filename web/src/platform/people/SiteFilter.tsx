import { Select } from '@mantine/core';
import { useServicesT } from '../services/texts.ts';
import { useSites } from './sites.ts';

/**
 * A list's site filter: the sites in the reader's scope, searchable and clearable ("All sites"). Someone who
 * sees a single site has nothing to choose, so the filter is not shown.
 */
export function SiteFilter({
  value,
  onChange,
  w = 220,
}: {
  value: string | null;
  onChange: (siteId: string | null) => void;
  w?: number;
}) {
  const ts = useServicesT();
  const { options } = useSites();
  if (options.length <= 1) return null;
  return (
    <Select
      aria-label={ts('common.site')}
      placeholder={ts('common.allSites')}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      w={w}
    />
  );
}
