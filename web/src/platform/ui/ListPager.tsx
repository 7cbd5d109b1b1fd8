import { ActionIcon, Button, Group, Pagination, Select, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconChevronsLeft } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from './labels.ts';

/** A list page as every list endpoint answers it (`pageOf` in shared/platform/http/list.ts). */
export type PagedList = {
  items: unknown[];
  total?: number;
  totalCapped?: boolean;
  page: number;
  pageSize: number;
  nextCursor?: string | null;
  prevCursor?: string | null;
};

type At = { index: number; cursor?: string };

/** The row count of a list asked for with `count: 'true'`; a list that was not counted is a mistake, not a zero. */
export function countedTotal(page: { total?: number }): number {
  if (page.total === undefined) throw new Error('The list was read without its count');
  return page.total;
}

/**
 * Where a list is: the page asked for (by the cursor of its neighbour, so page 40 costs what page 1 costs),
 * its size, and whether the reader asked for the whole count. A new search, filter or sort starts again at the
 * first page, uncounted: counting a large list costs the database a scan, so it runs only when asked.
 */
export function useListPaging(resetKey: string, pageSizes: number[]) {
  const [pageSize, setPageSize] = useState(pageSizes[0]);
  const [at, setAt] = useState<At>({ index: 0 });
  const [counted, setCounted] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new view, filter, search or sort starts at page 1
  useEffect(() => {
    setAt({ index: 0 });
    setCounted(false);
  }, [resetKey]);
  return {
    at,
    goTo: setAt,
    pageSize,
    setPageSize: (n: number) => {
      setPageSize(n);
      setAt({ index: 0 });
    },
    counted,
    count: () => setCounted(true),
    /** The paging part of the list request. */
    params: {
      page: at.index + 1,
      pageSize,
      cursor: at.cursor,
      count: counted ? 'true' : undefined,
    },
  };
}

export type ListPaging = ReturnType<typeof useListPaging>;

/** The row count (exact when known, with a link to count it otherwise), the page size and the way between pages. */
export function ListPager(props: { data: PagedList | undefined; paging: ListPaging; pageSizes: number[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data, paging } = props;
  const shown = data?.items.length ?? 0;
  const from = paging.at.index * paging.pageSize + 1;
  const to = from + shown - 1;
  const byCursor = data?.nextCursor !== undefined;

  let rowCount: React.ReactNode = '\u00a0';
  if (data && shown === 0 && paging.at.index === 0) rowCount = t('table.noRows');
  else if (data && data.total !== undefined)
    rowCount = t(data.totalCapped ? 'table.rowCountMore' : 'table.rowCount', {
      from: fmt.number(from),
      to: fmt.number(to),
      total: fmt.number(data.total),
    });
  else if (data)
    rowCount = (
      <>
        {t('table.rowRange', { from: fmt.number(from), to: fmt.number(to) })}{' '}
        <Button variant="subtle" size="compact-xs" onClick={paging.count} disabled={paging.counted}>
          {t('table.countRows')}
        </Button>
      </>
    );

  const pages = data?.total !== undefined ? Math.max(1, Math.ceil(data.total / paging.pageSize)) : 1;
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed" data-testid="row-count" component="div">
        {rowCount}
      </Text>
      <Group gap="sm">
        <Select
          aria-label={t('table.pageSize')}
          data={props.pageSizes.map((n) => ({ value: String(n), label: t('table.perPage', { count: n }) }))}
          value={String(paging.pageSize)}
          onChange={(v) => paging.setPageSize(Number(v ?? props.pageSizes[0]))}
          allowDeselect={false}
          w={130}
          size="xs"
        />
        {byCursor && data && (data.prevCursor || data.nextCursor) && (
          <Group gap={4} aria-label={t('table.pages')} role="navigation">
            <ActionIcon
              variant="default"
              aria-label={t('table.firstPage')}
              disabled={paging.at.index === 0}
              onClick={() => paging.goTo({ index: 0 })}
            >
              <IconChevronsLeft size={16} />
            </ActionIcon>
            <ActionIcon
              variant="default"
              aria-label={t('table.previousPage')}
              disabled={!data.prevCursor}
              onClick={() =>
                paging.goTo(
                  paging.at.index <= 1
                    ? { index: 0 }
                    : { index: paging.at.index - 1, cursor: data.prevCursor ?? undefined },
                )
              }
            >
              <IconChevronLeft size={16} />
            </ActionIcon>
            <Text size="sm" px={4} data-testid="page-number">
              {t('table.pageNumber', { page: fmt.number(paging.at.index + 1) })}
            </Text>
            <ActionIcon
              variant="default"
              aria-label={t('table.nextPage')}
              disabled={!data.nextCursor}
              onClick={() =>
                paging.goTo({ index: paging.at.index + 1, cursor: data.nextCursor ?? undefined })
              }
            >
              <IconChevronRight size={16} />
            </ActionIcon>
          </Group>
        )}
        {!byCursor && pages > 1 && (
          <Pagination
            total={pages}
            value={paging.at.index + 1}
            onChange={(p) => paging.goTo({ index: p - 1 })}
            size="sm"
            siblings={1}
          />
        )}
      </Group>
    </Group>
  );
}
