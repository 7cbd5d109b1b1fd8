import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Popover,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type ObligationView, obligationPage } from '#shared/platform/obligations/contract.ts';
import { api, type QueryValue } from '../api/client.ts';
import { stateColors } from './parts.tsx';
import { useObligationsT } from './texts.ts';

const MAX_PER_MONTH = 500;
const SHOWN_PER_DAY = 3;

/** Monday-first weeks covering a month: 5 or 6 rows of 7 days. */
function monthGrid(month: dayjs.Dayjs): dayjs.Dayjs[] {
  const first = month.startOf('month');
  const start = first.subtract((first.day() + 6) % 7, 'day');
  const last = month.endOf('month');
  const days: dayjs.Dayjs[] = [];
  for (
    let d = start;
    d.isBefore(last) || d.isSame(last, 'day') || days.length % 7 !== 0;
    d = d.add(1, 'day')
  ) {
    days.push(d);
  }
  return days;
}

function Chip({ o, onSelect }: { o: ObligationView; onSelect: (o: ObligationView) => void }) {
  return (
    <UnstyledButton
      onClick={() => onSelect(o)}
      title={o.title}
      data-state={o.calendarState}
      style={{
        display: 'block',
        width: '100%',
        borderRadius: 4,
        padding: '1px 6px',
        fontSize: 12,
        lineHeight: '18px',
        whiteSpace: 'nowrap',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        borderLeft: `3px solid var(--mantine-color-${stateColors[o.calendarState]}-6)`,
        background: `var(--mantine-color-${stateColors[o.calendarState]}-light)`,
      }}
    >
      {o.siteCode ? `${o.siteCode} · ` : ''}
      {o.title}
    </UnstyledButton>
  );
}

/** A month of obligations by due day; a chip opens the obligation. */
export function ObligationCalendar({
  month,
  onMonthChange,
  filters,
  onSelect,
}: {
  /** 'YYYY-MM' */
  month: string;
  onMonthChange: (month: string) => void;
  filters: Record<string, QueryValue>;
  onSelect: (o: ObligationView) => void;
}) {
  const t = useObligationsT();
  const { i18n } = useTranslation();
  const current = dayjs(`${month}-01`);
  const days = monthGrid(current);
  const from = days[0].format('YYYY-MM-DD');
  const to = days[days.length - 1].format('YYYY-MM-DD');
  const params = { ...filters, from, to, page: 1, pageSize: MAX_PER_MONTH, sort: 'dueDate', order: 'asc' };
  const query = useQuery({
    queryKey: ['/api/obligations', 'calendar', params],
    queryFn: ({ signal }) => api.get('/api/obligations', obligationPage, params, signal),
    placeholderData: keepPreviousData,
  });
  const byDay = new Map<string, ObligationView[]>();
  for (const o of query.data?.items ?? []) {
    const list = byDay.get(o.dueDate) ?? [];
    list.push(o);
    byDay.set(o.dueDate, list);
  }
  const monthName = new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'long' }).format(
    current.toDate(),
  );
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short' });
  const today = dayjs().format('YYYY-MM-DD');
  const dayLabel = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full' });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs">
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => onMonthChange(current.subtract(1, 'month').format('YYYY-MM'))}
            aria-label={t('calendar.previous')}
          >
            <IconChevronLeft size={18} />
          </ActionIcon>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => onMonthChange(current.add(1, 'month').format('YYYY-MM'))}
            aria-label={t('calendar.next')}
          >
            <IconChevronRight size={18} />
          </ActionIcon>
          <Text fw={700} size="lg" ml="xs" aria-live="polite">
            {monthName}
          </Text>
        </Group>
        <Button variant="subtle" onClick={() => onMonthChange(dayjs().format('YYYY-MM'))}>
          {t('calendar.today')}
        </Button>
      </Group>
      {!!query.data?.nextCursor && (
        <Alert color="yellow">{t('calendar.truncated', { count: MAX_PER_MONTH })}</Alert>
      )}
      <Paper
        withBorder
        radius="md"
        style={{ overflow: 'hidden', opacity: query.isPlaceholderData ? 0.6 : 1 }}
        role="region"
        aria-label={t('calendar.label', { month: monthName })}
        aria-busy={query.isFetching}
        data-testid="obligation-calendar"
      >
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))' }}>
          {days.slice(0, 7).map((d) => (
            <Text
              key={d.format('d')}
              size="xs"
              fw={700}
              c="dimmed"
              ta="center"
              py={6}
              style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
            >
              {weekday.format(d.toDate())}
            </Text>
          ))}
        </div>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))' }}>
          {days.map((d, i) => {
            const key = d.format('YYYY-MM-DD');
            const items = byDay.get(key) ?? [];
            const inMonth = d.month() === current.month();
            const more = items.length - SHOWN_PER_DAY;
            return (
              <div
                key={key}
                data-day={key}
                style={{
                  minHeight: 104,
                  padding: 4,
                  borderTop: i >= 7 ? '1px solid var(--mantine-color-default-border)' : undefined,
                  borderLeft: i % 7 ? '1px solid var(--mantine-color-default-border)' : undefined,
                  background: inMonth ? undefined : 'var(--mantine-color-default-hover)',
                }}
              >
                <Group justify="space-between" gap={2} mb={2}>
                  {key === today ? (
                    <Badge size="sm" circle variant="filled">
                      {d.date()}
                    </Badge>
                  ) : (
                    <Text size="xs" c={inMonth ? undefined : 'dimmed'} fw={500} px={4}>
                      {d.date()}
                    </Text>
                  )}
                </Group>
                <Stack gap={2}>
                  {items.slice(0, SHOWN_PER_DAY).map((o) => (
                    <Chip key={o.id} o={o} onSelect={onSelect} />
                  ))}
                  {more > 0 && (
                    <Popover width={300} position="bottom" withArrow shadow="md">
                      <Popover.Target>
                        <UnstyledButton style={{ fontSize: 12, paddingLeft: 6 }} c="dimmed">
                          {t('calendar.more', { count: more })}
                        </UnstyledButton>
                      </Popover.Target>
                      <Popover.Dropdown>
                        <Text size="sm" fw={600} mb={6}>
                          {t('calendar.dayTitle', { date: dayLabel.format(d.toDate()) })}
                        </Text>
                        <Stack gap={4}>
                          {items.map((o) => (
                            <Chip key={o.id} o={o} onSelect={onSelect} />
                          ))}
                        </Stack>
                      </Popover.Dropdown>
                    </Popover>
                  )}
                </Stack>
              </div>
            );
          })}
        </div>
      </Paper>
    </Stack>
  );
}
