import { sql } from 'kysely';
import type { Family, FamilySpec } from '../../security/support/family-kit.ts';
import type { ModulePolicy, Permission } from '../../security/support/policy.ts';
import { type ModuleSecurity, type RouteSpec, site } from '../../security/support/route-kit.ts';

// The throwaway module declares its permission and its family into none of the suite's types: it stays out of
// the other files' types, as its program key does.
const NOTES_READ = 'notes.read' as Permission;
const NOTE = 'note' as Family;

/** The throwaway module's rows of the security suite's route table, as a real module keeps them. */
export const notesRouteChecks: Record<string, RouteSpec> = {
  'GET /api/notes': {
    access: 'notes.read',
    checks: [{ kind: 'list', permission: NOTES_READ, rows: (body) => body }],
  },
  'GET /api/notes/:id': {
    access: 'signed-in',
    checks: [{ kind: 'record', family: NOTE, permission: NOTES_READ, ok: [200] }],
  },
  'GET /api/notes/count': {
    access: 'notes.read',
    checks: [{ kind: 'list', permission: NOTES_READ, rows: null }],
  },
};

/**
 * Its part of the expected policy, written by hand: every site officer (of any program) and the group
 * administrator read the notes; the matrix has site officers narrowed to the program too.
 */
export const notesExpectedPolicy: ModulePolicy = {
  narrowed: ['site_officer'],
  holds: { group_admin: [NOTES_READ], site_officer: [NOTES_READ], other_site_officer: [NOTES_READ] },
};

/** Its one family: a note at each site, written straight into its table (the module has no route that writes). */
const noteFamily: FamilySpec = {
  locations: ['K7', 'PG', 'TC'],
  seed: async ({ res, loc, n }) => {
    const { rows } = await sql<{ id: string }>`
      insert into notes_entries (site_id, body) values (${site(loc)}, ${`Matrix note ${n}`}) returning id`.execute(
      res.t.db,
    );
    return rows[0].id;
  },
};
export const notesFamilies: Partial<Record<Family, FamilySpec>> = { [NOTE]: noteFamily };

/** Its part of the security suite, as its manifest loads it. */
export const notesSecurity: ModuleSecurity = {
  routes: notesRouteChecks,
  policy: notesExpectedPolicy,
  families: notesFamilies,
};
