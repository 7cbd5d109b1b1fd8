import { Badge, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useFormat } from '../../../platform/ui/labels.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';

const levelColor: Record<number, string> = { 1: 'yellow', 2: 'orange', 3: 'red', 4: 'grape' };
const statusColor: Record<string, string> = {
  reported: 'blue',
  triaged: 'indigo',
  contained: 'orange',
  recovered: 'teal',
  closed: 'gray',
};

export function LevelBadge({ level }: { level: number | null }) {
  const t = useInfosecT();
  if (level === null)
    return (
      <Badge variant="outline" color="gray">
        {t('incidents.unclassified')}
      </Badge>
    );
  return (
    <Badge color={levelColor[level]} variant="filled">
      {t('incidents.levelN', { level })}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const label = useInfosecLabel();
  return (
    <Badge color={statusColor[status] ?? 'gray'} variant="light">
      {label('statuses', status)}
    </Badge>
  );
}

/** The time now, ticking: for countdowns. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

/** A duration as h:mm:ss, or "2 d 3 h" beyond a day. */
export function formatDuration(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d} d ${h} h`;
  return `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

/** The next deadline of an incident in a list: a live countdown, red once late. */
export function DueBadge({ dueAt, overdue }: { dueAt: string | null; overdue: boolean }) {
  const t = useInfosecT();
  const fmt = useFormat();
  const now = useNow(dueAt ? 1000 : 60_000);
  if (!dueAt) return null;
  const left = new Date(dueAt).getTime() - now;
  const late = overdue || left < 0;
  return (
    <Tooltip label={t('clocks.due', { at: fmt.dateTime(dueAt) })}>
      <Badge color={late ? 'red' : left < 3_600_000 ? 'orange' : 'blue'} variant={late ? 'filled' : 'light'}>
        {late
          ? t('clocks.late', { time: formatDuration(left) })
          : t('clocks.left', { time: formatDuration(left) })}
      </Badge>
    </Tooltip>
  );
}
