// biome-ignore-all lint/suspicious/noExplicitAny: list rows are whatever the API sent.
import type { Program } from '../../../test/security/support/policy.ts';
import {
  binary,
  csvExport,
  figures,
  type RouteSpec,
  STALE,
  site,
  sites3,
  stale,
} from '../../../test/security/support/route-kit.ts';

const INFOSEC: Program = 'infosec';

/**
 * The information security program's rows of the security suite's route table (test/security): how the authorization matrix
 * reaches each of its routes and what it expects. Test code: the manifest loads it only when the suite asks
 * (`securityChecks`), so the running system never imports it.
 */
export const infosecRouteChecks: Record<string, RouteSpec> = {
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
};
