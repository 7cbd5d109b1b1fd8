// biome-ignore-all lint/suspicious/noExplicitAny: list rows are whatever the API sent.
import { CONTRACTOR_COMPANY, SITES, SUBSIDIARIES, USERS } from '../../support/fixture.ts';
import type { GroupRule, Location, Permission, Program, SiteCode, SubsidiaryRule } from './policy.ts';
import { EMPLOYEE_AT, type Family, isoDay, multipart, type Resources } from './resources.ts';

/**
 * How the authorization matrix checks each route of app.routeTable. Keys are `METHOD url` exactly as the
 * route table has them. A route missing here fails the suite, with a message saying what to add.
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
type Body = (ctx: Ctx) => unknown | Promise<unknown>;
type Query = (ctx: Ctx) => Record<string, string> | Promise<Record<string, string>>;

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
  | { kind: 'group-wide'; permission: Permission; program?: Program; body?: Body; ok: number[] };

export type RouteSpec = { access: string; checks: Check[] };

const STALE = 999_999;
const site = (loc: Location) => (loc === 'group' || loc === 'ASE' ? null : SITES[loc as SiteCode].id);
const stale: Body = () => ({ version: STALE });
const csvExport = (
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
const binary = (permission: Permission, extra: Partial<Extract<Check, { kind: 'list' }>> = {}): Check => ({
  kind: 'list',
  permission,
  format: 'binary',
  rows: null,
  ...extra,
});
const figures = (permission: Permission, extra: Partial<Extract<Check, { kind: 'list' }>> = {}): Check => ({
  kind: 'list',
  permission,
  rows: null,
  ...extra,
});
const sites3: Location[] = ['K7', 'PG', 'TC'];
const sitesAndGroup: Location[] = ['K7', 'PG', 'TC', 'group'];
const OHS: Program = 'ohs';
const IP: Program = 'ip';
const ACADEMIA: Program = 'academia';
const SMART: Program = 'smart';

/** The shop-floor monitoring program's routes. */
const SMART_ROUTES: Record<string, RouteSpec> = {
  'GET /api/smart/sensors': {
    access: 'smart.read',
    checks: [
      {
        kind: 'list',
        permission: 'smart.read',
        program: SMART,
        query: { pageSize: '500' },
        family: 'smartSensor',
      },
    ],
  },
  'GET /api/smart/sensors/export.csv': {
    access: 'smart.read',
    checks: [csvExport('smart.read', 'Site', { program: SMART, family: 'smartSensor' })],
  },
  'GET /api/smart/sensors/export.xlsx': {
    access: 'smart.read',
    checks: [binary('smart.read', { program: SMART })],
  },
  'GET /api/smart/sensors/:id': {
    access: 'smart.read',
    checks: [{ kind: 'record', family: 'smartSensor', permission: 'smart.read', program: SMART, ok: [200] }],
  },
  'GET /api/smart/sensors/:id/readings': {
    access: 'smart.read',
    checks: [{ kind: 'record', family: 'smartSensor', permission: 'smart.read', program: SMART, ok: [200] }],
  },
  'POST /api/smart/sensors': {
    access: 'smart.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'smart.manage',
        program: SMART,
        body: ({ loc, n }) => ({
          siteId: site(loc),
          tag: `MX-NEW-${n}`,
          name: `Matrix new sensor ${n}`,
          kind: 'noise',
          unit: 'dBA',
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/smart/sensors/:id': {
    access: 'smart.manage',
    checks: [
      {
        kind: 'record',
        family: 'smartSensor',
        permission: 'smart.manage',
        program: SMART,
        body: stale,
        ok: [409],
      },
    ],
  },
  // Readings come with an API token only: every browser session is refused, whatever its roles. The token's
  // site scope is checked in test/api/smart-alarms.test.ts.
  'POST /api/smart/readings': {
    access: 'smart.ingest',
    checks: [
      {
        kind: 'self',
        ok: [403],
        body: () => [
          { sensorId: '00000000-0000-4000-8000-000000000001', at: new Date().toISOString(), value: 1 },
        ],
      },
    ],
  },
  'GET /api/smart/alarms': {
    access: 'smart.read',
    checks: [
      {
        kind: 'list',
        permission: 'smart.read',
        program: SMART,
        query: { pageSize: '500', status: 'all' },
        family: 'smartAlarm',
      },
    ],
  },
  'GET /api/smart/alarms/:id': {
    access: 'smart.read',
    checks: [{ kind: 'record', family: 'smartAlarm', permission: 'smart.read', program: SMART, ok: [200] }],
  },
  'POST /api/smart/alarms/:id/acknowledge': {
    access: 'smart.manage',
    checks: [
      {
        kind: 'record',
        family: 'smartAlarm',
        permission: 'smart.manage',
        program: SMART,
        body: stale,
        ok: [409],
      },
    ],
  },
  'POST /api/smart/alarms/:id/shelve': {
    access: 'smart.manage',
    checks: [
      {
        kind: 'record',
        family: 'smartAlarm',
        permission: 'smart.manage',
        program: SMART,
        body: () => ({
          until: new Date(Date.now() + 3_600_000).toISOString(),
          reason: 'Matrix shelve',
          version: STALE,
        }),
        ok: [409],
      },
    ],
  },
  'POST /api/smart/alarms/:id/near-miss': {
    access: 'smart.manage',
    checks: [
      {
        kind: 'record',
        family: 'smartAlarm',
        permission: 'smart.manage',
        program: SMART,
        body: () => ({ title: 'Matrix near miss', description: 'Not to be made', version: STALE }),
        ok: [409],
      },
    ],
  },
  'GET /api/smart/settings': {
    access: 'smart.read',
    checks: [figures('smart.read', { program: SMART })],
  },
  'PUT /api/smart/settings': {
    access: 'smart.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'smart.manage',
        program: SMART,
        body: () => ({ lateHorizonMinutes: 60 }),
        ok: [200],
      },
    ],
  },
};

