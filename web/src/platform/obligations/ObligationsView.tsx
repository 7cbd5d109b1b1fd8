import {
  Button,
  Drawer,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconCalendarMonth, IconCheck, IconList, IconUserShare } from '@tabler/icons-react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  type ObligationView,
  obligationPage,
  obligationView,
} from '#shared/platform/obligations/contract.ts';
import { api } from '../api/client.ts';
import { useCan } from '../auth/session.ts';
import { webModules } from '../modules/manifest.ts';
import { SiteFilter } from '../people/SiteFilter.tsx';
import { DaysLeft } from '../services/Due.tsx';
import { useServicesT } from '../services/texts.ts';
import { type Column, DataTable } from '../ui/DataTable.tsx';
import { useFormat } from '../ui/labels.ts';
import { ObligationCalendar } from './ObligationCalendar.tsx';
import {
  DueMoment,
  ObligationDetail,
  StateBadge,
  stateColors,
  useMayAct,
  useObligationCommands,
} from './parts.tsx';
import { type ObligationsSearch, type StateFilter, stateFilters } from './search.ts';
import { useObligationKindName, useObligationsLabel, useObligationsT } from './texts.ts';

/** The platform's obligation kinds, then those of each module. */
const kinds = (): { kind: string; permission?: string }[] => [
  { kind: 'certification.renewal' },
  { kind: 'action.due' },
  { kind: 'meeting.minutes' },
  ...webModules().flatMap((m) => m.obligationKinds ?? []),
];

const summaryStates = ['overdue', 'due-soon', 'upcoming', 'done'] as const;

