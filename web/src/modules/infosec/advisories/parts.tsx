import { Badge } from '@mantine/core';
import type { AdvisorySeverity, Tlp } from '#shared/modules/infosec/advisories/contract.ts';
import { useSession } from '../../../platform/auth/session.ts';
import { useInfosecLabel } from '../i18n/index.ts';

/** TLP colours as FIRST's TLP 2.0 standard defines them (RED, AMBER, GREEN; CLEAR white). */
const tlpColor: Record<Tlp, string> = {
  clear: 'gray',
  green: 'green',
  amber: 'yellow',
  amber_strict: 'orange',
  red: 'red',
};
const severityColor: Record<AdvisorySeverity, string> = {
  low: 'gray',
  medium: 'blue',
  high: 'orange',
  critical: 'red',
};

export function TlpBadge({ tlp }: { tlp: Tlp }) {
  const label = useInfosecLabel();
  return (
    <Badge color={tlpColor[tlp]} variant={tlp === 'clear' ? 'outline' : 'filled'} radius="sm">
      TLP:{label('advisories.tlps', tlp)}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: AdvisorySeverity }) {
  const label = useInfosecLabel();
  return (
    <Badge color={severityColor[severity]} variant="light">
      {label('advisories.severities', severity)}
    </Badge>
  );
}

export const advisoryKeys = {
  advisories: '/api/infosec/advisories',
  indicators: '/api/infosec/advisory-indicators',
};

/** True for whoever runs the program over the whole group (the CISO office, administrators): they import. */
export function useGroupManager(): boolean {
  const session = useSession();
  return session.assignments.some(
    (a) =>
      a.scopeKind === 'group' &&
      (a.role === 'group_admin' ||
        (a.role === 'program_owner' && (a.program === null || a.program === 'infosec'))),
  );
}
