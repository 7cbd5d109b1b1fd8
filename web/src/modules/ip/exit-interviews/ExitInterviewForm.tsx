import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ExitInterviewView, exitInterviewView } from '#shared/modules/ip/exit-interviews/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { AttachmentsPanel } from '../../../platform/documents/AttachmentsPanel.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { ipKeys } from '../api.ts';
import { useIpT } from '../i18n/index.ts';

const EXIT_INTERVIEWS = '/api/ip/exit-interviews';

/** Records the interview held and the acknowledgement signed; the signed document is filed with it. */
export function ExitInterviewForm({
  interview,
  onClose,
}: {
  interview: ExitInterviewView;
  onClose: () => void;
}) {
  const t = useIpT();
  const { t: common } = useTranslation();
  const queryClient = useQueryClient();
  const [heldOn, setHeldOn] = useState(interview.heldOn ?? '');
  const [signedOn, setSignedOn] = useState(interview.signedOn ?? '');
  const save = useMutation({
    mutationFn: () =>
      api.patch(
        `${EXIT_INTERVIEWS}/${interview.id}`,
        { version: interview.version, heldOn: heldOn.trim() || null, signedOn: signedOn.trim() || null },
        exitInterviewView,
      ),
    onSuccess: () => {
      for (const key of [EXIT_INTERVIEWS, ipKeys.obligations])
        void queryClient.invalidateQueries({ queryKey: [key] });
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const closed = interview.status === 'withdrawn';
  return (
    <Modal opened onClose={onClose} title={t('exitInterviews.record')} size="lg">
      <Stack gap="md">
        <Text fw={600}>
          <span translate="no">{interview.employeeNo}</span> {interview.employeeName} ·{' '}
          {t('exitInterviews.leaveDate')} {interview.leaveDate} · {t('exitInterviews.due')}{' '}
          {interview.dueDate}
        </Text>
        {!interview.calendarKnown && (
          <Alert color="yellow" variant="light">
            {t('exitInterviews.calendarUnknownHint')}
          </Alert>
        )}
        {interview.tradeSecrets.length > 0 && (
          <Text size="sm" translate="no">
            {interview.tradeSecrets.map((s) => s.title).join('; ')}
          </Text>
        )}
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {save.error ? <ProblemAlert error={save.error} /> : null}
            {closed && <Alert color="gray">{t('exitInterviews.statuses.withdrawn')}</Alert>}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('exitInterviews.heldOn')}
                placeholder="YYYY-MM-DD"
                value={heldOn}
                onChange={(e) => setHeldOn(e.currentTarget.value)}
                disabled={closed}
                data-autofocus
              />
              <TextInput
                label={t('exitInterviews.signedOn')}
                description={t('exitInterviews.signedHint')}
                placeholder="YYYY-MM-DD"
                value={signedOn}
                onChange={(e) => setSignedOn(e.currentTarget.value)}
                disabled={closed}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {common('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={closed}>
                {common('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
        <AttachmentsPanel
          entityType="ip_exit_interview"
          entityId={interview.id}
          canWrite={!closed}
          title={t('exitInterviews.documents')}
          description={t('exitInterviews.documentsHint')}
        />
      </Stack>
    </Modal>
  );
}
