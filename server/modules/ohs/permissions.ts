import type { Grant, PlatformPermission } from '../../platform/access/policy.ts';

/** The OHS program's permissions and the roles that receive them (merged into the policy table). */
export const ohsPermissions = {
  /** Anyone who works at a site reports an incident or a hazard there. */
  'ohs.report': [
    { role: 'group_admin' },
    { role: 'program_owner' },
    { role: 'site_officer' },
    { role: 'auditor' },
    { role: 'board' },
    { role: 'employee' },
    { role: 'medical' },
  ],
  'ohs.read': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'ohs' },
    { role: 'site_officer', program: 'ohs' },
    { role: 'auditor' },
    { role: 'board' },
    { role: 'medical' },
  ],
  'ohs.manage': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'ohs' },
    { role: 'site_officer', program: 'ohs' },
  ],
  /** Individual health results: medical staff only; everyone else sees counts. */
  'health.individual': [{ role: 'medical' }],
  'health.read': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'ohs' },
    { role: 'site_officer', program: 'ohs' },
    { role: 'auditor' },
    { role: 'board' },
    { role: 'medical' },
  ],
} satisfies Record<string, Grant[]>;

/** Platform permissions the OHS program's owner also receives: contractor companies and workers. */
export const ohsGrants: Partial<Record<PlatformPermission, Grant[]>> = {
  'contractors.companies.manage': [{ role: 'program_owner', program: 'ohs' }],
  'contractors.workers.manage': [{ role: 'program_owner', program: 'ohs' }],
};
