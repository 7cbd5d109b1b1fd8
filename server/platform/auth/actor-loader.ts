import type { Program, Role } from '#shared/platform/access/roles.ts';
import type { Db } from '../../db/types.ts';
import type { Actor, ResolvedAssignment } from '../access/actor.ts';
import { grantsOfUser } from '../grants/repo.ts';

export type AssignmentRow = {
  role: string;
  program: string | null;
  scope_kind: 'group' | 'subsidiary' | 'sites';
  subsidiary_id: string | null;
  site_ids: string[];
};

/** Resolves each role assignment's scope to concrete sites (a subsidiary's sites are read from the org). */
export async function loadAssignments(
  db: Db,
  userId: string,
): Promise<{ rows: AssignmentRow[]; resolved: ResolvedAssignment[] }> {
  const rows = await db
    .selectFrom('role_assignments')
    .select(['role', 'program', 'scope_kind', 'subsidiary_id', 'site_ids'])
    .where('user_id', '=', userId)
    .execute();
  const subsidiaryIds = [...new Set(rows.map((r) => r.subsidiary_id).filter((x): x is string => !!x))];
  const sitesBySubsidiary = new Map<string, string[]>();
  if (subsidiaryIds.length > 0) {
    const sites = await db
      .selectFrom('sites')
      .select(['id', 'subsidiary_id'])
      .where('subsidiary_id', 'in', subsidiaryIds)
      .execute();
    for (const s of sites) {
      const list = sitesBySubsidiary.get(s.subsidiary_id) ?? [];
      list.push(s.id);
      sitesBySubsidiary.set(s.subsidiary_id, list);
    }
  }
  const resolved = rows.map(
    (r): ResolvedAssignment => ({
      role: r.role as Role,
      program: r.program as Program | null,
      siteIds:
        r.scope_kind === 'group'
          ? null
          : new Set(
              r.scope_kind === 'subsidiary'
                ? (sitesBySubsidiary.get(r.subsidiary_id ?? '') ?? [])
                : r.site_ids,
            ),
    }),
  );
  return { rows, resolved };
}

export async function loadActor(
  db: Db,
  user: { id: string; display_name: string; email: string; locale: 'en' | 'zh-TW' },
  requestId?: string,
): Promise<Actor> {
  const [{ resolved }, granted] = await Promise.all([
    loadAssignments(db, user.id),
    grantsOfUser(db, user.id),
  ]);
  const grants = new Map<string, Set<string>>();
  for (const g of granted) {
    const ids = grants.get(g.record_type) ?? new Set<string>();
    ids.add(g.record_id);
    grants.set(g.record_type, ids);
  }
  return {
    kind: 'user',
    userId: user.id,
    label: `${user.display_name} <${user.email}>`,
    locale: user.locale,
    assignments: resolved,
    grants,
    requestId,
  };
}
