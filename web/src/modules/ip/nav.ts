import {
  IconBulb,
  IconCash,
  IconCertificate,
  IconChecklist,
  IconFileCertificate,
  IconListDetails,
  IconLock,
  IconPresentation,
  IconRoute,
  IconScale,
  IconShieldExclamation,
  IconUserCheck,
  IconUserMinus,
} from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import type { NavItem } from '../../platform/shell/nav-types.ts';

const label = (key: string) => `ip:nav.${key}` as ParseKeys;

/** The IP program's pages in the navigation (labels from the module's "ip" namespace). */
export const ipNavigation: NavItem[] = [
  { label: label('portfolio'), to: '/ip', icon: IconListDetails, permission: 'ip.read', exact: true },
  { label: label('trademarks'), to: '/ip/trademarks', icon: IconCertificate, permission: 'ip.read' },
  { label: label('secrets'), to: '/ip/trade-secrets', icon: IconLock, permission: 'ip.read' },
  { label: label('disclosures'), to: '/ip/disclosures', icon: IconBulb, permission: 'ip.read', exact: true },
  { label: label('licences'), to: '/ip/licences', icon: IconFileCertificate, permission: 'ip.read' },
  { label: label('fto'), to: '/ip/fto', icon: IconRoute, permission: 'ip.read' },
  { label: label('riskCases'), to: '/ip/risk-cases', icon: IconShieldExclamation, permission: 'ip.read' },
  { label: label('keepDrop'), to: '/ip/keep-or-drop', icon: IconScale, permission: 'ip.read' },
  { label: label('reviews'), to: '/ip/reviews', icon: IconChecklist, permission: 'ip.read' },
  { label: label('forecast'), to: '/ip/fee-forecast', icon: IconCash, permission: 'ip.read' },
  { label: label('board'), to: '/ip/board', icon: IconPresentation, permission: 'ip.read' },
  {
    label: label('exitInterviews'),
    to: '/ip/exit-interviews',
    icon: IconUserMinus,
    permission: 'ip.exit_interviews.manage',
  },
  { label: label('myDisclosures'), to: '/ip/my-disclosures', icon: IconUserCheck, permission: 'ip.disclose' },
];
