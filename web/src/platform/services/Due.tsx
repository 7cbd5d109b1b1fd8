import { Text, type TextProps } from '@mantine/core';
import { useServicesT } from './texts.ts';

/** "5 days left", "Due today", "3 days overdue": coloured when it needs attention. */
export function DaysLeft({
  days,
  finished = false,
  ...props
}: { days: number; finished?: boolean } & TextProps) {
  const t = useServicesT();
  if (finished)
    return (
      <Text size="sm" c="dimmed" {...props}>
        —
      </Text>
    );
  if (days < 0)
    return (
      <Text size="sm" c="red" fw={600} {...props}>
        {t('common.daysOverdue', { count: -days })}
      </Text>
    );
  if (days === 0)
    return (
      <Text size="sm" c="orange" fw={600} {...props}>
        {t('common.dueToday')}
      </Text>
    );
  return (
    <Text size="sm" c={days <= 30 ? 'orange' : undefined} {...props}>
      {t('common.daysLeft', { count: days })}
    </Text>
  );
}
