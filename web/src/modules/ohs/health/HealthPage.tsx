import { Alert, Group, Select, Tabs } from '@mantine/core';
import { IconHeartbeat, IconLock, IconStethoscope, IconUsersGroup } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useOhsT } from '../i18n/index.ts';
import { HealthSummary } from './HealthSummary.tsx';
import { Screenings } from './Screenings.tsx';
import { Wellbeing } from './Wellbeing.tsx';

/** Health: counts for everyone (under five shown as "<5"), individual screenings for medical staff only, and wellbeing. */
export function HealthPage() {
  const t = useOhsT();
  const can = useCan();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { tab?: string };
  const medical = can('health.individual');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [siteId, setSiteId] = useState<string | null>(null);
  const tab = search.tab ?? 'summary';
  return (
    <>
      <PageHeader
        title={t('health.title')}
        crumbs={[
          { label: t('nav.section'), to: can('ohs.read') ? '/ohs' : undefined },
          { label: t('health.title') },
        ]}
        description={t('health.description')}
      />
      <Alert color="blue" icon={<IconLock size={16} />} mb="md">
        {t('health.privacyNote')}
      </Alert>
      <Group gap="sm" mb="md">
        <Select
          aria-label={t('common.year')}
          data={Array.from({ length: 6 }, (_, i) => String(thisYear - i))}
          value={String(year)}
          onChange={(v) => setYear(Number(v))}
          allowDeselect={false}
          w={110}
        />
        <SiteFilter value={siteId} onChange={setSiteId} w={220} />
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => void navigate({ to: '/ohs/health', search: { tab: v ?? undefined }, replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="summary" leftSection={<IconHeartbeat size={16} />}>
            {t('health.summary')}
          </Tabs.Tab>
          {medical && (
            <Tabs.Tab value="screenings" leftSection={<IconStethoscope size={16} />}>
              {t('health.screenings')}
            </Tabs.Tab>
          )}
          {can('ohs.read') && (
            <Tabs.Tab value="wellbeing" leftSection={<IconUsersGroup size={16} />}>
              {t('health.wellbeing')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="summary">
          <HealthSummary year={year} siteId={siteId} />
        </Tabs.Panel>
        {medical && (
          <Tabs.Panel value="screenings">
            <Screenings year={year} siteId={siteId} />
          </Tabs.Panel>
        )}
        {can('ohs.read') && (
          <Tabs.Panel value="wellbeing">
            <Wellbeing year={year} />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}
