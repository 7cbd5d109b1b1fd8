import { Badge, Group, Paper, SegmentedControl, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import type { matterDetail } from '#shared/modules/ip/contract.ts';
import { useCountryName, useFormat } from '../../../platform/ui/labels.ts';
import { useIpLabel, useIpT } from '../i18n/index.ts';

type Matter = z.infer<typeof matterDetail>;
type Deadline = Matter['deadlines'][number];

/** Who a deadline's fee goes to, as the filter names it: a validation state, the Unitary Patent, or the office. */
const payeeKey = (d: Deadline) => d.state ?? (d.payee === 'unitary' ? 'UP' : 'office');

/**
 * Every deadline of a matter to the day, with its fee. A European patent validated in several states has a fee
 * per state each year: the list can be narrowed to one of them.
 */
export function MatterDeadlines({ matter: m }: { matter: Matter }) {
  const t = useIpT();
  const label = useIpLabel();
  const fmt = useFormat();
  const country = useCountryName();
  const [paidTo, setPaidTo] = useState('all');
  const payees = [...new Set(m.deadlines.map(payeeKey))];
  const shown = paidTo === 'all' ? m.deadlines : m.deadlines.filter((d) => payeeKey(d) === paidTo);
  const payeeName = (key: string) =>
    key === 'office' ? m.office : key === 'UP' ? label('payees', 'unitary') : country(key);
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t('matter.deadlines')}</Title>
        {payees.length > 1 && (
          <SegmentedControl
            size="xs"
            aria-label={t('matter.payee')}
            value={paidTo}
            onChange={setPaidTo}
            data={[
              { value: 'all', label: t('matter.allPayees') },
              ...payees.map((p) => ({ value: p, label: payeeName(p) })),
            ]}
          />
        )}
      </Group>
      {m.deadlines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('matter.noDeadlines')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={1100}>
          <Table aria-label={t('matter.deadlines')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('common.kind')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('matter.year')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('common.office')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('matter.windowOpens')}</Table.Th>
                <Table.Th>{t('matter.dueDate')}</Table.Th>
                <Table.Th>{t('matter.actBy')}</Table.Th>
                <Table.Th>{t('matter.graceEnds')}</Table.Th>
                <Table.Th>{t('matter.payee')}</Table.Th>
                <Table.Th>{t('forecast.amount')}</Table.Th>
                <Table.Th miw={220}>{t('matter.basis')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((d) => (
                <Table.Tr
                  key={`${d.kind}-${d.office}-${d.year ?? ''}-${d.dueDate}-${payeeKey(d)}`}
                  data-testid={`deadline-${d.kind}-${d.year ?? d.office}${d.state ? `-${d.state}` : d.payee === 'unitary' ? '-UP' : ''}`}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{label('deadlineKinds', d.kind)}</Table.Td>
                  <Table.Td>{d.year ?? ''}</Table.Td>
                  <Table.Td>{d.office}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.windowOpens ?? ''}</Table.Td>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {d.atGrant ? t('matter.atGrant') : d.dueDate}
                  </Table.Td>
                  <Table.Td ff="monospace">
                    {d.atGrant ? '' : d.actBy}{' '}
                    {d.actBy !== d.dueDate && (
                      <Badge size="xs" variant="light" color={d.afterGrant ? 'blue' : 'orange'}>
                        {d.afterGrant ? t('matter.afterGrant') : t('matter.moved')}
                      </Badge>
                    )}
                    {!d.calendarKnown && (
                      <Tooltip label={t('matter.calendarUnknown')}>
                        <IconAlertTriangle
                          size={14}
                          color="var(--mantine-color-orange-6)"
                          aria-label={t('matter.calendarUnknown')}
                        />
                      </Tooltip>
                    )}
                  </Table.Td>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {d.graceEnds ?? ''}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {d.state ? `${country(d.state)} (${d.state})` : d.payee ? label('payees', d.payee) : ''}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {d.fee?.amountMinor != null ? (
                      `${d.fee.currency} ${fmt.number(d.fee.amountMinor / 100)}`
                    ) : d.fee?.missing ? (
                      <Text size="xs" c="orange">
                        {d.state ? t('matter.stateNotPriced') : t(`forecast.missing.${d.fee.missing}`)}
                      </Text>
                    ) : (
                      ''
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {d.basis}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
