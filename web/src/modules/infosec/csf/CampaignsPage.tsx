import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Progress,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { z } from 'zod';
import { campaignList } from '#shared/modules/infosec/csf/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useInfosecT } from '../i18n/index.ts';
import { csfKeys, invalidateCsf } from './api.ts';
import { ScopeTable, scopeOf } from './ScopeTable.tsx';

type Basis = '1.1' | '2.0';

/** The program owner opens a year's campaign: the sites and domains to assess. */
function CampaignForm({ onClose }: { onClose: () => void }) {
  const t = useInfosecT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number | string>(thisYear);
  const [name, setName] = useState(`NIST CSF ${thisYear}`);
  const [basis, setBasis] = useState<Basis>('2.0');
  const [dueOn, setDueOn] = useState('');
  const [scope, setScope] = useState<Set<string>>(new Set());
  const save = useMutation({
    mutationFn: () =>
      api.post(
        '/api/infosec/csf/campaigns',
        {
          year: Number(year),
          name: name.trim(),
          basis,
          dueOn: dueOn || null,
          scope: scopeOf(scope),
        },
        z.object({ id: z.string() }),
      ),
    onSuccess: ({ id }) => {
      notifications.show({ message: t('csf.campaignOpened'), color: 'teal' });
      void invalidateCsf(queryClient);
      onClose();
      void navigate({ to: '/infosec/csf/campaigns/$campaignId', params: { campaignId: id } });
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('csf.openCampaign')}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      busy={save.isPending}
      error={save.error}
      submitLabel={t('csf.openCampaign')}
    >
      <Group grow align="flex-start">
        <NumberInput
          label={t('csf.year')}
          value={year}
          onChange={setYear}
          min={2000}
          max={2200}
          data-autofocus
        />
        <TextInput
          type="date"
          label={t('csf.dueOn')}
          value={dueOn}
          onChange={(e) => setDueOn(e.currentTarget.value)}
        />
      </Group>
      <TextInput
        label={t('csf.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('csf.basis')}
        </Text>
        <SegmentedControl
          aria-label={t('csf.basis')}
          data={[
            { value: '2.0', label: t('csf.basisN', { basis: '2.0' }) },
            { value: '1.1', label: t('csf.basisN', { basis: '1.1' }) },
          ]}
          value={basis}
          onChange={(v) => setBasis(v as Basis)}
        />
      </Stack>
      <ScopeTable chosen={scope} onChange={setScope} />
    </FormModal>
  );
}

/** The yearly campaigns, newest first, with how many of their assessments are approved. */
export function CsfCampaignsPage() {
  const t = useInfosecT();
  const _can = useCan();
  const navigate = useNavigate();
  const [opening, setOpening] = useState(false);
  const query = useQuery({
    queryKey: [csfKeys.campaigns],
    queryFn: () => api.get('/api/infosec/csf/campaigns', campaignList),
  });
  const items = query.data?.items ?? [];
  return (
    <Stack gap="md">
      <PageHeader
        title={t('csf.campaigns')}
        crumbs={[
          { label: t('nav.section') },
          { label: t('nav.csf'), to: '/infosec/csf' },
          { label: t('csf.campaigns') },
        ]}
        description={t('csf.campaignsDescription')}
        actions={
          query.data?.mayOpen ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setOpening(true)}>
              {t('csf.openCampaign')}
            </Button>
          ) : null
        }
      />
      {query.error && <ProblemAlert error={query.error} />}
      <Paper withBorder radius="md">
        {!query.data ? (
          <Skeleton h={240} />
        ) : items.length === 0 ? (
          <Text p="md" c="dimmed" data-empty-list>
            {t('csf.noCampaigns')}
          </Text>
        ) : (
          <Table highlightOnHover fz="sm" aria-label={t('csf.campaigns')} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('csf.year')}</Table.Th>
                <Table.Th>{t('csf.name')}</Table.Th>
                <Table.Th>{t('csf.basis')}</Table.Th>
                <Table.Th>{t('csf.dueOn')}</Table.Th>
                <Table.Th>{t('csf.status')}</Table.Th>
                <Table.Th>{t('csf.progress')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr
                  key={c.id}
                  style={{ cursor: 'pointer' }}
                  tabIndex={0}
                  onClick={() =>
                    void navigate({ to: '/infosec/csf/campaigns/$campaignId', params: { campaignId: c.id } })
                  }
                  onKeyDown={(e) => {
                    if (e.key === 'Enter')
                      void navigate({
                        to: '/infosec/csf/campaigns/$campaignId',
                        params: { campaignId: c.id },
                      });
                  }}
                >
                  <Table.Td fw={600}>{c.year}</Table.Td>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{t('csf.basisN', { basis: c.basis })}</Table.Td>
                  <Table.Td>{c.dueOn ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={c.status === 'open' ? 'blue' : 'gray'}>
                      {t(`csf.campaignStatuses.${c.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={8} wrap="nowrap">
                      <Progress
                        value={c.assessments ? (c.approved / c.assessments) * 100 : 0}
                        w={120}
                        color="teal"
                        aria-hidden
                      />
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {t('csf.progressOf', { approved: c.approved, total: c.assessments })}
                      </Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {opening && <CampaignForm onClose={() => setOpening(false)} />}
    </Stack>
  );
}
