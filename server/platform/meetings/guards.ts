import type { Program } from '#shared/platform/access/roles.ts';
import type { CommitteeRole } from '#shared/platform/meetings/rules/committee.ts';
import { checkEdit, type MeetingPart } from '#shared/platform/meetings/rules/status.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import { access } from '../access/service.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../http/errors.ts';
import * as committeesRepo from './committees-repo.ts';
import * as meetingsRepo from './meetings-repo.ts';

/**
 * Who may do what with a committee and its meetings. A site committee belongs to its site; group and
 * subsidiary committees are group records, readable by whoever holds meetings.read and managed by the program
 * owner or a group admin. Members read their own committees, and the chair and secretary run its meetings.
 */

/** What access decisions need of a committee: its site (null for group and subsidiary committees) and program. */
type Holder = { site_id: string | null; program: string | null };

export function assertRead(actor: Actor, c: Holder, role: CommitteeRole | null, what: string) {
  if (role) return;
  access.assert(actor, { permission: 'meetings.read', siteId: c.site_id, what });
}

function canManage(actor: Actor, c: Holder): boolean {
  const program = (c.program ?? undefined) as Program | undefined;
  return c.site_id
    ? access.can(actor, 'meetings.manage', c.site_id, program)
    : access.can(actor, 'meetings.group.manage', null, program);
}

/** Change the committee itself and its membership. */
export function assertManage(actor: Actor, c: Holder, role: CommitteeRole | null, what: string) {
  assertRead(actor, c, role, what);
  if (!canManage(actor, c)) throw new ForbiddenError(c.site_id ? 'meetings.manage' : 'meetings.group.manage');
}

/** Schedule and run meetings: a manager, or the committee's chair or secretary. */
export function assertRun(actor: Actor, c: Holder, role: CommitteeRole | null, what: string) {
  assertRead(actor, c, role, what);
  if (role === 'chair' || role === 'secretary') return;
  if (!canManage(actor, c)) throw new ForbiddenError(c.site_id ? 'meetings.manage' : 'meetings.group.manage');
}

export function assertSignedIn(actor: Actor) {
  if (!actor.userId && actor.kind !== 'system') throw new UnauthenticatedError();
}

export async function assertActiveUsers(db: Db, ids: (string | null | undefined)[], path: string) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return;
  const ok = await committeesRepo.activeUserIds(db, wanted);
  const missing = wanted.filter((id) => !ok.has(id));
  if (missing.length)
    throw new ValidationError(
      'Every person named must be an active user.',
      missing.map((id) => ({ path, message: `Unknown or inactive user ${id}` })),
    );
}

export async function committeeOrNotFound(db: Db, id: string) {
  const row = await committeesRepo.committeeRows(db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('committee');
  return row;
}

export async function meetingOrNotFound(db: Db, id: string) {
  const row = await meetingsRepo.meetingRows(db).where('m.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('meeting');
  return row;
}

/** A meeting the actor may run, checked for the part that changes. */
export async function meetingToRun(db: Db, actor: Actor, id: string, parts: MeetingPart[]) {
  const m = await meetingOrNotFound(db, id);
  const role = await committeesRepo.roleOn(db, m.committee_id, actor.userId);
  assertRun(actor, m, role, 'meeting');
  for (const part of parts) {
    const check = checkEdit(m.status, part);
    if (!check.ok) throw new ConflictError(check.reason);
  }
  return m;
}
