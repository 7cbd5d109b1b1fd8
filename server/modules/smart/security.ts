import type { Program } from '../../../test/security/support/policy.ts';
import {
  figures,
  type ModuleSecurity,
  type RouteSpec,
  STALE,
  site,
  siteRegister,
  stale,
} from '../../../test/security/support/route-kit.ts';
import { smartExpectedPolicy, smartFamilies } from './security-fixture.ts';

const SMART: Program = 'smart';

/**
 * The shop-floor monitoring program's rows of the security suite's route table (test/security): how the
 * authorization matrix reaches each of its routes and what it expects. Test code: the manifest loads it only when
 * the suite asks (`securityChecks`, with its expected policy and families of records from
 * `./security-fixture.ts`), so the running system never imports it.
 */
export const smartRouteChecks: Record<string, RouteSpec> = {
  ...siteRegister({
    path: '/api/smart/sensors',
    family: 'smartSensor',
    program: SMART,
    read: 'smart.read',
    manage: 'smart.manage',
    listQuery: { pageSize: '500' },
    create: ({ loc, n }) => ({
      siteId: site(loc),
      tag: `MX-NEW-${n}`,
      name: `Matrix new sensor ${n}`,
      kind: 'noise',
      unit: 'dBA',
    }),
  }),
  'GET /api/smart/sensors/:id/readings': {
    access: 'smart.read',
    checks: [{ kind: 'record', family: 'smartSensor', permission: 'smart.read', program: SMART, ok: [200] }],
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
  // An event stream: the matrix reads its first event (with the permission somewhere) or its refusal.
  'GET /api/smart/alarms/live': {
    access: 'smart.read',
    checks: [figures('smart.read', { program: SMART })],
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
  // ---- Trends: figures of the sites the actor reads (alarms; the OHS series also need the OHS program's read).
  'GET /api/smart/trends': {
    access: 'smart.read',
    checks: [
      figures('smart.read', { program: SMART, query: { series: 'alarms', days: '56', horizon: '7' } }),
    ],
  },
  // ---- A sensor's trend: the sensor's site decides (404 outside it).
  'GET /api/smart/sensors/:id/trend': {
    access: 'smart.read',
    checks: [{ kind: 'record', family: 'smartSensor', permission: 'smart.read', program: SMART, ok: [200] }],
  },
  // ---- Alarm KPIs: every row that names a site (bad actors, stale alarms, positions) is of a site the actor
  // reads, and the alarm seeded at each site a minute ago is among the bad actors of the last 24 hours.
  'GET /api/smart/kpis': {
    access: 'smart.read',
    checks: [
      {
        kind: 'list',
        permission: 'smart.read',
        program: SMART,
        family: 'smartAlarm',
        rows: (body) => [...body.badActors, ...body.positions, ...body.stale, ...body.floods],
      },
    ],
  },
  'GET /api/smart/kpi-settings': {
    access: 'smart.read',
    checks: [figures('smart.read', { program: SMART })],
  },
  'PUT /api/smart/kpi-settings': {
    access: 'smart.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'smart.manage',
        program: SMART,
        body: () => ({
          windowMinutes: 10,
          acceptablePerWindow: 1,
          manageablePerWindow: 2,
          floodStartAbove: 10,
          floodEndBelow: 5,
          floodTimeTargetPercent: 1,
          chatterCount: 3,
          chatterSeconds: 60,
          staleHours: 24,
          badActors: 10,
        }),
        ok: [200],
      },
    ],
  },
  // ---- Alarm responders: per area, run by whoever manages the program at the area's site (404 elsewhere).
  'GET /api/smart/areas/:id/responders': {
    access: 'smart.manage',
    checks: [{ kind: 'record', family: 'area', permission: 'smart.manage', program: SMART, ok: [200] }],
  },
  'PUT /api/smart/areas/:id/responders': {
    access: 'smart.manage',
    checks: [
      {
        kind: 'record',
        family: 'area',
        permission: 'smart.manage',
        program: SMART,
        body: () => ({ responders: [] }),
        ok: [200],
      },
    ],
  },
  'GET /api/smart/escalation-settings': {
    access: 'smart.read',
    checks: [figures('smart.read', { program: SMART })],
  },
  'PUT /api/smart/escalation-settings': {
    access: 'smart.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'smart.manage',
        program: SMART,
        body: () => ({ urgent: 5, high: 15, medium: 30, low: 60 }),
        ok: [200],
      },
    ],
  },
  'GET /api/smart/retention-settings': {
    access: 'smart.read',
    checks: [figures('smart.read', { program: SMART })],
  },
  'PUT /api/smart/retention-settings': {
    access: 'smart.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'smart.manage',
        program: SMART,
        body: () => ({
          rawDays: 365,
          rawDaysByKind: { vibration: 90 },
          minuteRollupDays: 730,
          hourRollupYears: 10,
        }),
        ok: [200],
      },
    ],
  },
};

/** The module's part of the security suite, as its manifest loads it. */
export const smartSecurity: ModuleSecurity = {
  routes: smartRouteChecks,
  policy: smartExpectedPolicy,
  families: smartFamilies,
};
