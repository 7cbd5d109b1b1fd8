import {
  Badge,
  Button,
  Code,
  Divider,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type FindingView, findingView } from '#shared/modules/infosec/findings/contract.ts';
import { actionPage, actionView } from '#shared/platform/actions/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { UserSelect } from '../../../platform/services/UserSelect.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { localDay } from '../../../platform/ui/time.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { findingsKeys, severityColor } from './keys.ts';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** One finding: where it is, how severe and why, its dates; risk acceptance and retest for the security team. */
export function FindingModal({ finding, onClose }: { finding: FindingView; onClose: () => void }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const fmt = useFormat();
  const can = useCan();
  const queryClient = useQueryClient();
  const [approverId, setApproverId] = useState<string | null>(null);
  const [expiresOn, setExpiresOn] = useState('');
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const [actionTitle, setActionTitle] = useState(finding.title);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const actions = useQuery({
    queryKey: ['/api/actions', { sourceType: 'infosec_finding', sourceId: finding.id }],
    queryFn: () =>
      api.get('/api/actions', actionPage, {
        sourceType: 'infosec_finding',
        sourceId: finding.id,
        pageSize: 50,
      }),
  });
  const raise = useMutation({
    mutationFn: () =>
      api.post(
        '/api/actions',
        {
          siteId: finding.siteId,
          program: 'infosec',
          kind: 'corrective',
          title: actionTitle,
          sourceType: 'infosec_finding',
          sourceId: finding.id,
          ownerId,
          dueDate: finding.dueOn ?? localDay(),
        },
        actionView,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['/api/actions'] }),
  });
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: [findingsKeys.findings] });
    await queryClient.invalidateQueries({ queryKey: [findingsKeys.engagements] });
    onClose();
  };
  const accept = useMutation({
    mutationFn: () =>
      api.put(`/api/infosec/findings/${finding.id}/acceptance`, {
        approverId,
        expiresOn,
        reason,
        version: finding.version,
      }),
    onSuccess: done,
  });
  const verify = useMutation({
    mutationFn: () =>
      api.post(
        `/api/infosec/findings/${finding.id}/verification`,
        { evidence, version: finding.version },
        findingView,
      ),
    onSuccess: done,
  });
  const manager = can('infosec.manage');
  const f = finding;
  return (
    <Modal opened onClose={onClose} title={f.title} size="lg">
      <Stack>
        <Group gap="xs">
          <Badge color={severityColor[f.severity]} variant="light">
            {label('findings.severities', f.severity)}
            {f.cvssScore !== null ? ` ${f.cvssScore.toFixed(1)}` : ''}
          </Badge>
          <Text size="xs" c="dimmed">
            {label('findings.sources', f.severitySource)}
          </Text>
          <Badge variant="outline">{label('findings.statuses', f.status)}</Badge>
        </Group>
        {f.cvssVector && <Code>{f.cvssVector}</Code>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={t('common.site')}>{f.siteCode}</Field>
          <Field label={t('findings.engagement')}>{f.engagementReference}</Field>
          <Field label={t('findings.tool')}>{f.tool}</Field>
          <Field label={t('findings.rule')}>{f.ruleId ?? '—'}</Field>
          <Field label={t('findings.location')}>{f.location ?? '—'}</Field>
          <Field label={t('findings.system')}>{f.systemName ?? '—'}</Field>
          <Field label={t('findings.openedOn')}>{fmt.date(f.openedOn)}</Field>
          <Field label={t('findings.dueOn')}>{fmt.date(f.dueOn)}</Field>
        </SimpleGrid>
        {f.closedReason && <Text size="sm">{label('findings.closedBy', f.closedReason)}</Text>}
        {f.status === 'accepted' && (
          <Text size="sm">
            {t('findings.acceptedUntil', { name: f.acceptedByName ?? '—', date: fmt.date(f.acceptedUntil) })}
          </Text>
        )}
        <Divider label={t('findings.remediation')} labelPosition="left" />
        {(actions.data?.items ?? []).map((a) => (
          <Group key={a.id} justify="space-between">
            <Text size="sm">{a.title}</Text>
            <Text size="xs" c={a.overdue ? 'red' : 'dimmed'}>
              {a.ownerName ?? '—'} · {fmt.date(a.dueDate)}
            </Text>
          </Group>
        ))}
        {actions.data?.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('findings.noActions')}
          </Text>
        )}
        {can('actions.manage') && f.status !== 'closed' && (
          <>
            {raise.error ? <ProblemAlert error={raise.error} /> : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('findings.actionTitle')}
                value={actionTitle}
                onChange={(e) => setActionTitle(e.currentTarget.value)}
              />
              <UserSelect
                label={t('findings.actionOwner')}
                value={ownerId}
                onChange={setOwnerId}
                comboboxProps={{ withinPortal: true }}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button variant="light" loading={raise.isPending} onClick={() => raise.mutate()}>
                {t('findings.raiseAction')}
              </Button>
            </Group>
          </>
        )}
        {manager && f.status === 'open' && (
          <>
            <Divider label={t('findings.acceptRisk')} labelPosition="left" />
            {accept.error ? <ProblemAlert error={accept.error} /> : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <UserSelect
                label={t('findings.approver')}
                value={approverId}
                onChange={setApproverId}
                comboboxProps={{ withinPortal: true }}
              />
              <TextInput
                type="date"
                label={t('findings.expiresOn')}
                value={expiresOn}
                onChange={(e) => setExpiresOn(e.currentTarget.value)}
              />
            </SimpleGrid>
            <Textarea
              label={t('findings.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="light" loading={accept.isPending} onClick={() => accept.mutate()}>
                {t('findings.acceptRisk')}
              </Button>
            </Group>
          </>
        )}
        {manager && f.status !== 'closed' && (
          <>
            <Divider label={t('findings.verify')} labelPosition="left" />
            {verify.error ? <ProblemAlert error={verify.error} /> : null}
            <Textarea
              label={t('findings.evidence')}
              value={evidence}
              onChange={(e) => setEvidence(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button loading={verify.isPending} onClick={() => verify.mutate()}>
                {t('findings.verify')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
