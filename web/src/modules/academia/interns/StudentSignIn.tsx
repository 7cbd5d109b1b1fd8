import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { internView } from '#shared/modules/academia/contract.ts';
import { internSignInView } from '#shared/modules/academia/sign-in-contract.ts';
import { api } from '../../../platform/api/client.ts';
import { UserSelect } from '../../../platform/services/UserSelect.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useAcademiaT } from '../i18n/index.ts';

type Intern = z.infer<typeof internView>;

/** Who signs in as the student of an internship: give the sign-in to a person outside the company, or take it back. */
function StudentSignInDialog({ intern, onClose }: { intern: Intern; onClose: () => void }) {
  const t = useAcademiaT();
  const { t: tp } = useTranslation();
  const queryClient = useQueryClient();
  const path = `/api/academia/interns/${intern.id}/sign-in`;
  const current = useQuery({ queryKey: [path], queryFn: () => api.get(path, internSignInView) });
  const [chosen, setChosen] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: (userId: string | null) => api.put(path, { userId }, internSignInView),
    onSuccess: (answer) => {
      queryClient.setQueryData([path], answer);
      notifications.show({
        message: answer.holder ? t('studentSignIn.given') : t('studentSignIn.takenBack'),
      });
      setChosen(null);
    },
  });
  const holder = current.data?.holder ?? null;
  const name = intern.fullName ?? t('interns.anonymised');
  return (
    <Modal opened onClose={onClose} title={t('studentSignIn.title', { name })} size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('studentSignIn.hint')}
        </Text>
        {current.error ? <ProblemAlert error={current.error} /> : null}
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <div>
          <Text size="sm" fw={500}>
            {t('studentSignIn.holder')}
          </Text>
          <Text size="sm" data-testid="student-sign-in-holder">
            {current.isPending
              ? '…'
              : holder
                ? `${holder.name} · ${holder.email}`
                : t('studentSignIn.nobody')}
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
              label={t('studentSignIn.person')}
              outsideSearch="/api/academia/outsiders"
              onlyOutside
              value={chosen}
              onChange={(v) => {
                setChosen(v);
                setMissing(false);
              }}
              error={missing ? t('studentSignIn.choose') : undefined}
              data-autofocus
              style={{ flex: 1 }}
            />
            <Button type="submit" loading={save.isPending && save.variables !== null}>
              {t('studentSignIn.give')}
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
            {t('studentSignIn.takeBack')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {tp('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Opens the student's sign-in of one intern (a button per row, reachable with the keyboard). */
export function StudentSignInButton({ intern }: { intern: Intern }) {
  const t = useAcademiaT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="xs"
        variant="light"
        onClick={() => setOpen(true)}
        aria-label={`${t('studentSignIn.open')}: ${intern.fullName ?? t('interns.anonymised')}`}
      >
        {t('studentSignIn.open')}
      </Button>
      {open && <StudentSignInDialog intern={intern} onClose={() => setOpen(false)} />}
    </>
  );
}
