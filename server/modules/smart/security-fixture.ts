import { type Family, type FamilySpec, seeded } from '../../../test/security/support/family-kit.ts';
import type { ModulePolicy, Permission } from '../../../test/security/support/policy.ts';
import { site, sites3 } from '../../../test/security/support/route-kit.ts';

/**
 * What the security suite expects of the shop-floor monitoring program, and the records it checks the
 * program's routes on. Test code, loaded with the module's rows of the route table (`./security.ts`).
 */

declare module '../../../test/security/support/policy.ts' {
  interface ModulePermissions {
    'smart.read': true;
    'smart.manage': true;
    'smart.ingest': true;
  }
}

declare module '../../../test/security/support/family-kit.ts' {
  interface ModuleFamilies {
    smartSensor: true;
    smartAlarm: true;
  }
}

/** The sensor registry and alarms, run by each site's officers; gateways send readings. */
const PROGRAM: Permission[] = ['smart.read', 'smart.manage', 'smart.ingest'];

/**
 * Written by hand, apart from the manifest's permissions: the smart manufacturing office (the program owner)
 * and each site's officers run the program and send readings; auditors and the Board read it. The matrix has
 * no actor narrowed to this program.
 */
export const smartExpectedPolicy: ModulePolicy = {
  narrowed: [],
  holds: {
    group_admin: PROGRAM,
    program_owner: PROGRAM,
    site_officer: PROGRAM,
    auditor: ['smart.read'],
    board: ['smart.read'],
  },
};

/** The program's families of records, seeded by the group administrator. */
export const smartFamilies = {
  smartSensor: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/smart/sensors', {
          siteId: site(loc),
          tag: `MX-${n}`,
          name: `Matrix sensor ${n}`,
          kind: 'temperature',
          unit: '°C',
          limitH: 30,
        }),
        'smart sensor',
      ).id,
  },
  smartAlarm: {
    locations: sites3,
    seed: async ({ res, loc, n }) => {
      // A reading beyond the sensor's high limit, sent by the administrator's gateway token, raises it.
      const sensorId = await res.fresh('smartSensor', loc);
      const token = seeded(
        await res.admin.post('/api/auth/tokens', { name: `matrix gateway ${n}` }),
        'token',
      );
      const sent = seeded(
        await res.t
          .withToken(token.token)
          .post('/api/smart/readings', [
            { sensorId, at: new Date(Date.now() - 60_000).toISOString(), value: 40 },
          ]),
        'smart readings',
      );
      if (sent.alarmsRaised !== 1) throw new Error('The matrix reading raised no alarm');
      const alarms = seeded(
        await res.admin.get('/api/smart/alarms', { query: { sensorId } }),
        'smart alarms',
      );
      return alarms.items[0].id;
    },
  },
} satisfies Partial<Record<Family, FamilySpec>>;
