import type { Permission } from '../../security/support/policy.ts';
import type { ModuleSecurity, RouteSpec } from '../../security/support/route-kit.ts';

// The hand-written policy of the security suite does not know the throwaway permission.
const NOTES_READ = 'notes.read' as Permission;

/** The throwaway module's rows of the security suite's route table, as a real module keeps them. */
export const notesRouteChecks: Record<string, RouteSpec> = {
  'GET /api/notes': {
    access: 'notes.read',
    checks: [{ kind: 'list', permission: NOTES_READ, rows: (body) => body }],
  },
  'GET /api/notes/:id': { access: 'signed-in', checks: [] },
  'GET /api/notes/count': {
    access: 'notes.read',
    checks: [{ kind: 'list', permission: NOTES_READ, rows: null }],
  },
};

/** Its part of the security suite, as its manifest loads it. */
export const notesSecurity: ModuleSecurity = {
  routes: notesRouteChecks,
  policy: { narrowed: [], holds: {} },
  families: {},
};
