import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type DisclosureDetail, disclosureDetail } from '#shared/modules/ip/inventions/contract.ts';
import { decisions } from '#shared/modules/ip/inventions/rules.ts';
import { kinds, offices, technologies } from '#shared/modules/ip/rules/offices.ts';
import { secretCategories } from '#shared/modules/ip/rules/secrets.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { AttachmentsPanel } from '../../../platform/documents/AttachmentsPanel.tsx';
import { applyServerErrors } from '../../../platform/ui/forms.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { QueryContent } from '../../../platform/ui/QueryCard.tsx';
import { localDay } from '../../../platform/ui/time.ts';
import { ipKeys } from '../api.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';
import { Fact } from '../portfolio/FamilyPage.tsx';
import { StatusBadge } from './StatusBadge.tsx';

const today = () => localDay();

/** A command on the disclosure that answers with it: the page shows the answer, lists refresh. */
function useDisclosureCommand(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) => api.post(path, body, disclosureDetail),
    onSuccess: (d) => {
      queryClient.setQueryData([ipKeys.disclosures, id], d);
      void queryClient.invalidateQueries({ queryKey: [ipKeys.disclosures] });
      void queryClient.invalidateQueries({ queryKey: [ipKeys.families] });
      void queryClient.invalidateQueries({ queryKey: [ipKeys.secrets] });
    },
  });
}

