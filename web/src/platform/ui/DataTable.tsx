import {
  ActionIcon,
  Button,
  Center,
  EmptyState,
  Group,
  Menu,
  Paper,
  Progress,
  ScrollArea,
  Select,
  Skeleton,
  Stack,
  Table,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import {
  IconChevronDown,
  IconChevronRight,
  IconChevronUp,
  IconDownload,
  IconFileSpreadsheet,
  IconFileTypeCsv,
  IconInbox,
  IconSearch,
  IconSelector,
  IconX,
} from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, buildUrl, type QueryValue } from '../api/client.ts';
import { DataCards } from './DataCards.tsx';
import { ListPager, type PagedList, useListPaging } from './ListPager.tsx';
import { listParams } from './list-params.ts';
import { ProblemAlert } from './problem.tsx';

export type Column<T> = {
  key: string;
  header: ReactNode;
  /** The API's sort field; the header becomes a sort button. */
  sortKey?: string;
  render: (row: T) => ReactNode;
  width?: number | string;
  align?: 'left' | 'right' | 'center';
  /** Let long text wrap (cells stay on one line otherwise, and the table scrolls sideways on small screens). */
  wrap?: boolean;
};

export type Order = 'asc' | 'desc';

type PageSchema = z.ZodType<PagedList>;

type DataTableProps<S extends PageSchema> = {
  /** The list endpoint; it takes page, pageSize, sort, order, q and the filters. */
  endpoint: string;
  schema: S;
  columns: Column<z.infer<S>['items'][number]>[];
  rowKey: (row: z.infer<S>['items'][number]) => string;
  defaultSort: string;
  defaultOrder?: Order;
  /** Filter values owned by the page; a change goes back to page 1. */
  filters?: Record<string, QueryValue>;
  /**
   * Which list this is (mine, or my sites'): sent like filters, but an empty list under it is not called
   * "filtered": it says the hint, or that there is nothing yet.
   */
  view?: Record<string, QueryValue>;
  /** The filter inputs, shown next to the search box. */
  filterBar?: ReactNode;
  searchable?: boolean;
  searchPlaceholder?: string;
  /** An export endpoint taking the same filters (e.g. CSV); shows an Export button. */
  exportPath?: string;
  /** The same export as an Excel workbook (e.g. '/api/…/export.xlsx'); shows a second button. */
  exportXlsxPath?: string;
  /** Buttons at the right of the toolbar (Add, Import). */
  actions?: ReactNode;
  onRowClick?: (row: z.infer<S>['items'][number]) => void;
  /** Details under a row, opened with its chevron. */
  renderExpanded?: (row: z.infer<S>['items'][number]) => ReactNode;
  emptyTitle?: string;
  emptyHint?: string;
  pageSizes?: number[];
  /** Labels the table for screen readers and tests. */
  label: string;
};

