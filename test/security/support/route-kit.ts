// biome-ignore-all lint/suspicious/noExplicitAny: list rows are whatever the API sent.
import type { FixtureUser } from '../../support/fixture.ts';
import { SITES } from '../../support/fixture.ts';
import type { Family, FamilySpec } from './family-kit.ts';
import type {
  GroupRule,
  Location,
  ModulePolicy,
  Permission,
  Program,
  SiteCode,
  SubsidiaryRule,
} from './policy.ts';
import type { Resources } from './resources.ts';

/**
 * How the authorization matrix checks a route: the shape of the security suite's route table and the helpers
 * its entries share. The platform's entries are in route-checks.ts and route-checks-registries.ts; each
 * program module keeps its own in `server/modules/<program>/security.ts`, which its manifest loads on demand
 * (`securityChecks`). Keys are `METHOD url` exactly as app.routeTable has them. A module's security files
 * import values from this file and family-kit.ts only (see there).
 *
 * Kinds of check:
 * - public: anyone, signed in or not, gets `ok`.
 * - self: any signed-in user gets `ok` (their own data); signed out 401.
 * - list: 403 without the permission anywhere; otherwise 200 with only rows of the sites where it is held
 *   (and, with `family`, every seeded row that the actor may see).
 * - record: a route with :id, for a record of `family` at each of its locations: 404 outside the actor's
 *   scope, 403 inside it without the permission, otherwise `ok`. Writes send a stale version, so an allowed
 *   write answers 409 and changes nothing.
 * - create: a write whose body places the new record at a location (siteId): the same rules.
 * - personal: a record that belongs to another user: 404 for everyone else.
 * - group-wide: a group setting: only with the permission over the whole group.
 * - directory: the user directory, asked by each actor for the other matrix users of each scope.
 */
export type Ctx = { res: Resources; loc: Location; n: number };
export type Body = (ctx: Ctx) => unknown | Promise<unknown>;
export type Query = (ctx: Ctx) => Record<string, string> | Promise<Record<string, string>>;

export type Check =
  | { kind: 'public'; ok: number[]; body?: Body; path?: string }
  | { kind: 'self'; ok: number[]; body?: Body; query?: Query; path?: (ctx: Ctx) => Promise<string> }
  | {
      kind: 'list';
      permission: Permission;
      program?: Program;
      query?: Record<string, string>;
      /** The rows of the answer (default body.items); omit `rows: null` for answers without rows. */
      rows?: ((body: any) => any[]) | null;
      /** Group rows (no site) are shown: to anyone with the permission, only with the whole group, or never. */
      groupRows?: 'anywhere' | 'group-wide' | 'never';
      /** Check that every seeded record of this family that the actor may see is listed. */
      family?: Family;
      format?: 'json' | 'csv' | 'binary';
      /** CSV: the header of the column holding the site code. */
      csvSiteColumn?: string;
    }
  | {
      kind: 'record';
      family: Family;
      permission: Permission | ((loc: Location) => Permission);
      program?: Program;
      group?: GroupRule;
      subsidiary?: SubsidiaryRule;
      body?: Body;
      query?: Query;
      ok: number[];
      /** The route uses its record up (a delete without a version): allowed checks get a fresh one. */
      fresh?: boolean;
      multipart?: boolean;
      /** Families to seed before the check (records that the route's answer depends on). */
      prepare?: Family[];
      /** Other path parameters of the route than `:id`, with their values. */
      path?: Record<string, string>;
    }
  | {
      kind: 'create';
      locations: Location[];
      permission: Permission | ((loc: Location) => Permission);
      program?: Program;
      group?: GroupRule;
      subsidiary?: SubsidiaryRule;
      /** The answer when a group-level create is refused to someone who holds the permission for some sites (default 403). */
      groupDenied?: number;
      body: Body;
      query?: Query;
      contentType?: string;
      ok: number[];
    }
  | {
      kind: 'personal';
      family: Family;
      /** Where the other person's record is (default the group). */
      location?: Location;
      body?: Body;
      query?: Query;
      ok?: number[];
    }
  /** The user directory: exactly the users with a role at a site the actor sees, or over the group. */
  | { kind: 'directory' }
  /**
   * A group setting, or a write on a group-level record: `id` fills the route's :id (a record that need not
   * exist: the permission is refused before the record is looked up, so a manager over the group meets 404).
   */
  | { kind: 'group-wide'; permission: Permission; program?: Program; body?: Body; id?: string; ok: number[] };

export type RouteSpec = { access: string; checks: Check[] };

