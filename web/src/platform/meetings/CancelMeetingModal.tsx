import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../ui/problem.tsx';
import { useMeetingsT } from './texts.ts';

/** Asks why a planned meeting is cancelled (optional) before cancelling it. */
export function CancelMeetingModal({
  opened,
  onClose,
  onCancel,
  error,
  pending,
}: {
  opened: boolean;
  onClose: () => void;
  onCancel: (reason: string | undefined) => void;
  error: unknown;
  pending: boolean;
}) {
  const t = useMeetingsT();
  const { t: tc } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={t('meeting.cancelTitle')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onCancel(reason.trim() || undefined);
        }}
      >
        <Stack gap="md">
          {error ? <ProblemAlert error={error} /> : null}
          <Textarea
            label={t('meeting.cancelReason')}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={pending}>
              {t('meeting.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