/** A server-side table: paging, sorting by header, debounced search, filters, row count, empty state, export. */
export function DataTable<S extends PageSchema>(props: DataTableProps<S>) {
  const { t } = useTranslation();
  const pageSizes = props.pageSizes ?? [25, 50, 100];
  const [sort, setSort] = useState(props.defaultSort);
  const [order, setOrder] = useState<Order>(props.defaultOrder ?? 'asc');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  // On a phone the rows become cards: a table that scrolls sideways hides or cuts off its columns.
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const sortable = props.columns.filter((col) => col.sortKey);

  const filterKey = JSON.stringify(props.filters ?? {});
  const viewKey = JSON.stringify(props.view ?? {});
  const paging = useListPaging(JSON.stringify([filterKey, viewKey, q, sort, order]), pageSizes);

  const params = listParams({ ...paging.params, sort, order, q: q || undefined }, props.view, props.filters);
  const query = useQuery({
    queryKey: [props.endpoint, params],
    queryFn: ({ signal }) => api.get(props.endpoint, props.schema, params, signal),
    placeholderData: keepPreviousData,
  });

  const data = query.data;
  // The row count, when the list knows it (asked for, or the whole list fits the pages read).
  const total = data?.total;
  const items = (data?.items ?? []) as z.infer<S>['items'];
  const empty = !!data && items.length === 0;
  const colSpan = props.columns.length + (props.renderExpanded ? 1 : 0);

  function toggleSort(key: string) {
    if (sort === key) setOrder(order === 'asc' ? 'desc' : 'asc');
    else {
      setSort(key);
      setOrder('asc');
    }
  }

  function toggleExpanded(key: string) {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }

  const { page: _p, pageSize: _s, cursor: _c, count: _n, ...exportParams } = params;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap" style={{ flex: 1 }}>
          {props.searchable !== false && (
            <TextInput
              aria-label={t('table.search')}
              placeholder={props.searchPlaceholder ?? t('table.search')}
              leftSection={<IconSearch size={16} />}
              rightSection={
                search ? (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    onClick={() => setSearch('')}
                    aria-label={t('table.clearSearch')}
                  >
                    <IconX size={14} />
                  </ActionIcon>
                ) : null
              }
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={220}
            />
          )}
          {props.filterBar}
          {phone && sortable.length > 0 && (
            <Group gap={4} wrap="nowrap">
              <Select
                aria-label={t('table.sortLabel')}
                w={180}
                value={sort}
                allowDeselect={false}
                data={sortable.map((col) => ({
                  value: col.sortKey as string,
                  label: typeof col.header === 'string' ? col.header : col.key,
                }))}
                onChange={(v) => v && setSort(v)}
              />
              <ActionIcon
                variant="default"
                size="lg"
                onClick={() => setOrder(order === 'asc' ? 'desc' : 'asc')}
                aria-label={order === 'asc' ? t('table.ascending') : t('table.descending')}
              >
                {order === 'asc' ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />}
              </ActionIcon>
            </Group>
          )}
        </Group>
        <Group gap="sm">
          {props.exportPath && props.exportXlsxPath ? (
            // Both formats: one Export menu, so the toolbar stays on one line.
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button
                  variant="default"
                  leftSection={<IconDownload size={16} />}
                  rightSection={<IconChevronDown size={14} />}
                >
                  {t('table.export')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  component="a"
                  href={buildUrl(props.exportPath, exportParams)}
                  download
                  leftSection={<IconFileTypeCsv size={16} />}
                >
                  {t('table.exportCsv')}
                </Menu.Item>
                <Menu.Item
                  component="a"
                  href={buildUrl(props.exportXlsxPath, exportParams)}
                  download
                  leftSection={<IconFileSpreadsheet size={16} />}
                >
                  {t('table.exportXlsx')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : props.exportPath ? (
            <Button
              component="a"
              href={buildUrl(props.exportPath, exportParams)}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              {t('table.exportCsv')}
            </Button>
          ) : null}
          {props.actions}
        </Group>
      </Group>

      {query.error ? <ProblemAlert error={query.error} /> : null}

      <Paper withBorder radius="md" pos="relative" style={{ overflow: 'hidden' }}>
        {query.isFetching && data ? (
          <Progress
            value={100}
            animated
            size={2}
            radius={0}
            pos="absolute"
            top={0}
            left={0}
            right={0}
            style={{ zIndex: 2 }}
          />
        ) : null}
        {phone ? (
          <DataCards
            columns={props.columns}
            items={items}
            loading={!data && query.isLoading}
            rowKey={props.rowKey}
            onRowClick={props.onRowClick}
            renderExpanded={props.renderExpanded}
            expanded={expanded}
            toggleExpanded={toggleExpanded}
            label={props.label}
            total={total}
            busy={query.isFetching}
            dimmed={query.isPlaceholderData}
          />
        ) : (
          <ScrollArea type="auto">
            <Table
              striped
              highlightOnHover={!!props.onRowClick}
              verticalSpacing="xs"
              aria-label={props.label}
              aria-busy={query.isFetching}
              data-total={total}
              style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}
            >
              <Table.Thead>
                <Table.Tr>
                  {props.renderExpanded && <Table.Th w={36} />}
                  {props.columns.map((col) => {
                    const active = col.sortKey && sort === col.sortKey;
                    return (
                      <Table.Th
                        key={col.key}
                        w={col.width}
                        style={{ textAlign: col.align ?? 'left', whiteSpace: 'nowrap' }}
                        aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
                      >
                        {col.sortKey ? (
                          <UnstyledButton
                            onClick={() => toggleSort(col.sortKey as string)}
                            style={{
                              display: 'inline-flex',
                              alignItems: 'center',
                              gap: 4,
                              fontWeight: 'inherit',
                              fontSize: 'inherit',
                            }}
                            title={t('table.sortBy', {
                              column: typeof col.header === 'string' ? col.header : col.key,
                            })}
                          >
                            <span>{col.header}</span>
                            {active ? (
                              order === 'asc' ? (
                                <IconChevronUp size={14} />
                              ) : (
                                <IconChevronDown size={14} />
                              )
                            ) : (
                              <IconSelector size={14} opacity={0.45} />
                            )}
                          </UnstyledButton>
                        ) : (
                          col.header
                        )}
                      </Table.Th>
                    );
                  })}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {!data && query.isLoading
                  ? Array.from({ length: 5 }, (_, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows
                      <Table.Tr key={i}>
                        <Table.Td colSpan={colSpan}>
                          <Skeleton height={14} radius="sm" />
                        </Table.Td>
                      </Table.Tr>
                    ))
                  : items.map((row) => {
                      const key = props.rowKey(row);
                      const open = expanded.has(key);
                      return (
                        <Fragment key={key}>
                          <Table.Tr
                            onClick={props.onRowClick ? () => props.onRowClick?.(row) : undefined}
                            onKeyDown={
                              props.onRowClick
                                ? (e) => {
                                    if (e.key === 'Enter') props.onRowClick?.(row);
                                  }
                                : undefined
                            }
                            tabIndex={props.onRowClick ? 0 : undefined}
                            style={props.onRowClick ? { cursor: 'pointer' } : undefined}
                          >
                            {props.renderExpanded && (
                              <Table.Td>
                                <ActionIcon
                                  variant="subtle"
                                  color="gray"
                                  size="sm"
                                  onClick={(e) => {
                                    e.stopPropagation();
                                    toggleExpanded(key);
                                  }}
                                  aria-expanded={open}
                                  aria-label={open ? t('table.collapse') : t('table.expand')}
                                >
                                  {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                                </ActionIcon>
                              </Table.Td>
                            )}
                            {props.columns.map((col) => (
                              <Table.Td
                                key={col.key}
                                style={{
                                  textAlign: col.align ?? 'left',
                                  whiteSpace: col.wrap ? undefined : 'nowrap',
                                }}
                              >
                                {col.render(row)}
                              </Table.Td>
                            ))}
                          </Table.Tr>
                          {open && props.renderExpanded && (
                            <Table.Tr>
                              <Table.Td
                                colSpan={colSpan}
                                style={{ background: 'var(--mantine-color-default-hover)' }}
                              >
                                {props.renderExpanded(row)}
                              </Table.Td>
                            </Table.Tr>
                          )}
                        </Fragment>
                      );
                    })}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
        {empty && (
          <Center py="xl" data-empty-list>
            <EmptyState
              icon={<IconInbox size={28} />}
              withIndicatorBackground
              title={props.emptyTitle ?? t('table.emptyTitle')}
              description={
                q || filterKey !== '{}' ? t('table.emptyFiltered') : (props.emptyHint ?? t('table.emptyHint'))
              }
            />
          </Center>
        )}
      </Paper>

      <ListPager data={data} paging={paging} pageSizes={pageSizes} />
    </Stack>
  );
}
