import { Button, Group, Paper, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { investigationView } from '#shared/modules/ohs/investigations/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { isoToLocalInput, localInputToIso } from '../api.ts';
import { useOhsT } from '../i18n/index.ts';
import { type Investigation, useInvestigationWrite } from './investigation-write.ts';

export function TimelineCard({
  investigation,
  manage,
  timeZone,
}: {
  investigation: Investigation;
  manage: boolean;
  timeZone: string;
}) {
  const t = useOhsT();
  const fmt = useFormat();
  const [at, setAt] = useState(isoToLocalInput(new Date()));
  const [text, setText] = useState('');
  const add = useInvestigationWrite(
    investigation,
    () =>
      api.post(
        `/api/ohs/investigations/${investigation.id}/timeline`,
        { at: localInputToIso(at), description: text.trim() },
        investigationView,
      ),
    t('investigation.addedEvent'),
    () => setText(''),
  );
  const events = [...investigation.timeline].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={5}>{t('investigation.timeline')}</Title>
        {events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('investigation.noEvents')}
          </Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2} active={events.length}>
            {events.map((e) => (
              <Timeline.Item
                key={e.id}
                title={
                  <Text size="xs" c="dimmed">
                    {fmt.siteTime(e.at, timeZone)}
                  </Text>
                }
              >
                <Text size="sm">{e.description}</Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        {manage && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (text.trim()) add.mutate(undefined);
            }}
          >
            <Stack gap="xs">
              {add.error ? <ProblemAlert error={add.error} /> : null}
              <Group align="flex-end" gap="xs" wrap="wrap">
                <TextInput
                  type="datetime-local"
                  label={t('investigation.eventAt')}
                  value={at}
                  onChange={(e) => setAt(e.currentTarget.value)}
                  w={210}
                />
                <TextInput
                  label={t('investigation.eventDescription')}
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                  style={{ flex: 1, minWidth: 200 }}
                  maxLength={2000}
                />
                <Button
                  type="submit"
                  variant="light"
                  leftSection={<IconPlus size={16} />}
                  loading={add.isPending}
                  disabled={!text.trim()}
                >
                  {t('investigation.addEvent')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
