import type { Kysely } from 'kysely';
import type { DB } from '../../../server/db/schema.ts';
import { hashPassword } from '../../../server/platform/auth/passwords.ts';
import type { ApiClient, TestApp } from '../../support/app.ts';
import { SITES, SUBSIDIARIES } from '../../support/fixture.ts';
import {
  type ExpectedPolicy,
  type MatrixActor,
  type ScopeName,
  type Variant,
  variantProgram,
  variantRole,
} from './policy.ts';
import { SUITE } from './suite.ts';

/** The password of every matrix user (it meets the password policy). */
export const MATRIX_PASSWORD = 'Matrix-Actor-Pass-2026';

const SCOPES: ScopeName[] = ['site', 'subsidiary', 'group'];

/** A version-4 UUID whose first group says "matrix user" (a7…), numbered. */
const matrixUserId = (n: number) => `a7000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export type SignedInActor = { actor: MatrixActor; client: ApiClient; userId: string | null };

/**
 * Every role variant of the expected policy over each scope, holding what the policy gives it; a user with no
 * role at all, and a signed-out visitor.
 */
export function matrixActors(policy: ExpectedPolicy = SUITE.policy): MatrixActor[] {
  const out: MatrixActor[] = [];
  for (const variant of policy.variants)
    for (const scope of SCOPES)
      out.push({ name: `${variant}@${scope}`, kind: 'role', variant, scope, holds: policy.holds[variant] });
  out.push({ name: 'no-role', kind: 'none' });
  out.push({ name: 'signed-out', kind: 'anonymous' });
  return out;
}

const emailOf = (name: string) =>
  `matrix.${name.replace(/[@:_]/g, '.').replace(/\.+/g, '.')}@steward.test`.toLowerCase();

function scopeRow(scope: ScopeName) {
  if (scope === 'site') return { scope_kind: 'sites' as const, subsidiary_id: null, site_ids: [SITES.K7.id] };
  if (scope === 'subsidiary')
    return { scope_kind: 'subsidiary' as const, subsidiary_id: SUBSIDIARIES.ASE.id, site_ids: [] };
  return { scope_kind: 'group' as const, subsidiary_id: null, site_ids: [] };
}

/** Creates the matrix users in the database (one password hash for all: argon2 is slow on purpose). */
export async function seedMatrixUsers(db: Kysely<DB>, actors: MatrixActor[]): Promise<Map<string, string>> {
  const hash = await hashPassword(MATRIX_PASSWORD);
  const ids = new Map<string, string>();
  let n = 0;
  await db.transaction().execute(async (trx) => {
    for (const actor of actors) {
      if (actor.kind === 'anonymous') continue;
      const id = matrixUserId(++n);
      ids.set(actor.name, id);
      await trx
        .insertInto('users')
        .values({ id, email: emailOf(actor.name), display_name: `Matrix ${actor.name}`, password_hash: hash })
        .execute();
      if (actor.kind === 'role')
        await trx
          .insertInto('role_assignments')
          .values({
            user_id: id,
            role: variantRole(actor.variant) as 'employee',
            program: variantProgram(actor.variant),
            ...scopeRow(actor.scope),
          })
          .execute();
    }
  });
  return ids;
}

/** Employees of SZ (outside every matrix scope), for committees to add as members. */
export async function seedPlainUsers(db: Kysely<DB>, prefix: string, count: number): Promise<string[]> {
  const hash = await hashPassword(MATRIX_PASSWORD);
  const rows = await db
    .insertInto('users')
    .values(
      Array.from({ length: count }, (_, i) => ({
        email: `${prefix}.${i}@steward.test`,
        display_name: `${prefix} ${i}`,
        password_hash: hash,
      })),
    )
    .returning('id')
    .execute();
  await db
    .insertInto('role_assignments')
    .values(
      rows.map((r) => ({
        user_id: r.id,
        role: 'employee' as const,
        program: null,
        scope_kind: 'sites' as const,
        subsidiary_id: null,
        site_ids: [SITES.SZ.id],
      })),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** Seeds the matrix users and signs each in; the signed-out actor gets a client without credentials. */
export async function signInMatrix(
  t: TestApp,
  actors: MatrixActor[] = matrixActors(),
): Promise<SignedInActor[]> {
  const ids = await seedMatrixUsers(t.db, actors);
  const out: SignedInActor[] = [];
  for (const actor of actors) {
    if (actor.kind === 'anonymous') out.push({ actor, client: t.anonymous(), userId: null });
    else
      out.push({
        actor,
        client: await t.signIn(emailOf(actor.name), MATRIX_PASSWORD),
        userId: ids.get(actor.name) as string,
      });
  }
  return out;
}

export const actorNamed = (all: SignedInActor[], name: string) => {
  const found = all.find((a) => a.actor.name === name);
  if (!found) throw new Error(`No matrix actor ${name}`);
  return found;
};

export type { Variant };
