import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { z } from 'zod';
import type { deadlineView } from '#shared/modules/ip/contract.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';

type Deadline = z.infer<typeof deadlineView>;

/** A deadline's kind and the last day to act, flagged when the office's calendar is not known. */
export function DeadlineBadge({ deadline }: { deadline: Deadline | null }) {
  const t = useIpT();
  const label = useIpLabel();
  if (!deadline)
    return (
      <Text size="sm" c="dimmed">
        {t('common.none')}
      </Text>
    );
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" ff="monospace">
        {deadline.actBy}
      </Text>
      <Badge size="sm" variant="light">
        {label('deadlineKinds', deadline.kind)}
        {deadline.year ? ` ${deadline.year}` : ''}
      </Badge>
      {!deadline.calendarKnown && (
        <Tooltip label={t('matter.calendarUnknown')}>
          <IconAlertTriangle
            size={16}
            color="var(--mantine-color-orange-6)"
            aria-label={t('matter.calendarUnknown')}
          />
        </Tooltip>
      )}
    </Group>
  );
}