/** The industry–academia program's routes. */
const ACADEMIA_ROUTES: Record<string, RouteSpec> = {
  'GET /api/academia/partners': {
    access: 'academia.read',
    checks: [{ kind: 'list', permission: 'academia.read', program: ACADEMIA, query: { pageSize: '500' } }],
  },
  'GET /api/academia/partners/export.csv': {
    access: 'academia.read',
    checks: [{ kind: 'list', permission: 'academia.read', program: ACADEMIA, format: 'csv' }],
  },
  'GET /api/academia/partners/export.xlsx': {
    access: 'academia.read',
    checks: [binary('academia.read', { program: ACADEMIA })],
  },
  'GET /api/academia/partners/:id': {
    access: 'academia.read',
    checks: [
      {
        kind: 'record',
        family: 'academiaPartner',
        permission: 'academia.read',
        program: ACADEMIA,
        ok: [200],
      },
    ],
  },
  'POST /api/academia/partners': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'create',
        locations: ['group'],
        permission: 'academia.manage',
        program: ACADEMIA,
        body: ({ n }) => ({ name: `Matrix created university ${n}`, country: 'JP', kind: 'institute' }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/academia/partners/:id': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaPartner',
        permission: 'academia.manage',
        program: ACADEMIA,
        body: stale,
        ok: [409],
      },
    ],
  },
  'GET /api/academia/agreements': {
    access: 'academia.read',
    checks: [
      {
        kind: 'list',
        permission: 'academia.read',
        program: ACADEMIA,
        query: { pageSize: '500' },
        family: 'academiaAgreement',
      },
    ],
  },
  'GET /api/academia/agreements/export.csv': {
    access: 'academia.read',
    checks: [csvExport('academia.read', 'Site', { program: ACADEMIA, family: 'academiaAgreement' })],
  },
  'GET /api/academia/agreements/export.xlsx': {
    access: 'academia.read',
    checks: [binary('academia.read', { program: ACADEMIA })],
  },
  'GET /api/academia/agreements/:id': {
    access: 'academia.read',
    checks: [
      {
        kind: 'record',
        family: 'academiaAgreement',
        permission: 'academia.read',
        program: ACADEMIA,
        ok: [200],
      },
    ],
  },
  'POST /api/academia/agreements': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'academia.manage',
        program: ACADEMIA,
        body: async ({ res, loc, n }) => ({
          siteId: site(loc),
          partnerId: await res.id('academiaPartner', 'group'),
          kind: 'internship',
          title: `Matrix created agreement ${n}`,
          startsOn: isoDay(-10),
          endsOn: isoDay(400),
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/academia/agreements/:id': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaAgreement',
        permission: 'academia.manage',
        program: ACADEMIA,
        body: stale,
        ok: [409],
      },
    ],
  },
  'GET /api/academia/projects': {
    access: 'academia.read',
    checks: [
      {
        kind: 'list',
        permission: 'academia.read',
        program: ACADEMIA,
        query: { pageSize: '500' },
        family: 'academiaProject',
      },
    ],
  },
  'GET /api/academia/projects/export.csv': {
    access: 'academia.read',
    checks: [csvExport('academia.read', 'Site', { program: ACADEMIA, family: 'academiaProject' })],
  },
  'GET /api/academia/projects/export.xlsx': {
    access: 'academia.read',
    checks: [binary('academia.read', { program: ACADEMIA })],
  },
  'GET /api/academia/projects/:id': {
    access: 'academia.read',
    checks: [
      {
        kind: 'record',
        family: 'academiaProject',
        permission: 'academia.read',
        program: ACADEMIA,
        ok: [200],
      },
    ],
  },
  'POST /api/academia/projects': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'academia.manage',
        program: ACADEMIA,
        body: async ({ res, loc, n }) => ({
          siteId: site(loc),
          partnerId: await res.id('academiaPartner', 'group'),
          title: `Matrix created project ${n}`,
          line: 'automation',
          principalInvestigator: 'Prof. Matrix',
          startsOn: isoDay(-10),
          currency: 'TWD',
          budget: [{ year: 2026, budgetMinor: 100_000 }],
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/academia/projects/:id': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaProject',
        permission: 'academia.manage',
        program: ACADEMIA,
        body: stale,
        ok: [409],
      },
    ],
  },
  'POST /api/academia/projects/:id/milestones': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaProject',
        permission: 'academia.manage',
        program: ACADEMIA,
        body: ({ n }) => ({ title: `Matrix milestone ${n}`, dueDate: isoDay(90) }),
        ok: [201],
      },
    ],
  },
  'POST /api/academia/projects/:id/outcomes': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaProject',
        permission: 'academia.manage',
        program: ACADEMIA,
        body: ({ n }) => ({ kind: 'paper', title: `Matrix paper ${n}`, occurredOn: isoDay(-1) }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/academia/milestones/:id': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaMilestone',
        permission: 'academia.manage',
        program: ACADEMIA,
        body: stale,
        ok: [409],
      },
    ],
  },
  'GET /api/academia/payments': {
    access: 'academia.read',
    checks: [{ kind: 'list', permission: 'academia.read', program: ACADEMIA, query: { pageSize: '500' } }],
  },
  'POST /api/academia/payments': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'academia.manage',
        program: ACADEMIA,
        body: async ({ res, loc }) => ({
          siteId: site(loc),
          partnerId: await res.id('academiaPartner', 'group'),
          category: 'course',
          paidOn: isoDay(-3),
          amountMinor: 12_345,
          currency: 'USD',
        }),
        ok: [201],
      },
    ],
  },
  'GET /api/academia/exchange-rates': {
    access: 'academia.read',
    checks: [figures('academia.read', { program: ACADEMIA })],
  },
  'POST /api/academia/exchange-rates': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'academia.manage',
        program: ACADEMIA,
        body: ({ n }) => ({ currency: 'JPY', validFrom: isoDay(-n), perUsd: '150.25' }),
        ok: [201],
      },
    ],
  },
  'GET /api/academia/contribution': {
    access: 'academia.read',
    checks: [figures('academia.read', { program: ACADEMIA, query: { year: '2026' } })],
  },
  'GET /api/academia/patent-outcomes': {
    access: 'academia.read',
    checks: [figures('academia.read', { program: ACADEMIA, query: { ipReference: 'IDF-MATRIX-1' } })],
  },
  'GET /api/academia/interns': {
    access: 'academia.read',
    checks: [
      {
        kind: 'list',
        permission: 'academia.read',
        program: ACADEMIA,
        query: { pageSize: '500' },
        family: 'academiaIntern',
      },
    ],
  },
  'GET /api/academia/interns/export.csv': {
    access: 'academia.read',
    checks: [csvExport('academia.read', 'Site', { program: ACADEMIA, family: 'academiaIntern' })],
  },
  'GET /api/academia/interns/export.xlsx': {
    access: 'academia.read',
    checks: [binary('academia.read', { program: ACADEMIA })],
  },
  'GET /api/academia/interns/:id': {
    access: 'academia.read',
    checks: [
      { kind: 'record', family: 'academiaIntern', permission: 'academia.read', program: ACADEMIA, ok: [200] },
    ],
  },
  'POST /api/academia/interns': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'academia.manage',
        program: ACADEMIA,
        body: async ({ res, loc, n }) => ({
          siteId: site(loc),
          partnerId: await res.id('academiaPartner', 'group'),
          fullName: `Matrix created intern ${n}`,
          program: 'cooperative_education',
          startedOn: isoDay(-5),
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/academia/interns/:id': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaIntern',
        permission: 'academia.manage',
        program: ACADEMIA,
        body: stale,
        ok: [409],
      },
    ],
  },
  'GET /api/academia/scholarships': {
    access: 'academia.read',
    checks: [{ kind: 'list', permission: 'academia.read', program: ACADEMIA, query: { pageSize: '500' } }],
  },
  'POST /api/academia/scholarships': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'academia.manage',
        program: ACADEMIA,
        body: async ({ res, loc, n }) => ({
          siteId: site(loc),
          partnerId: await res.id('academiaPartner', 'group'),
          recipientName: `Matrix scholar ${n}`,
          program: 'NSYSU college',
          awardedOn: isoDay(-2),
          amountMinor: 3_300_000,
          currency: 'USD',
        }),
        ok: [201],
      },
    ],
  },
};
const INFOSEC: Program = 'infosec';

