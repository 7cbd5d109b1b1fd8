import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './problem.tsx';

type FormModalProps = {
  opened: boolean;
  onClose: () => void;
  title: string;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  busy: boolean;
  error: unknown;
  /** Reloads the record after a stale write. */
  onReload?: () => void;
  submitLabel?: string;
  size?: string;
  children: ReactNode;
};

/** A form in a dialog: focus on the first field (data-autofocus), Enter submits, Escape closes. */
export function FormModal(props: FormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size={props.size ?? 'lg'}>
      <form onSubmit={props.onSubmit} noValidate>
        <Stack gap="md">
          {props.error ? <ProblemAlert error={props.error} onReload={props.onReload} /> : null}
          {props.children}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={props.busy}>
              {props.submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
