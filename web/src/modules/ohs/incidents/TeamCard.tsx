import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { investigationView } from '#shared/modules/ohs/investigations/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { blankToNull } from '../../../platform/ui/forms.ts';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useUserOptions } from '../api.ts';
import { useOhsT } from '../i18n/index.ts';
import { type Investigation, investigationKey, useInvestigationWrite } from './investigation-write.ts';

export function TeamCard({ investigation, manage }: { investigation: Investigation; manage: boolean }) {
  const t = useOhsT();
  const queryClient = useQueryClient();
  const known = [
    ...investigation.team,
    ...(investigation.leadId && investigation.leadName
      ? [{ id: investigation.leadId, name: investigation.leadName }]
      : []),
  ];
  const [userQ, setUserQ] = useState('');
  const [dq] = useDebouncedValue(userQ.trim(), 250);
  const users = useUserOptions(known, dq);
  const [leadId, setLeadId] = useState<string | null>(investigation.leadId);
  const [teamIds, setTeamIds] = useState<string[]>(investigation.team.map((m) => m.id));
  const [summary, setSummary] = useState(investigation.summary ?? '');
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when a new version arrives
  useEffect(() => {
    setLeadId(investigation.leadId);
    setTeamIds(investigation.team.map((m) => m.id));
    setSummary(investigation.summary ?? '');
  }, [investigation.version]);
  const save = useInvestigationWrite(
    investigation,
    () =>
      api.patch(
        `/api/ohs/investigations/${investigation.id}`,
        { leadId, teamIds, summary: blankToNull(summary), version: investigation.version },
        investigationView,
      ),
    t('common.saved'),
  );
  const dirty =
    leadId !== investigation.leadId ||
    JSON.stringify(teamIds) !== JSON.stringify(investigation.team.map((m) => m.id)) ||
    (summary || null) !== (investigation.summary || null);
  return (
    <Paper withBorder radius="md" p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(undefined);
        }}
      >
        <Stack gap="sm">
          <Title order={5}>{t('investigation.team')}</Title>
          {save.error ? (
            <ProblemAlert
              error={save.error}
              onReload={() =>
                void queryClient.invalidateQueries({ queryKey: investigationKey(investigation.id) })
              }
            />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('investigation.lead')}
              data={users}
              onSearchChange={setUserQ}
              value={leadId}
              onChange={setLeadId}
              searchable
              clearable
              disabled={!manage}
            />
            <MultiSelect
              label={t('investigation.team')}
              description={t('investigation.teamHint')}
              data={users}
              onSearchChange={setUserQ}
              value={teamIds}
              onChange={setTeamIds}
              searchable
              disabled={!manage}
            />
          </SimpleGrid>
          <Textarea
            label={t('investigation.summary')}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            autosize
            minRows={2}
            disabled={!manage}
          />
          {manage && (
            <Group justify="flex-end">
              <Button
                type="submit"
                variant={dirty ? 'filled' : 'default'}
                disabled={!dirty}
                loading={save.isPending}
              >
                {t('investigation.saveTeam')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