export const ROUTE_CHECKS: Record<string, RouteSpec> = {
  // ---- operations and sign-in
  'GET /api/openapi.json': { access: 'public', checks: [{ kind: 'public', ok: [200] }] },
  'GET /api/health': { access: 'public', checks: [{ kind: 'public', ok: [200] }] },
  'GET /api/ready': { access: 'public', checks: [{ kind: 'public', ok: [200] }] },
  'POST /api/auth/sign-in': {
    access: 'public',
    // An unknown account is refused the same way for everyone (sign-in itself is tested in test/api/auth.test.ts).
    checks: [
      {
        kind: 'public',
        ok: [401],
        body: () => ({ email: 'nobody.at.all@steward.test', password: 'not-the-password' }),
      },
    ],
  },
  // Sign-out is tested on its own (it would end the matrix actors' sessions).
  'POST /api/auth/sign-out': { access: 'public', checks: [] },
  'GET /api/auth/session': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'PUT /api/auth/preferences': {
    access: 'signed-in',
    checks: [{ kind: 'self', ok: [200, 204], body: () => ({ locale: 'en' }) }],
  },
  'GET /api/auth/tokens': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'POST /api/auth/tokens': {
    access: 'signed-in',
    checks: [{ kind: 'self', ok: [201], body: () => ({ name: 'matrix' }) }],
  },
  'DELETE /api/auth/tokens/:id': { access: 'signed-in', checks: [{ kind: 'personal', family: 'token' }] },
  'GET /api/home': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },

  // ---- organisation
  'GET /api/org/tree': {
    access: 'org.read',
    checks: [
      {
        kind: 'list',
        permission: 'org.read',
        rows: (b) => b.subsidiaries.flatMap((s: any) => s.sites),
        family: 'site',
      },
    ],
  },
  'GET /api/org/subsidiaries': {
    access: 'org.read',
    checks: [{ kind: 'list', permission: 'org.read', groupRows: 'anywhere' }],
  },
  'POST /api/org/subsidiaries': {
    access: 'org.manage',
    checks: [
      {
        kind: 'create',
        locations: ['group'],
        permission: 'org.manage',
        body: ({ n }) => ({ code: `MX${n}`, name: `Matrix ${n}` }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/org/subsidiaries/:id': {
    access: 'org.manage',
    checks: [{ kind: 'record', family: 'subsidiary', permission: 'org.manage', body: stale, ok: [409] }],
  },
  'GET /api/org/sites': {
    access: 'org.read',
    checks: [{ kind: 'list', permission: 'org.read', family: 'site' }],
  },
  'GET /api/org/sites/:id': {
    access: 'org.read',
    checks: [{ kind: 'record', family: 'site', permission: 'org.read', ok: [200] }],
  },
  'POST /api/org/sites': {
    access: 'org.manage',
    checks: [
      {
        kind: 'create',
        locations: ['group'],
        permission: 'org.manage',
        // In SPIL, where no matrix actor has a subsidiary scope (a new ASE site would join the ASE scope).
        body: ({ n }) => ({
          subsidiaryId: SUBSIDIARIES.SPIL.id,
          code: `MX${n}`,
          name: `Matrix site ${n}`,
          country: 'TW',
          timeZone: 'Asia/Taipei',
          kind: 'office',
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/org/sites/:id': {
    access: 'org.manage',
    checks: [{ kind: 'record', family: 'site', permission: 'org.manage', body: stale, ok: [409] }],
  },
  'GET /api/org/sites/:id/areas': {
    access: 'org.read',
    checks: [{ kind: 'record', family: 'site', permission: 'org.read', ok: [200] }],
  },
  'POST /api/org/areas': {
    access: 'org.areas.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'org.areas.manage',
        body: ({ loc, n }) => ({
          siteId: site(loc),
          parentId: null,
          kind: 'zone',
          code: `MZ${n}`,
          name: `Matrix zone ${n}`,
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/org/areas/:id': {
    access: 'org.areas.manage',
    checks: [{ kind: 'record', family: 'area', permission: 'org.areas.manage', body: stale, ok: [409] }],
  },
  'DELETE /api/org/areas/:id': {
    access: 'org.areas.manage',
    checks: [
      {
        kind: 'record',
        family: 'area',
        permission: 'org.areas.manage',
        query: () => ({ version: String(STALE) }),
        ok: [409],
      },
    ],
  },
  'GET /api/org/sites/export.csv': { access: 'org.read', checks: [csvExport('org.read', 'Code')] },
  'GET /api/org/sites/export.xlsx': { access: 'org.read', checks: [binary('org.read')] },
  'GET /api/reports/organisation.pdf': { access: 'org.read', checks: [binary('org.read')] },
  'GET /api/reports/organisation.xlsx': { access: 'org.read', checks: [binary('org.read')] },

  // ---- people
  'GET /api/people/departments': { access: 'people.read', checks: [figures('people.read')] },
  'GET /api/people/employees': {
    access: 'people.read',
    checks: [{ kind: 'list', permission: 'people.read', query: { status: 'all' }, family: 'employee' }],
  },
  'GET /api/people/employees/:id': {
    access: 'people.read',
    checks: [{ kind: 'record', family: 'employee', permission: 'people.read', ok: [200] }],
  },
  'POST /api/people/employees': {
    access: 'people.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'people.manage',
        body: ({ loc, n }) => ({
          siteId: site(loc),
          employeeNo: `MX-${n}`,
          fullName: `Matrix Person ${n}`,
          department: 'Test',
          hireDate: '2024-01-02',
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/people/employees/:id': {
    access: 'people.manage',
    checks: [{ kind: 'record', family: 'employee', permission: 'people.manage', body: stale, ok: [409] }],
  },
  'GET /api/people/employees/export.csv': {
    access: 'people.read',
    checks: [csvExport('people.read', 'site_code', { query: { status: 'all' }, family: 'employee' })],
  },
  'GET /api/people/employees/export.xlsx': { access: 'people.read', checks: [binary('people.read')] },
  'GET /api/people/contractor-workers/export.csv': {
    access: 'contractors.read',
    checks: [csvExport('contractors.read', 'site_code', { family: 'contractorWorker' })],
  },
  'GET /api/people/contractor-workers/export.xlsx': {
    access: 'contractors.read',
    checks: [binary('contractors.read')],
  },
  'GET /api/people/contractor-companies': {
    access: 'contractors.read',
    checks: [{ kind: 'list', permission: 'contractors.read' }],
  },
  'GET /api/people/contractor-companies/:id': {
    access: 'contractors.read',
    checks: [{ kind: 'record', family: 'contractorCompany', permission: 'contractors.read', ok: [200] }],
  },
  'POST /api/people/contractor-companies': {
    access: 'contractors.companies.manage',
    checks: [
      {
        kind: 'create',
        locations: ['group'],
        permission: 'contractors.companies.manage',
        body: ({ n }) => ({ name: `Matrix Co ${n}`, country: 'TW' }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/people/contractor-companies/:id': {
    access: 'contractors.companies.manage',
    checks: [
      {
        kind: 'record',
        family: 'contractorCompany',
        permission: 'contractors.companies.manage',
        body: stale,
        ok: [409],
      },
    ],
  },
  'GET /api/people/contractor-workers': {
    access: 'contractors.read',
    checks: [{ kind: 'list', permission: 'contractors.read', family: 'contractorWorker' }],
  },
  'GET /api/people/contractor-workers/:id': {
    access: 'contractors.read',
    checks: [{ kind: 'record', family: 'contractorWorker', permission: 'contractors.read', ok: [200] }],
  },
  'POST /api/people/contractor-workers': {
    access: 'contractors.workers.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'contractors.workers.manage',
        body: ({ loc, n }) => ({
          companyId: CONTRACTOR_COMPANY.id,
          siteId: site(loc),
          workerNo: `MXW-${n}`,
          fullName: `Matrix Worker ${n}`,
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/people/contractor-workers/:id': {
    access: 'contractors.workers.manage',
    checks: [
      {
        kind: 'record',
        family: 'contractorWorker',
        permission: 'contractors.workers.manage',
        body: stale,
        ok: [409],
      },
    ],
  },
  'GET /api/people/externals': {
    access: 'people.read',
    checks: [{ kind: 'list', permission: 'people.read', groupRows: 'anywhere', family: 'external' }],
  },
  'GET /api/people/externals/:id': {
    access: 'people.read',
    checks: [{ kind: 'record', family: 'external', permission: 'people.read', ok: [200] }],
  },
  'POST /api/people/externals': {
    access: 'people.manage',
    checks: [
      {
        kind: 'create',
        locations: sitesAndGroup,
        permission: 'people.manage',
        group: 'group-wide',
        body: ({ loc, n }) => ({
          siteId: site(loc),
          kind: 'visitor',
          fullName: `Matrix Visitor ${n}`,
          organisation: 'Matrix Ltd',
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/people/externals/:id': {
    access: 'people.manage',
    checks: [
      {
        kind: 'record',
        family: 'external',
        permission: 'people.manage',
        group: 'group-wide',
        body: stale,
        ok: [409],
      },
    ],
  },

  // ---- users and audit
  'GET /api/users': {
    access: 'users.read',
    checks: [{ kind: 'list', permission: 'users.read', rows: null }],
  },
  // Names and emails of active users, to pick an owner or a member: any signed-in user, who finds the users
  // with a role at a site they see, or over the whole group.
  'GET /api/users/directory': { access: 'signed-in', checks: [{ kind: 'directory' }] },
  'GET /api/users/:id': {
    access: 'users.read',
    checks: [{ kind: 'record', family: 'user', permission: 'users.read', ok: [200] }],
  },
  'POST /api/users': {
    access: 'users.manage',
    checks: [
      {
        kind: 'create',
        locations: ['group'],
        permission: 'users.manage',
        body: ({ n }) => ({
          email: `matrix.created.${n}@steward.test`,
          displayName: `Matrix Created ${n}`,
          password: 'Matrix-Created-Pass-1',
          assignments: [{ role: 'employee', scopeKind: 'sites', siteIds: [SITES.PG.id] }],
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/users/:id': {
    access: 'users.manage',
    checks: [{ kind: 'record', family: 'user', permission: 'users.manage', body: stale, ok: [409] }],
  },
  'GET /api/audit/events': {
    access: 'audit.read',
    checks: [{ kind: 'list', permission: 'audit.read', query: { pageSize: '500' }, groupRows: 'group-wide' }],
  },
  'GET /api/audit/verify': {
    access: 'audit.read',
    checks: [{ kind: 'group-wide', permission: 'audit.read', ok: [200] }],
  },
  'GET /api/audit/events/export.csv': { access: 'audit.read', checks: [csvExport('audit.read', '')] },
  'GET /api/audit/events/export.xlsx': { access: 'audit.read', checks: [binary('audit.read')] },

  // ---- obligations and notifications
  'GET /api/obligations': {
    access: 'signed-in',
    checks: [
      { kind: 'self', ok: [200] },
      {
        kind: 'list',
        permission: 'obligations.read',
        query: { view: 'scope' },
        groupRows: 'group-wide',
        family: 'obligation',
      },
    ],
  },
  'GET /api/obligations/summary': { access: 'obligations.read', checks: [figures('obligations.read')] },
  'GET /api/obligations/:id': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'obligation',
        permission: 'obligations.read',
        group: 'group-wide',
        ok: [200],
      },
    ],
  },
  'POST /api/obligations/:id/complete': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'obligation',
        permission: 'obligations.manage',
        program: OHS,
        group: 'group-wide',
        body: stale,
        ok: [409],
      },
    ],
  },
  'POST /api/obligations/:id/delegate': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'obligation',
        permission: 'obligations.manage',
        program: OHS,
        group: 'group-wide',
        body: () => ({ version: STALE, delegateId: null }),
        ok: [409],
      },
    ],
  },
  'POST /api/obligations/calendar-feed': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  // A made-up feed token is not found for anyone; the feed itself is tested in test/api/obligations.test.ts.
  'GET /api/obligations/feed/:token': {
    access: 'public',
    checks: [
      { kind: 'public', ok: [404], path: '/api/obligations/feed/abcdefghijklmnopqrstuvwxyz012345.ics' },
    ],
  },
  'GET /api/obligations/export.csv': {
    access: 'signed-in',
    checks: [
      { kind: 'self', ok: [200] },
      csvExport('obligations.read', 'Site', { query: { view: 'scope' }, groupRows: 'group-wide' }),
    ],
  },
  'GET /api/obligations/export.xlsx': {
    access: 'signed-in',
    checks: [{ kind: 'self', ok: [200] }, binary('obligations.read', { query: { view: 'scope' } })],
  },
  'GET /api/notifications': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'GET /api/notifications/unread-count': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'POST /api/notifications/:id/read': {
    access: 'signed-in',
    checks: [{ kind: 'personal', family: 'notification' }],
  },
  'POST /api/notifications/read-all': { access: 'signed-in', checks: [{ kind: 'self', ok: [200, 204] }] },
  'GET /api/notifications/preferences': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'PUT /api/notifications/preferences': {
    access: 'signed-in',
    checks: [{ kind: 'self', ok: [200], body: () => ({ digest: false }) }],
  },

  // ---- certifications
  'GET /api/certifications': {
    access: 'certifications.read',
    checks: [
      {
        kind: 'list',
        permission: 'certifications.read',
        query: { pageSize: '500' },
        family: 'certification',
      },
    ],
  },
  'GET /api/certifications/standards': {
    access: 'certifications.read',
    checks: [figures('certifications.read')],
  },
  'GET /api/certifications/matrix': {
    access: 'certifications.read',
    checks: [
      {
        kind: 'list',
        permission: 'certifications.read',
        rows: (b) =>
          b.rows.filter((r: any) => r.level === 'site').map((r: any) => ({ siteCode: r.holderCode })),
      },
    ],
  },
  'GET /api/certifications/:id': {
    access: 'certifications.read',
    checks: [
      {
        kind: 'record',
        family: 'certification',
        permission: 'certifications.read',
        subsidiary: 'any',
        ok: [200],
      },
    ],
  },
  'GET /api/certifications/:id/history': {
    access: 'certifications.read',
    checks: [
      {
        kind: 'record',
        family: 'certification',
        permission: 'certifications.read',
        subsidiary: 'any',
        ok: [200],
      },
    ],
  },
  'POST /api/certifications': {
    access: 'certifications.manage',
    checks: [
      {
        kind: 'create',
        locations: ['K7', 'PG', 'TC', 'ASE'],
        permission: 'certifications.manage',
        program: OHS,
        subsidiary: 'all',
        body: ({ loc, n }) => ({
          standard: 'ISO 45001',
          ...(loc === 'ASE' ? { subsidiaryId: SUBSIDIARIES.ASE.id } : { siteId: site(loc) }),
          certificateNo: `MXC-${n}`,
          issuedOn: isoDay(-10),
          validUntil: isoDay(900),
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/certifications/:id': {
    access: 'certifications.manage',
    checks: [
      {
        kind: 'record',
        family: 'certification',
        permission: 'certifications.manage',
        program: OHS,
        subsidiary: 'all',
        body: stale,
        ok: [409],
      },
    ],
  },
  'GET /api/certifications/export.csv': {
    access: 'certifications.read',
    checks: [csvExport('certifications.read', 'Site', { family: 'certification' })],
  },
  'GET /api/certifications/export.xlsx': {
    access: 'certifications.read',
    checks: [binary('certifications.read')],
  },

  // ---- actions
  'GET /api/actions': {
    access: 'signed-in',
    checks: [
      {
        kind: 'list',
        permission: 'actions.read',
        query: { pageSize: '500' },
        groupRows: 'group-wide',
        family: 'action',
      },
      { kind: 'self', ok: [200], query: () => ({ mine: 'true' }) },
    ],
  },
  'GET /api/actions/:id': {
    access: 'signed-in',
    checks: [
      { kind: 'record', family: 'action', permission: 'actions.read', group: 'group-wide', ok: [200] },
    ],
  },
  'GET /api/sources/:type/:id': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'action',
        path: { type: 'action' },
        permission: 'actions.read',
        group: 'group-wide',
        ok: [200],
      },
    ],
  },
  'POST /api/actions': {
    access: 'actions.manage',
    checks: [
      {
        kind: 'create',
        locations: sitesAndGroup,
        permission: 'actions.manage',
        program: OHS,
        body: ({ loc, n }) => ({
          siteId: site(loc),
          program: 'ohs',
          kind: 'preventive',
          title: `Matrix created action ${n}`,
          dueDate: isoDay(20),
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/actions/:id': {
    access: 'actions.manage',
    checks: [
      {
        kind: 'record',
        family: 'action',
        permission: 'actions.manage',
        program: OHS,
        group: 'group-wide',
        body: stale,
        ok: [409],
      },
    ],
  },
  'POST /api/actions/:id/transition': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'action',
        permission: 'actions.manage',
        program: OHS,
        group: 'group-wide',
        body: () => ({ transition: 'start', version: STALE }),
        ok: [409],
      },
    ],
  },
  'GET /api/actions/export.csv': {
    access: 'signed-in',
    checks: [
      csvExport('actions.read', 'Site', { groupRows: 'group-wide' }),
      { kind: 'self', ok: [200], query: () => ({ mine: 'true' }) },
    ],
  },
  'GET /api/actions/export.xlsx': {
    access: 'signed-in',
    checks: [binary('actions.read'), { kind: 'self', ok: [200], query: () => ({ mine: 'true' }) }],
  },

  // ---- committees and meetings
  'GET /api/committees': {
    access: 'signed-in',
    checks: [
      {
        kind: 'list',
        permission: 'meetings.read',
        query: { pageSize: '500' },
        groupRows: 'anywhere',
        family: 'committee',
      },
      { kind: 'self', ok: [200], query: () => ({ mine: 'true' }) },
    ],
  },
  'GET /api/committees/:id': {
    access: 'signed-in',
    checks: [{ kind: 'record', family: 'committee', permission: 'meetings.read', ok: [200] }],
  },
  'POST /api/committees': {
    access: 'meetings.manage',
    checks: [
      {
        kind: 'create',
        locations: sitesAndGroup,
        permission: (loc) => (loc === 'group' ? 'meetings.group.manage' : 'meetings.manage'),
        program: OHS,
        body: ({ loc, n }) =>
          loc === 'group'
            ? { name: `Matrix group committee ${n}`, program: 'ohs', level: 'group' }
            : { name: `Matrix committee ${n}`, program: 'ohs', level: 'site', siteId: site(loc) },
        ok: [201],
      },
    ],
  },
  'PATCH /api/committees/:id': {
    access: 'meetings.manage',
    checks: [
      {
        kind: 'record',
        family: 'committee',
        permission: (l) => (l === 'group' ? 'meetings.group.manage' : 'meetings.manage'),
        program: OHS,
        body: stale,
        ok: [409],
      },
    ],
  },
  'POST /api/committees/:id/members': {
    access: 'meetings.manage',
    checks: [
      {
        kind: 'record',
        family: 'committee',
        permission: (l) => (l === 'group' ? 'meetings.group.manage' : 'meetings.manage'),
        program: OHS,
        // The Board member is added once; later allowed attempts find them already on the committee.
        body: () => ({ userId: USERS.board.id, role: 'member' }),
        ok: [201, 409],
      },
    ],
  },
  'DELETE /api/committee-members/:id': {
    access: 'meetings.manage',
    checks: [
      {
        kind: 'record',
        family: 'committeeMember',
        permission: (l) => (l === 'group' ? 'meetings.group.manage' : 'meetings.manage'),
        program: OHS,
        fresh: true,
        ok: [200, 204],
      },
    ],
  },
  'GET /api/meetings': {
    access: 'signed-in',
    checks: [
      {
        kind: 'list',
        permission: 'meetings.read',
        query: { pageSize: '500' },
        groupRows: 'anywhere',
        family: 'meeting',
      },
      { kind: 'self', ok: [200], query: () => ({ mine: 'true' }) },
    ],
  },
  'GET /api/meetings/:id': {
    access: 'signed-in',
    checks: [{ kind: 'record', family: 'meeting', permission: 'meetings.read', ok: [200] }],
  },
  'POST /api/meetings': {
    access: 'signed-in',
    checks: [
      {
        kind: 'create',
        locations: sitesAndGroup,
        permission: (loc) => (loc === 'group' ? 'meetings.group.manage' : 'meetings.manage'),
        program: OHS,
        body: async ({ res, loc, n }) => ({
          committeeId: await res.id('committee', loc),
          title: `Matrix created meeting ${n}`,
          location: 'Room 1',
          scheduledAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
        }),
        ok: [201],
      },
    ],
  },
  ...Object.fromEntries(
    (
      [
        ['PATCH /api/meetings/:id', stale],
        [
          'POST /api/meetings/:id/transition',
          () => ({ transition: 'cancel', reason: 'matrix', version: STALE }),
        ],
        ['PUT /api/meetings/:id/agenda', () => ({ items: [], version: STALE })],
        [
          'PUT /api/meetings/:id/attendance',
          () => ({ entries: [{ userId: USERS.board.id, status: 'present' }], version: STALE }),
        ],
        ['POST /api/meetings/:id/decisions', () => ({ text: 'Matrix decision', version: STALE })],
      ] as [string, Body][]
    ).map(([route, body]): [string, RouteSpec] => [
      route,
      {
        access: 'signed-in',
        checks: [
          {
            kind: 'record',
            family: 'meeting',
            permission: (l) => (l === 'group' ? 'meetings.group.manage' : 'meetings.manage'),
            program: OHS,
            body,
            ok: [409],
          },
        ],
      },
    ]),
  ),

  // ---- documents and imports
  'GET /api/documents': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'action',
        permission: 'actions.read',
        program: OHS,
        group: 'group-wide',
        query: async ({ res, loc }) => ({ entityType: 'action', entityId: await res.id('action', loc) }),
        ok: [200],
      },
    ],
  },
  'POST /api/documents': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'action',
        permission: 'actions.manage',
        program: OHS,
        group: 'group-wide',
        multipart: true,
        query: async ({ res, loc }) => ({ entityType: 'action', entityId: await res.id('action', loc) }),
        ok: [201],
      },
    ],
  },
  'GET /api/documents/:id/download': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'document',
        permission: 'actions.read',
        program: OHS,
        group: 'group-wide',
        ok: [200],
      },
    ],
  },
  'DELETE /api/documents/:id': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'document',
        permission: 'actions.manage',
        program: OHS,
        group: 'group-wide',
        fresh: true,
        ok: [204],
      },
    ],
  },
  'GET /api/imports': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'POST /api/imports': {
    access: 'signed-in',
    checks: [
      {
        kind: 'create',
        locations: ['group'],
        permission: 'training.manage',
        query: () => ({ kind: 'training_completions' }),
        body: async () =>
          multipart('completions.csv', 'employee_no,course_code,completed_on\nK7-0001,MX-1,2026-01-05\n'),
        contentType: 'multipart',
        ok: [201],
      },
    ],
  },
  'GET /api/imports/:id': { access: 'signed-in', checks: [{ kind: 'personal', family: 'import' }] },
  'PUT /api/imports/:id/mapping': {
    access: 'signed-in',
    checks: [{ kind: 'personal', family: 'import', body: () => ({ version: 1, mapping: {} }) }],
  },
  'POST /api/imports/:id/validate': {
    access: 'signed-in',
    checks: [{ kind: 'personal', family: 'import', body: () => ({ version: 1 }) }],
  },
  'POST /api/imports/:id/commit': {
    access: 'signed-in',
    checks: [{ kind: 'personal', family: 'import', body: () => ({ version: 1 }) }],
  },

  // ---- training
  'GET /api/training/courses': {
    access: 'training.read',
    checks: [
      {
        kind: 'list',
        permission: 'training.read',
        query: { pageSize: '500' },
        groupRows: 'anywhere',
        family: 'course',
      },
    ],
  },
  'GET /api/training/courses/:id': {
    access: 'training.read',
    checks: [{ kind: 'record', family: 'course', permission: 'training.read', ok: [200] }],
  },
  'POST /api/training/courses': {
    access: 'training.manage',
    checks: [
      {
        kind: 'create',
        locations: sitesAndGroup,
        permission: 'training.manage',
        group: 'group-wide',
        // A site manager asking for a group-wide course is told to choose a site.
        groupDenied: 422,
        body: ({ loc, n }) => ({
          code: `MXN-${n}`,
          title: `Matrix new course ${n}`,
          domain: 'other',
          audience: 'selected',
          hours: '1',
          siteId: site(loc),
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/training/courses/:id': {
    access: 'training.manage',
    checks: [
      {
        kind: 'record',
        family: 'course',
        permission: 'training.manage',
        group: 'group-wide-or-admin',
        body: stale,
        ok: [409],
      },
    ],
  },
  'GET /api/training/courses/:id/campaign': {
    access: 'training.read',
    checks: [{ kind: 'record', family: 'course', permission: 'training.read', ok: [200] }],
  },
  'GET /api/training/mine': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'GET /api/training/employees/:id': {
    access: 'training.read',
    checks: [{ kind: 'record', family: 'employee', permission: 'training.read', ok: [200] }],
  },
  'GET /api/training/completions': {
    access: 'training.read',
    checks: [{ kind: 'list', permission: 'training.read' }],
  },
  'POST /api/training/completions': {
    access: 'training.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'training.manage',
        body: async ({ res, loc, n }) => ({
          courseId: await res.id('course', 'group'),
          personType: 'employee',
          personId: EMPLOYEE_AT[loc as SiteCode],
          completedOn: isoDay(-n),
        }),
        ok: [201],
      },
    ],
  },
  'GET /api/training/figures': {
    access: 'training.read',
    checks: [figures('training.read', { query: { year: '2026' } })],
  },
  'GET /api/training/completions/export.csv': {
    access: 'training.read',
    checks: [csvExport('training.read', 'site_code')],
  },
  'GET /api/training/completions/export.xlsx': { access: 'training.read', checks: [binary('training.read')] },

  // ---- Information security: systems register, incidents, clock rules
  'GET /api/infosec/systems': {
    access: 'infosec.read',
    checks: [
      {
        kind: 'list',
        permission: 'infosec.read',
        program: INFOSEC,
        query: { pageSize: '500' },
        family: 'securitySystem',
      },
    ],
  },
  'GET /api/infosec/systems/export.csv': {
    access: 'infosec.read',
    checks: [csvExport('infosec.read', 'Site', { program: INFOSEC, family: 'securitySystem' })],
  },
  'GET /api/infosec/systems/export.xlsx': {
    access: 'infosec.read',
    checks: [binary('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/systems/:id': {
    access: 'infosec.read',
    checks: [
      { kind: 'record', family: 'securitySystem', permission: 'infosec.read', program: INFOSEC, ok: [200] },
    ],
  },
  'POST /api/infosec/systems': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'infosec.manage',
        program: INFOSEC,
        body: ({ loc, n }) => ({
          siteId: site(loc),
          name: `Matrix new system ${n}`,
          domain: 'ot',
          criticality: 'low',
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/infosec/systems/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securitySystem',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: stale,
        ok: [409],
      },
    ],
  },
  'DELETE /api/infosec/systems/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securitySystem',
        permission: 'infosec.manage',
        program: INFOSEC,
        query: () => ({ version: String(STALE) }),
        ok: [409],
      },
    ],
  },
  'GET /api/infosec/incidents': {
    access: 'signed-in',
    checks: [
      {
        kind: 'list',
        permission: 'infosec.read',
        program: INFOSEC,
        query: { pageSize: '500' },
        family: 'securityIncident',
      },
      { kind: 'self', ok: [200], query: () => ({ mine: 'true' }) },
    ],
  },
  'GET /api/infosec/incidents/export.csv': {
    access: 'infosec.read',
    checks: [csvExport('infosec.read', 'Site', { program: INFOSEC, family: 'securityIncident' })],
  },
  'GET /api/infosec/incidents/export.xlsx': {
    access: 'infosec.read',
    checks: [binary('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/incidents/:id': {
    access: 'signed-in',
    checks: [
      { kind: 'record', family: 'securityIncident', permission: 'infosec.read', program: INFOSEC, ok: [200] },
    ],
  },
  'POST /api/infosec/incidents': {
    access: 'infosec.report',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'infosec.report',
        body: ({ loc, n }) => ({
          siteId: site(loc),
          title: `Matrix security report ${n}`,
          description: 'Reported by the authorization matrix',
          awareAt: new Date(Date.now() - 600_000).toISOString(),
        }),
        ok: [201],
      },
    ],
  },
  'PUT /api/infosec/incidents/:id/classification': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityIncident',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({
          impact: {
            confidentiality: null,
            integrity: null,
            availability: { kind: 'general', withinTolerableOutage: true },
          },
          version: STALE,
        }),
        ok: [409],
      },
    ],
  },
  'POST /api/infosec/incidents/:id/events': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityIncident',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({ event: 'contained', version: STALE }),
        ok: [409],
      },
    ],
  },
  'POST /api/infosec/incidents/:id/timeline': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityIncident',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: ({ n }) => ({ text: `Matrix note ${n}` }),
        ok: [201],
      },
    ],
  },
  'GET /api/infosec/clock-rules': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC })],
  },
  'PUT /api/infosec/clock-rules': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: async ({ res }) => (await res.admin.get('/api/infosec/clock-rules')).body,
        ok: [200],
      },
    ],
  },

  // ---- OHS incidents and investigations
  'GET /api/ohs/incidents': {
    access: 'signed-in',
    checks: [
      { kind: 'list', permission: 'ohs.read', program: OHS, query: { pageSize: '500' }, family: 'incident' },
      { kind: 'self', ok: [200], query: () => ({ mine: 'true' }) },
    ],
  },
  'GET /api/ohs/incidents/export.csv': {
    access: 'ohs.read',
    checks: [csvExport('ohs.read', 'Site', { program: OHS, family: 'incident' })],
  },
  'GET /api/ohs/incidents/export.xlsx': {
    access: 'ohs.read',
    checks: [binary('ohs.read', { program: OHS })],
  },
  'GET /api/ohs/incidents/:id': {
    access: 'signed-in',
    checks: [{ kind: 'record', family: 'incident', permission: 'ohs.read', program: OHS, ok: [200] }],
  },
  'POST /api/ohs/incidents': {
    access: 'ohs.report',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'ohs.report',
        body: ({ loc, n }) => ({
          siteId: site(loc),
          kind: 'unsafe_condition',
          occurredAt: new Date(Date.now() - 7_200_000).toISOString(),
          title: `Matrix report ${n}`,
          description: 'Reported by the authorization matrix',
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/ohs/incidents/:id': {
    access: 'ohs.manage',
    checks: [
      { kind: 'record', family: 'incident', permission: 'ohs.manage', program: OHS, body: stale, ok: [409] },
    ],
  },
  'DELETE /api/ohs/incidents/:id': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'incident',
        permission: 'ohs.manage',
        program: OHS,
        query: () => ({ version: String(STALE) }),
        ok: [409],
      },
    ],
  },
  'POST /api/ohs/incidents/:id/injuries': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'incident',
        permission: 'ohs.manage',
        program: OHS,
        body: ({ loc }) => ({
          personType: 'employee',
          personId: EMPLOYEE_AT[loc as SiteCode],
          injuryType: 'bruise',
          bodyPart: 'arm',
          classification: 'first_aid',
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/ohs/injuries/:id': {
    access: 'ohs.manage',
    checks: [
      { kind: 'record', family: 'injury', permission: 'ohs.manage', program: OHS, body: stale, ok: [409] },
    ],
  },
  'DELETE /api/ohs/injuries/:id': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'injury',
        permission: 'ohs.manage',
        program: OHS,
        fresh: true,
        ok: [200, 204],
      },
    ],
  },
  'GET /api/ohs/charged-days': { access: 'ohs.read', checks: [figures('ohs.read', { program: OHS })] },
  'POST /api/ohs/incidents/:id/investigation': {
    access: 'ohs.manage',
    // The seeded incidents already have one: an allowed request is told so.
    checks: [
      {
        kind: 'record',
        family: 'incident',
        prepare: ['investigation'],
        permission: 'ohs.manage',
        program: OHS,
        ok: [409],
      },
    ],
  },
  'GET /api/ohs/investigations/:id': {
    access: 'ohs.read',
    checks: [{ kind: 'record', family: 'investigation', permission: 'ohs.read', program: OHS, ok: [200] }],
  },
  'PATCH /api/ohs/investigations/:id': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'investigation',
        permission: 'ohs.manage',
        program: OHS,
        body: () => ({ summary: 'x', version: STALE }),
        ok: [409],
      },
    ],
  },
  'POST /api/ohs/investigations/:id/transition': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'investigation',
        permission: 'ohs.manage',
        program: OHS,
        body: () => ({ to: 'investigating', version: STALE }),
        ok: [409],
      },
    ],
  },
  'POST /api/ohs/investigations/:id/timeline': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'investigation',
        permission: 'ohs.manage',
        program: OHS,
        body: () => ({
          at: new Date(Date.now() - 60_000).toISOString(),
          description: 'Matrix timeline entry',
        }),
        ok: [200, 201],
      },
    ],
  },
  'POST /api/ohs/investigations/:id/root-causes': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'investigation',
        permission: 'ohs.manage',
        program: OHS,
        body: ({ n }) => ({
          method: 'fishbone',
          category: 'method',
          statement: `Matrix cause from a check ${n}`,
        }),
        ok: [200, 201],
      },
    ],
  },
  'PATCH /api/ohs/root-causes/:id': {
    access: 'ohs.manage',
    checks: [
      { kind: 'record', family: 'rootCause', permission: 'ohs.manage', program: OHS, body: stale, ok: [409] },
    ],
  },
  'DELETE /api/ohs/root-causes/:id': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'rootCause',
        permission: 'ohs.manage',
        program: OHS,
        fresh: true,
        ok: [200, 204],
      },
    ],
  },
  'POST /api/ohs/root-causes/:id/actions': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'rootCause',
        permission: 'ohs.manage',
        program: OHS,
        body: ({ n }) => ({ title: `Matrix fix ${n}`, dueDate: isoDay(60) }),
        ok: [200, 201],
      },
    ],
  },
  'GET /api/ohs/hours': {
    access: 'ohs.read',
    checks: [{ kind: 'list', permission: 'ohs.read', program: OHS, query: { year: '2024' } }],
  },
  'PUT /api/ohs/hours': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'ohs.manage',
        program: OHS,
        body: ({ loc }) => ({ siteId: site(loc), month: '2024-03', employeeHours: '1000' }),
        ok: [200, 409],
      },
    ],
  },
  'GET /api/ohs/statistics': {
    access: 'ohs.read',
    checks: [figures('ohs.read', { program: OHS, query: { from: '2025', to: '2026' } })],
  },
  'GET /api/ohs/settings': { access: 'ohs.read', checks: [figures('ohs.read', { program: OHS })] },
  'PUT /api/ohs/settings': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'ohs.manage',
        program: OHS,
        body: () => ({ rounding: 'truncate' }),
        ok: [200],
      },
    ],
  },
  'GET /api/ohs/risk-matrix': { access: 'ohs.read', checks: [figures('ohs.read', { program: OHS })] },
  'PUT /api/ohs/risk-matrix': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'ohs.manage',
        program: OHS,
        body: async ({ res }) => (await res.admin.get('/api/ohs/risk-matrix')).body,
        ok: [200],
      },
    ],
  },

  // ---- IP portfolio, deadlines, trademarks, office calendars
  'GET /api/ip/matters': {
    access: 'ip.read',
    checks: [{ kind: 'list', permission: 'ip.read', program: IP, family: 'ipMatter' }],
  },
  'GET /api/ip/matters/export.csv': {
    access: 'ip.read',
    checks: [csvExport('ip.read', 'Site', { program: IP, family: 'ipMatter' })],
  },
  'GET /api/ip/matters/export.xlsx': { access: 'ip.read', checks: [binary('ip.read', { program: IP })] },
  'GET /api/ip/matters/:id': {
    access: 'ip.read',
    checks: [{ kind: 'record', family: 'ipMatter', permission: 'ip.read', program: IP, ok: [200] }],
  },
  'POST /api/ip/matters': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'ip.manage',
        program: IP,
        body: async ({ res, loc, n }) => ({
          familyId: await res.id('ipFamily', loc),
          office: 'US',
          kind: 'invention',
          applicationNo: `MXC${n}`,
          filingDate: '2021-06-01',
          status: 'filed',
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/ip/matters/:id': {
    access: 'ip.manage',
    checks: [
      { kind: 'record', family: 'ipMatter', permission: 'ip.manage', program: IP, body: stale, ok: [409] },
    ],
  },
  'GET /api/ip/families': {
    access: 'ip.read',
    checks: [{ kind: 'list', permission: 'ip.read', program: IP, family: 'ipFamily' }],
  },
  'GET /api/ip/families/:id': {
    access: 'ip.read',
    checks: [{ kind: 'record', family: 'ipFamily', permission: 'ip.read', program: IP, ok: [200] }],
  },
  'POST /api/ip/families': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'ip.manage',
        program: IP,
        body: ({ loc, n }) => ({
          siteId: site(loc),
          reference: `MXN-${n}`,
          title: `Matrix new family ${n}`,
          technology: 'mems_sensor',
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/ip/families/:id': {
    access: 'ip.manage',
    checks: [
      { kind: 'record', family: 'ipFamily', permission: 'ip.manage', program: IP, body: stale, ok: [409] },
    ],
  },
  'GET /api/ip/trademarks': {
    access: 'ip.read',
    checks: [{ kind: 'list', permission: 'ip.read', program: IP, family: 'trademark' }],
  },
  'GET /api/ip/trademarks/export.csv': {
    access: 'ip.read',
    checks: [csvExport('ip.read', 'Site', { program: IP, family: 'trademark' })],
  },
  'GET /api/ip/trademarks/export.xlsx': { access: 'ip.read', checks: [binary('ip.read', { program: IP })] },
  'GET /api/ip/trademarks/:id': {
    access: 'ip.read',
    checks: [{ kind: 'record', family: 'trademark', permission: 'ip.read', program: IP, ok: [200] }],
  },
  'POST /api/ip/trademarks': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'ip.manage',
        program: IP,
        body: ({ loc, n }) => ({
          siteId: site(loc),
          mark: `MATRIX NEW ${n}`,
          office: 'CN',
          niceClasses: [9],
          applicationNo: `MXTN${n}`,
          filingDate: '2022-01-10',
          status: 'filed',
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/ip/trademarks/:id': {
    access: 'ip.manage',
    checks: [
      { kind: 'record', family: 'trademark', permission: 'ip.manage', program: IP, body: stale, ok: [409] },
    ],
  },
  'GET /api/ip/office-closures': { access: 'ip.read', checks: [figures('ip.read', { program: IP })] },
  'POST /api/ip/office-closures': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'ip.manage',
        program: IP,
        // A different day each time, so that every allowed actor adds one.
        body: ({ n }) => ({
          office: 'JP',
          day: new Date(Date.UTC(2040, 0, n)).toISOString().slice(0, 10),
          name: 'Matrix closure',
          source: 'Matrix',
        }),
        ok: [201],
      },
    ],
  },
  'DELETE /api/ip/office-closures': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'ip.manage',
        program: IP,
        // Entered first, so that an allowed actor removes it and a refused one leaves it.
        body: async ({ res, n }) => {
          const key = { office: 'KR', day: new Date(Date.UTC(2041, 0, n)).toISOString().slice(0, 10) };
          await res.admin.post('/api/ip/office-closures', {
            ...key,
            name: 'Matrix closure',
            source: 'Matrix',
          });
          return key;
        },
        ok: [204],
      },
    ],
  },

  // ---- OHS hazards, permits, qualifications
  'GET /api/ohs/hazards': {
    access: 'ohs.read',
    checks: [
      { kind: 'list', permission: 'ohs.read', program: OHS, query: { pageSize: '500' }, family: 'hazard' },
    ],
  },
  'GET /api/ohs/hazards/export.csv': {
    access: 'ohs.read',
    checks: [csvExport('ohs.read', 'Site', { program: OHS, family: 'hazard' })],
  },
  'GET /api/ohs/hazards/export.xlsx': { access: 'ohs.read', checks: [binary('ohs.read', { program: OHS })] },
  'GET /api/ohs/hazards/:id': {
    access: 'ohs.read',
    checks: [{ kind: 'record', family: 'hazard', permission: 'ohs.read', program: OHS, ok: [200] }],
  },
  'POST /api/ohs/hazards': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'ohs.manage',
        program: OHS,
        body: ({ loc, n }) => ({
          siteId: site(loc),
          activity: 'Matrix',
          hazard: `Matrix created hazard ${n}`,
          consequence: 'Cut',
          likelihood: 1,
          severity: 2,
          residualLikelihood: 1,
          residualSeverity: 1,
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/ohs/hazards/:id': {
    access: 'ohs.manage',
    checks: [
      { kind: 'record', family: 'hazard', permission: 'ohs.manage', program: OHS, body: stale, ok: [409] },
    ],
  },
  'GET /api/ohs/permit-types': { access: 'ohs.read', checks: [figures('ohs.read', { program: OHS })] },
  'GET /api/ohs/permits': {
    access: 'ohs.read',
    checks: [
      { kind: 'list', permission: 'ohs.read', program: OHS, query: { pageSize: '500' }, family: 'permit' },
    ],
  },
  'GET /api/ohs/permits/:id': {
    access: 'ohs.read',
    checks: [{ kind: 'record', family: 'permit', permission: 'ohs.read', program: OHS, ok: [200] }],
  },
  'POST /api/ohs/permits': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'ohs.manage',
        program: OHS,
        body: async ({ res, loc, n }) => ({
          siteId: site(loc),
          areaId: await res.id('area', loc),
          type: 'crane',
          companyId: CONTRACTOR_COMPANY.id,
          workerIds: [await res.id('contractorWorker', loc)],
          description: `Matrix created permit ${n}`,
          startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 5 * 86_400_000 + 3_600_000).toISOString(),
        }),
        ok: [201],
      },
    ],
  },
  'POST /api/ohs/permits/:id/transition': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'permit',
        permission: 'ohs.manage',
        program: OHS,
        body: () => ({ transition: 'approve', version: STALE }),
        ok: [409],
      },
    ],
  },
  'GET /api/ohs/my/reports': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'GET /api/ohs/my/qualifications': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'GET /api/ohs/my/qualifications/:id': {
    access: 'signed-in',
    checks: [{ kind: 'personal', family: 'qualification', location: 'K7' }],
  },
  'GET /api/ohs/qualifications': {
    access: 'contractors.read',
    checks: [{ kind: 'list', permission: 'contractors.read', family: 'qualification' }],
  },
  'POST /api/ohs/qualifications': {
    access: 'contractors.workers.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'contractors.workers.manage',
        body: async ({ res, loc, n }) => ({
          workerId: await res.id('contractorWorker', loc),
          kind: 'first_aid',
          certificateNo: `MXF-${n}`,
          validUntil: isoDay(200),
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/ohs/qualifications/:id': {
    access: 'contractors.workers.manage',
    checks: [
      {
        kind: 'record',
        family: 'qualification',
        permission: 'contractors.workers.manage',
        body: stale,
        ok: [409],
      },
    ],
  },

  // ---- OHS health, wellbeing, goals, Board report
  'GET /api/ohs/health/screenings': {
    access: 'health.individual',
    checks: [
      { kind: 'list', permission: 'health.individual', query: { pageSize: '500' }, family: 'screening' },
    ],
  },
  'GET /api/ohs/health/screenings/:id': {
    access: 'health.individual',
    checks: [{ kind: 'record', family: 'screening', permission: 'health.individual', ok: [200] }],
  },
  'POST /api/ohs/health/screenings': {
    access: 'health.individual',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'health.individual',
        body: ({ loc, n }) => ({
          siteId: site(loc),
          personType: 'employee',
          personId: EMPLOYEE_AT[loc as SiteCode],
          kind: 'general',
          screenedOn: isoDay(-20 - n),
        }),
        ok: [201],
      },
    ],
  },
  'POST /api/ohs/health/followups/:id': {
    access: 'health.individual',
    checks: [
      {
        kind: 'record',
        family: 'followup',
        permission: 'health.individual',
        body: () => ({ consultedOn: isoDay(-1), notes: 'Matrix', version: STALE }),
        ok: [409],
      },
    ],
  },
  'GET /api/ohs/health/summary': {
    access: 'health.read',
    checks: [figures('health.read', { query: { year: '2026' } })],
  },
  'GET /api/ohs/wellbeing/programs': {
    access: 'ohs.read',
    checks: [
      {
        kind: 'list',
        permission: 'ohs.read',
        program: OHS,
        rows: (b) => b.items ?? b,
        groupRows: 'anywhere',
        family: 'wellbeing',
      },
    ],
  },
  'POST /api/ohs/wellbeing/programs': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'create',
        locations: sitesAndGroup,
        permission: 'ohs.manage',
        program: OHS,
        body: ({ loc, n }) => ({
          siteId: site(loc),
          kind: 'other',
          name: `Matrix program ${n}`,
          startedOn: isoDay(-3),
        }),
        ok: [201],
      },
    ],
  },
  'POST /api/ohs/wellbeing/programs/:id/participation': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'wellbeing',
        permission: 'ohs.manage',
        program: OHS,
        body: () => ({ participatedOn: isoDay(-1), count: 1 }),
        ok: [200, 201],
      },
    ],
  },
  'GET /api/ohs/wellbeing/summary': {
    access: 'ohs.read',
    checks: [figures('ohs.read', { program: OHS, query: { year: '2026' } })],
  },
  'GET /api/ohs/goals': {
    access: 'ohs.read',
    checks: [
      {
        kind: 'list',
        permission: 'ohs.read',
        program: OHS,
        rows: (b) => b.items ?? b,
        groupRows: 'anywhere',
        family: 'goal',
      },
    ],
  },
  'POST /api/ohs/goals': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'create',
        locations: sitesAndGroup,
        permission: 'ohs.manage',
        program: OHS,
        group: 'group-wide-or-admin',
        body: ({ loc, n }) => ({
          siteId: site(loc),
          title: `Matrix created goal ${n}`,
          horizon: 'long',
          metric: 'fr',
          comparison: 'at_most',
          target: '1',
          fromYear: 2026,
          toYear: 2028,
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/ohs/goals/:id': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'goal',
        permission: 'ohs.manage',
        program: OHS,
        group: 'group-wide-or-admin',
        body: stale,
        ok: [409],
      },
    ],
  },
  'GET /api/ohs/reports/board.pdf': {
    access: 'ohs.read',
    checks: [binary('ohs.read', { program: OHS, query: { year: '2026' } })],
  },
  'GET /api/ohs/reports/board.xlsx': {
    access: 'ohs.read',
    checks: [binary('ohs.read', { program: OHS, query: { year: '2026' } })],
  },
  ...ACADEMIA_ROUTES,
  ...SMART_ROUTES,
};
