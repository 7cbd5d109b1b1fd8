import { sql } from 'kysely';
import type { z } from 'zod';
import { isProgram } from '#shared/platform/access/programs.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import type {
  AssignmentInput,
  userDirectoryQuery,
  userInput,
  userListQuery,
  userPatch,
} from '#shared/platform/users/contract.ts';
import { paginate } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { type Actor, type SiteScope, scopeIsEmpty, visibleSites } from '../access/actor.ts';
import { access } from '../access/service.ts';
import { recordAudit } from '../audit/service.ts';
import { loadActor, loadAssignments } from '../auth/actor-loader.ts';
import { hashPassword, passwordProblems } from '../auth/passwords.ts';
import type { SessionUser } from '../auth/service.ts';
import { NotFoundError, UnauthenticatedError, ValidationError } from '../http/errors.ts';
import type { OrgService } from '../org/service.ts';

type AssignmentRow = {
  role: string;
  program: string | null;
  scope_kind: 'group' | 'subsidiary' | 'sites';
  subsidiary_id: string | null;
  site_ids: string[];
};

/**
 * The directory lists a user who holds a role at a site the caller can see, or a role over the whole group:
 * an employee at one site finds the people of that site and the group's staff, not every user of the group.
 */
function rolesVisibleTo(scope: SiteScope) {
  const holds = sql`select 1 from role_assignments ra where ra.user_id = users.id`;
  if (scope === 'all') return holds;
  if (scope.size === 0) return sql`${holds} and ra.scope_kind = 'group'`;
  const ids = sql.join([...scope].map((id) => sql`${id}::uuid`));
  return sql`${holds} and (ra.scope_kind = 'group'
    or (ra.scope_kind = 'sites' and ra.site_ids && array[${ids}])
    or (ra.scope_kind = 'subsidiary' and exists (
      select 1 from sites s where s.subsidiary_id = ra.subsidiary_id and s.id in (${ids}))))`;
}

