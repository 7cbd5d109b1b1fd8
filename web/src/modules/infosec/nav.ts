import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconBug,
  IconBuildingFactory2,
  IconCertificate,
  IconChartGridDots,
  IconClipboardCheck,
  IconClockCog,
  IconFileAlert,
  IconFileCertificate,
  IconFileCheck,
  IconFingerprint,
  IconGridDots,
  IconListCheck,
  IconMailExclamation,
  IconPackages,
  IconPresentation,
  IconRefreshAlert,
  IconServer2,
  IconShieldSearch,
  IconTargetArrow,
  IconUmbrella,
} from '@tabler/icons-react';
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
  {
    label: label('clockRules'),
    to: '/infosec/clock-rules',
    icon: IconClockCog,
    permission: 'infosec.read',
  },
  { label: label('systems'), to: '/infosec/systems', icon: IconServer2, permission: 'infosec.read' },
  { label: label('drills'), to: '/infosec/drills', icon: IconRefreshAlert, permission: 'infosec.read' },
  {
    label: label('phishing'),
    to: '/infosec/phishing',
    icon: IconMailExclamation,
    permission: 'infosec.read',
  },
  {
    label: label('engagements'),
    to: '/infosec/engagements',
    icon: IconShieldSearch,
    permission: 'infosec.read',
  },
  { label: label('findings'), to: '/infosec/findings', icon: IconBug, permission: 'infosec.read' },
  {
    label: label('advisories'),
    to: '/infosec/advisories',
    icon: IconAlertTriangle,
    permission: 'infosec.read',
  },
  {
    label: label('advisoryIndicators'),
    to: '/infosec/advisory-indicators',
    icon: IconFingerprint,
    permission: 'infosec.read',
  },
  {
    label: label('csf'),
    to: '/infosec/csf',
    icon: IconChartGridDots,
    permission: 'infosec.read',
    exact: true,
  },
  {
    label: label('csfCampaigns'),
    to: '/infosec/csf/campaigns',
    icon: IconListCheck,
    permission: 'infosec.read',
  },
  {
    label: label('memberships'),
    to: '/infosec/memberships',
    icon: IconCertificate,
    permission: 'infosec.read',
  },
  { label: label('risks'), to: '/infosec/risks', icon: IconGridDots, permission: 'infosec.read' },
  { label: label('goals'), to: '/infosec/goals', icon: IconTargetArrow, permission: 'infosec.read' },
  {
    label: label('policies'),
    to: '/infosec/policies',
    icon: IconFileCertificate,
    permission: 'infosec.read',
    exact: true,
  },
  /** Without a permission: every employee with an account may be asked to acknowledge a policy. */
  { label: label('policiesMine'), to: '/infosec/policies/mine', icon: IconFileCheck, outsiders: [] },
  /**
   * Without a permission, like "My training": a consultant named as assessor holds no role, and this is
   * their way in. The page says so plainly to someone named for no assessment.
   */
  {
    label: label('csfMine'),
    to: '/infosec/csf/mine',
    icon: IconClipboardCheck,
    outsiders: ['infosec_csf_assessment'],
  },
  {
    label: label('suppliers'),
    to: '/infosec/suppliers',
    icon: IconBuildingFactory2,
    permission: 'infosec.read',
  },
  {
    label: label('supplierAssessments'),
    to: '/infosec/supplier-assessments',
    icon: IconPackages,
    permission: 'infosec.read',
    exact: true,
  },
  {
    label: label('supplierTemplates'),
    to: '/infosec/supplier-templates',
    icon: IconListCheck,
    permission: 'infosec.read',
  },
  /** Without a permission, like "My assessments": a supplier's person holds no role, and this is their way in. */
  {
    label: label('supplierMine'),
    to: '/infosec/supplier-assessments/mine',
    icon: IconClipboardCheck,
    outsiders: ['infosec_supplier_assessment'],
  },
  { label: label('board'), to: '/infosec/board', icon: IconPresentation, permission: 'infosec.read' },
  { label: label('insurance'), to: '/infosec/insurance', icon: IconUmbrella, permission: 'infosec.read' },
];
