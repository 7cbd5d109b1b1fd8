import {
  Anchor,
  Button,
  Group,
  Paper,
  Select,
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
import {
  riskCaseDetail,
  riskCostCategories,
  riskCostInput,
  riskStepInput,
  riskSteps,
} from '#shared/modules/ip/risk/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { AttachmentsPanel } from '../../../platform/documents/AttachmentsPanel.tsx';
import { applyServerErrors, contractValidator } from '../../../platform/ui/forms.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { QueryContent } from '../../../platform/ui/QueryCard.tsx';
import { ipKeys } from '../api.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { Fact } from '../portfolio/FamilyPage.tsx';
import { RiskCaseForm } from './RiskCaseForm.tsx';

type RiskCase = z.infer<typeof riskCaseDetail>;

/** One risk case: what is at stake, the response procedure's steps, costs, outcome and the incident it names. */
export function RiskCasePage() {
  const t = useIpT();
  const label = useIpLabel();
  const can = useCan();
  const navigate = useNavigate();
  const { caseId } = useParams({ strict: false }) as { caseId: string };
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: [ipKeys.riskCases, caseId],
    queryFn: () => api.get(`/api/ip/risk-cases/${caseId}`, riskCaseDetail),
  });
  const manage = can('ip.manage');
  return (
    <QueryContent query={query}>
      {(c) => (
        <>
          <PageHeader
            title={`${c.reference} · ${c.title}`}
            crumbs={[
              { label: t('nav.section') },
              { label: t('risk.title'), to: '/ip/risk-cases' },
              { label: c.reference },
            ]}
            actions={
              manage ? (
                <Button
                  variant="default"
                  leftSection={<IconEdit size={16} />}
                  onClick={() => setEditing(true)}
                >
                  {t('risk.edit')}
                </Button>
              ) : null
            }
          />
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                <Fact name={t('risk.kind')} value={label('riskKinds', c.kind)} />
                <Fact name={t('risk.direction')} value={label('riskDirections', c.direction)} />
                <Fact name={t('common.site')} value={c.siteCode} />
                <Fact name={t('risk.counterparty')} value={c.counterparty ?? '—'} />
                <Fact name={t('risk.counsel')} value={c.counsel ?? '—'} />
                <Fact name={t('risk.step')} value={`${label('riskSteps', c.step)} · ${c.stepOn}`} />
                <Fact
                  name={t('risk.outcome')}
                  value={c.outcome ? label('riskOutcomes', c.outcome) : t('risk.noOutcome')}
                />
                <div>
                  <Text size="xs" c="dimmed">
                    {t('risk.incident')}
                  </Text>
                  {c.incident ? (
                    <Anchor
                      size="sm"
                      data-testid="risk-case-incident"
                      onClick={() =>
                        void navigate({
                          to: '/infosec/incidents/$incidentId',
                          params: { incidentId: c.incident?.id ?? '' },
                        })
                      }
                    >
                      {c.incident.reference} · {c.incident.title}
                    </Anchor>
                  ) : (
                    <Text size="sm">—</Text>
                  )}
                </div>
              </SimpleGrid>
            </Paper>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Steps c={c} manage={manage} />
              <Costs c={c} manage={manage} />
            </SimpleGrid>
            <AttachmentsPanel
              entityType="ip_risk_case"
              entityId={c.id}
              canWrite={manage}
              title={t('risk.documents')}
              description={t('risk.documentsHint')}
            />
          </Stack>
          {editing && <RiskCaseForm record={c} onClose={() => setEditing(false)} />}
        </>
      )}
    </QueryContent>
  );
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [ipKeys.riskCases] });
}

type StepValues = { step: string; effectiveOn: string };

function Steps({ c, manage }: { c: RiskCase; manage: boolean }) {
  const t = useIpT();
  const label = useIpLabel();
  const refresh = useRefresh();
  const form = useForm<StepValues>({
    initialValues: { step: '', effectiveOn: '' },
    validate: contractValidator(riskStepInput, (v: StepValues) => ({ ...v, version: c.version })),
  });
  const save = useMutation({
    mutationFn: (v: StepValues) =>
      api.post(`/api/ip/risk-cases/${c.id}/steps`, { ...v, version: c.version }, riskCaseDetail),
    onSuccess: async () => {
      form.reset();
      await refresh();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={5} mb="sm">
        {t('risk.steps')}
      </Title>
      <Table aria-label={t('risk.steps')}>
        <Table.Tbody>
          {c.steps.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td ff="monospace" w={120}>
                {s.effectiveOn}
              </Table.Td>
              <Table.Td>{label('riskSteps', s.step)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {manage && (
        <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
          <Group align="flex-end" mt="md">
            <Select
              label={t('risk.step')}
              data={riskSteps.map((x) => ({ value: x, label: label('riskSteps', x) }))}
              w={190}
              {...form.getInputProps('step')}
            />
            <TextInput
              label={t('risk.effectiveOn')}
              placeholder="YYYY-MM-DD"
              w={130}
              {...form.getInputProps('effectiveOn')}
            />
            <Button type="submit" variant="light" loading={save.isPending}>
              {t('risk.recordStep')}
            </Button>
          </Group>
        </form>
      )}
    </Paper>
  );
}

type CostValues = { incurredOn: string; category: string; amount: string; currency: string };

function Costs({ c, manage }: { c: RiskCase; manage: boolean }) {
  const t = useIpT();
  const label = useIpLabel();
  const refresh = useRefresh();
  const form = useForm<CostValues>({
    initialValues: { incurredOn: '', category: '', amount: '', currency: 'TWD' },
    validate: contractValidator(riskCostInput, (v: CostValues) => v),
  });
  const save = useMutation({
    mutationFn: (v: CostValues) => api.post(`/api/ip/risk-cases/${c.id}/costs`, v, riskCaseDetail),
    onSuccess: async () => {
      form.reset();
      await refresh();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={5} mb="sm">
        {t('risk.costs')}
      </Title>
      {c.costItems.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('risk.noCosts')}
        </Text>
      ) : (
        <Table aria-label={t('risk.costs')}>
          <Table.Tbody>
            {c.costItems.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td ff="monospace">{k.incurredOn}</Table.Td>
                <Table.Td>{label('riskCostCategories', k.category)}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {k.currency} {Number(k.amount).toLocaleString()}
                </Table.Td>
              </Table.Tr>
            ))}
            {c.costs.map((k) => (
              <Table.Tr key={k.currency}>
                <Table.Td />
                <Table.Td fw={600}>{t('risk.total')}</Table.Td>
                <Table.Td ta="right" ff="monospace" fw={600}>
                  {k.currency} {Number(k.amount).toLocaleString()}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {manage && (
        <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
          <Group align="flex-end" mt="md" gap="xs">
            <TextInput
              label={t('risk.incurredOn')}
              placeholder="YYYY-MM-DD"
              w={120}
              {...form.getInputProps('incurredOn')}
            />
            <Select
              label={t('risk.category')}
              data={riskCostCategories.map((x) => ({ value: x, label: label('riskCostCategories', x) }))}
              w={130}
              {...form.getInputProps('category')}
            />
            <TextInput label={t('risk.amount')} w={120} {...form.getInputProps('amount')} />
            <TextInput label={t('risk.currency')} w={70} {...form.getInputProps('currency')} />
            <Button type="submit" variant="light" loading={save.isPending}>
              {t('risk.addCost')}
            </Button>
          </Group>
        </form>
      )}
    </Paper>
  );
}