export function createUsersService(db: Db, _org: OrgService, now: () => Date = () => new Date()) {
  function validatePassword(password: string, email: string) {
    const problems = passwordProblems(password, { email });
    if (problems.length)
      throw new ValidationError(`The password needs ${problems.join(', ')}.`, [
        { path: 'password', message: problems.join(', ') },
      ]);
  }

  async function checkAssignments(assignments: AssignmentInput[]) {
    const siteIds = [
      ...new Set(assignments.flatMap((a) => (a.scopeKind === 'sites' ? (a.siteIds ?? []) : []))),
    ];
    if (siteIds.length) {
      const found = await db.selectFrom('sites').select('id').where('id', 'in', siteIds).execute();
      if (found.length !== siteIds.length)
        throw new ValidationError('A role names a site that does not exist.', [
          { path: 'assignments', message: 'Unknown site' },
        ]);
    }
    for (const a of assignments) {
      // The contract checks the key on the API; the command line comes here directly.
      if (a.program && !isProgram(a.program))
        throw new ValidationError('A role names a program that does not exist.', [
          { path: 'assignments.program', message: 'Unknown program' },
        ]);
      if (a.role === 'program_owner' && !a.program) {
        throw new ValidationError('A program owner owns one program.', [
          { path: 'assignments.program', message: 'Required for program owners' },
        ]);
      }
    }
  }

  const assignmentRows = (userId: string, assignments: AssignmentInput[], by: string | null) =>
    assignments.map((a) => ({
      user_id: userId,
      role: a.role,
      program: a.program ?? null,
      scope_kind: a.scopeKind,
      subsidiary_id: a.scopeKind === 'subsidiary' ? (a.subsidiaryId ?? null) : null,
      site_ids: a.scopeKind === 'sites' ? (a.siteIds ?? []) : [],
      created_by: by,
    }));

  const toAssignmentView = (r: AssignmentRow) => ({
    role: r.role as AssignmentInput['role'],
    program: (r.program ?? null) as AssignmentInput['program'] & null,
    scopeKind: r.scope_kind,
    subsidiaryId: r.subsidiary_id,
    siteIds: r.site_ids,
  });

  async function view(userId: string) {
    const u = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!u) throw new NotFoundError('user');
    const rows = await db
      .selectFrom('role_assignments')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
    return {
      id: u.id,
      email: u.email,
      displayName: u.display_name,
      locale: u.locale,
      active: u.active,
      locked: !!u.locked_until && u.locked_until > now(),
      lastSignInAt: u.last_signin_at?.toISOString() ?? null,
      assignments: rows.map(toAssignmentView),
      version: u.version,
    };
  }

  return {
    actorFor: (user: SessionUser, requestId?: string) => loadActor(db, user, requestId),

    /** Display names of these users, for a module's views (one query for a page of records). */
    async displayNames(ids: readonly (string | null)[], handle: Db = db) {
      const unique = [...new Set(ids.filter((id): id is string => !!id))];
      const rows = unique.length
        ? await handle.selectFrom('users').select(['id', 'display_name']).where('id', 'in', unique).execute()
        : [];
      return new Map(rows.map((r) => [r.id, r.display_name]));
    },

    /** Refuses a list of user ids unless every one names an active user (one query), naming the field. */
    async assertActiveUsers(
      ids: readonly string[],
      path: string,
      title = 'Not an active user.',
      handle: Db = db,
    ) {
      if (!ids.length) return;
      const found = await handle
        .selectFrom('users')
        .select('id')
        .where('id', 'in', [...ids])
        .where('active', '=', true)
        .execute();
      if (found.length !== new Set(ids).size)
        throw new ValidationError(title, [{ path, message: 'Unknown or inactive user' }]);
    },

    /** Refuses a user id that names no active user, naming the field that holds it (`path`). */
    async assertActiveUser(id: string, path: string, handle: Db = db) {
      const user = await handle
        .selectFrom('users')
        .select(['active'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!user?.active)
        throw new ValidationError('Not an active user.', [{ path, message: 'Unknown or inactive user' }]);
    },

    async profile(actor: Actor) {
      const u = await db
        .selectFrom('users')
        .select(['id', 'email', 'display_name', 'locale'])
        .where('id', '=', actor.userId as string)
        .executeTakeFirst();
      if (!u) throw new NotFoundError('user');
      return u;
    },

    /** The actor's roles with a readable scope ("ASE", "K7, K8", "Group"). */
    async describeAssignments(actor: Actor) {
      const { rows } = await loadAssignments(db, actor.userId as string);
      const subsidiaries = new Map(
        (await db.selectFrom('subsidiaries').select(['id', 'code']).execute()).map((s) => [s.id, s.code]),
      );
      const siteIds = [...new Set(rows.flatMap((r) => r.site_ids))];
      const sites = siteIds.length
        ? new Map(
            (await db.selectFrom('sites').select(['id', 'code']).where('id', 'in', siteIds).execute()).map(
              (s) => [s.id, s.code],
            ),
          )
        : new Map();
      return rows.map((r) => ({
        role: r.role as AssignmentInput['role'],
        program: r.program as AssignmentInput['program'] & null,
        scopeKind: r.scope_kind,
        scopeLabel:
          r.scope_kind === 'group'
            ? 'Group'
            : r.scope_kind === 'subsidiary'
              ? (subsidiaries.get(r.subsidiary_id ?? '') ?? '?')
              : r.site_ids.map((id) => sites.get(id) ?? '?').join(', '),
      }));
    },

    /** Active users matching a name or email, for any signed-in user picking an owner, a delegate or a member. */
    async directory(actor: Actor, query: z.infer<typeof userDirectoryQuery>) {
      if (!actor.userId) throw new UnauthenticatedError();
      // A person outside the company (no role at any site) finds nobody: the group's staff are not theirs to list.
      if (scopeIsEmpty(visibleSites(actor))) return { items: [] };
      let base = db
        .selectFrom('users')
        .select(['id', 'display_name', 'email'])
        .where('active', '=', true)
        .where(sql<boolean>`exists (${rolesVisibleTo(visibleSites(actor))})`);
      if (query.q) {
        const p = likePattern(query.q);
        base = base.where((eb) => eb.or([eb('email', 'ilike', p), eb('display_name', 'ilike', p)]));
      }
      const rows = await base.orderBy('display_name').orderBy('id').limit(query.limit).execute();
      return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email })) };
    },

    async list(actor: Actor, query: z.infer<typeof userListQuery>) {
      access.assert(actor, { permission: 'users.read', siteId: null, what: 'user' });
      let base = db.selectFrom('users').select(['users.id']);
      if (query.q) {
        const p = likePattern(query.q);
        base = base.where((eb) =>
          eb.or([eb('users.email', 'ilike', p), eb('users.display_name', 'ilike', p)]),
        );
      }
      if (query.role)
        base = base.where((eb) =>
          eb.exists(
            eb
              .selectFrom('role_assignments')
              .select('role_assignments.id')
              .whereRef('role_assignments.user_id', '=', 'users.id')
              .where('role_assignments.role', '=', query.role as string),
          ),
        );
      const sortColumn = {
        displayName: 'users.display_name',
        email: 'users.email',
        lastSignInAt: 'users.last_signin_at',
      }[query.sort];
      const { items, ...paging } = await paginate<{ id: string }>(db, base, {
        sortColumn,
        order: query.order,
        tieBreaker: 'users.id',
        page: query.page,
        cursor: query.cursor,
        count: query.count,
        pageSize: query.pageSize,
      });
      return {
        items: await Promise.all(items.map((i) => view(i.id))),
        ...paging,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async get(actor: Actor, id: string) {
      access.assert(actor, { permission: 'users.read', siteId: null, what: 'user' });
      return view(id);
    },

    async create(actor: Actor, input: z.infer<typeof userInput>) {
      access.assert(actor, { permission: 'users.manage', siteId: null, what: 'user' });
      validatePassword(input.password, input.email);
      await checkAssignments(input.assignments);
      const passwordHash = await hashPassword(input.password);
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('users')
          .values({
            email: input.email,
            display_name: input.displayName,
            locale: input.locale ?? 'en',
            password_hash: passwordHash,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const assignments = assignmentRows(row.id, input.assignments, actor.userId);
        if (assignments.length) await trx.insertInto('role_assignments').values(assignments).execute();
        await recordAudit(trx, actor, {
          action: 'user.created',
          entityType: 'user',
          entityId: row.id,
          siteId: null,
          after: { ...row, assignments },
        });
        return row.id;
      });
      return view(id);
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof userPatch>) {
      access.assert(actor, { permission: 'users.manage', siteId: null, what: 'user' });
      const before = await view(id);
      if (patch.password !== undefined) validatePassword(patch.password, before.email);
      if (patch.assignments) await checkAssignments(patch.assignments);
      const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
      await db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'users',
          id,
          patch.version,
          definedOnly({
            display_name: patch.displayName,
            locale: patch.locale,
            active: patch.active,
            password_hash: passwordHash,
            ...(patch.unlock ? { locked_until: null, failed_signins: 0 } : {}),
          }),
          actor.userId,
        );
        if (patch.assignments) {
          await trx.deleteFrom('role_assignments').where('user_id', '=', id).execute();
          const rows = assignmentRows(id, patch.assignments, actor.userId);
          if (rows.length) await trx.insertInto('role_assignments').values(rows).execute();
        }
        // Roles or activity changed: the user's sessions end so the new rights apply at once.
        if (patch.assignments || patch.active === false || passwordHash)
          await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
        await recordAudit(trx, actor, {
          action: 'user.updated',
          entityType: 'user',
          entityId: id,
          siteId: null,
          before,
          after: { ...after, assignments: patch.assignments ?? before.assignments },
        });
      });
      return view(id);
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
