import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AlarmKpiView } from '#shared/modules/smart/contract.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { useSmartLabel, useSmartT } from '../i18n/index.ts';

type Place = { siteCode: string; areaName: string | null; areaId: string | null };

export const percent = (share: number, digits = 1) => `${(share * 100).toFixed(digits)} %`;

/** A titled table of rows, or a line saying there are none. */
function Section({
  title,
  hint,
  empty,
  head,
  rows,
}: {
  title: string;
  hint?: string;
  empty: string;
  head: string[];
  rows: ReactNode[][];
}) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4}>{title}</Title>
      {hint && (
        <Text size="sm" c="dimmed" mb="xs">
          {hint}
        </Text>
      )}
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm" mt="xs">
          {empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                {head.map((h, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: two headers may read alike
                  <Table.Th key={i}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((cells, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of a report, in a fixed order
                <Table.Tr key={i}>
                  {cells.map((c, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells of a row
                    <Table.Td key={j}>{c}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** The operator positions, floods, bad actors, chattering and stale alarms of a KPI report. */
export function KpiTables({ kpis }: { kpis: AlarmKpiView }) {
  const t = useSmartT();
  const label = useSmartLabel();
  const fmt = useFormat();
  const th = kpis.thresholds;
  const position = (p: Place) => `${p.siteCode} · ${p.areaName ?? t('kpis.noArea')}`;
  const sensor = (s: { sensorTag: string; sensorName: string; condition: string }) =>
    `${s.sensorTag} ${s.sensorName} · ${label('conditions', s.condition)}`;
  const minutes = (from: string, to: string) =>
    fmt.number(Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
  return (
    <>
      <Section
        title={t('kpis.positions')}
        hint={t('kpis.positionsHint')}
        empty={t('kpis.noAlarms')}
        head={[
          t('kpis.position'),
          t('kpis.alarms'),
          t('kpis.average', { minutes: th.windowMinutes }),
          t('kpis.peak', { minutes: th.windowMinutes }),
          t('kpis.aboveAcceptable', { n: th.acceptablePerWindow }),
          t('kpis.aboveManageable', { n: th.manageablePerWindow }),
        ]}
        rows={kpis.positions.map((p) => [
          position(p),
          fmt.number(p.alarms),
          fmt.number(Number(p.averagePerWindow.toFixed(2))),
          fmt.number(p.peakPerWindow),
          percent(p.aboveAcceptable),
          percent(p.aboveManageable),
        ])}
      />
      <Section
        title={t('kpis.floods')}
        hint={t('kpis.floodsHint', {
          above: th.floodStartAbove,
          below: th.floodEndBelow,
          minutes: th.windowMinutes,
        })}
        empty={t('kpis.noFloods')}
        head={[t('kpis.position'), t('kpis.start'), t('kpis.end'), t('kpis.minutes'), t('kpis.alarms')]}
        rows={kpis.floods.map((f) => [
          position(f),
          fmt.dateTime(f.start),
          f.end ? (
            fmt.dateTime(f.end)
          ) : (
            <Badge key="on" color="red">
              {t('kpis.stillInFlood')}
            </Badge>
          ),
          minutes(f.start, f.end ?? kpis.to),
          fmt.number(f.alarms),
        ])}
      />
      <Section
        title={t('kpis.badActors', { n: th.badActors })}
        hint={t('kpis.badActorsHint')}
        empty={t('kpis.noAlarms')}
        head={['#', t('kpis.alarm'), t('kpis.position'), t('kpis.alarms'), t('kpis.share')]}
        rows={kpis.badActors.map((b, i) => [
          fmt.number(i + 1),
          sensor(b),
          position(b),
          fmt.number(b.alarms),
          percent(b.share),
        ])}
      />
      <Section
        title={t('kpis.chattering')}
        hint={t('kpis.chatteringHint', { n: th.chatterCount, seconds: th.chatterSeconds })}
        empty={t('kpis.noChattering')}
        head={[
          t('kpis.alarm'),
          t('kpis.position'),
          t('kpis.alarms'),
          t('kpis.mostWithin', { seconds: th.chatterSeconds }),
          t('kpis.firstAt'),
        ]}
        rows={kpis.chattering.map((c) => [
          sensor(c),
          position(c),
          fmt.number(c.alarms),
          fmt.number(c.mostWithin),
          fmt.dateTime(c.firstAt),
        ])}
      />
      <Section
        title={t('kpis.stale')}
        hint={t('kpis.staleHint', { hours: th.staleHours })}
        empty={t('kpis.noStale')}
        head={[t('kpis.alarm'), t('kpis.position'), t('kpis.raisedAt'), t('kpis.activeHours')]}
        rows={kpis.stale.map((s) => [
          sensor(s),
          position(s),
          fmt.dateTime(s.raisedAt),
          fmt.number(Math.floor(s.activeHours)),
        ])}
      />
    </>
  );
}
