import {
  IconAward,
  IconBuildingBank,
  IconCash,
  IconChalkboard,
  IconFileCertificate,
  IconFlask,
  IconHeartHandshake,
  IconListDetails,
  IconPresentation,
  IconSchool,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import type { NavItem } from '../../platform/shell/nav-types.ts';

const label = (key: string) => `academia:nav.${key}` as ParseKeys;

/** The industry–academia program's pages in the navigation (labels from the module's "academia" namespace). */
export const academiaNavigation: NavItem[] = [
  { label: label('projects'), to: '/academia/projects', icon: IconFlask, permission: 'academia.read' },
  { label: label('partners'), to: '/academia/partners', icon: IconBuildingBank, permission: 'academia.read' },
  {
    label: label('agreements'),
    to: '/academia/agreements',
    icon: IconFileCertificate,
    permission: 'academia.read',
  },
  { label: label('interns'), to: '/academia/interns', icon: IconUsersGroup, permission: 'academia.read' },
  {
    label: label('scholarships'),
    to: '/academia/scholarships',
    icon: IconAward,
    permission: 'academia.read',
  },
  { label: label('payments'), to: '/academia/payments', icon: IconCash, permission: 'academia.read' },
  { label: label('courses'), to: '/academia/courses', icon: IconChalkboard, permission: 'academia.read' },
  {
    label: label('mentorships'),
    to: '/academia/mentorships',
    icon: IconHeartHandshake,
    permission: 'academia.read',
  },
  { label: label('programs'), to: '/academia/programs', icon: IconListDetails, permission: 'academia.read' },
  { label: label('board'), to: '/academia/board', icon: IconPresentation, permission: 'academia.read' },
  /** The ways in of students and professors (the external role): only to accounts granted such records. */
  { label: label('mine'), to: '/academia/my/internships', icon: IconSchool, granted: ['academia_intern'] },
  {
    label: label('mineProjects'),
    to: '/academia/my/projects',
    icon: IconFlask,
    granted: ['academia_project'],
  },
];
