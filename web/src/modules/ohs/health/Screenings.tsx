import { Badge, Button, Switch, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { screeningPage } from '#shared/modules/ohs/health/contract.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';
import { FollowUps, type Screening } from './FollowUps.tsx';
import { ScreeningForm } from './ScreeningForm.tsx';

export function Screenings({ year, siteId }: { year: number; siteId: string | null }) {
  const t = useOhsT();
  const label = useOhsLabel();
  const [abnormal, setAbnormal] = useState(false);
  const [adding, setAdding] = useState(false);
  const columns: Column<Screening>[] = [
    { key: 'date', header: t('health.screenedOn'), sortKey: 'screenedOn', render: (s) => s.screenedOn },
    {
      key: 'person',
      header: t('health.person'),
      render: (s) => (
        <Text size="sm" fw={500}>
          {s.personName ?? '—'}{' '}
          <Text span size="xs" c="dimmed">
            {s.personNo}
          </Text>
        </Text>
      ),
    },
    { key: 'site', header: t('common.site'), render: (s) => s.siteCode },
    {
      key: 'kind',
      header: t('health.kind'),
      render: (s) =>
        s.kind === 'general'
          ? t('health.general')
          : `${t('health.special')} · ${label('specialHazards', s.specialHazard)}`,
    },
    {
      key: 'level',
      header: t('health.managementLevel'),
      render: (s) => (s.managementLevel ? t('health.level', { n: s.managementLevel }) : '—'),
    },
    {
      key: 'abnormal',
      header: t('health.abnormal'),
      render: (s) =>
        s.abnormal ? (
          <Badge color="red" variant="light">
            {t('health.abnormal')}
          </Badge>
        ) : (
          ''
        ),
    },
    {
      key: 'followups',
      header: t('health.followUps'),
      render: (s) => {
        const open = s.followups.filter((f) => !f.consultedOn).length;
        return open ? (
          <Badge color="orange">{t('health.pending')}</Badge>
        ) : s.followups.length ? (
          <Badge color="teal" variant="light">
            ✓
          </Badge>
        ) : (
          ''
        );
      },
    },
  ];
  return (
    <>
      <DataTable
        label={t('health.screenings')}
        endpoint="/api/ohs/health/screenings"
        schema={screeningPage}
        columns={columns}
        rowKey={(s) => s.id}
        defaultSort="screenedOn"
        defaultOrder="desc"
        filters={{ year, siteId: siteId ?? undefined, abnormal: abnormal ? 'true' : undefined }}
        filterBar={
          <Switch
            label={t('health.onlyAbnormal')}
            checked={abnormal}
            onChange={(e) => setAbnormal(e.currentTarget.checked)}
          />
        }
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t('health.record')}
          </Button>
        }
        renderExpanded={(s) => <FollowUps screening={s} />}
        emptyTitle={t('health.noScreenings')}
      />
      {adding && <ScreeningForm onClose={() => setAdding(false)} />}
    </>
  );
}