/** The review committee's decision: file (where, which kind), trade secret, defensive publication, drop. */
function DecisionForm({ d }: { d: DisclosureDetail }) {
  const t = useIpT();
  const label = useIpLabel();
  const command = useDisclosureCommand(d.id);
  const form = useForm({
    initialValues: { decision: 'file', office: 'TW', kind: 'invention', secretCategory: '', reason: '' },
  });
  const v = form.getValues();
  const submit = form.onSubmit((values) =>
    command.mutate(
      {
        path: `/api/ip/disclosures/${d.id}/decision`,
        body: {
          decision: values.decision,
          reason: values.reason.trim(),
          office: values.decision === 'file' ? values.office : undefined,
          kind: values.decision === 'file' ? values.kind : undefined,
          secretCategory: values.decision === 'trade_secret' ? values.secretCategory || undefined : undefined,
          version: d.version,
        },
      },
      { onError: (e) => applyServerErrors(form, e) },
    ),
  );
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Select
          label={t('inventions.decision')}
          data={decisions.map((x) => ({ value: x, label: label('decisions', x) }))}
          required
          {...form.getInputProps('decision')}
        />
        {v.decision === 'file' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('common.office')}
              data={offices.map((o) => ({ value: o, label: label('offices', o) }))}
              required
              {...form.getInputProps('office')}
            />
            <Select
              label={t('common.kind')}
              data={kinds.map((k) => ({ value: k, label: label('kinds', k) }))}
              required
              {...form.getInputProps('kind')}
            />
          </SimpleGrid>
        )}
        {v.decision === 'trade_secret' && (
          <Select
            label={t('inventions.secretCategory')}
            data={secretCategories.map((c) => ({ value: c, label: label('secretCategories', c) }))}
            required
            {...form.getInputProps('secretCategory')}
          />
        )}
        <Textarea
          label={t('inventions.reason')}
          required
          autosize
          minRows={2}
          {...form.getInputProps('reason')}
        />
        {command.error && !Object.keys(form.errors).length ? <ProblemAlert error={command.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={command.isPending}>
            {t('inventions.decide')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The application filed as decided: the family, its first matter and the filing rewards. */
function FilingForm({ d }: { d: DisclosureDetail }) {
  const t = useIpT();
  const label = useIpLabel();
  const command = useDisclosureCommand(d.id);
  const form = useForm({
    initialValues: {
      familyReference: '',
      technology: '',
      green: false,
      applicationNo: '',
      filingDate: today(),
    },
  });
  const submit = form.onSubmit((values) =>
    command.mutate(
      {
        path: `/api/ip/disclosures/${d.id}/filing`,
        body: { ...values, familyReference: values.familyReference.trim(), version: d.version },
      },
      { onError: (e) => applyServerErrors(form, e) },
    ),
  );
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('inventions.fileHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('inventions.familyReference')}
            required
            {...form.getInputProps('familyReference')}
          />
          <Select
            label={t('common.technology')}
            data={technologies.map((x) => ({ value: x, label: label('technologies', x) }))}
            required
            {...form.getInputProps('technology')}
          />
          <TextInput
            label={t('inventions.applicationNo')}
            required
            {...form.getInputProps('applicationNo')}
          />
          <TextInput
            label={t('inventions.filingDate')}
            placeholder="YYYY-MM-DD"
            required
            {...form.getInputProps('filingDate')}
          />
        </SimpleGrid>
        <Checkbox label={t('inventions.green')} {...form.getInputProps('green', { type: 'checkbox' })} />
        {command.error && !Object.keys(form.errors).length ? <ProblemAlert error={command.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={command.isPending}>
            {t('inventions.file')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The inventors' rewards: per inventor by share, on filing and on grant, each marked paid. */
function Rewards({ d, manage }: { d: DisclosureDetail; manage: boolean }) {
  const t = useIpT();
  const label = useIpLabel();
  const command = useDisclosureCommand(d.id);
  const fmt = useFormat();
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t('inventions.rewards')}</Title>
        {manage && d.grantRewardsDue && (
          <Button
            size="compact-sm"
            loading={command.isPending}
            onClick={() => command.mutate({ path: `/api/ip/disclosures/${d.id}/grant-rewards` })}
          >
            {t('inventions.grantRewards')}
          </Button>
        )}
      </Group>
      {d.rewards.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('inventions.noRewards')}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('inventions.event')}</Table.Th>
              <Table.Th>{t('inventions.inventors')}</Table.Th>
              <Table.Th ta="right">{t('inventions.share')}</Table.Th>
              <Table.Th ta="right">{t('inventions.amount')}</Table.Th>
              <Table.Th>{t('inventions.paidOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.rewards.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{label('rewardEvents', r.event)}</Table.Td>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td ta="right">{r.share}%</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {fmt.number(Number(r.amount))}
                </Table.Td>
                <Table.Td>
                  {r.paidOn ??
                    (manage ? (
                      <Button
                        size="compact-xs"
                        variant="light"
                        aria-label={`${t('inventions.pay')}: ${r.name} ${label('rewardEvents', r.event)}`}
                        onClick={() =>
                          command.mutate({
                            path: `/api/ip/invention-rewards/${r.id}/payment`,
                            body: { paidOn: today(), version: r.version },
                          })
                        }
                      >
                        {t('inventions.pay')}
                      </Button>
                    ) : (
                      t('inventions.unpaid')
                    ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {command.error ? <ProblemAlert error={command.error} /> : null}
    </Paper>
  );
}

/** One invention disclosure: what it is, who invented it, the committee's decision, the family and rewards. */
export function DisclosurePage() {
  const t = useIpT();
  const label = useIpLabel();
  const can = useCan();
  const navigate = useNavigate();
  const { disclosureId } = useParams({ strict: false }) as { disclosureId: string };
  const query = useQuery({
    queryKey: [ipKeys.disclosures, disclosureId],
    queryFn: () => api.get(`/api/ip/disclosures/${disclosureId}`, disclosureDetail),
  });
  return (
    <QueryContent query={query}>
      {(d) => {
        const manage = can('ip.manage');
        return (
          <>
            <PageHeader
              title={`${d.reference} · ${d.title}`}
              crumbs={[
                { label: t('nav.section') },
                can('ip.read')
                  ? { label: t('inventions.title'), to: '/ip/disclosures' }
                  : { label: t('inventions.mineTitle'), to: '/ip/my-disclosures' },
                { label: d.reference },
              ]}
              actions={<StatusBadge status={d.status} />}
            />
            <Stack gap="md">
              <Paper withBorder radius="md" p="md">
                <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
                  <Fact name={t('common.site')} value={d.siteCode} />
                  <Fact
                    name={t('inventions.submittedBy')}
                    value={`${d.submittedByName ?? '—'} · ${d.submittedAt.slice(0, 10)}`}
                  />
                  <Fact
                    name={t('inventions.inventors')}
                    value={d.inventors.map((i) => `${i.name} (${i.share}%)`).join(', ')}
                  />
                  <div>
                    <Text size="xs" c="dimmed">
                      {t('inventions.project')}
                    </Text>
                    {d.researchProjectId && can('academia.read') ? (
                      <Anchor
                        size="sm"
                        onClick={() =>
                          void navigate({ to: `/academia/projects/${d.researchProjectId}` as '/' })
                        }
                      >
                        {d.researchProjectTitle}
                      </Anchor>
                    ) : (
                      <Text size="sm">{d.researchProjectTitle ?? '—'}</Text>
                    )}
                  </div>
                  <Fact name={t('inventions.partner')} value={d.partnerName ?? '—'} />
                  <div>
                    <Text size="xs" c="dimmed">
                      {t('inventions.family')}
                    </Text>
                    {d.familyId && can('ip.read') ? (
                      <Anchor
                        size="sm"
                        onClick={() =>
                          void navigate({
                            to: '/ip/families/$familyId',
                            params: { familyId: d.familyId ?? '' },
                          })
                        }
                      >
                        {d.familyReference}
                      </Anchor>
                    ) : (
                      <Text size="sm">{d.familyReference ?? '—'}</Text>
                    )}
                  </div>
                </SimpleGrid>
                <Text size="xs" c="dimmed">
                  {t('inventions.descriptionField')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {d.description}
                </Text>
              </Paper>
              <Paper withBorder radius="md" p="md">
                <Title order={5} mb="sm">
                  {t('inventions.decision')}
                </Title>
                {d.decision ? (
                  <Stack gap={4}>
                    <Text fw={600}>
                      {label('decisions', d.decision)}
                      {d.decisionOffice && d.decisionKind
                        ? ` · ${label('offices', d.decisionOffice)} · ${label('kinds', d.decisionKind)}`
                        : ''}
                    </Text>
                    <Text size="sm">{d.decisionReason}</Text>
                    <Text size="xs" c="dimmed">
                      {t('inventions.decidedBy', {
                        name: d.decidedByName ?? '—',
                        date: d.decidedAt?.slice(0, 10),
                      })}
                    </Text>
                    {d.tradeSecretId && (
                      <Text size="sm">
                        {t('inventions.secretCreated')}{' '}
                        {can('ip.read') && (
                          <Anchor size="sm" onClick={() => void navigate({ to: '/ip/trade-secrets' })}>
                            {t('inventions.openSecrets')}
                          </Anchor>
                        )}
                      </Text>
                    )}
                  </Stack>
                ) : manage ? (
                  <DecisionForm d={d} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('inventions.notDecided')}
                  </Text>
                )}
                {d.status === 'to_file' && manage && (
                  <Stack mt="md">
                    <Title order={6}>{t('inventions.file')}</Title>
                    <FilingForm d={d} />
                  </Stack>
                )}
              </Paper>
              <Rewards d={d} manage={manage} />
              <AttachmentsPanel
                entityType="ip_disclosure"
                entityId={d.id}
                canWrite={manage || can('ip.disclose')}
                title={t('inventions.documents')}
                description={t('inventions.documentsHint')}
              />
            </Stack>
          </>
        );
      }}
    </QueryContent>
  );
}
