import { Badge, Tooltip } from '@mantine/core';
import { IconAlarm, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { IncidentView } from '#shared/modules/ohs/incidents/contract.ts';
import { useFormat } from '../../../platform/ui/labels.ts';
import { useOhsLabel, useOhsT } from '../i18n/index.ts';

const kindColors: Record<string, string> = {
  injury: 'red',
  illness: 'grape',
  near_miss: 'orange',
  unsafe_condition: 'yellow',
};

export function KindBadge({ kind }: { kind: string }) {
  const label = useOhsLabel();
  return (
    <Badge variant="light" color={kindColors[kind] ?? 'gray'} radius="sm" style={{ flexShrink: 0 }}>
      {label('kinds', kind)}
    </Badge>
  );
}

const investigationColors: Record<string, string> = {
  draft: 'gray',
  investigating: 'blue',
  review: 'violet',
  closed: 'teal',
};

export function InvestigationBadge({ status }: { status: string }) {
  const label = useOhsLabel();
  return (
    <Badge
      variant="light"
      color={investigationColors[status] ?? 'gray'}
      radius="sm"
      style={{ flexShrink: 0 }}
    >
      {label('investigationStatuses', status)}
    </Badge>
  );
}

/** The current time, ticking every `ms` milliseconds. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

/** A duration as h:mm:ss (or "2 d 3 h" beyond a day). */
export function formatDuration(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d} d ${h} h`;
  return `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

/** The 8-hour notice of an incident in a list: a live countdown while due, a tick once notified. */
export function NoticeBadge({ notice, timeZone }: { notice: IncidentView['notice']; timeZone: string }) {
  const t = useOhsT();
  const fmt = useFormat();
  const now = useNow(notice.required && !notice.notifiedAt ? 1000 : 60_000);
  if (!notice.required) return null;
  if (notice.notifiedAt) {
    return (
      <Tooltip label={t('notice.notifiedAt', { at: fmt.siteTime(notice.notifiedAt, timeZone) })}>
        <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={12} />} radius="sm">
          {fmt.siteTime(notice.notifiedAt, timeZone)}
        </Badge>
      </Tooltip>
    );
  }
  const left = notice.dueAt ? new Date(notice.dueAt).getTime() - now : 0;
  return (
    <Tooltip label={t('notice.dueAt', { at: fmt.siteTime(notice.dueAt, timeZone) })}>
      <Badge
        color={left < 0 ? 'red' : left < 2 * 3600_000 ? 'orange' : 'yellow'}
        variant={left < 0 ? 'filled' : 'light'}
        leftSection={<IconAlarm size={12} />}
        radius="sm"
        style={{ fontVariantNumeric: 'tabular-nums', flexShrink: 0 }}
      >
        {left < 0
          ? t('notice.overdueBy', { time: formatDuration(left) })
          : t('notice.timeLeft', { time: formatDuration(left) })}
      </Badge>
    </Tooltip>
  );
}
