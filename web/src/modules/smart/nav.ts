import { IconAlarm, IconChartBar, IconChartLine, IconDeviceAnalytics } from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import type { NavItem } from '../../platform/shell/nav-types.ts';

const label = (key: string) => `smart:nav.${key}` as ParseKeys;

/** The monitoring program's pages in the navigation (labels from the "smart" namespace). */
export const smartNavigation: NavItem[] = [
  { label: label('alarms'), to: '/smart/alarms', icon: IconAlarm, permission: 'smart.read' },
  { label: label('kpis'), to: '/smart/kpis', icon: IconChartBar, permission: 'smart.read' },
  { label: label('trends'), to: '/smart/trends', icon: IconChartLine, permission: 'smart.read' },
  { label: label('sensors'), to: '/smart/sensors', icon: IconDeviceAnalytics, permission: 'smart.read' },
];
