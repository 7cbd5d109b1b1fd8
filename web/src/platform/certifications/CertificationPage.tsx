import {
  Alert,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconEdit, IconRefresh, IconRotateClockwise2 } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { z } from 'zod';
import { type CertificationView, certificationView } from '#shared/platform/certifications/contract.ts';
import { api } from '../api/client.ts';
import { useCan } from '../auth/session.ts';
import { AttachmentsPanel } from '../documents/AttachmentsPanel.tsx';
import { DaysLeft } from '../services/Due.tsx';
import { useWrite } from '../services/mutation.ts';
import { AnchorLink, ButtonLink } from '../ui/links.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemAlert } from '../ui/problem.tsx';
import { CertificationFormModal, certificationKeys } from './CertificationForm.tsx';
import { CertificationStatusBadge } from './parts.tsx';
import { useCertificationsT } from './texts.ts';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** One certificate: its details and status, its history of renewals, its file; change it or register the renewal. */
export function CertificationPage() {
  const t = useCertificationsT();
  const can = useCan();
  const navigate = useNavigate();
  const { certificationId } = useParams({ strict: false }) as { certificationId: string };
  const [editing, setEditing] = useState<'edit' | 'renew' | null>(null);
  const cert = useQuery({
    queryKey: ['/api/certifications', certificationId],
    queryFn: () => api.get(`/api/certifications/${certificationId}`, certificationView),
  });
  const history = useQuery({
    queryKey: ['/api/certifications', certificationId, 'history'],
    queryFn: () =>
      api.get(
        `/api/certifications/${certificationId}/history`,
        z.object({ items: z.array(certificationView) }),
      ),
  });
  const toggleRenewal = useWrite(
    (c: CertificationView) =>
      api.patch(
        `/api/certifications/${c.id}`,
        { version: c.version, renewalInProgress: !c.renewalInProgress },
        certificationView,
      ),
    {
      invalidate: certificationKeys,
      success: (c) => (c.renewalInProgress ? t('detail.renewalMarked') : t('detail.renewalCleared')),
      notifyErrors: true,
    },
  );

  const c = cert.data;
  const holder = c ? (c.siteCode ? `${c.siteCode} · ${c.siteName ?? ''}` : (c.subsidiaryCode ?? '')) : '';
  const manage = can('certifications.manage');
  const current = c && c.status !== 'superseded';

  return (
    <>
      <PageHeader
        title={c ? `${c.standard} · ${c.siteCode ?? c.subsidiaryCode ?? ''}` : t('title')}
        crumbs={[{ label: t('detail.crumb'), to: '/certifications' }, { label: c?.standard ?? '…' }]}
        actions={
          c && manage ? (
            <>
              <Button
                variant="default"
                leftSection={<IconEdit size={16} />}
                onClick={() => setEditing('edit')}
              >
                {t('edit')}
              </Button>
              {current && (
                <Button leftSection={<IconRotateClockwise2 size={16} />} onClick={() => setEditing('renew')}>
                  {t('renew')}
                </Button>
              )}
            </>
          ) : null
        }
      />
      {cert.error ? <ProblemAlert error={cert.error} /> : null}
      {cert.isLoading && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {c && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="lg">
              <Paper withBorder radius="md" p="lg">
                <Stack gap="md">
                  <Group justify="space-between">
                    <CertificationStatusBadge status={c.status} />
                    {manage && current && c.status !== 'expired' && (
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconRefresh size={14} />}
                        loading={toggleRenewal.isPending}
                        onClick={() => toggleRenewal.mutate(c)}
                      >
                        {c.renewalInProgress ? t('detail.stopRenewal') : t('detail.startRenewal')}
                      </Button>
                    )}
                  </Group>
                  {c.supersededById && (
                    <Alert color="gray" variant="light">
                      <Group justify="space-between">
                        <Text size="sm">{t('detail.supersededBy')}</Text>
                        <ButtonLink
                          size="xs"
                          variant="default"
                          to="/certifications/$certificationId"
                          params={{ certificationId: c.supersededById }}
                        >
                          {t('detail.openCurrent')}
                        </ButtonLink>
                      </Group>
                    </Alert>
                  )}
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                    <Field label={t('detail.holder')}>{holder}</Field>
                    <Field label={t('detail.number')}>{c.certificateNo ?? '—'}</Field>
                    <Field label={t('detail.issuer')}>{c.issuer ?? '—'}</Field>
                    <Field label={t('detail.owner')}>{c.ownerName ?? t('detail.noOwner')}</Field>
                    <Field label={t('detail.issued')}>{c.issuedOn}</Field>
                    <Field label={t('detail.validUntil')}>{c.validUntil}</Field>
                    <Field label={t('detail.left')}>
                      <DaysLeft days={c.daysLeft} finished={c.status === 'superseded'} />
                    </Field>
                  </SimpleGrid>
                  {c.scope && (
                    <Field label={t('detail.scope')}>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {c.scope}
                      </Text>
                    </Field>
                  )}
                </Stack>
              </Paper>
              <Paper withBorder radius="md" p="lg">
                <Title order={4}>{t('detail.history')}</Title>
                <Text size="sm" c="dimmed" mb="sm">
                  {t('detail.historyHint', { holder })}
                </Text>
                <Table
                  verticalSpacing={6}
                  aria-label={t('detail.history')}
                  data-testid="certification-history"
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('columns.number')}</Table.Th>
                      <Table.Th>{t('columns.issuedOn')}</Table.Th>
                      <Table.Th>{t('columns.validUntil')}</Table.Th>
                      <Table.Th>{t('columns.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {(history.data?.items ?? []).map((h) => (
                      <Table.Tr key={h.id} style={h.id === c.id ? { fontWeight: 600 } : undefined}>
                        <Table.Td>
                          {h.id === c.id ? (
                            <Text size="sm" fw={600}>
                              {h.certificateNo ?? '—'} ({t('detail.this')})
                            </Text>
                          ) : (
                            <AnchorLink
                              size="sm"
                              to="/certifications/$certificationId"
                              params={{ certificationId: h.id }}
                            >
                              {h.certificateNo ?? h.issuedOn}
                            </AnchorLink>
                          )}
                        </Table.Td>
                        <Table.Td>{h.issuedOn}</Table.Td>
                        <Table.Td>{h.validUntil}</Table.Td>
                        <Table.Td>
                          <CertificationStatusBadge status={h.status} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <AttachmentsPanel
              entityType="certification"
              entityId={c.id}
              canWrite={manage}
              title={t('detail.file')}
              description={t('detail.fileHint')}
            />
          </Grid.Col>
        </Grid>
      )}
      {c && editing === 'edit' && (
        <CertificationFormModal certification={c} onClose={() => setEditing(null)} />
      )}
      {c && editing === 'renew' && (
        <CertificationFormModal
          certification={null}
          renewing={c}
          onClose={() => setEditing(null)}
          onSaved={(n) =>
            void navigate({ to: '/certifications/$certificationId', params: { certificationId: n.id } })
          }
        />
      )}
    </>
  );
}
