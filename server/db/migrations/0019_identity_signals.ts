import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * Every web process keeps the identities of recent requests (session or API token, user, roles, granted
 * records) in memory. A change to any of them announces itself on the `steward_identity` channel, from the
 * database, in the transaction that makes it, so that every process hears it when (and only if) the change
 * commits, whichever code path, command or SQL made it. Payloads: `s:<session id>` (a session ended),
 * `t:<token hash>` (an API token revoked or re-dated), `u:<user id>` (the user's account, roles or grants
 * changed), `*` (anything: a site moved between subsidiaries, a table emptied, a bulk change).
 * Columns that change on their own (a session's sliding expiry, sign-in counters, a token's last use) are
 * not announced.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create function identity_signal_row() returns trigger language plpgsql as $$
    declare
      row_data record;
    begin
      if tg_op = 'DELETE' then row_data := old; else row_data := new; end if;
      if tg_argv[0] = 'user' then
        perform pg_notify('steward_identity', 'u:' || row_data.user_id);
        if tg_op = 'UPDATE' and old.user_id is distinct from new.user_id then
          perform pg_notify('steward_identity', 'u:' || old.user_id);
        end if;
      elsif tg_argv[0] = 'self' then
        perform pg_notify('steward_identity', 'u:' || row_data.id);
      elsif tg_argv[0] = 'token' then
        perform pg_notify('steward_identity', 't:' || old.token_hash);
      else
        perform pg_notify('steward_identity', '*');
      end if;
      return null;
    end $$;

    create function identity_signal_sessions() returns trigger language plpgsql as $$
    declare
      ended record;
    begin
      if (select count(*) from ended_sessions) > 100 then
        perform pg_notify('steward_identity', '*');
      else
        for ended in select id from ended_sessions loop
          perform pg_notify('steward_identity', 's:' || ended.id);
        end loop;
      end if;
      return null;
    end $$;

    create function identity_signal_all() returns trigger language plpgsql as $$
    begin
      perform pg_notify('steward_identity', '*');
      return null;
    end $$;

    create trigger sessions_identity_signal after delete on sessions
      referencing old table as ended_sessions for each statement execute function identity_signal_sessions();
    create trigger sessions_identity_truncate after truncate on sessions
      for each statement execute function identity_signal_all();

    create trigger api_tokens_identity_signal after update of revoked_at, expires_at, token_hash, user_id
      on api_tokens for each row
      when (old.revoked_at is distinct from new.revoked_at or old.expires_at is distinct from new.expires_at
        or old.token_hash is distinct from new.token_hash or old.user_id is distinct from new.user_id)
      execute function identity_signal_row('token');
    create trigger api_tokens_identity_delete after delete on api_tokens
      for each row execute function identity_signal_row('token');
    create trigger api_tokens_identity_truncate after truncate on api_tokens
      for each statement execute function identity_signal_all();

    create trigger users_identity_signal after update of active, password_hash, email, display_name, locale
      on users for each row
      when (old.active is distinct from new.active or old.password_hash is distinct from new.password_hash
        or old.email is distinct from new.email or old.display_name is distinct from new.display_name
        or old.locale is distinct from new.locale)
      execute function identity_signal_row('self');
    create trigger users_identity_delete after delete on users
      for each row execute function identity_signal_row('self');
    create trigger users_identity_truncate after truncate on users
      for each statement execute function identity_signal_all();

    create trigger role_assignments_identity_signal after insert or update or delete on role_assignments
      for each row execute function identity_signal_row('user');
    create trigger role_assignments_identity_truncate after truncate on role_assignments
      for each statement execute function identity_signal_all();

    create trigger record_grants_identity_signal after insert or update or delete on record_grants
      for each row execute function identity_signal_row('user');
    create trigger record_grants_identity_truncate after truncate on record_grants
      for each statement execute function identity_signal_all();

    create trigger sites_identity_signal after insert or delete or update of subsidiary_id on sites
      for each statement execute function identity_signal_all();
    create trigger sites_identity_truncate after truncate on sites
      for each statement execute function identity_signal_all();
    `,
  );
}
