import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * Substring search of people (name, number, e-mail) through an index of character pairs: every pair of
 * adjacent characters of the lower-cased text, in a GIN expression index of text arrays. A search asks for
 * the rows holding every pair of its own text (people/search.ts writes the same expression), then confirms
 * the match with ILIKE. Pairs rather than trigrams because
 * Chinese given names are two characters long, and a two-character search has no trigram to look up.
 * Without it a search read every name of the scope: 0.5 s for one page of 1,000,000 employees.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create function steward_bigrams(text text) returns text[]
    language sql immutable strict parallel safe as $$
      -- Repeated pairs may stay: the index keeps each key once, and containment ignores repeats.
      select array(select substr(text, i, 2) from generate_series(1, char_length(text) - 1) i)
    $$;

    create index employees_search_idx on employees using gin
      (steward_bigrams(lower(full_name || ' ' || employee_no || ' ' || coalesce(email, ''))));
    create index contractor_workers_search_idx on contractor_workers using gin
      (steward_bigrams(lower(full_name || ' ' || worker_no)));
  `,
  );
}
