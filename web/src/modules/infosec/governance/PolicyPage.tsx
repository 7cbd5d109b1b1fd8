import { Anchor, Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { type PolicyVersionView, policyDetail } from '#shared/modules/infosec/governance/policies.ts';
import { type ApiError, api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { AttachmentsPanel } from '../../../platform/documents/AttachmentsPanel.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { CampaignProgress, useRateText } from './CampaignProgress.tsx';
import { PolicyForm, policiesKey } from './PolicyForm.tsx';
import { CampaignForm, VersionForm } from './PolicyForms.tsx';

/** One policy: its versions (with their documents), its acknowledgement campaigns and their progress. */
export function PolicyPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const can = useCan();
  const rateText = useRateText();
  const { policyId } = useParams({ strict: false }) as { policyId: string };
  const q = useQuery({
    queryKey: [policiesKey, policyId],
    queryFn: () => api.get(`/api/infosec/policies/${policyId}`, policyDetail),
  });
  const [editing, setEditing] = useState(false);
  const [addingVersion, setAddingVersion] = useState(false);
  const [editingVersion, setEditingVersion] = useState<PolicyVersionView | null>(null);
  const queryClient = useQueryClient();
  const [campaignFor, setCampaignFor] = useState<PolicyVersionView | null>(null);
  const [documentsOf, setDocumentsOf] = useState<PolicyVersionView | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const p = q.data;
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!p) return null;
  const manage = can('infosec.manage');
  const campaignId = shown ?? p.campaigns[0]?.id ?? null;
  // A version a campaign has asked about stays as it was; the others may be edited or removed.
  const asked = new Set(p.campaigns.map((c) => c.policyVersionId));
  const removeVersion = (v: PolicyVersionView) =>
    modals.openConfirmModal({
      title: `${p.code} · ${t('policies.removeVersion')}`,
      children: <Text size="sm">{t('policies.removeVersionConfirm', { label: v.label })}</Text>,
      labels: { confirm: t('policies.removeVersion'), cancel: t('policies.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await api.delete(`/api/infosec/policy-versions/${v.id}`, { version: v.version });
        } catch (error) {
          modals.open({
            title: t('policies.removeFailed'),
            children: <Text size="sm">{(error as ApiError).message}</Text>,
          });
          return;
        }
        notifications.show({ message: t('policies.versionRemoved'), color: 'teal' });
        await queryClient.invalidateQueries({ queryKey: [policiesKey] });
      },
    });
  return (
    <Stack gap="md">
      <PageHeader
        title={`${p.code} ${p.title}`}
        crumbs={[
          { label: t('nav.section') },
          { label: t('policies.title'), to: '/infosec/policies' },
          { label: p.code },
        ]}
        actions={manage ? <Button onClick={() => setEditing(true)}>{t('policies.editButton')}</Button> : null}
      />
      <Group gap="md">
        <Badge variant="light">{label('policyStatuses', p.status)}</Badge>
        <Text size="sm">
          {t('common.site')}: {p.siteCode ?? t('policies.groupWide')}
        </Text>
        <Text size="sm">
          {t('policies.owner')}: {p.ownerName ?? '—'}
        </Text>
        <Text size="sm">
          {t('policies.currentVersion')}: {p.currentVersion ?? t('policies.noVersion')}
        </Text>
      </Group>
      <Card withBorder radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('policies.versions')}</Title>
          {manage && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAddingVersion(true)}>
              {t('policies.addVersion')}
            </Button>
          )}
        </Group>
        {p.versionList.length === 0 ? (
          <Text c="dimmed">{t('policies.noVersions')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('policies.version')}</Table.Th>
                  <Table.Th>{t('policies.effectiveOn')}</Table.Th>
                  <Table.Th>{t('policies.versionSummary')}</Table.Th>
                  <Table.Th>{t('policies.approvedBy')}</Table.Th>
                  <Table.Th>{t('policies.approvedOn')}</Table.Th>
                  <Table.Th>{t('policies.documents')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.versionList.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm" fw={500}>
                          {v.label}
                        </Text>
                        {v.current && (
                          <Badge size="sm" color="teal">
                            {t('policies.current')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{v.effectiveOn}</Table.Td>
                    <Table.Td>{v.summary ?? '—'}</Table.Td>
                    <Table.Td>{v.approvedByName ?? '—'}</Table.Td>
                    <Table.Td>{v.approvedOn ?? '—'}</Table.Td>
                    <Table.Td>
                      <Anchor component="button" size="sm" onClick={() => setDocumentsOf(v)}>
                        {v.documents}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {manage && (
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-xs" variant="light" onClick={() => setCampaignFor(v)}>
                            {t('policies.openCampaign')}
                          </Button>
                          {!asked.has(v.id) && (
                            <>
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                aria-label={`${t('policies.editVersion')} ${v.label}`}
                                onClick={() => setEditingVersion(v)}
                              >
                                {t('policies.editVersion')}
                              </Button>
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                color="red"
                                aria-label={`${t('policies.removeVersion')} ${v.label}`}
                                onClick={() => removeVersion(v)}
                              >
                                {t('policies.removeVersion')}
                              </Button>
                            </>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Card withBorder radius="md">
        <Title order={4} mb="sm">
          {t('policies.campaigns')}
        </Title>
        {p.campaigns.length === 0 ? (
          <Text c="dimmed">{t('policies.noCampaigns')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('policies.version')}</Table.Th>
                  <Table.Th>{t('policies.campaignSites')}</Table.Th>
                  <Table.Th>{t('policies.openedOn')}</Table.Th>
                  <Table.Th>{t('policies.dueOn')}</Table.Th>
                  <Table.Th ta="right">{t('policies.asked')}</Table.Th>
                  <Table.Th ta="right">{t('policies.acknowledged')}</Table.Th>
                  <Table.Th ta="right">{t('policies.rate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.campaigns.map((c) => (
                  <Table.Tr
                    key={c.id}
                    onClick={() => setShown(c.id)}
                    style={{ cursor: 'pointer' }}
                    bg={c.id === campaignId ? 'var(--mantine-color-blue-light)' : undefined}
                  >
                    <Table.Td>{c.versionLabel}</Table.Td>
                    <Table.Td>{c.groupWide ? t('policies.allSites') : c.siteCodes.join(', ')}</Table.Td>
                    <Table.Td>{c.openedOn}</Table.Td>
                    <Table.Td>{c.dueOn}</Table.Td>
                    <Table.Td ta="right">{c.total.asked}</Table.Td>
                    <Table.Td ta="right">{c.total.acknowledged}</Table.Td>
                    <Table.Td ta="right">{rateText(c.total.rate)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {campaignId && <CampaignProgress campaignId={campaignId} />}
      {editing && <PolicyForm record={p} onClose={() => setEditing(false)} />}
      {addingVersion && <VersionForm policy={p} onClose={() => setAddingVersion(false)} />}
      {editingVersion && (
        <VersionForm policy={p} record={editingVersion} onClose={() => setEditingVersion(null)} />
      )}
      {campaignFor && (
        <CampaignForm
          policy={p}
          versionId={campaignFor.id}
          versionLabel={campaignFor.label}
          onClose={() => setCampaignFor(null)}
        />
      )}
      <Modal
        opened={documentsOf !== null}
        onClose={() => setDocumentsOf(null)}
        title={documentsOf ? `${p.code} ${documentsOf.label}` : ''}
        size="lg"
      >
        {documentsOf && (
          <AttachmentsPanel
            entityType="infosec_policy_version"
            entityId={documentsOf.id}
            canWrite={manage}
            title={t('policies.documents')}
            description={t('policies.documentsHint')}
          />
        )}
      </Modal>
    </Stack>
  );
}
