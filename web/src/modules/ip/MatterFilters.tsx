import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { offices, technologies } from '#shared/modules/ip/rules/offices.ts';
import { useIpLabel, useIpT } from './i18n/index.ts';

type Choice = { value: string | null; onChange: (v: string | null) => void };

/** The subsidiaries of the sites a reader sees, for a filter. */
export function useSubsidiaryOptions(sites: readonly { subsidiaryId: string; subsidiaryCode: string }[]) {
  return useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of sites) seen.set(s.subsidiaryId, s.subsidiaryCode);
    return [...seen].map(([value, code]) => ({ value, label: code }));
  }, [sites]);
}

/** The filters of matters by subsidiary (when the reader sees more than one), office and technology. */
export function MatterFilters({
  subsidiaries,
  subsidiary,
  office,
  technology,
}: {
  subsidiaries: { value: string; label: string }[];
  subsidiary: Choice;
  office: Choice;
  technology: Choice;
}) {
  const t = useIpT();
  const label = useIpLabel();
  return (
    <>
      {subsidiaries.length > 1 && (
        <Select
          aria-label={t('keepDrop.subsidiary')}
          placeholder={t('keepDrop.allSubsidiaries')}
          data={subsidiaries}
          value={subsidiary.value}
          onChange={subsidiary.onChange}
          clearable
          w={170}
        />
      )}
      <Select
        aria-label={t('common.office')}
        placeholder={t('common.allOffices')}
        data={offices.map((o) => ({ value: o, label: label('offices', o) }))}
        value={office.value}
        onChange={office.onChange}
        clearable
        w={190}
      />
      <Select
        aria-label={t('common.technology')}
        placeholder={t('common.allTechnologies')}
        data={technologies.map((x) => ({ value: x, label: label('technologies', x) }))}
        value={technology.value}
        onChange={technology.onChange}
        clearable
        w={190}
      />
    </>
  );
}
