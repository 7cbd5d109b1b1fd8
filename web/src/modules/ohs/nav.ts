import {
  IconAlertTriangle,
  IconCertificate,
  IconChartLine,
  IconClipboardCheck,
  IconClockHour4,
  IconFileAlert,
  IconFileCheck,
  IconGauge,
  IconHeartbeat,
  IconId,
  IconListCheck,
  IconQrcode,
  IconTarget,
} from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import type { NavItem } from '../../platform/shell/nav-types.ts';

const label = (key: string) => `ohs:nav.${key}` as ParseKeys;

/** The OHS program's pages in the navigation (labels from the module's "ohs" namespace). */
export const ohsNavigation: NavItem[] = [
  { label: label('dashboard'), to: '/ohs', icon: IconGauge, permission: 'ohs.read', exact: true },
  { label: label('report'), to: '/ohs/report', icon: IconFileAlert, permission: 'ohs.report' },
  { label: label('myReports'), to: '/ohs/my-reports', icon: IconFileCheck, permission: 'ohs.report' },
  {
    label: label('myQualifications'),
    to: '/ohs/my-qualifications',
    icon: IconId,
    person: 'contractor_worker',
  },
  { label: label('incidents'), to: '/ohs/incidents', icon: IconAlertTriangle, permission: 'ohs.read' },
  { label: label('statistics'), to: '/ohs/statistics', icon: IconChartLine, permission: 'ohs.read' },
  { label: label('hours'), to: '/ohs/hours', icon: IconClockHour4, permission: 'ohs.read' },
  { label: label('hazards'), to: '/ohs/hazards', icon: IconListCheck, permission: 'ohs.read' },
  { label: label('permits'), to: '/ohs/permits', icon: IconClipboardCheck, permission: 'ohs.read' },
  {
    label: label('qualifications'),
    to: '/ohs/qualifications',
    icon: IconCertificate,
    permission: 'contractors.read',
  },
  { label: label('health'), to: '/ohs/health', icon: IconHeartbeat, permission: 'health.read' },
  { label: label('goals'), to: '/ohs/goals', icon: IconTarget, permission: 'ohs.read' },
  { label: label('qr'), to: '/ohs/qr-codes', icon: IconQrcode, permission: 'ohs.manage' },
];
