import { Badge, Button, Group, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { type SensorView, sensorKinds, sensorPage } from '#shared/modules/smart/contract.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useSmartLabel, useSmartT } from '../i18n/index.ts';
import { SensorForm } from './SensorForm.tsx';

/** The limits of a sensor in one line: "LL 18 · L 19.5 · H — · HH —". */
export function limitsLine(s: SensorView, fmt: (n: number) => string) {
  const show = (v: number | null) => (v === null ? '—' : fmt(v));
  return `LL ${show(s.limitLL)} · L ${show(s.limitL)} · H ${show(s.limitH)} · HH ${show(s.limitHH)}`;
}

/** The sensors of the user's sites, with filters, sorting and exports; a row opens the sensor's page. */
export function SensorsPage() {
  const t = useSmartT();
  const label = useSmartLabel();
  const can = useCan();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const manager = can('smart.manage');

  const columns: Column<SensorView>[] = [
    { key: 'site', header: t('common.site'), render: (s) => s.siteCode },
    { key: 'area', header: t('common.area'), wrap: true, render: (s) => s.areaName ?? '—' },
    {
      key: 'tag',
      header: t('sensors.tag'),
      sortKey: 'tag',
      render: (s) => (
        <Text size="sm" ff="monospace">
          {s.tag}
        </Text>
      ),
    },
    {
      key: 'name',
      header: t('sensors.name'),
      sortKey: 'name',
      wrap: true,
      render: (s) => (
        <Group gap={6}>
          <Text size="sm" fw={500}>
            {s.name}
          </Text>
          {!s.inService && (
            <Badge color="gray" variant="outline" size="sm">
              {t('sensors.outOfService')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'kind', header: t('sensors.kind'), sortKey: 'kind', render: (s) => label('kinds', s.kind) },
    { key: 'limits', header: t('sensors.limits'), render: (s) => `${limitsLine(s, fmt.number)} ${s.unit}` },
    {
      key: 'last',
      header: t('sensors.last'),
      align: 'right',
      render: (s) => (s.lastValue === null ? '—' : `${fmt.number(s.lastValue)} ${s.unit}`),
    },
    {
      key: 'alarms',
      header: t('sensors.openAlarms'),
      align: 'right',
      render: (s) =>
        s.openAlarms > 0 ? (
          <Badge color="red" variant="light">
            {fmt.number(s.openAlarms)}
          </Badge>
        ) : (
          '0'
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('sensors.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('sensors.title') }]}
        description={t('sensors.description')}
        actions={
          manager ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('sensors.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('sensors.title')}
        endpoint="/api/smart/sensors"
        schema={sensorPage}
        columns={columns}
        rowKey={(s) => s.id}
        defaultSort="tag"
        defaultOrder="asc"
        searchPlaceholder={t('sensors.searchPlaceholder')}
        filters={{ siteId: siteId ?? undefined, kind: kind ?? undefined }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={220} />
            <Select
              aria-label={t('sensors.kind')}
              placeholder={t('sensors.allKinds')}
              data={sensorKinds.map((k) => ({ value: k, label: label('kinds', k) }))}
              value={kind}
              onChange={setKind}
              clearable
              w={200}
            />
          </>
        }
        exportPath="/api/smart/sensors/export.csv"
        exportXlsxPath="/api/smart/sensors/export.xlsx"
        onRowClick={(s) => void navigate({ to: '/smart/sensors/$sensorId', params: { sensorId: s.id } })}
        emptyTitle={t('sensors.emptyTitle')}
        emptyHint={t('sensors.emptyHint')}
      />
      {adding && <SensorForm record={null} onClose={() => setAdding(false)} />}
    </>
  );
}
