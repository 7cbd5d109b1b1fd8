export const roles = [
  'group_admin',
  'program_owner',
  'site_officer',
  'employee',
  'auditor',
  'board',
  'medical',
] as const;
export type Role = (typeof roles)[number];

export type { Program } from './programs.ts';

import type { Program } from './programs.ts';

export const scopeKinds = ['group', 'subsidiary', 'sites'] as const;
export type ScopeKind = (typeof scopeKinds)[number];

/** A role held over part of the organisation. `program` narrows program owners and site officers. */
export type RoleAssignment = {
  role: Role;
  program: Program | null;
  scope:
    | { kind: 'group' }
    | { kind: 'subsidiary'; subsidiaryId: string }
    | { kind: 'sites'; siteIds: string[] };
};
