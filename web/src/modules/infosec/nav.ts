import { IconAlertOctagon, IconFileAlert, IconServer2 } from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import type { NavItem } from '../../platform/shell/nav-types.ts';

const label = (key: string) => `infosec:nav.${key}` as ParseKeys;

/** The information security program's pages in the navigation (labels from the "infosec" namespace). */
export const infosecNavigation: NavItem[] = [
  { label: label('report'), to: '/infosec/report', icon: IconFileAlert, permission: 'infosec.report' },
  {
    label: label('incidents'),
    to: '/infosec/incidents',
    icon: IconAlertOctagon,
    permission: 'infosec.report',
  },
  { label: label('systems'), to: '/infosec/systems', icon: IconServer2, permission: 'infosec.read' },
];
