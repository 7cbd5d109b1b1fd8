import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import {
  type AdvisoryDetail,
  advisoryDetail,
  responseStatuses,
  type SiteResponseView,
} from '#shared/modules/infosec/advisories/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { advisoryKeys, SeverityBadge, TlpBadge } from './parts.tsx';

const statusColor: Record<string, string> = {
  open: 'orange',
  not_affected: 'gray',
  patched: 'teal',
  mitigated: 'blue',
  accepted: 'grape',
};

function RespondModal({
  advisory,
  site,
  onClose,
}: {
  advisory: AdvisoryDetail;
  site: SiteResponseView;
  onClose: () => void;
}) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string>(site.status === 'open' ? 'patched' : site.status);
  const [note, setNote] = useState(site.note ?? '');
  const save = useMutation({
    mutationFn: () =>
      api.put(`/api/infosec/advisories/${advisory.id}/response`, {
        siteId: site.siteId,
        status,
        note: note.trim() || null,
        version: site.version,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [advisoryKeys.advisories] });
      notifications.show({ message: t('advisories.responseSaved'), color: 'teal' });
      onClose();
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('advisories.respondTitle', { site: site.siteCode })}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      busy={save.isPending}
      error={save.error}
      size="md"
    >
      <Select
        label={t('common.status')}
        data={responseStatuses
          .filter((s) => s !== 'open')
          .map((s) => ({ value: s, label: label('advisories.responseStatuses', s) }))}
        value={status}
        onChange={(v) => setStatus(v ?? status)}
        allowDeselect={false}
      />
      <Textarea
        label={t('advisories.note')}
        autosize
        minRows={3}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </FormModal>
  );
}

/** One advisory: its STIX objects and the responses of the routed sites the user sees. */
export function AdvisoryPage() {
  const { advisoryId } = useParams({ strict: false }) as { advisoryId: string };
  const t = useInfosecT();
  const label = useInfosecLabel();
  const fmt = useFormat();
  const can = useCan();
  const [responding, setResponding] = useState<SiteResponseView | null>(null);
  const query = useQuery({
    queryKey: [advisoryKeys.advisories, advisoryId],
    queryFn: () => api.get(`/api/infosec/advisories/${advisoryId}`, advisoryDetail),
  });
  if (query.error) return <ProblemAlert error={query.error} />;
  const a = query.data;
  if (!a) return <Skeleton h={300} />;
  const restricted = a.tlp === 'amber' || a.tlp === 'amber_strict' || a.tlp === 'red';
  return (
    <>
      <PageHeader
        title={`${a.reference} ${a.title}`}
        crumbs={[
          { label: t('nav.section') },
          { label: t('advisories.title'), to: '/infosec/advisories' },
          { label: a.reference },
        ]}
      />
      <Stack gap="md">
        <Group gap="xs">
          <TlpBadge tlp={a.tlp} />
          <SeverityBadge severity={a.severity} />
          <Badge variant="outline">{label('advisories.sources', a.source)}</Badge>
          <Text size="sm" c="dimmed">
            {t('advisories.routedAt')} {fmt.dateTime(a.routedAt)}
            {a.publishedAt ? ` · ${t('advisories.published')} ${fmt.dateTime(a.publishedAt)}` : ''}
          </Text>
        </Group>
        {restricted && (
          <Alert color={a.tlp === 'red' ? 'red' : 'yellow'}>
            {t('advisories.restricted', { level: label('advisories.tlps', a.tlp) })}{' '}
            {t('advisories.recipients')}: {a.recipients.map((r) => r.name).join(', ')}
          </Alert>
        )}
        {a.summary && (
          <Paper withBorder p="md">
            <Title order={4} mb="xs">
              {t('advisories.summary')}
            </Title>
            <Text size="sm">{a.summary}</Text>
          </Paper>
        )}
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            {t('advisories.responses')}
          </Title>
          {a.sites.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('advisories.noSites')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={700}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('common.site')}</Table.Th>
                    <Table.Th>{t('advisories.systems')}</Table.Th>
                    <Table.Th>{t('advisories.due')}</Table.Th>
                    <Table.Th>{t('common.status')}</Table.Th>
                    <Table.Th>{t('advisories.note')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {a.sites.map((s) => (
                    <Table.Tr key={s.siteId}>
                      <Table.Td>{s.siteCode}</Table.Td>
                      <Table.Td>{s.systems.map((y) => `${y.name} (${y.softwareName})`).join(', ')}</Table.Td>
                      <Table.Td>
                        {fmt.date(s.dueOn)}{' '}
                        {s.overdue && (
                          <Badge color="red" size="xs">
                            {t('advisories.overdue')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={statusColor[s.status]} variant="light">
                          {label('advisories.responseStatuses', s.status)}
                        </Badge>
                        {s.respondedByName && (
                          <Text size="xs" c="dimmed">
                            {t('advisories.respondedBy', {
                              name: s.respondedByName,
                              at: fmt.dateTime(s.respondedAt),
                            })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{s.note ?? ''}</Table.Td>
                      <Table.Td>
                        {can('infosec.manage') && (
                          <Button size="xs" variant="light" onClick={() => setResponding(s)}>
                            {t('advisories.respond')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            {t('advisories.objects')}
          </Title>
          <Table.ScrollContainer minWidth={700}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('advisories.type')}</Table.Th>
                  <Table.Th>{t('advisories.name')}</Table.Th>
                  <Table.Th>{t('advisories.externalId')}</Table.Th>
                  <Table.Th>{t('advisories.detail')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.objects.map((o) => (
                  <Table.Tr key={o.stixId}>
                    <Table.Td>
                      <Badge variant="default">{o.type}</Badge>
                    </Table.Td>
                    <Table.Td>{o.name ?? ''}</Table.Td>
                    <Table.Td>{o.externalId ?? ''}</Table.Td>
                    <Table.Td>
                      <Text size="sm" ff={o.type === 'indicator' ? 'monospace' : undefined} lineClamp={3}>
                        {o.detail ?? ''}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </Stack>
      {responding && <RespondModal advisory={a} site={responding} onClose={() => setResponding(null)} />}
    </>
  );
}
