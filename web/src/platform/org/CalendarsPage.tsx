import { ActionIcon, Alert, Badge, Button, Group, Select, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CalendarDayView,
  calendarCoverage,
  calendarDayKinds,
  calendarDayPage,
} from '#shared/platform/workdays/contract.ts';
import { api } from '../api/client.ts';
import { useCan } from '../auth/session.ts';
import { SiteFilter } from '../people/SiteFilter.tsx';
import { useWrite } from '../services/mutation.ts';
import { ClampedText } from '../ui/ClampedText.tsx';
import { type Column, DataTable } from '../ui/DataTable.tsx';
import { useCountryName } from '../ui/labels.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { CalendarDayForm } from './CalendarDayForm.tsx';

export const CALENDAR_DAYS = '/api/org/calendar-days';
const COVERAGE = '/api/org/calendar-days/coverage';

const kindColour: Record<CalendarDayView['kind'], string> = {
  public_holiday: 'red',
  day_off: 'orange',
  closure: 'grape',
  working_day: 'teal',
};

/** The sites' working calendars: countries' public holidays and days off, sites' own days; kept by the group admin. */
export function CalendarsPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const countryName = useCountryName();
  const thisYear = new Date().getFullYear();
  const [country, setCountry] = useState<string | null>(null);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [year, setYear] = useState<string | null>(String(thisYear));
  const [adding, setAdding] = useState(false);
  const manage = can('org.manage');
  const coverage = useQuery({ queryKey: [COVERAGE], queryFn: () => api.get(COVERAGE, calendarCoverage) });
  const countries = coverage.data?.items ?? [];
  const shownYear = Number(year ?? thisYear);
  const missing = countries.filter((c) => !c.years.includes(shownYear)).map((c) => c.country);
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' });

  const remove = useWrite(
    (d: CalendarDayView) => api.delete(`${CALENDAR_DAYS}/${d.id}`, { version: d.version }),
    { invalidate: [CALENDAR_DAYS, COVERAGE], success: t('calendars.removed'), notifyErrors: true },
  );
  const confirmRemove = (d: CalendarDayView) =>
    modals.openConfirmModal({
      title: t('calendars.removeTitle'),
      children: <Text size="sm">{t('calendars.removeConfirm', { day: d.day, name: d.name })}</Text>,
      labels: { confirm: t('calendars.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(d),
    });

  const columns: Column<CalendarDayView>[] = [
    {
      key: 'day',
      header: t('calendars.day'),
      sortKey: 'day',
      render: (d) => `${d.day} (${weekday.format(new Date(`${d.day}T00:00:00Z`))})`,
    },
    {
      key: 'where',
      header: t('calendars.where'),
      render: (d) => (d.siteCode ? <span translate="no">{d.siteCode}</span> : countryName(d.country ?? '')),
    },
    {
      key: 'kind',
      header: t('calendars.kind'),
      render: (d) => (
        <Badge size="sm" variant="light" color={kindColour[d.kind]}>
          {t(`calendars.kinds.${d.kind}`)}
        </Badge>
      ),
    },
    { key: 'name', header: t('calendars.name'), render: (d) => d.name, wrap: true },
    {
      key: 'source',
      header: t('calendars.source'),
      render: (d) => <ClampedText size="xs" c="dimmed" lines={1} maw={280} text={d.source ?? '—'} />,
    },
    ...(manage
      ? [
          {
            key: 'remove',
            header: '',
            align: 'right' as const,
            render: (d: CalendarDayView) => (
              <Tooltip label={t('calendars.remove')}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`${t('calendars.remove')} ${d.day}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    confirmRemove(d);
                  }}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('calendars.title')}
        crumbs={[{ label: t('nav.organisation'), to: '/org' }, { label: t('calendars.title') }]}
        description={t('calendars.description')}
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('calendars.add')}
            </Button>
          ) : null
        }
      />
      {countries.length > 0 && (
        <Group gap="xs" mb="sm" aria-label={t('calendars.coverage')}>
          <Text size="sm" fw={600}>
            {t('calendars.coverage')}
          </Text>
          {countries.map((c) => (
            <Badge key={c.country} variant="outline" color={c.years.length ? 'blue' : 'gray'}>
              {c.years.length
                ? t('calendars.coverageYears', { country: countryName(c.country), years: c.years.join(', ') })
                : t('calendars.coverageNone', { country: countryName(c.country) })}
            </Badge>
          ))}
        </Group>
      )}
      {missing.length > 0 && (
        <Alert color="yellow" variant="light" mb="sm">
          {t('calendars.coverageMissing', {
            year: shownYear,
            countries: missing.map(countryName).join(', '),
          })}
        </Alert>
      )}
      <DataTable
        label={t('calendars.title')}
        endpoint={CALENDAR_DAYS}
        schema={calendarDayPage}
        columns={columns}
        rowKey={(d) => d.id}
        defaultSort="day"
        searchPlaceholder={t('calendars.search')}
        filters={{ country: country ?? undefined, siteId: siteId ?? undefined, year: year ?? undefined }}
        filterBar={
          <>
            <Select
              aria-label={t('calendars.year')}
              data={[thisYear - 1, thisYear, thisYear + 1].map(String)}
              value={year}
              onChange={setYear}
              clearable
              w={110}
            />
            <Select
              aria-label={t('calendars.country')}
              placeholder={t('calendars.allCountries')}
              data={countries.map((c) => ({ value: c.country, label: countryName(c.country) }))}
              value={country}
              onChange={setCountry}
              clearable
              w={180}
            />
            <SiteFilter value={siteId} onChange={setSiteId} w={220} />
          </>
        }
        exportPath={`${CALENDAR_DAYS}/export.csv`}
        exportXlsxPath={`${CALENDAR_DAYS}/export.xlsx`}
        emptyTitle={t('calendars.emptyTitle')}
        emptyHint={t('calendars.emptyHint')}
      />
      {adding && (
        <CalendarDayForm
          countries={countries.map((c) => c.country)}
          kinds={calendarDayKinds}
          onClose={() => setAdding(false)}
          invalidate={[CALENDAR_DAYS, COVERAGE]}
        />
      )}
    </>
  );
}
