import { Badge, Button, Group, Modal, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type AlarmView, alarmDetail } from '#shared/modules/smart/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { smartKeys } from '../api.ts';
import { useSmartT } from '../i18n/index.ts';

function NotifiedList({ alarm }: { alarm: AlarmView }) {
  const t = useSmartT();
  const fmt = useFormat();
  const query = useQuery({
    queryKey: [smartKeys.alarms, alarm.id],
    queryFn: () => api.get(`/api/smart/alarms/${alarm.id}`, alarmDetail),
  });
  if (query.error) return <ProblemAlert error={query.error} />;
  const detail = query.data;
  if (!detail) return <Skeleton h={80} />;
  return (
    <Stack gap="sm">
      <Text size="sm" fw={500}>
        {detail.title}
      </Text>
      {detail.escalatedAt && (
        <Text size="sm" c="orange">
          {t('notified.escalatedAt', { at: fmt.dateTime(detail.escalatedAt) })}
        </Text>
      )}
      {detail.notified.length === 0 ? (
        <Text size="sm">{t('notified.nobody')}</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {detail.notified.map((n) => (
              <Table.Tr key={`${n.reason}:${n.userId}`}>
                <Table.Td>{n.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={n.reason === 'escalation' ? 'orange' : 'blue'}>
                    {t(`notified.${n.reason}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{fmt.dateTime(n.notifiedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** Who an alarm reached (its area's responders on shift, the escalation), behind a button of its row. */
export function AlarmNotified({ alarm }: { alarm: AlarmView }) {
  const t = useSmartT();
  const [open, setOpen] = useState(false);
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-sm" variant="subtle" onClick={() => setOpen(true)}>
        {t('notified.show')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('notified.title')} size="lg">
        {open && <NotifiedList alarm={alarm} />}
      </Modal>
    </Group>
  );
}