/** Counts by calendar state, each a one-row page of the same list (so they match its filters). */
function Summary({
  view,
  filters,
  selected,
  onSelect,
}: {
  view: 'mine' | 'scope';
  filters: Record<string, string | undefined>;
  selected: StateFilter;
  onSelect: (s: StateFilter) => void;
}) {
  const t = useObligationsT();
  const fmt = useFormat();
  const counts = useQueries({
    queries: summaryStates.map((calendarState) => {
      const params = { view, calendarState, ...filters, pageSize: 1, count: 'true' };
      return {
        queryKey: ['/api/obligations', 'count', params],
        queryFn: () => api.get('/api/obligations', obligationPage, params),
      };
    }),
  });
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
      {summaryStates.map((s, i) => {
        const active = selected === s;
        const n = counts[i].data?.total;
        return (
          <UnstyledButton
            key={s}
            onClick={() => onSelect(active ? 'open' : s)}
            aria-pressed={active}
            data-testid={`summary-${s}`}
          >
            <Paper
              withBorder
              radius="md"
              p="sm"
              style={{
                borderColor: active ? `var(--mantine-color-${stateColors[s]}-6)` : undefined,
                borderWidth: active ? 2 : undefined,
              }}
            >
              <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                {t(`summary.${s}`)}
              </Text>
              <Text fw={700} size="xl" c={n ? stateColors[s] : undefined}>
                {n === undefined ? '…' : fmt.number(n)}
              </Text>
            </Paper>
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}

/** The obligations of the user (view=mine) or of the sites in scope (view=scope): summary, list or month. */
export function ObligationsView({ view }: { view: 'mine' | 'scope' }) {
  const t = useObligationsT();
  const can = useCan();
  // A health record's review is for medical staff only: nobody else is offered it as a filter.
  // A kind restricted to a permission (a health record's review) is offered only to those who hold it.
  const shownKinds = kinds()
    .filter((k) => !k.permission || can(k.permission))
    .map((k) => k.kind);
  const ts = useServicesT();
  const label = useObligationsLabel();
  const kindName = useObligationKindName();
  const search = useSearch({ strict: false }) as ObligationsSearch;
  const navigate = useNavigate();
  const mayAct = useMayAct();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const commands = useObligationCommands();
  const show = search.show ?? 'list';
  const month = search.month ?? dayjs().format('YYYY-MM');

  const setSearch = (patch: Partial<ObligationsSearch>) =>
    void navigate({
      search: ((prev: ObligationsSearch) => ({ ...prev, ...patch })) as never,
      replace: true,
    } as never);

  const baseFilters = { siteId: search.siteId, kind: search.kind };
  const state: StateFilter = search.state ?? 'open';
  const filters = { view, calendarState: state === 'all' ? undefined : state, ...baseFilters };

  const selected = useQuery({
    queryKey: ['/api/obligations', selectedId],
    queryFn: () => api.get(`/api/obligations/${selectedId}`, obligationView),
    enabled: !!selectedId,
  });

  const columns: Column<ObligationView>[] = [
    {
      key: 'title',
      header: t('columns.title'),
      sortKey: 'title',
      wrap: true,
      render: (o) => (
        <Text size="sm" fw={500}>
          {o.title}
        </Text>
      ),
    },
    { key: 'kind', header: t('columns.kind'), render: (o) => kindName(o.kind) },
    {
      key: 'site',
      header: t('columns.site'),
      sortKey: 'site',
      render: (o) => o.siteCode ?? ts('common.group'),
    },
    {
      key: 'owner',
      header: t('columns.owner'),
      render: (o) =>
        o.delegateName ? (
          <Group gap={4} wrap="nowrap">
            <IconUserShare size={14} />
            <Text size="sm" span>
              {o.delegateName}
            </Text>
          </Group>
        ) : (
          (o.ownerName ?? '—')
        ),
    },
    { key: 'due', header: t('columns.due'), sortKey: 'dueDate', render: (o) => <DueMoment o={o} /> },
    {
      key: 'left',
      header: t('columns.left'),
      render: (o) => <DaysLeft days={o.daysLeft} finished={o.state !== 'open'} />,
    },
    {
      key: 'state',
      header: t('columns.state'),
      width: 120,
      render: (o) => <StateBadge state={o.calendarState} />,
    },
    {
      key: 'do',
      header: '',
      align: 'right',
      render: (o) =>
        mayAct(o) ? (
          <Group gap={4} justify="flex-end" wrap="nowrap" onClick={(e) => e.stopPropagation()}>
            <Button
              size="compact-xs"
              variant="light"
              color="teal"
              leftSection={<IconCheck size={14} />}
              onClick={() => commands.confirmComplete(o)}
            >
              {t('actions.complete')}
            </Button>
            <Button size="compact-xs" variant="subtle" onClick={() => commands.delegate(o)}>
              {t('actions.delegate')}
            </Button>
          </Group>
        ) : null,
    },
  ];

  const filterBar = (
    <>
      <Select
        aria-label={t('filters.state')}
        data={stateFilters.map((s) => ({ value: s, label: label('states', s) }))}
        value={state}
        onChange={(v) => setSearch({ state: !v || v === 'open' ? undefined : (v as StateFilter) })}
        allowDeselect={false}
        w={170}
      />
      <Select
        aria-label={t('filters.kind')}
        placeholder={t('filters.anyKind')}
        data={shownKinds.map((k) => ({ value: k, label: kindName(k) }))}
        value={search.kind ?? null}
        onChange={(v) => setSearch({ kind: v ?? undefined })}
        clearable
        w={200}
      />
      {view === 'scope' && (
        <SiteFilter
          value={search.siteId ?? null}
          onChange={(v) => setSearch({ siteId: v ?? undefined })}
          w={220}
        />
      )}
    </>
  );

  return (
    <Stack gap="md">
      <Summary
        view={view}
        filters={baseFilters}
        selected={state}
        onSelect={(s) => setSearch({ state: s === 'open' ? undefined : s })}
      />
      <Group justify="flex-end">
        <SegmentedControl
          aria-label={t('views.label')}
          value={show}
          onChange={(v) => setSearch({ show: v === 'calendar' ? 'calendar' : undefined })}
          data={[
            {
              value: 'list',
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconList size={16} />
                  {t('views.list')}
                </Group>
              ),
            },
            {
              value: 'calendar',
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconCalendarMonth size={16} />
                  {t('views.calendar')}
                </Group>
              ),
            },
          ]}
        />
      </Group>
      {show === 'list' ? (
        <DataTable
          label={view === 'mine' ? t('mine.title') : t('scope.title')}
          endpoint="/api/obligations"
          schema={obligationPage}
          columns={columns}
          rowKey={(o) => o.id}
          defaultSort="dueDate"
          view={{ view, calendarState: state === 'open' ? 'open' : undefined }}
          filters={{ calendarState: state === 'open' || state === 'all' ? undefined : state, ...baseFilters }}
          filterBar={filterBar}
          exportPath="/api/obligations/export.csv"
          exportXlsxPath="/api/obligations/export.xlsx"
          onRowClick={(o) => setSelectedId(o.id)}
          emptyTitle={view === 'mine' ? t('empty.mine') : t('empty.scope')}
          emptyHint={view === 'mine' ? t('empty.mineHint') : undefined}
        />
      ) : (
        <Stack gap="sm">
          <Group gap="sm">{filterBar}</Group>
          <ObligationCalendar
            month={month}
            onMonthChange={(m) => setSearch({ month: m })}
            filters={filters}
            onSelect={(o) => setSelectedId(o.id)}
          />
        </Stack>
      )}
      <Drawer
        opened={!!selectedId}
        onClose={() => setSelectedId(null)}
        position="right"
        size="md"
        title={t('detail.title')}
      >
        {selected.data && <ObligationDetail o={selected.data} commands={commands} />}
      </Drawer>
      {commands.modal}
    </Stack>
  );
}
