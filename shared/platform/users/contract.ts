import { z } from 'zod';
import { programKey } from '../access/programs.ts';
import { roles } from '../access/roles.ts';
import { listQuery, pageOf, versioned } from '../http/list.ts';

export const assignmentInput = z
  .object({
    role: z.enum(roles),
    program: programKey.nullable().optional(),
    scopeKind: z.enum(['group', 'subsidiary', 'sites']),
    subsidiaryId: z.string().uuid().nullable().optional(),
    siteIds: z.array(z.string().uuid()).max(100).optional(),
  })
  .strict()
  .refine((a) => a.scopeKind !== 'subsidiary' || !!a.subsidiaryId, {
    message: 'A subsidiary scope names its subsidiary',
    path: ['subsidiaryId'],
  })
  .refine((a) => a.scopeKind !== 'sites' || (a.siteIds?.length ?? 0) > 0, {
    message: 'A site scope names at least one site',
    path: ['siteIds'],
  });
export type AssignmentInput = z.infer<typeof assignmentInput>;

export const userAssignmentView = z.object({
  role: z.enum(roles),
  program: programKey.nullable(),
  scopeKind: z.enum(['group', 'subsidiary', 'sites']),
  subsidiaryId: z.string().uuid().nullable(),
  siteIds: z.array(z.string().uuid()),
});

export const userView = z.object({
  id: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: z.enum(['en', 'zh-TW']),
  active: z.boolean(),
  locked: z.boolean(),
  lastSignInAt: z.string().nullable(),
  assignments: z.array(userAssignmentView),
  version: z.number().int(),
});

export const userInput = z
  .object({
    email: z.string().trim().max(254).email(),
    displayName: z.string().trim().min(1).max(200),
    locale: z.enum(['en', 'zh-TW']).optional(),
    password: z.string().max(256),
    assignments: z.array(assignmentInput).max(20),
  })
  .strict();
export const userPatch = z
  .object({
    displayName: z.string().trim().min(1).max(200).optional(),
    locale: z.enum(['en', 'zh-TW']).optional(),
    active: z.boolean().optional(),
    assignments: z.array(assignmentInput).max(20).optional(),
    unlock: z.boolean().optional(),
    password: z.string().max(256).optional(),
  })
  .extend(versioned.shape)
  .strict();
export const userListQuery = listQuery(['displayName', 'email', 'lastSignInAt']).extend({
  role: z.enum(roles).optional(),
});
export const userPage = pageOf(userView);

/** The staff directory: active users by name or email, to pick an owner, a delegate or a committee member. */
export const userDirectoryQuery = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const userDirectoryEntry = z.object({
  id: z.string().uuid(),
  displayName: z.string(),
  email: z.string(),
});
export const userDirectory = z.object({ items: z.array(userDirectoryEntry) });
