import {
  IconBuildingFactory2,
  IconCalendarOff,
  IconHome,
  IconListDetails,
  IconSchool,
  IconSitemap,
  IconUserShield,
  IconUsers,
} from '@tabler/icons-react';
import { webModules } from '../modules/manifest.ts';
import { programNameKey } from '../modules/program-names.ts';
import { workNavigation, workSectionLabel } from '../services/nav.ts';
import type { NavItem, NavSection } from './nav-types.ts';

export type { NavItem, NavSection } from './nav-types.ts';

/** The navigation of the installed modules: one entry per program, its pages under it. */
export function navigation(): NavSection[] {
  return [
    { items: [{ label: 'nav.home', to: '/', icon: IconHome }] },
    { label: workSectionLabel, items: workNavigation },
    {
      label: 'nav.programs',
      items: webModules().map((m) => ({
        label: m.label ?? programNameKey(m.key),
        to: `/programs/${m.key}`,
        icon: m.icon,
        children: m.navigation,
      })),
    },
    administration,
  ];
}

const administration: NavSection = {
  label: 'nav.administration',
  items: [
    { label: 'nav.organisation', to: '/org', icon: IconSitemap, permission: 'org.read' },
    { label: 'nav.calendars', to: '/org/calendars', icon: IconCalendarOff, permission: 'org.read' },
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
};

/**
 * The navigation the session may see: items without permission, and groups with at least one child left;
 * items for one kind of person only to an account of that kind (`person`, from the session); items for
 * records granted one by one only to an account granted such a record; to an account with no role, only the
 * personal pages meant for people outside the company (`outsiders`).
 */
export function visibleNavigation(
  permissions: string[],
  person?: string | null,
  grantedRecords: readonly string[] = [],
): NavSection[] {
  const allowed = (item: NavItem): NavItem | null => {
    if (item.permission && !permissions.includes(item.permission)) return null;
    if (item.person && item.person !== person) return null;
    if (item.granted && !item.granted.some((kind) => grantedRecords.includes(kind))) return null;
    const outsider = permissions.length === 0;
    if (outsider && item.outsiders && !item.outsiders.some((kind) => grantedRecords.includes(kind)))
      return null;
    if (!item.children) return item;
    const children = item.children.map(allowed).filter((c): c is NavItem => c !== null);
    return children.length ? { ...item, children } : null;
  };
  return navigation()
    .map((s) => ({ ...s, items: s.items.map(allowed).filter((i): i is NavItem => i !== null) }))
    .filter((s) => s.items.length > 0);
}
