import { Badge } from '@mantine/core';
import type { DisclosureStatus } from '#shared/modules/ip/inventions/rules.ts';
import { useIpLabel } from '../i18n/index.ts';

const STATUS_COLOR: Record<DisclosureStatus, string> = {
  submitted: 'blue',
  to_file: 'yellow',
  filed: 'green',
  trade_secret: 'grape',
  defensive_publication: 'cyan',
  dropped: 'gray',
};

/** A disclosure's state, coloured: waiting, to file, filed, or closed another way. */
export function StatusBadge({ status }: { status: DisclosureStatus }) {
  const label = useIpLabel();
  return (
    <Badge variant="light" color={STATUS_COLOR[status]}>
      {label('disclosureStatuses', status)}
    </Badge>
  );
}
