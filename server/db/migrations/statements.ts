import { type Kysely, sql } from 'kysely';

/**
 * Runs a migration's SQL one statement at a time: drivers' prepared statements take one command each.
 * Statements end with ';' at the end of a line; dollar-quoted bodies ($$ … $$) are kept whole.
 */
export async function runStatements(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of splitStatements(script)) await sql.raw(statement).execute(db);
}

export function splitStatements(script: string): string[] {
  const out: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of script.split('\n')) {
    current += `${line}\n`;
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inDollar = !inDollar;
    if (!inDollar && /;\s*$/.test(line)) {
      out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
