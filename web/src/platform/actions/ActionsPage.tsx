import { Button, Group, SegmentedControl, Select, Switch, Text } from '@mantine/core';
import { IconPaperclip, IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { type ActionView, actionPage } from '#shared/platform/actions/contract.ts';
import { actionStatuses } from '#shared/platform/actions/rules/status.ts';
import { useCan } from '../auth/session.ts';
import { SiteFilter } from '../people/SiteFilter.tsx';
import { useServicesT } from '../services/texts.ts';
import { type Column, DataTable } from '../ui/DataTable.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ActionFormModal, ActionStatusBadge, useProgramOptions } from './parts.tsx';
import type { ActionsSearch, Status } from './search.ts';
import { useActionsLabel, useActionsT } from './texts.ts';

/** The action tracker: mine, or of the sites in my scope; filters; open a new one. */
export function ActionsPage() {
  const t = useActionsT();
  const ts = useServicesT();
  const label = useActionsLabel();
  const can = useCan();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as ActionsSearch;
  const programOptions = useProgramOptions();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [program, setProgram] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const reader = can('actions.read');
  // People who may be given actions open on theirs; a reader who is never given one (an auditor) on the sites'.
  const view = !reader ? 'mine' : (search.view ?? (can('actions.manage') ? 'mine' : 'scope'));
  const setSearch = (patch: Partial<ActionsSearch>) =>
    void navigate({
      search: ((prev: ActionsSearch) => ({ ...prev, ...patch })) as never,
      replace: true,
    } as never);
  const open = (a: ActionView) => void navigate({ to: '/actions/$actionId', params: { actionId: a.id } });

  const columns: Column<ActionView>[] = [
    {
      key: 'title',
      header: t('columns.title'),
      sortKey: 'title',
      wrap: true,
      render: (a) => (
        <Text size="sm" fw={500}>
          {a.title}
        </Text>
      ),
    },
    { key: 'kind', header: t('columns.kind'), render: (a) => label('kinds', a.kind) },
    {
      key: 'site',
      header: t('columns.site'),
      sortKey: 'site',
      render: (a) => a.siteCode ?? ts('common.group'),
    },
    { key: 'owner', header: t('columns.owner'), render: (a) => a.ownerName ?? '—' },
    { key: 'due', header: t('columns.due'), sortKey: 'dueDate', render: (a) => a.dueDate },
    {
      key: 'status',
      header: t('columns.status'),
      sortKey: 'status',
      render: (a) => <ActionStatusBadge a={a} />,
    },
    {
      key: 'evidence',
      header: t('columns.evidence'),
      align: 'right',
      render: (a) =>
        a.evidenceCount ? (
          <Group gap={2} justify="flex-end" wrap="nowrap">
            <IconPaperclip size={14} />
            <Text size="sm" span>
              {a.evidenceCount}
            </Text>
          </Group>
        ) : (
          ''
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          can('actions.manage') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('add')}
            </Button>
          ) : null
        }
      />
      {reader && (
        <SegmentedControl
          mb="md"
          aria-label={t('views.label')}
          value={view}
          onChange={(v) => setSearch({ view: v === 'scope' ? 'scope' : 'mine' })}
          data={[
            { value: 'mine', label: t('views.mine') },
            { value: 'scope', label: t('views.scope') },
          ]}
        />
      )}
      <DataTable
        label={t('title')}
        endpoint="/api/actions"
        schema={actionPage}
        columns={columns}
        rowKey={(a) => a.id}
        defaultSort="dueDate"
        view={{ mine: view === 'mine' ? 'true' : undefined }}
        filters={{
          status: search.status,
          overdue: search.overdue ? 'true' : undefined,
          siteId: view === 'scope' ? (siteId ?? undefined) : undefined,
          program: program ?? undefined,
        }}
        filterBar={
          <>
            <Select
              aria-label={t('filters.status')}
              placeholder={ts('common.anyStatus')}
              data={actionStatuses.map((s) => ({ value: s, label: label('statuses', s) }))}
              value={search.status ?? null}
              onChange={(v) => setSearch({ status: (v ?? undefined) as Status | undefined })}
              clearable
              w={180}
            />
            {view === 'scope' && <SiteFilter value={siteId} onChange={setSiteId} w={200} />}
            <Select
              aria-label={t('filters.program')}
              placeholder={ts('common.anyProgram')}
              data={programOptions}
              value={program}
              onChange={setProgram}
              clearable
              w={200}
            />
            <Switch
              label={t('filters.overdue')}
              checked={!!search.overdue}
              onChange={(e) => setSearch({ overdue: e.currentTarget.checked || undefined })}
              mb={8}
            />
          </>
        }
        exportPath="/api/actions/export.csv"
        exportXlsxPath="/api/actions/export.xlsx"
        onRowClick={open}
        emptyTitle={view === 'mine' ? t('empty.mine') : t('empty.scope')}
        emptyHint={t('empty.hint')}
      />
      {adding && <ActionFormModal action={null} onClose={() => setAdding(false)} onSaved={open} />}
    </>
  );
}
