import { Group, NumberInput, SimpleGrid, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { conversionReport } from '#shared/modules/academia/hire-match-contract.ts';
import { api } from '../../../platform/api/client.ts';
import { FigurePanel } from '../../../platform/ui/FigurePanel.tsx';
import { useAcademiaLabel, useAcademiaT, useZh } from '../i18n/index.ts';

const conversionKey = '/api/academia/conversion';

/** The intern-to-hire conversion by year, school, program and site, computed by the server from the rows. */
export function ConversionReport() {
  const t = useAcademiaT();
  const label = useAcademiaLabel();
  const zh = useZh();
  const { i18n } = useTranslation();
  const fmt = new Intl.NumberFormat(i18n.language);
  const thisYear = new Date().getFullYear();
  const [fromYear, setFromYear] = useState(thisYear - 9);
  const [toYear, setToYear] = useState(thisYear);
  const query = useQuery({
    queryKey: [conversionKey, fromYear, toYear],
    queryFn: ({ signal }) => api.get(conversionKey, conversionReport, { fromYear, toYear }, signal),
    placeholderData: keepPreviousData,
    enabled: toYear >= fromYear,
  });
  const rate = (r: { ratePercent: string | null }) => (r.ratePercent === null ? '—' : `${r.ratePercent} %`);
  return (
    <FigurePanel
      title={t('conversion.title')}
      hint={t('conversion.hint')}
      query={query}
      testId="academia-conversion"
      control={
        <Group gap="xs">
          <NumberInput
            label={t('conversion.fromYear')}
            value={fromYear}
            onChange={(v) => typeof v === 'number' && setFromYear(v)}
            min={1990}
            max={2200}
            w={110}
          />
          <NumberInput
            label={t('conversion.toYear')}
            value={toYear}
            onChange={(v) => typeof v === 'number' && setToYear(v)}
            min={1990}
            max={2200}
            w={110}
          />
        </Group>
      }
    >
      {(r) => {
        const partner = new Map(r.partners.map((p) => [p.id, p]));
        const school = (id: string) => {
          const p = partner.get(id);
          return zh && p?.nameZh ? p.nameZh : (p?.name ?? '—');
        };
        return r.total.completed === 0 ? (
          <Text c="dimmed">{t('conversion.none')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, lg: 3 }}>
            <Table fz="sm" aria-label={t('conversion.byYear')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('conversion.year')}</Table.Th>
                  <Table.Th ta="right">{t('conversion.completed')}</Table.Th>
                  <Table.Th ta="right">{t('conversion.hired')}</Table.Th>
                  <Table.Th ta="right">{t('conversion.rate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.byYear.map((y) => (
                  <Table.Tr key={y.year}>
                    <Table.Td>{y.year}</Table.Td>
                    <Table.Td ta="right">{fmt.format(y.completed)}</Table.Td>
                    <Table.Td ta="right">{fmt.format(y.hired)}</Table.Td>
                    <Table.Td ta="right">{rate(y)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr fw={700}>
                  <Table.Td>{t('conversion.total')}</Table.Td>
                  <Table.Td ta="right">{fmt.format(r.total.completed)}</Table.Td>
                  <Table.Td ta="right">{fmt.format(r.total.hired)}</Table.Td>
                  <Table.Td ta="right">{rate(r.total)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Table.ScrollContainer minWidth={640} style={{ gridColumn: 'span 2' }}>
              <Table fz="sm" aria-label={t('conversion.detail')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('conversion.year')}</Table.Th>
                    <Table.Th>{t('common.partner')}</Table.Th>
                    <Table.Th>{t('interns.program')}</Table.Th>
                    <Table.Th>{t('common.site')}</Table.Th>
                    <Table.Th ta="right">{t('conversion.completed')}</Table.Th>
                    <Table.Th ta="right">{t('conversion.hired')}</Table.Th>
                    <Table.Th ta="right">{t('conversion.rate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.rows.map((row) => (
                    <Table.Tr key={`${row.year}:${row.partnerId}:${row.program}:${row.siteId}`}>
                      <Table.Td>{row.year}</Table.Td>
                      <Table.Td>{school(row.partnerId)}</Table.Td>
                      <Table.Td>{label('internPrograms', row.program)}</Table.Td>
                      <Table.Td>{row.siteCode}</Table.Td>
                      <Table.Td ta="right">{fmt.format(row.completed)}</Table.Td>
                      <Table.Td ta="right">{fmt.format(row.hired)}</Table.Td>
                      <Table.Td ta="right">{rate(row)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </SimpleGrid>
        );
      }}
    </FigurePanel>
  );
}
