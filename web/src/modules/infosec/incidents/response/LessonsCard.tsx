import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { lessonKinds, type ResponseView } from '#shared/modules/infosec/response/contract.ts';
import { ActionStatusBadge } from '../../../../platform/actions/parts.tsx';
import { UserSelect } from '../../../../platform/services/UserSelect.tsx';
import { useFormat } from '../../../../platform/ui/labels.ts';
import { AnchorLink } from '../../../../platform/ui/links.tsx';
import { useInfosecLabel, useInfosecT } from '../../i18n/index.ts';
import { ResponseForm } from './ResponseForm.tsx';

type LessonKind = (typeof lessonKinds)[number];

function LessonForm({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const [kind, setKind] = useState<LessonKind>('to_improve');
  const [text, setText] = useState('');
  const [raise, setRaise] = useState(true);
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState<string | null>(null);
  return (
    <ResponseForm
      incidentId={incidentId}
      title={t('response.addLesson')}
      path="lessons"
      body={() => ({
        kind,
        text,
        action: raise && kind === 'to_improve' ? { title, ownerId, dueDate: dueDate ?? '' } : undefined,
      })}
      onClose={onClose}
    >
      <SegmentedControl
        data={lessonKinds.map((k) => ({ value: k, label: label('response.lessonKinds', k) }))}
        value={kind}
        onChange={(v) => setKind(v as LessonKind)}
      />
      <Textarea
        data-autofocus
        required
        label={t('response.lessonText')}
        autosize
        minRows={3}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      {kind === 'to_improve' && (
        <Checkbox
          label={t('response.raiseAction')}
          checked={raise}
          onChange={(e) => setRaise(e.currentTarget.checked)}
        />
      )}
      {kind === 'to_improve' && raise && (
        <Stack gap="xs">
          <TextInput
            required
            label={t('response.actionTitle')}
            description={t('response.actionHint')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Group grow align="flex-start">
            <UserSelect
              label={t('response.owner')}
              clearable
              value={ownerId}
              onChange={setOwnerId}
              comboboxProps={{ withinPortal: true }}
            />
            <DateInput
              required
              label={t('response.actionDue')}
              valueFormat="YYYY-MM-DD"
              value={dueDate}
              onChange={(v) => setDueDate(v)}
              popoverProps={{ withinPortal: true }}
            />
          </Group>
        </Stack>
      )}
    </ResponseForm>
  );
}

/** What went well and what is to improve; each improvement may be a platform action, followed here. */
export function LessonsCard({ incidentId, response }: { incidentId: string; response: ResponseView }) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const fmt = useFormat();
  const [adding, setAdding] = useState(false);
  return (
    <Paper withBorder p="md" radius="md" data-testid="response-lessons">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('response.lessons')}</Title>
        {response.mayManage && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} />}
            onClick={() => setAdding(true)}
          >
            {t('response.addLesson')}
          </Button>
        )}
      </Group>
      <Stack gap="sm">
        {response.lessons.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('response.noLessons')}
          </Text>
        )}
        {response.lessons.map((l) => (
          <Stack key={l.id} gap={2}>
            <Group gap={6}>
              <Badge size="sm" color={l.kind === 'went_well' ? 'teal' : 'orange'} variant="light">
                {label('response.lessonKinds', l.kind)}
              </Badge>
              <Text size="xs" c="dimmed">
                {fmt.dateTime(l.createdAt)}
                {l.createdByName ? ` · ${l.createdByName}` : ''}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {l.text}
            </Text>
            {l.action && (
              <Group gap={6}>
                <AnchorLink to="/actions/$actionId" params={{ actionId: l.action.id }} size="sm">
                  {l.action.title}
                </AnchorLink>
                <ActionStatusBadge a={l.action} />
                <Text size="xs" c="dimmed">
                  {fmt.date(l.action.dueDate)}
                </Text>
              </Group>
            )}
          </Stack>
        ))}
      </Stack>
      {adding && <LessonForm incidentId={incidentId} onClose={() => setAdding(false)} />}
    </Paper>
  );
}
