import type { Grant } from '../../platform/access/policy.ts';

/**
 * The industry–academia program's permissions and the roles that receive them (merged into the policy
 * table). The group academia office is the program owner; university-relations staff and research managers
 * of a subsidiary or site are its site officers. Auditors and Board members read and change nothing.
 */
export const academiaPermissions = {
  'academia.read': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'academia' },
    { role: 'site_officer', program: 'academia' },
    { role: 'auditor' },
    { role: 'board' },
  ],
  /** Partners, agreements, projects, payments, scholarships and interns at the holder's sites. */
  'academia.manage': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'academia' },
    { role: 'site_officer', program: 'academia' },
  ],
} satisfies Record<string, Grant[]>;
