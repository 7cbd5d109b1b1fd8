// The page's search parameters, read by the route before the page's own code loads (pages load on demand).
import { certificationStatuses } from '#shared/platform/certifications/contract.ts';
import type { CertificationStatus } from './parts.tsx';

export type CertificationsSearch = {
  tab?: 'list';
  standard?: string;
  status?: CertificationStatus;
  siteId?: string;
};

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

export function validateCertificationsSearch(s: Record<string, unknown>): CertificationsSearch {
  const status = str(s.status);
  return {
    tab: s.tab === 'list' ? 'list' : undefined,
    standard: str(s.standard),
    status:
      status && (certificationStatuses as readonly string[]).includes(status)
        ? (status as CertificationStatus)
        : undefined,
    siteId: str(s.siteId),
  };
}
