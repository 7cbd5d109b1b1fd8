// biome-ignore-all lint/suspicious/noExplicitAny: answers are whatever the API sent.
import {
  type Family,
  type FamilySpec,
  multipart,
  seeded,
} from '../../../../test/security/support/family-kit.ts';
import type { Program } from '../../../../test/security/support/policy.ts';
import {
  binary,
  csvExport,
  figures,
  type RouteSpec,
  site,
  siteRegister,
  sites3,
  stale,
} from '../../../../test/security/support/route-kit.ts';
import { USERS } from '../../../../test/support/fixture.ts';

/**
 * The security suite's rows for engagements and findings, and their families of records (test code, loaded
 * with the module's part of the suite by `../security.ts` and `../security-fixture.ts`).
 */

declare module '../../../../test/security/support/family-kit.ts' {
  interface ModuleFamilies {
    securityEngagement: true;
    securityFinding: true;
  }
}

const INFOSEC: Program = 'infosec';

async function settle(res: any, id: string) {
  for (let i = 0; i < 2400; i++) {
    const job = seeded(await res.admin.get(`/api/imports/${id}`), 'findings import');
    if (job.status !== 'validating' && job.status !== 'committing') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('Seeding a finding failed: the import did not finish');
}

async function seedEngagement(res: any, loc: any, n: number): Promise<string> {
  return seeded(
    await res.admin.post('/api/infosec/engagements', {
      siteId: site(loc),
      reference: `MATRIX-ENG-${n}`,
      kind: 'penetration_test',
      scope: `Matrix scope ${n}`,
      startsOn: '2026-01-05',
    }),
    'securityEngagement',
  ).id;
}

export const findingsFamilies = {
  securityEngagement: {
    locations: sites3,
    seed: async ({ res, loc, n }) => seedEngagement(res, loc, n),
  },
  /** A finding of its own engagement, imported from a one-result SARIF log. */
  securityFinding: {
    locations: sites3,
    sourceType: 'infosec_finding',
    seed: async ({ res, loc, n }) => {
      const engagement = await seedEngagement(res, loc, n);
      const log = JSON.stringify({
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'MatrixScan' } },
            results: [{ ruleId: `R${n}`, level: 'error', message: { text: `Matrix finding ${n}` } }],
          },
        ],
      });
      const { body, contentType } = await multipart('matrix.sarif', log);
      let job = seeded(
        await res.admin.post(`/api/infosec/engagements/${engagement}/sarif`, body, { contentType }),
        'findings import',
      );
      await res.admin.post(`/api/imports/${job.id}/validate`, { version: job.version });
      job = await settle(res, job.id);
      await res.admin.post(`/api/imports/${job.id}/commit`, { version: job.version });
      await settle(res, job.id);
      const page = seeded(
        await res.admin.get('/api/infosec/findings', { query: { engagementId: engagement } }),
        'securityFinding',
      );
      return page.items[0].id;
    },
  },
} satisfies Partial<Record<Family, FamilySpec>>;

export const findingsRouteChecks: Record<string, RouteSpec> = {
  ...siteRegister({
    path: '/api/infosec/engagements',
    family: 'securityEngagement',
    program: INFOSEC,
    read: 'infosec.read',
    manage: 'infosec.manage',
    listQuery: { pageSize: '500' },
    create: ({ loc, n }) => ({
      siteId: site(loc),
      reference: `MATRIX-NEW-${loc}-${n}`,
      kind: 'audit',
      scope: 'Matrix',
      startsOn: '2026-02-01',
    }),
  }),
  // A PNG is not a SARIF log: allowed actors meet 422, and change nothing.
  'POST /api/infosec/engagements/:id/sarif': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityEngagement',
        permission: 'infosec.manage',
        program: INFOSEC,
        multipart: true,
        ok: [422],
      },
    ],
  },
  'GET /api/infosec/findings': {
    access: 'infosec.read',
    checks: [
      {
        kind: 'list',
        permission: 'infosec.read',
        program: INFOSEC,
        query: { pageSize: '500' },
        family: 'securityFinding',
      },
    ],
  },
  'GET /api/infosec/findings/export.csv': {
    access: 'infosec.read',
    checks: [csvExport('infosec.read', 'Site', { program: INFOSEC, family: 'securityFinding' })],
  },
  'GET /api/infosec/findings/export.xlsx': {
    access: 'infosec.read',
    checks: [binary('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/findings/ageing': {
    access: 'infosec.read',
    checks: [
      {
        kind: 'list',
        permission: 'infosec.read',
        program: INFOSEC,
        rows: (body) => body.rows,
        family: 'securityFinding',
      },
    ],
  },
  'GET /api/infosec/findings/sla': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/findings/:id': {
    access: 'infosec.read',
    checks: [
      { kind: 'record', family: 'securityFinding', permission: 'infosec.read', program: INFOSEC, ok: [200] },
    ],
  },
  'PATCH /api/infosec/findings/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityFinding',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: stale,
        ok: [409],
      },
    ],
  },
  'PUT /api/infosec/findings/:id/acceptance': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityFinding',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({
          approverId: USERS.groupAdmin.id,
          expiresOn: '2099-12-31',
          reason: 'Matrix',
          version: 999_999,
        }),
        ok: [409],
      },
    ],
  },
  'POST /api/infosec/findings/:id/verification': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityFinding',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({ evidence: 'Matrix retest', version: 999_999 }),
        ok: [409],
      },
    ],
  },
  'GET /api/infosec/finding-due-policy': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC })],
  },
  'PUT /api/infosec/finding-due-policy': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: async ({ res }) => (await res.admin.get('/api/infosec/finding-due-policy')).body,
        ok: [200],
      },
    ],
  },
};
