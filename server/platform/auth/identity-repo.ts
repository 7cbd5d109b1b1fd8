import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';

/** A role assignment with a subsidiary's scope already resolved to its sites. */
export type IdentityAssignment = {
  role: string;
  program: string | null;
  scope: 'group' | 'subsidiary' | 'sites';
  sites: string[];
};

type IdentityColumns = {
  user_id: string;
  email: string;
  display_name: string;
  locale: 'en' | 'zh-TW';
  active: boolean;
  assignments: IdentityAssignment[];
  /** [record type, record id] of each record granted to the user (the external role). */
  grants: [string, string][];
};

export type SessionIdentityRow = IdentityColumns & {
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
};

export type TokenIdentityRow = IdentityColumns & {
  token_id: string;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
};

/** The user's columns, roles (subsidiaries resolved to their sites) and grants, beside the credential's. */
const identityColumns = sql`
  u.id as user_id, u.email, u.display_name, u.locale, u.active,
  coalesce((
    select json_agg(json_build_object(
      'role', ra.role,
      'program', ra.program,
      'scope', ra.scope_kind,
      'sites', case when ra.scope_kind = 'subsidiary'
        then coalesce((select json_agg(st.id) from sites st where st.subsidiary_id = ra.subsidiary_id), '[]'::json)
        else to_json(ra.site_ids) end))
    from role_assignments ra where ra.user_id = u.id
  ), '[]'::json) as assignments,
  coalesce((
    select json_agg(json_build_array(g.record_type, g.record_id))
    from record_grants g where g.user_id = u.id
  ), '[]'::json) as grants`;

/** A session, its user, the user's roles and granted records: one query. */
export async function sessionIdentity(db: Db, sessionId: string): Promise<SessionIdentityRow | undefined> {
  const { rows } = await sql<SessionIdentityRow>`
    select s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, ${identityColumns}
    from sessions s join users u on u.id = s.user_id
    where s.id = ${sessionId}`.execute(db);
  return rows[0];
}

/** An API token, its user, the user's roles and granted records: one query. */
export async function tokenIdentity(db: Db, tokenHash: string): Promise<TokenIdentityRow | undefined> {
  const { rows } = await sql<TokenIdentityRow>`
    select t.id as token_id, t.expires_at, t.revoked_at, t.last_used_at, ${identityColumns}
    from api_tokens t join users u on u.id = t.user_id
    where t.token_hash = ${tokenHash}`.execute(db);
  return rows[0];
}

/** A session's sliding idle expiry: written at most once a minute per session and process. */
export async function touchSession(db: Db, sessionId: string, at: Date, expiresAt: Date) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: at, expires_at: expiresAt })
    .where('id', '=', sessionId)
    .execute();
}

export async function touchToken(db: Db, tokenId: string, at: Date) {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', tokenId).execute();
}
