import { Group, Progress, Stack, Table, Text } from '@mantine/core';
import type { z } from 'zod';
import type { assessmentView } from '#shared/modules/ip/reassessment/contract.ts';
import { goals } from '#shared/modules/ip/reassessment/rules.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';

type Assessment = z.infer<typeof assessmentView>;

const GOAL_COLOURS = { quantity: 'blue', quality: 'grape', value: 'teal' } as const;

/** The three goals as bars and the overall score. */
export function GoalBars({ a }: { a: Assessment }) {
  const t = useIpT();
  const label = useIpLabel();
  const fmt = useFormat();
  return (
    <Stack gap={6} aria-label={t('keepDrop.goals')}>
      {goals.map((g) => (
        <Group key={g} gap="xs" wrap="nowrap">
          <Text size="sm" w={90}>
            {label('goals', g)}
          </Text>
          <Progress value={a.goals[g]} color={GOAL_COLOURS[g]} size="lg" style={{ flex: 1 }} />
          <Text size="sm" w={48} ta="right" ff="monospace">
            {fmt.number(a.goals[g])}
          </Text>
        </Group>
      ))}
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" w={90} fw={700}>
          {t('keepDrop.overall')}
        </Text>
        <Progress value={a.overall} color="dark" size="lg" style={{ flex: 1 }} />
        <Text size="sm" w={48} ta="right" ff="monospace" fw={700}>
          {fmt.number(a.overall)}
        </Text>
      </Group>
    </Stack>
  );
}

/** Each indicator's value, its normalised score, its weight within the goal and the points it adds. */
export function WorkingTable({ a }: { a: Assessment }) {
  const t = useIpT();
  const label = useIpLabel();
  const fmt = useFormat();
  const raw = (v: number | boolean | null) =>
    v === null
      ? t('keepDrop.unknown')
      : typeof v === 'boolean'
        ? t(v ? 'common.yes' : 'common.no')
        : fmt.number(v);
  return (
    <Table striped withTableBorder fz="sm" aria-label={t('keepDrop.working')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('keepDrop.indicator')}</Table.Th>
          <Table.Th>{t('keepDrop.raw')}</Table.Th>
          <Table.Th ta="right">{t('keepDrop.normalised')}</Table.Th>
          <Table.Th ta="right">{t('keepDrop.weight')}</Table.Th>
          <Table.Th ta="right">{t('keepDrop.contribution')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {goals.map((g) => [
          <Table.Tr key={g}>
            <Table.Td colSpan={4} fw={600}>
              {label('goals', g)} (×{fmt.number(a.goalWeights[g])})
            </Table.Td>
            <Table.Td ta="right" fw={600}>
              {fmt.number(a.goals[g])}
            </Table.Td>
          </Table.Tr>,
          ...a.working
            .filter((w) => w.goal === g)
            .map((w) => (
              <Table.Tr key={w.indicator}>
                <Table.Td pl="lg">{label('indicators', w.indicator)}</Table.Td>
                <Table.Td>{raw(w.raw)}</Table.Td>
                <Table.Td ta="right">{fmt.number(w.normalised)}</Table.Td>
                <Table.Td ta="right">{fmt.number(w.weight)}</Table.Td>
                <Table.Td ta="right">{fmt.number(w.contribution)}</Table.Td>
              </Table.Tr>
            )),
        ])}
      </Table.Tbody>
    </Table>
  );
}
