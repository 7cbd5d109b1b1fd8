import { NumberInput, Table } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { greenView } from '#shared/modules/ip/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FigurePanel } from '../../../platform/ui/FigurePanel.tsx';
import { useIpLabel, useIpT } from '../i18n/index.ts';

/** Green-related patents granted in a year by technology, and all granted up to its end (the report's figures). */
export function GreenPatents({ siteId }: { siteId: string | null }) {
  const t = useIpT();
  const label = useIpLabel();
  const { i18n } = useTranslation();
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  const query = useQuery({
    queryKey: ['/api/ip/portfolio/green', year, siteId],
    queryFn: ({ signal }) =>
      api.get('/api/ip/portfolio/green', greenView, { year, siteId: siteId ?? undefined }, signal),
    placeholderData: keepPreviousData,
  });
  const fmt = new Intl.NumberFormat(i18n.language);
  return (
    <FigurePanel
      title={t('green.title')}
      hint={t('green.hint')}
      query={query}
      testId="ip-green-patents"
      control={
        <NumberInput
          label={t('green.year')}
          value={year}
          onChange={(v) => typeof v === 'number' && setYear(v)}
          min={1990}
          max={2200}
          w={120}
        />
      }
    >
      {(green) => (
        <Table fz="sm" aria-label={t('green.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('green.technology')}</Table.Th>
              <Table.Th ta="right">{t('green.grantedIn', { year: green.year })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Object.entries(green.byTechnology)
              .filter(([tech, n]) => n > 0 || tech !== 'other')
              .map(([tech, n]) => (
                <Table.Tr key={tech}>
                  <Table.Td>{label('technologies', tech)}</Table.Td>
                  <Table.Td ta="right">{fmt.format(n)}</Table.Td>
                </Table.Tr>
              ))}
            <Table.Tr fw={700}>
              <Table.Td>{t('counts.total')}</Table.Td>
              <Table.Td ta="right">{fmt.format(green.total)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{t('green.cumulative', { year: green.year })}</Table.Td>
              <Table.Td ta="right">{fmt.format(green.cumulative)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </FigurePanel>
  );
}
