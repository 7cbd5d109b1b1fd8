import { Badge, Button, Card, Group, Modal, NumberInput, Stack, Table, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { type GoalView, goalPage } from '#shared/modules/infosec/governance/contract.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { ImportWizard } from '../../../platform/imports/ImportWizard.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';

const template = {
  filename: 'security-kpis.csv',
  csv: 'Site,Month,Training completion %,Drill participation %,Endpoint protection coverage %,Confidential-file labelling %\nASE-KH,2025-03,96.5,91,99.2,88\n',
};

/** Security goals of a year with each KPI's target and actual; the sites' monthly KPIs imported from here. */
export function GoalsPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const can = useCan();
  const [year, setYear] = useState<number | string>(2025);
  const [importing, setImporting] = useState(false);

  const kpiTable = (g: GoalView) => (
    <Table withRowBorders={false} verticalSpacing={2} fz="sm">
      <Table.Tbody>
        {g.kpis.map((k) => (
          <Table.Tr key={`${k.metric}-${k.name ?? ''}`}>
            <Table.Td>{k.metric === 'manual' ? k.name : label('kpiMetrics', k.metric)}</Table.Td>
            <Table.Td>
              {t(k.comparison === 'at_least' ? 'goals.atLeast' : 'goals.atMost', { target: k.target })}
            </Table.Td>
            <Table.Td>{k.actual ?? t('goals.noActual')}</Table.Td>
            <Table.Td>
              {k.met === null ? (
                '—'
              ) : (
                <Badge variant="light" color={k.met ? 'teal' : 'red'}>
                  {k.met ? t('goals.met') : t('goals.notMet')}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  const columns: Column<GoalView>[] = [
    { key: 'year', header: t('goals.year'), sortKey: 'year', render: (g) => g.year },
    { key: 'site', header: t('common.site'), render: (g) => g.siteCode ?? t('memberships.groupWide') },
    {
      key: 'title',
      header: t('goals.goal'),
      sortKey: 'title',
      wrap: true,
      render: (g) => (
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {g.title}
          </Text>
          {g.actualOf === 'reader_sites' && (
            <Text size="xs" c="dimmed">
              {t('goals.readerSites')}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'kpis', header: t('goals.kpis'), wrap: true, render: kpiTable },
  ];

  return (
    <>
      <PageHeader
        title={t('goals.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('goals.title') }]}
        description={t('goals.description')}
        actions={
          can('infosec.manage') ? (
            <Button
              leftSection={<IconUpload size={16} />}
              variant="default"
              onClick={() => setImporting(true)}
            >
              {t('goals.import')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('goals.title')}
        endpoint="/api/infosec/goals"
        schema={goalPage}
        columns={columns}
        rowKey={(g) => g.id}
        defaultSort="year"
        defaultOrder="desc"
        searchPlaceholder={t('goals.searchPlaceholder')}
        filters={{ year: Number(year) >= 2000 ? Number(year) : undefined }}
        filterBar={
          <Group>
            <NumberInput
              aria-label={t('goals.year')}
              value={year}
              onChange={setYear}
              min={2000}
              max={2100}
              w={100}
            />
          </Group>
        }
        exportPath="/api/infosec/goals/export.csv"
        exportXlsxPath="/api/infosec/goals/export.xlsx"
        emptyTitle={t('goals.emptyTitle')}
        emptyHint={t('goals.emptyHint')}
      />
      <Modal opened={importing} onClose={() => setImporting(false)} title={t('goals.import')} size="xl">
        <Card>
          <ImportWizard
            kind="infosec_site_kpis"
            template={template}
            expected={[
              ['site', true],
              ['month', true],
              ['training_completion', true],
              ['drill_participation', true],
              ['endpoint_protection', true],
              ['file_labelling', true],
            ]}
            invalidate={['/api/infosec/goals', '/api/infosec/site-kpis']}
          />
        </Card>
      </Modal>
    </>
  );
}
