import { Badge } from '@mantine/core';
import type { CertificationView } from '#shared/platform/certifications/contract.ts';
import { useCertificationsLabel } from './texts.ts';

export type CertificationStatus = CertificationView['status'];

export const statusColors: Record<CertificationStatus, string> = {
  valid: 'teal',
  expiring: 'orange',
  expired: 'red',
  'renewal-in-progress': 'blue',
  superseded: 'gray',
};

export function CertificationStatusBadge({ status }: { status: CertificationStatus }) {
  const label = useCertificationsLabel();
  return (
    <Badge miw="max-content" color={statusColors[status]} variant="light">
      {label('statuses', status)}
    </Badge>
  );
}
