import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { allMigrations } from '../migrate.ts';
import { splitStatements } from './statements.ts';

const migrations = allMigrations();

describe('splitStatements', () => {
  it('splits a script at semicolons that end a line', () => {
    expect(splitStatements('create table a (id int);\ncreate table b (id int);\n')).toEqual([
      'create table a (id int);',
      'create table b (id int);',
    ]);
  });

  it('keeps a statement spread over several lines whole', () => {
    const script = `
      create table a (
        id int,
        name text
      );
      create index a_name on a (name);
    `;
    const out = splitStatements(script);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^create table a \(\n\s+id int,\n\s+name text\n\s+\);$/);
  });

  it('does not split at a semicolon inside a line', () => {
    expect(splitStatements("insert into t values ('a;b');\n")).toEqual(["insert into t values ('a;b');"]);
  });

  it('keeps dollar-quoted function bodies whole, whatever semicolons they hold', () => {
    const script = `
create function f() returns trigger language plpgsql as $$
begin
  raise exception 'no';
  return null;
end;
$$;
create trigger t before update on x for each row execute function f();
`;
    const out = splitStatements(script);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^create function f\(\)[\s\S]*end;\n\$\$;$/);
    expect(out[1]).toMatch(/^create trigger t/);
  });

  it('keeps a one-line dollar-quoted body whole', () => {
    expect(splitStatements('do $$ begin perform 1; end $$;\nselect 1;\n')).toEqual([
      'do $$ begin perform 1; end $$;',
      'select 1;',
    ]);
  });

  it('keeps a last statement without a semicolon, and ignores blank scripts', () => {
    expect(splitStatements('select 1;\nselect 2')).toEqual(['select 1;', 'select 2']);
    expect(splitStatements('  \n\n ')).toEqual([]);
  });
});

describe('the migrations', () => {
  /** Runs each migration against a driver that records SQL instead of executing it. */
  async function statementsOf(name: string): Promise<string[]> {
    const seen: string[] = [];
    const db = new Kysely<unknown>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (k) => new PostgresIntrospector(k),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
      log: (event) => {
        if (event.level === 'query') seen.push(event.query.sql);
      },
    });
    await migrations[name].up(db);
    await db.destroy();
    return seen;
  }

  it('are named in order with a four-digit prefix', () => {
    const names = Object.keys(migrations);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual([...names].sort());
    for (const [i, name] of names.entries())
      expect(name).toMatch(new RegExp(`^${String(i + 1).padStart(4, '0')}_[a-z0-9_]+$`));
  });

  it.each(Object.keys(migrations))('%s splits into whole statements, one command each', async (name) => {
    const statements = await statementsOf(name);
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      expect(s.trim(), s.slice(0, 80)).toMatch(
        /^(create|alter|drop|insert|update|delete|comment|do|grant|select|with)\b/i,
      );
      // Outside dollar-quoted bodies a semicolon may only end the statement.
      const outsideBodies = s.replace(/\$\$[\s\S]*?\$\$/g, '$$$$').replace(/'(?:[^']|'')*'/g, "''");
      expect(outsideBodies.replace(/;\s*$/, ''), s.slice(0, 80)).not.toContain(';');
    }
  });

  it('0001_foundation creates the audit log with its append-only trigger', async () => {
    const statements = (await statementsOf('0001_foundation')).join('\n');
    for (const table of [
      'holdings',
      'subsidiaries',
      'sites',
      'areas',
      'employees',
      'users',
      'role_assignments',
      'sessions',
      'api_tokens',
      'audit_chains',
      'audit_events',
    ])
      expect(statements).toMatch(new RegExp(`create table ${table} \\(`));
    expect(statements).toMatch(
      /create trigger audit_events_no_update before update or delete on audit_events/,
    );
  });
});
