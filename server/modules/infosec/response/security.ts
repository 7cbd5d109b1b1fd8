import { type Family, type FamilySpec, seeded } from '../../../../test/security/support/family-kit.ts';
import type { Program } from '../../../../test/security/support/policy.ts';
import {
  type Body,
  type RouteSpec,
  STALE,
  site,
  sites3,
} from '../../../../test/security/support/route-kit.ts';

const INFOSEC: Program = 'infosec';

/**
 * The security suite's rows for the response work on an incident, and the records it checks them on (test code,
 * spread into the module's route table in ../security.ts and its families in ../security-fixture.ts).
 */

declare module '../../../../test/security/support/family-kit.ts' {
  interface ModuleFamilies {
    incidentTask: true;
    incidentObservable: true;
  }
}

type SeedContext = Parameters<FamilySpec['seed']>[0];

/** An incident of the location, reported by the group administrator, for a piece of response work. */
async function incidentAt({ res, loc, n }: SeedContext) {
  return seeded(
    await res.admin.post('/api/infosec/incidents', {
      siteId: site(loc),
      title: `Matrix incident for response ${n}`,
      description: 'Seeded for the authorization matrix',
      awareAt: new Date(Date.now() - 600_000).toISOString(),
    }),
    'securityIncident',
  ).id as string;
}

export const responseFamilies = {
  incidentTask: {
    locations: sites3,
    seed: async (ctx) => {
      const { res, n } = ctx;
      const incidentId = await incidentAt(ctx);
      const view = seeded(
        await res.admin.post(`/api/infosec/incidents/${incidentId}/tasks`, {
          phase: 'containment',
          title: `Matrix task ${n}`,
        }),
        'incidentTask',
      );
      return view.tasks[0].id;
    },
  },
  incidentObservable: {
    locations: sites3,
    seed: async (ctx) => {
      const { res, n } = ctx;
      const incidentId = await incidentAt(ctx);
      const view = seeded(
        await res.admin.post(`/api/infosec/incidents/${incidentId}/observables`, {
          kind: 'domain-name',
          value: `matrix-${n}.example`,
        }),
        'incidentObservable',
      );
      return view.observables[0].id;
    },
  },
} satisfies Partial<Record<Family, FamilySpec>>;

const onIncident = (permission: 'infosec.read' | 'infosec.manage', ok: number[], body?: Body) => ({
  kind: 'record' as const,
  family: 'securityIncident' as const,
  permission,
  program: INFOSEC,
  ...(body ? { body } : {}),
  ok,
});

export const responseRouteChecks: Record<string, RouteSpec> = {
  'GET /api/infosec/incidents/:id/response': {
    access: 'signed-in',
    checks: [onIncident('infosec.read', [200])],
  },
  'POST /api/infosec/incidents/:id/tasks': {
    access: 'infosec.manage',
    checks: [
      onIncident('infosec.manage', [201], ({ n }) => ({ phase: 'analysis', title: `Matrix task ${n}` })),
    ],
  },
  'PATCH /api/infosec/incident-tasks/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'incidentTask',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({ status: 'done', version: STALE }),
        ok: [409],
      },
    ],
  },
  'POST /api/infosec/incidents/:id/observables': {
    access: 'infosec.manage',
    checks: [
      onIncident('infosec.manage', [201], ({ n }) => ({
        kind: 'domain-name',
        value: `matrix-new-${n}.example`,
      })),
    ],
  },
  'DELETE /api/infosec/incident-observables/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'incidentObservable',
        permission: 'infosec.manage',
        program: INFOSEC,
        fresh: true,
        ok: [200],
      },
    ],
  },
  // A document of another record is refused after the access checks: the allowed get the field's error.
  'POST /api/infosec/incidents/:id/custody': {
    access: 'infosec.manage',
    checks: [
      onIncident('infosec.manage', [422], () => ({
        documentId: '00000000-0000-4000-8000-00000000c0de',
        event: 'examined',
        holder: 'Matrix lab',
      })),
    ],
  },
  'POST /api/infosec/incidents/:id/lessons': {
    access: 'infosec.manage',
    checks: [
      onIncident('infosec.manage', [201], ({ n }) => ({ kind: 'went_well', text: `Matrix lesson ${n}` })),
    ],
  },
};
