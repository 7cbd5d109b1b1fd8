import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordSignInView } from '#shared/modules/academia/sign-in-contract.ts';
import { api } from '../../../platform/api/client.ts';
import { UserSelect } from '../../../platform/services/UserSelect.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useAcademiaT } from '../i18n/index.ts';

/** Which record, and in whose words: the student of an internship, the principal investigator of a project. */
export type SignInRecord = { path: string; name: string; kind: 'student' | 'investigator' };

/** Who signs in to a record: give the sign-in to a person outside the company, or take it back. */
function RecordSignInDialog({ record, onClose }: { record: SignInRecord; onClose: () => void }) {
  const t = useAcademiaT();
  const { t: tp } = useTranslation();
  const queryClient = useQueryClient();
  const path = record.path;
  const current = useQuery({ queryKey: [path], queryFn: () => api.get(path, recordSignInView) });
  const [chosen, setChosen] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: (userId: string | null) => api.put(path, { userId }, recordSignInView),
    onSuccess: (answer) => {
      queryClient.setQueryData([path], answer);
      notifications.show({
        message: answer.holder ? t('signIn.given') : t('signIn.takenBack'),
      });
      setChosen(null);
    },
  });
  const holder = current.data?.holder ?? null;
  return (
    <Modal opened onClose={onClose} title={t(`signIn.${record.kind}.title`, { name: record.name })} size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t(`signIn.${record.kind}.hint`)}
        </Text>
        {current.error ? <ProblemAlert error={current.error} /> : null}
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <div>
          <Text size="sm" fw={500}>
            {t(`signIn.${record.kind}.holder`)}
          </Text>
          <Text size="sm" data-testid="sign-in-holder">
            {current.isPending
              ? '…'
              : holder
                ? `${holder.name} · ${holder.email}`
                : t(`signIn.${record.kind}.nobody`)}
          </Text>
        </div>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!chosen) return setMissing(true);
            save.mutate(chosen);
          }}
        >
          <Group align="flex-end" gap="sm">
            <UserSelect
              label={t('signIn.person')}
              outsideSearch="/api/academia/outsiders"
              onlyOutside
              value={chosen}
              onChange={(v) => {
                setChosen(v);
                setMissing(false);
              }}
              error={missing ? t('signIn.choose') : undefined}
              data-autofocus
              style={{ flex: 1 }}
            />
            <Button type="submit" loading={save.isPending && save.variables !== null}>
              {t('signIn.give')}
            </Button>
          </Group>
        </form>
        <Group justify="space-between">
          <Button
            variant="subtle"
            color="red"
            disabled={!holder}
            loading={save.isPending && save.variables === null}
            onClick={() => save.mutate(null)}
          >
            {t('signIn.takeBack')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {tp('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Opens the sign-in of one record (a button per row or on the record's page, reachable with the keyboard). */
export function RecordSignInButton({
  record,
  variant = 'light',
}: {
  record: SignInRecord;
  variant?: string;
}) {
  const t = useAcademiaT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="xs"
        variant={variant}
        onClick={() => setOpen(true)}
        aria-label={`${t(`signIn.${record.kind}.open`)}: ${record.name}`}
      >
        {t(`signIn.${record.kind}.open`)}
      </Button>
      {open && <RecordSignInDialog record={record} onClose={() => setOpen(false)} />}
    </>
  );
}
