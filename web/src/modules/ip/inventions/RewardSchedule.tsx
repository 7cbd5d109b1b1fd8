import { Button, Group, Paper, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { rewardSchedule } from '#shared/modules/ip/inventions/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { applyServerErrors } from '../../../platform/ui/forms.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useIpT } from '../i18n/index.ts';

const KEY = '/api/ip/invention-reward-schedule';

/** The company's reward schedule (NT$ on filing and on grant); group-wide IP managers change it. */
export function RewardSchedule() {
  const t = useIpT();
  const can = useCan();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const query = useQuery({ queryKey: [KEY], queryFn: () => api.get(KEY, rewardSchedule) });
  const form = useForm({ initialValues: { filing: '', grant: '' } });
  const save = useMutation({
    mutationFn: (v: { filing: string; grant: string }) => api.put(KEY, v),
    onSuccess: () => {
      setEditing(false);
      void queryClient.invalidateQueries({ queryKey: [KEY] });
    },
    onError: (e) => applyServerErrors(form, e),
  });
  const s = query.data;
  if (!s) return null;
  return (
    <Paper withBorder radius="md" p="md" mt="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={5}>{t('inventions.schedule')}</Title>
          <Text size="xs" c="dimmed">
            {t('inventions.scheduleHint')}
          </Text>
        </div>
        {can('ip.manage') && !editing && (
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => {
              form.setValues({ filing: s.filing, grant: s.grant });
              setEditing(true);
            }}
          >
            {t('inventions.editSchedule')}
          </Button>
        )}
      </Group>
      {editing ? (
        <form
          onSubmit={form.onSubmit((v) => save.mutate({ filing: v.filing.trim(), grant: v.grant.trim() }))}
        >
          <Group align="flex-end" mt="sm">
            <TextInput
              label={t('inventions.onFiling')}
              inputMode="numeric"
              {...form.getInputProps('filing')}
            />
            <TextInput label={t('inventions.onGrant')} inputMode="numeric" {...form.getInputProps('grant')} />
            <Button type="submit" loading={save.isPending}>
              {t('inventions.save')}
            </Button>
            <Button variant="subtle" onClick={() => setEditing(false)}>
              {t('inventions.cancel')}
            </Button>
          </Group>
          {save.error && !Object.keys(form.errors).length ? <ProblemAlert error={save.error} /> : null}
        </form>
      ) : (
        <Group mt="sm" gap="xl">
          <Text size="sm">
            {t('inventions.onFiling')}: <b>{fmt.number(Number(s.filing))}</b>
          </Text>
          <Text size="sm">
            {t('inventions.onGrant')}: <b>{fmt.number(Number(s.grant))}</b>
          </Text>
        </Group>
      )}
    </Paper>
  );
}
