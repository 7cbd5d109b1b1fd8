import { Badge, Button, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { importPage } from '#shared/platform/imports/contract.ts';
import { api } from '../api/client.ts';
import { useFormat } from '../ui/labels.ts';
import { useImportsLabel, useImportsT } from './texts.ts';

/** The query key of the user's imports. */
export const importsKey = '/api/imports';

/** The user's latest imports of a kind, each one to be opened again (a run that takes long goes on on the server). */
export function RecentImports({ kind, onOpen }: { kind: string; onOpen: (id: string) => void }) {
  const t = useImportsT();
  const label = useImportsLabel();
  const fmt = useFormat();
  const recent = useQuery({
    queryKey: [importsKey, 'recent', kind],
    queryFn: () => api.get('/api/imports', importPage, { kind, pageSize: 5 }),
  });
  const items = recent.data?.items ?? [];
  if (!items.length) return null;
  const colour: Record<string, string> = { done: 'teal', invalid: 'red', failed: 'red', valid: 'blue' };
  return (
    <Stack gap="xs">
      <Title order={4}>{t('recent.title')}</Title>
      <Table verticalSpacing={6} aria-label={t('recent.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('recent.file')}</Table.Th>
            <Table.Th>{t('recent.status')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('recent.rows')}</Table.Th>
            <Table.Th>{t('recent.when')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((j) => (
            <Table.Tr key={j.id}>
              <Table.Td>{j.filename}</Table.Td>
              <Table.Td>
                <Badge miw="max-content" variant="light" color={colour[j.status] ?? 'gray'}>
                  {label('statuses', j.status)}
                </Badge>
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                {j.rowsTotal === null ? '—' : fmt.number(j.rowsTotal)}
              </Table.Td>
              <Table.Td>{fmt.dateTime(j.createdAt)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                <Button size="compact-xs" variant="subtle" onClick={() => onOpen(j.id)}>
                  {t('recent.resume')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