export const STALE = 999_999;
export const site = (loc: Location) => (loc === 'group' || loc === 'ASE' ? null : SITES[loc as SiteCode].id);
export const stale: Body = () => ({ version: STALE });
export const csvExport = (
  permission: Permission,
  column: string,
  extra: Partial<Extract<Check, { kind: 'list' }>> = {},
): Check => ({
  kind: 'list',
  permission,
  format: 'csv',
  csvSiteColumn: column,
  ...extra,
});
export const binary = (
  permission: Permission,
  extra: Partial<Extract<Check, { kind: 'list' }>> = {},
): Check => ({
  kind: 'list',
  permission,
  format: 'binary',
  rows: null,
  ...extra,
});
export const figures = (
  permission: Permission,
  extra: Partial<Extract<Check, { kind: 'list' }>> = {},
): Check => ({
  kind: 'list',
  permission,
  rows: null,
  ...extra,
});
export const sites3: Location[] = ['K7', 'PG', 'TC'];
export const sitesAndGroup: Location[] = ['K7', 'PG', 'TC', 'group'];

/**
 * A program module's part of the security suite, as its manifest's `securityChecks` loads it: its rows of the
 * route table, its part of the expected policy and its families of records (its `security-fixture.ts`).
 */
export type ModuleSecurity = {
  routes: Record<string, RouteSpec>;
  policy: ModulePolicy;
  families: Partial<Record<Family, FamilySpec>>;
  /**
   * The module lends its program to the platform's shared registries in the suite: the actions, committees,
   * meetings, documents and obligations that the matrix seeds and creates are filed under it, its `owner` (a
   * fixture user) owns the actions, and certificates are of its `standard`. One module of the list lends it.
   */
  registries?: { standard: string; owner: FixtureUser };
};

/** The program the shared registries' records are filed under in the suite, with its standard and owner. */
export type RegistrySample = { program: Program; standard: string; owner: FixtureUser };

/** A site register's standard routes, as `siteRegister` describes them. */
export type SiteRegister = {
  /** The register's path, as `/api/ip/licences`. */
  path: string;
  family: Family;
  program: Program;
  read: Permission;
  manage: Permission;
  /** The body that places a new record at a site (the create check). */
  create: Body;
  /** Query of the list check (as a page size that shows every seeded row). */
  listQuery?: Record<string, string>;
  /** The record is removed by `DELETE :id?version=` (a stale version: an allowed removal answers 409). */
  removable?: boolean;
  /**
   * The register also holds group records (no site): everyone with the permission lists them, and creating
   * or editing one takes the permission over the whole group.
   */
  groupRecords?: boolean;
};

/**
 * The rows of a register of site records: the list, its CSV and XLSX exports, one record, creating one at
 * each site and editing one with a stale version (and removing one, when `removable`). Routes beyond these
 * are the module's own rows.
 */
export function siteRegister(r: SiteRegister): Record<string, RouteSpec> {
  const { path, family, program, read, manage } = r;
  const listed = r.groupRecords ? ({ groupRows: 'anywhere' } as const) : {};
  const written = r.groupRecords ? ({ group: 'group-wide' } as const) : {};
  const rows: Record<string, RouteSpec> = {
    [`GET ${path}`]: {
      access: read,
      checks: [
        {
          kind: 'list',
          permission: read,
          program,
          family,
          ...listed,
          ...(r.listQuery ? { query: r.listQuery } : {}),
        },
      ],
    },
    [`GET ${path}/export.csv`]: {
      access: read,
      checks: [csvExport(read, 'Site', { program, family, ...listed })],
    },
    [`GET ${path}/export.xlsx`]: { access: read, checks: [binary(read, { program })] },
    [`GET ${path}/:id`]: {
      access: read,
      checks: [{ kind: 'record', family, permission: read, program, ok: [200] }],
    },
    [`POST ${path}`]: {
      access: manage,
      checks: [
        {
          kind: 'create',
          locations: r.groupRecords ? sitesAndGroup : sites3,
          permission: manage,
          program,
          ...written,
          body: r.create,
          ok: [201],
        },
      ],
    },
    [`PATCH ${path}/:id`]: {
      access: manage,
      checks: [{ kind: 'record', family, permission: manage, program, ...written, body: stale, ok: [409] }],
    },
  };
  if (r.removable) {
    rows[`DELETE ${path}/:id`] = {
      access: manage,
      checks: [{ kind: 'record', family, permission: manage, program, query: staleRemoval, ok: [409] }],
    };
  }
  return rows;
}

/** A removal's stale version, sent in the query (`DELETE …?version=`). */
export const staleRemoval: Query = () => ({ version: String(STALE) });
