import {
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconEdit } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import { licenceDetail, royaltyReportInput } from '#shared/modules/ip/licences/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { AttachmentsPanel } from '../../../platform/documents/AttachmentsPanel.tsx';
import { applyServerErrors, contractValidator } from '../../../platform/ui/forms.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { QueryContent } from '../../../platform/ui/QueryCard.tsx';
import { ipKeys } from '../api.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { Fact } from '../portfolio/FamilyPage.tsx';
import { LicenceForm } from './LicenceForm.tsx';

type Licence = z.infer<typeof licenceDetail>;

/** One licence: its parties, coverage, term and royalties, the reports recorded and the next one due. */
export function LicencePage() {
  const t = useIpT();
  const label = useIpLabel();
  const can = useCan();
  const navigate = useNavigate();
  const { licenceId } = useParams({ strict: false }) as { licenceId: string };
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: [ipKeys.licences, licenceId],
    queryFn: () => api.get(`/api/ip/licences/${licenceId}`, licenceDetail),
  });
  const manage = can('ip.manage');
  return (
    <QueryContent query={query}>
      {(l) => (
        <>
          <PageHeader
            title={`${l.reference} · ${l.counterparty}`}
            crumbs={[
              { label: t('nav.section') },
              { label: t('licences.title'), to: '/ip/licences' },
              { label: l.reference },
            ]}
            description={l.subject}
            actions={
              manage ? (
                <Button
                  variant="default"
                  leftSection={<IconEdit size={16} />}
                  onClick={() => setEditing(true)}
                >
                  {t('licences.edit')}
                </Button>
              ) : null
            }
          />
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                <Fact name={t('licences.direction')} value={label('licenceDirections', l.direction)} />
                <Fact name={t('licences.ourParty')} value={`${l.subsidiaryName ?? ''} (${l.siteCode})`} />
                <Fact name={t('licences.counterparty')} value={l.counterparty} />
                <Fact name={t('licences.exclusivity')} value={label('exclusivities', l.exclusivity)} />
                <Fact name={t('licences.territory')} value={l.territory.join(' ') || '—'} />
                <Fact name={t('licences.fieldOfUse')} value={l.fieldOfUse ?? '—'} />
                <Fact name={t('licences.term')} value={`${l.startsOn} – ${l.endsOn ?? ''}`} />
                <Fact
                  name={t('licences.royalty')}
                  value={
                    l.royaltyBasis === 'rate'
                      ? `${l.royaltyRate}% (${l.currency})`
                      : l.royaltyBasis === 'fixed'
                        ? `${l.currency} ${Number(l.royaltyAmount).toLocaleString()}`
                        : label('royaltyBases', 'none')
                  }
                />
                {l.reportingPeriod && (
                  <Fact
                    name={t('licences.reportingPeriod')}
                    value={`${label('reportingPeriods', l.reportingPeriod)} · ${l.reportDueDays}`}
                  />
                )}
                <Fact
                  name={t('licences.nextReport')}
                  value={
                    l.nextReport
                      ? t('licences.nextReportOf', {
                          start: l.nextReport.start,
                          end: l.nextReport.end,
                          due: l.nextReport.dueDate,
                        })
                      : t('licences.noReport')
                  }
                />
              </SimpleGrid>
            </Paper>
            <Paper withBorder radius="md" p="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <div>
                  <Title order={5} mb="xs">
                    {t('licences.families')}
                  </Title>
                  {l.families.length === 0 && <Text c="dimmed">—</Text>}
                  {l.families.map((f) => (
                    <Anchor
                      key={f.id}
                      display="block"
                      size="sm"
                      onClick={() =>
                        void navigate({ to: '/ip/families/$familyId', params: { familyId: f.id } })
                      }
                    >
                      {f.reference} · {f.title}
                    </Anchor>
                  ))}
                </div>
                <div>
                  <Title order={5} mb="xs">
                    {t('licences.matters')}
                  </Title>
                  {l.matters.length === 0 && <Text c="dimmed">—</Text>}
                  {l.matters.map((m) => (
                    <Anchor
                      key={m.id}
                      display="block"
                      size="sm"
                      onClick={() =>
                        void navigate({ to: '/ip/matters/$matterId', params: { matterId: m.id } })
                      }
                    >
                      {m.office} {m.applicationNo}
                      {m.patentNo ? ` (${m.patentNo})` : ''}
                    </Anchor>
                  ))}
                </div>
              </SimpleGrid>
            </Paper>
            {l.royaltyBasis !== 'none' && <Reports l={l} manage={manage} />}
            <AttachmentsPanel
              entityType="ip_licence"
              entityId={l.id}
              canWrite={manage}
              title={t('licences.documents')}
              description={t('licences.documentsHint')}
            />
          </Stack>
          {editing && <LicenceForm licence={l} onClose={() => setEditing(false)} />}
        </>
      )}
    </QueryContent>
  );
}

type ReportValues = { periodEnd: string; reportedOn: string; amount: string; currency: string };

function Reports({ l, manage }: { l: Licence; manage: boolean }) {
  const t = useIpT();
  const queryClient = useQueryClient();
  const form = useForm<ReportValues>({
    initialValues: {
      periodEnd: l.nextReport?.end ?? '',
      reportedOn: '',
      amount: '',
      currency: l.currency ?? '',
    },
    validate: contractValidator(royaltyReportInput, (v: ReportValues) => v),
  });
  const save = useMutation({
    mutationFn: (v: ReportValues) => api.post(`/api/ip/licences/${l.id}/royalty-reports`, v, licenceDetail),
    onSuccess: async (next) => {
      form.setValues({
        periodEnd: next.nextReport?.end ?? '',
        reportedOn: '',
        amount: '',
        currency: next.currency ?? '',
      });
      await queryClient.invalidateQueries({ queryKey: [ipKeys.licences] });
      await queryClient.invalidateQueries({ queryKey: [ipKeys.obligations] });
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={5} mb="sm">
        {t('licences.reports')}
      </Title>
      {l.reports.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('licences.noReports')}
        </Text>
      ) : (
        <Table aria-label={t('licences.reports')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('licences.periodStart')}</Table.Th>
              <Table.Th>{t('licences.periodEnd')}</Table.Th>
              <Table.Th>{t('licences.reportedOn')}</Table.Th>
              <Table.Th ta="right">{t('licences.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {l.reports.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.periodStart}</Table.Td>
                <Table.Td>{r.periodEnd}</Table.Td>
                <Table.Td>{r.reportedOn}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {r.currency} {Number(r.amount).toLocaleString()}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {manage && l.nextReport && (
        <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
          <Group align="flex-end" mt="md">
            <TextInput label={t('licences.periodEnd')} w={140} {...form.getInputProps('periodEnd')} />
            <TextInput
              label={t('licences.reportedOn')}
              placeholder="YYYY-MM-DD"
              w={140}
              {...form.getInputProps('reportedOn')}
            />
            <TextInput label={t('licences.amount')} w={160} {...form.getInputProps('amount')} />
            <TextInput label={t('licences.currency')} w={90} {...form.getInputProps('currency')} />
            <Button type="submit" loading={save.isPending}>
              {t('licences.recordReport')}
            </Button>
          </Group>
        </form>
      )}
    </Paper>
  );
}
