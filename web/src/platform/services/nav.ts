import {
  IconCalendarDue,
  IconCalendarEvent,
  IconCertificate,
  IconCertificate2,
  IconChecklist,
  IconFileAnalytics,
  IconInbox,
  IconSchool,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { NavItem } from '../shell/nav-types.ts';
import { servicesTexts } from './texts.ts';

const label = servicesTexts.key;

/** The section of the navigation with the platform services every program uses. */
export const workNavigation: NavItem[] = [
  { label: label('nav.myObligations'), to: '/obligations', icon: IconCalendarDue, exact: true },
  { label: label('nav.inbox'), to: '/inbox', icon: IconInbox },
  { label: label('nav.actions'), to: '/actions', icon: IconChecklist },
  {
    label: label('nav.calendar'),
    to: '/obligations/calendar',
    icon: IconCalendarEvent,
    permission: 'obligations.read',
  },
  {
    label: label('nav.certifications'),
    to: '/certifications',
    icon: IconCertificate2,
    permission: 'certifications.read',
  },
  // Training is assigned to the group's employees and contractor workers, never to people outside it.
  { label: label('nav.myTraining'), to: '/training/mine', icon: IconCertificate, outsiders: [] },
  { label: label('nav.training'), to: '/training', icon: IconSchool, permission: 'training.read' },
  {
    label: label('nav.committees'),
    to: '/committees',
    icon: IconUsersGroup,
    permission: 'meetings.read',
  },
  { label: label('nav.reports'), to: '/reports', icon: IconFileAnalytics, permission: 'org.read' },
];

export const workSectionLabel = label('nav.section');
