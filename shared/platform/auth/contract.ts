import { z } from 'zod';
import { programKey } from '../access/programs.ts';
import { roles, scopeKinds } from '../access/roles.ts';

export const localeSchema = z.enum(['en', 'zh-TW']);

export const signInBody = z
  .object({
    email: z.string().trim().min(3).max(254).email(),
    password: z.string().min(1).max(256),
  })
  .strict();
export type SignInBody = z.infer<typeof signInBody>;

export const assignmentView = z.object({
  role: z.enum(roles),
  program: programKey.nullable(),
  scopeKind: z.enum(scopeKinds),
  scopeLabel: z.string(),
});

export const sessionView = z.object({
  user: z.object({
    id: z.string().uuid(),
    email: z.string(),
    displayName: z.string(),
    locale: localeSchema,
  }),
  csrfToken: z.string(),
  expiresAt: z.string(),
  assignments: z.array(assignmentView),
  /** Permission names the user holds somewhere: the web app shows or hides actions with them. */
  permissions: z.array(z.string()),
  /**
   * Those of them held over the whole group: the changes to group records and settings that only group-wide
   * holders may make (the server's `access.assertGroupWide`).
   */
  groupWidePermissions: z.array(z.string()).default([]),
  /** The employee or contractor worker the account belongs to, for the self-service pages; null if none. */
  person: z
    .object({
      kind: z.enum(['employee', 'contractor_worker']),
      id: z.string().uuid(),
      siteId: z.string().uuid(),
    })
    .nullable()
    .optional(),
  /**
   * Kinds of record granted to the user one by one (the external role: a student's internship, a supplier's
   * assessment): the web app shows the pages where such a person finds them.
   */
  grantedRecords: z.array(z.string()).optional(),
});
export type SessionView = z.infer<typeof sessionView>;

export const preferencesBody = z.object({ locale: localeSchema }).strict();

export const createTokenBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    expiresInDays: z.number().int().min(1).max(366).optional(),
  })
  .strict();

export const tokenView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});

export const createdTokenView = tokenView.extend({
  /** Shown once; only its hash is stored. */
  token: z.string(),
});
