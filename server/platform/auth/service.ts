import type { Config } from '../../config.ts';
import type { Db } from '../../db/types.ts';
import { type Actor, systemActor } from '../access/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { NotFoundError, TooManyRequestsError, UnauthenticatedError } from '../http/errors.ts';
import { platformMessage } from '../i18n/platform-messages.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { API_TOKEN_PREFIX, newSecret, sha256Hex } from './tokens.ts';

export type SessionUser = {
  id: string;
  email: string;
  display_name: string;
  locale: 'en' | 'zh-TW';
};

export type IssuedSession = { token: string; csrfToken: string; expiresAt: Date; user: SessionUser };

const userColumns = ['users.id', 'users.email', 'users.display_name', 'users.locale'] as const;

export function createAuthService(db: Db, config: Config, now: () => Date = () => new Date()) {
  const idleMs = config.session.idleMinutes * 60_000;
  const maxMs = config.session.maxHours * 3_600_000;

  function expiry(createdAt: Date, at: Date): Date {
    return new Date(Math.min(createdAt.getTime() + maxMs, at.getTime() + idleMs));
  }

  return {
    /**
     * Checks the password, counting failures: after `maxFailures` in a row the account is locked for
     * `lockMinutes`. A new session id is issued at every sign-in, and the caller's old one is dropped.
     */
    async signIn(input: {
      email: string;
      password: string;
      ip: string | null;
      userAgent: string | null;
      previousToken?: string;
    }): Promise<IssuedSession> {
      const at = now();
      const user = await db
        .selectFrom('users')
        .select([...userColumns, 'password_hash', 'active', 'failed_signins', 'locked_until'])
        .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
        .executeTakeFirst();
      if (user?.locked_until && user.locked_until > at) {
        const seconds = Math.ceil((user.locked_until.getTime() - at.getTime()) / 1000);
        throw new TooManyRequestsError(
          `Too many failed sign-ins: this account is locked for ${Math.ceil(seconds / 60)} more minute(s).`,
          seconds,
        );
      }
      const ok = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password);
      if (!user || !ok || !user.active || !user.password_hash) {
        if (user) await this.recordFailure(user.id, at);
        throw new UnauthenticatedError('The email or password is not correct.');
      }
      const token = newSecret();
      const csrfToken = newSecret();
      const expiresAt = expiry(at, at);
      await db.transaction().execute(async (trx) => {
        if (input.previousToken)
          await trx.deleteFrom('sessions').where('id', '=', sha256Hex(input.previousToken)).execute();
        await trx
          .insertInto('sessions')
          .values({
            id: sha256Hex(token),
            user_id: user.id,
            csrf_token: csrfToken,
            created_at: at,
            last_seen_at: at,
            expires_at: expiresAt,
            ip: input.ip,
            user_agent: input.userAgent?.slice(0, 400) ?? null,
          })
          .execute();
        await trx
          .updateTable('users')
          .set({ failed_signins: 0, locked_until: null, last_signin_at: at })
          .where('id', '=', user.id)
          .execute();
      });
      return { token, csrfToken, expiresAt, user };
    },

    async recordFailure(userId: string, at: Date) {
      await db.transaction().execute(async (trx) => {
        // Counted in the database: guesses sent at the same moment each count (a count read before the
        // password check and written back after it let concurrent guesses share one failure).
        const { failed_signins: failures } = await trx
          .updateTable('users')
          .set((eb) => ({ failed_signins: eb('failed_signins', '+', 1) }))
          .where('id', '=', userId)
          .returning('failed_signins')
          .executeTakeFirstOrThrow();
        const locks = failures >= config.signIn.maxFailures;
        if (locks) {
          await trx
            .updateTable('users')
            .set({
              failed_signins: 0,
              locked_until: new Date(at.getTime() + config.signIn.lockMinutes * 60_000),
            })
            .where('id', '=', userId)
            .execute();
          await recordAudit(trx, systemActor('platform.actor.signInThrottle'), {
            action: 'user.locked',
            entityType: 'user',
            entityId: userId,
            siteId: null,
            summary: platformMessage('platform.audit.signInLocked', {
              minutes: config.signIn.lockMinutes,
              failures,
            }),
          });
        }
      });
    },

    async signOut(token: string) {
      await db.deleteFrom('sessions').where('id', '=', sha256Hex(token)).execute();
    },

    async createApiToken(actor: Actor, name: string, expiresInDays?: number) {
      if (!actor.userId) throw new UnauthenticatedError();
      const token = API_TOKEN_PREFIX + newSecret();
      const at = now();
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('api_tokens')
          .values({
            user_id: actor.userId as string,
            name,
            token_hash: sha256Hex(token),
            prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
            expires_at: expiresInDays ? new Date(at.getTime() + expiresInDays * 86_400_000) : null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'api_token.created',
          entityType: 'api_token',
          entityId: row.id,
          siteId: null,
          after: { name: row.name, prefix: row.prefix, expires_at: row.expires_at },
        });
        return { ...row, token };
      });
    },

    listApiTokens(actor: Actor) {
      return db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', actor.userId as string)
        .where('revoked_at', 'is', null)
        .orderBy('created_at', 'desc')
        .execute();
    },

    async revokeApiToken(actor: Actor, id: string) {
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('api_tokens')
          .set({ revoked_at: now() })
          .where('id', '=', id)
          .where('user_id', '=', actor.userId as string)
          .where('revoked_at', 'is', null)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw new NotFoundError('API token');
        await recordAudit(trx, actor, {
          action: 'api_token.revoked',
          entityType: 'api_token',
          entityId: id,
          siteId: null,
          before: { name: row.name, prefix: row.prefix },
        });
      });
    },

    async setLocale(actor: Actor, locale: 'en' | 'zh-TW') {
      await db
        .updateTable('users')
        .set({ locale })
        .where('id', '=', actor.userId as string)
        .execute();
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
