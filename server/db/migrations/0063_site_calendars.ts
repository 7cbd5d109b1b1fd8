import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * Sites' working calendars (server/platform/workdays): the days that differ from a Monday-to-Friday week, per
 * country (the ISO code of the sites' `country`) or for one site. A site's own row on a day stands over its
 * country's (a site that works through a public holiday, or closes on a day its country works). Kinds:
 * `public_holiday` (the day itself, also when it falls on a weekend), `day_off` (a weekday given off in its
 * place or to bridge a long weekend, as Taiwan's "補假"), `closure` (a site's own closure) and `working_day`
 * (a make-up working day on a Saturday or Sunday, as Taiwan's calendars before 2025 and China's 调休 have).
 * The name is the day's proper name as published, kept as entered.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table site_calendar_days (
      id uuid primary key default gen_random_uuid(),
      day date not null,
      country char(2) check (country ~ '^[A-Z]{2}$'),
      site_id uuid references sites (id),
      kind text not null check (kind in ('public_holiday', 'day_off', 'closure', 'working_day')),
      name text not null check (length(trim(name)) between 1 and 200),
      source text check (length(source) <= 500),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check ((country is null) <> (site_id is null))
    );
    create unique index site_calendar_days_country_day on site_calendar_days (country, day) where country is not null;
    create unique index site_calendar_days_site_day on site_calendar_days (site_id, day) where site_id is not null;
    `,
  );
}
