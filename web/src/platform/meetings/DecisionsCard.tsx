import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconExternalLink, IconGavel } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionKinds } from '#shared/platform/actions/contract.ts';
import { type MeetingView, meetingView } from '#shared/platform/meetings/contract.ts';
import { useActionsLabel } from '../actions/texts.ts';
import { ApiError, api } from '../api/client.ts';
import { UserSelect } from '../services/UserSelect.tsx';
import { AnchorLink } from '../ui/links.tsx';
import { ProblemAlert } from '../ui/problem.tsx';
import { MeetingCard } from './MeetingCard.tsx';
import { type Known, useMeetingWrite } from './meeting-write.ts';
import { useMeetingsT } from './texts.ts';

/** The decisions of a held meeting, each optionally followed up as an action in the tracker. */
export function DecisionsCard({
  meeting,
  editable,
  known,
}: {
  meeting: MeetingView;
  editable: boolean;
  known: Known;
}) {
  const t = useMeetingsT();
  const { t: tc } = useTranslation();
  const actionLabel = useActionsLabel();
  const [text, setText] = useState('');
  const [follow, setFollow] = useState(true);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<string>('improvement');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [due, setDue] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const add = useMeetingWrite(
    meeting.id,
    () =>
      api.post(
        `/api/meetings/${meeting.id}/decisions`,
        {
          version: meeting.version,
          text: text.trim(),
          ...(follow
            ? { action: { ...(title.trim() ? { title: title.trim() } : {}), kind, ownerId, dueDate: due } }
            : {}),
        },
        meetingView,
      ),
    t('decisions.added'),
    () => {
      setText('');
      setTitle('');
      setOwnerId(null);
      setDue(null);
      setTried(false);
    },
  );
  const fields = add.error instanceof ApiError ? add.error.fieldErrors : {};
  const required = (ok: boolean) => (tried && !ok ? tc('forms.required') : undefined);
  return (
    <MeetingCard title={t('decisions.title')} testId="meeting-decisions">
      <Stack gap="md">
        {meeting.decisions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {meeting.status === 'planned' ? t('decisions.onlyHeld') : t('decisions.empty')}
          </Text>
        ) : (
          <Stack gap="xs">
            {meeting.decisions.map((d) => (
              <Paper key={d.id} withBorder p="sm" radius="md">
                <Group align="flex-start" wrap="nowrap" gap="sm">
                  <Badge variant="filled" radius="sm" color="gray">
                    {d.seq}
                  </Badge>
                  <Stack gap={4} style={{ flex: 1 }}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {d.text}
                    </Text>
                    {d.actionId && (
                      <Group gap="xs">
                        <Text size="xs" c="dimmed">
                          {t('decisions.action')}:
                        </Text>
                        {d.actionStatus && (
                          <Badge size="xs" variant="light">
                            {actionLabel('statuses', d.actionStatus)}
                          </Badge>
                        )}
                        <Text size="xs">
                          {[d.actionOwnerName, d.actionDueDate].filter(Boolean).join(' · ')}
                        </Text>
                        <AnchorLink size="xs" to="/actions/$actionId" params={{ actionId: d.actionId }}>
                          <IconExternalLink size={12} style={{ verticalAlign: 'middle' }} />{' '}
                          {t('decisions.openAction')}
                        </AnchorLink>
                      </Group>
                    )}
                  </Stack>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
        {editable && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setTried(true);
              if (text.trim().length < 3 || (follow && (!ownerId || !due))) return;
              add.mutate(undefined);
            }}
          >
            <Stack gap="sm">
              {add.error && !Object.keys(fields).length ? <ProblemAlert error={add.error} /> : null}
              <Textarea
                label={t('decisions.text')}
                required
                autosize
                minRows={2}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={required(text.trim().length >= 3) ?? fields.text}
              />
              <Checkbox
                label={t('decisions.follow')}
                checked={follow}
                onChange={(e) => setFollow(e.currentTarget.checked)}
              />
              {follow && (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('decisions.actionTitle')}
                    placeholder={t('decisions.actionTitleHint')}
                    value={title}
                    onChange={(e) => setTitle(e.currentTarget.value)}
                    error={fields['action.title']}
                  />
                  <Select
                    label={t('decisions.kind')}
                    data={actionKinds.map((k) => ({ value: k, label: actionLabel('kinds', k) }))}
                    value={kind}
                    onChange={(v) => v && setKind(v)}
                    allowDeselect={false}
                  />
                  <UserSelect
                    label={t('decisions.owner')}
                    required
                    known={known}
                    value={ownerId}
                    onChange={setOwnerId}
                    error={required(!!ownerId) ?? fields['action.ownerId']}
                  />
                  <DateInput
                    label={t('decisions.due')}
                    valueFormat="YYYY-MM-DD"
                    required
                    value={due}
                    onChange={setDue}
                    error={required(!!due) ?? fields['action.dueDate']}
                  />
                </SimpleGrid>
              )}
              <Group>
                <Button type="submit" leftSection={<IconGavel size={16} />} loading={add.isPending}>
                  {t('decisions.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </MeetingCard>
  );
}
