import type { Grant, PlatformPermission } from '../../platform/access/policy.ts';

/** The OHS program's permissions and the roles that receive them (merged into the policy table). */
export const ohsPermissions = {
  /**
   * Reporting an incident: the people who work at a site (employees and contractor workers, site officers,
   * medical staff) at their own sites, the OHS program owner, and the group administrator. The other program
   * owners, the auditor and the Board member report nothing: auditors and Board members change nothing.
   */
  'ohs.report': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'ohs' },
    { role: 'site_officer' },
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
