import { ActionIcon, Button, Group, Menu, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import type { z } from 'zod';
import type { hazardView } from '#shared/modules/ohs/hazards/contract.ts';
import { ClampedText } from '../../../platform/ui/ClampedText.tsx';
import { localDay } from '../../../platform/ui/time.ts';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';
import { LevelBadge } from './LevelBadge.tsx';

type Hazard = z.infer<typeof hazardView>;

/** The hazard register, as given (worst residual risk first); a manager opens a row to edit it. */
export function HazardRegister({
  shown,
  loaded,
  manage,
  cell,
  onClearCell,
  onEdit,
  onReview,
}: {
  shown: Hazard[];
  loaded: boolean;
  manage: boolean;
  cell: { l: number; s: number } | null;
  onClearCell: () => void;
  onEdit: (hazard: Hazard) => void;
  onReview: (hazard: Hazard, patch: Record<string, unknown>) => void;
}) {
  const t = useOhsT();
  const label = useOhsLabel();
  return (
    <Paper withBorder radius="md">
      <Group p="md" pb="xs" justify="space-between">
        <Title order={5}>{t('hazards.register')}</Title>
        {cell && (
          <Button size="compact-sm" variant="subtle" onClick={onClearCell}>
            {t('hazards.filteredCell', cell)} · {t('hazards.clearCell')}
          </Button>
        )}
      </Group>
      <ScrollArea type="auto">
        <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('hazards.register')} miw={820}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('hazards.residual')}</Table.Th>
              <Table.Th>{t('hazards.hazard')}</Table.Th>
              <Table.Th>{t('hazards.risk')}</Table.Th>
              <Table.Th>{t('hazards.controls')}</Table.Th>
              <Table.Th>{t('hazards.nextReview')}</Table.Th>
              {manage && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((h) => (
              <Table.Tr
                key={h.id}
                style={{ cursor: manage ? 'pointer' : undefined }}
                onClick={manage ? () => onEdit(h) : undefined}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <LevelBadge level={h.residualLevel} score={h.residualScore} />
                </Table.Td>
                <Table.Td style={{ maxWidth: 320 }}>
                  <ClampedText size="sm" fw={500} lines={2} text={h.hazard} />
                  <ClampedText
                    size="xs"
                    c="dimmed"
                    lines={1}
                    text={`${h.siteCode}${h.areaName ? ` · ${h.areaName}` : ''} · ${h.activity}`}
                  />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <LevelBadge level={h.level} score={h.score} />
                </Table.Td>
                <Table.Td style={{ maxWidth: 280 }}>
                  <ClampedText
                    size="xs"
                    lines={2}
                    text={h.controls
                      .map(
                        (c) =>
                          `${label('controls', c.type)}: ${c.description}${c.inPlace ? '' : ` (${t('hazards.planned')})`}`,
                      )
                      .join(' · ')}
                  />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text
                    size="sm"
                    c={h.reviewOverdue ? 'red' : undefined}
                    fw={h.reviewOverdue ? 700 : undefined}
                  >
                    {h.nextReview}
                  </Text>
                  {h.reviewOverdue && (
                    <Text size="xs" c="red">
                      {t('hazards.reviewOverdue')}
                    </Text>
                  )}
                </Table.Td>
                {manage && (
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" aria-label={t('common.edit')}>
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => onEdit(h)}>{t('hazards.edit')}</Menu.Item>
                        <Menu.Item onClick={() => onReview(h, { reviewedOn: localDay() })}>
                          {t('hazards.markReviewed')}
                        </Menu.Item>
                        <Menu.Item color="red" onClick={() => onReview(h, { archived: true })}>
                          {t('hazards.archive')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {loaded && shown.length === 0 && (
        <Stack align="center" p="xl" gap={4}>
          <Text fw={600}>{t('hazards.emptyTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('hazards.emptyHint')}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}
