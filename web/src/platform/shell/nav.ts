import {
  type Icon,
  IconAtom2,
  IconBuildingFactory2,
  IconCertificate,
  IconHelmet,
  IconHome,
  IconListDetails,
  IconSchool,
  IconShieldLock,
  IconSitemap,
  IconUserShield,
  IconUsers,
} from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import { ohsNavigation } from '../../modules/ohs/nav.ts';
import { workNavigation, workSectionLabel } from '../services/nav.ts';

export type NavItem = {
  /** The i18n key of the label. */
  label: ParseKeys;
  to: string;
  icon: Icon;
  /** Shown only when the session holds this permission somewhere. */
  permission?: string;
  /** Active only on its own address, not on the pages below it. */
  exact?: boolean;
  children?: NavItem[];
};

export type NavSection = { label?: ParseKeys; items: NavItem[] };

/** The programs of Steward, in the order of the navigation. A module fills its program's page. */
export const programs = ['ip', 'infosec', 'ohs', 'academia', 'smart'] as const;
export type ProgramKey = (typeof programs)[number];

/** Programs whose module has several pages: they show under the program in the navigation. */
const programPages: Partial<Record<ProgramKey, NavItem[]>> = { ohs: ohsNavigation };

export const programIcons: Record<ProgramKey, Icon> = {
  ip: IconCertificate,
  infosec: IconShieldLock,
  ohs: IconHelmet,
  academia: IconSchool,
  smart: IconAtom2,
};

export const navigation: NavSection[] = [
  { items: [{ label: 'nav.home', to: '/', icon: IconHome }] },
  { label: workSectionLabel, items: workNavigation },
  {
    label: 'nav.programs',
    items: programs.map((p) => ({
      label: `programs.${p}.name` as ParseKeys,
      to: `/programs/${p}`,
      icon: programIcons[p],
      children: programPages[p],
    })),
  },
  {
    label: 'nav.administration',
    items: [
      { label: 'nav.organisation', to: '/org', icon: IconSitemap, permission: 'org.read' },
      {
        label: 'nav.people',
        to: '/people',
        icon: IconUsers,
        children: [
          { label: 'nav.employees', to: '/people/employees', icon: IconUsers, permission: 'people.read' },
          {
            label: 'nav.contractors',
            to: '/people/contractors',
            icon: IconBuildingFactory2,
            permission: 'contractors.read',
          },
          { label: 'nav.externals', to: '/people/externals', icon: IconSchool, permission: 'people.read' },
        ],
      },
      { label: 'nav.users', to: '/admin/users', icon: IconUserShield, permission: 'users.read' },
      { label: 'nav.audit', to: '/admin/audit', icon: IconListDetails, permission: 'audit.read' },
    ],
  },
];

/** The navigation the session may see: items without permission, and groups with at least one child left. */
export function visibleNavigation(permissions: string[]): NavSection[] {
  const allowed = (item: NavItem): NavItem | null => {
    if (item.permission && !permissions.includes(item.permission)) return null;
    if (!item.children) return item;
    const children = item.children.map(allowed).filter((c): c is NavItem => c !== null);
    return children.length ? { ...item, children } : null;
  };
  return navigation
    .map((s) => ({ ...s, items: s.items.map(allowed).filter((i): i is NavItem => i !== null) }))
    .filter((s) => s.items.length > 0);
}
