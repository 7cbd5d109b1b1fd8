// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import {
  EMPLOYEE_AT,
  type Family,
  type FamilySpec,
  isoDay,
  seeded,
} from '../../../test/security/support/family-kit.ts';
import type { ModulePolicy, Permission, SiteCode } from '../../../test/security/support/policy.ts';
import { site, sites3, sitesAndGroup } from '../../../test/security/support/route-kit.ts';
import { AREAS, CONTRACTOR_COMPANY } from '../../../test/support/fixture.ts';

/**
 * What the security suite expects of the occupational health and safety program, and the records it checks
 * the program's routes on. Test code, loaded with the module's rows of the route table (`./security.ts`).
 */

declare module '../../../test/security/support/policy.ts' {
  interface ModulePermissions {
    'ohs.report': true;
    'ohs.read': true;
    'ohs.manage': true;
    'health.individual': true;
    'health.read': true;
  }
}

declare module '../../../test/security/support/family-kit.ts' {
  interface ModuleFamilies {
    incident: true;
    injury: true;
    investigation: true;
    rootCause: true;
    hazard: true;
    permit: true;
    qualification: true;
    screening: true;
    followup: true;
    wellbeing: true;
    goal: true;
  }
}

/**
 * Reporting an incident: the people who work at a site (employees and contractor workers, site officers of
 * any program, medical staff), the OHS program owner and the group administrator; never the auditor, the
 * Board or another program's owner.
 */
const REPORT: Permission[] = ['ohs.report'];
const PROGRAM: Permission[] = ['ohs.read', 'ohs.manage', 'health.read'];
/** Reading the program and its health figures (counts, never a person's results). */
const READ: Permission[] = ['ohs.read', 'health.read'];

/**
 * Written by hand, apart from the manifest's permissions and grants: the OHS office (the program owner) runs
 * the program at every site and manages contractor companies and workers; the site officers who run it do so
 * at their sites; auditors and the Board read it; medical staff read it and are the only ones who see a
 * person's health results.
 */
export const ohsExpectedPolicy: ModulePolicy = {
  narrowed: ['program_owner', 'site_officer'],
  holds: {
    group_admin: [...REPORT, ...PROGRAM],
    program_owner: [...REPORT, ...PROGRAM, 'contractors.companies.manage', 'contractors.workers.manage'],
    site_officer: [...REPORT, ...PROGRAM],
    other_site_officer: REPORT,
    employee: REPORT,
    auditor: READ,
    board: READ,
    medical: [...REPORT, ...READ, 'health.individual'],
  },
};

/**
 * The program's families of records. Incidents are reported by the fixture's OHS owner, health records kept
 * by a medical user over the group, the rest seeded by the group administrator.
 */
export const ohsFamilies = {
  incident: {
    locations: sites3,
    sourceType: 'ohs_incident',
    seed: async ({ res, loc, n }) =>
      seeded(
        await (await res.signedIn('ohsOwner')).post('/api/ohs/incidents', {
          siteId: site(loc),
          kind: 'near_miss',
          occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
          title: `Matrix incident ${n}`,
          description: 'Seeded for the authorization matrix',
        }),
        'incident',
      ).id,
  },
  injury: {
    locations: sites3,
    seed: async ({ res, loc, n }) => {
      const incidentId = await res.id('incident', loc);
      const view = seeded(
        await res.admin.post(`/api/ohs/incidents/${incidentId}/injuries`, {
          personType: 'employee',
          personId: EMPLOYEE_AT[loc as SiteCode],
          injuryType: 'cut',
          bodyPart: 'hand',
          classification: 'first_aid',
          treatment: `Matrix plaster ${n}`,
        }),
        'injury',
      );
      // Found by its treatment: other injuries may be added to the same incident at the same time.
      return view.injuries.find((j: any) => j.treatment === `Matrix plaster ${n}`).id;
    },
  },
  investigation: {
    locations: sites3,
    seed: async ({ res, loc }) =>
      seeded(
        await res.admin.post(`/api/ohs/incidents/${await res.id('incident', loc)}/investigation`),
        'investigation',
      ).id,
  },
  rootCause: {
    locations: sites3,
    seed: async ({ res, loc, n }) => {
      const inv = seeded(
        await res.admin.post(`/api/ohs/investigations/${await res.id('investigation', loc)}/root-causes`, {
          method: 'fishbone',
          category: 'machine',
          statement: `Matrix cause ${n}`,
        }),
        'root cause',
      );
      return inv.rootCauses.find((r: any) => r.statement === `Matrix cause ${n}`).id;
    },
  },
  hazard: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/ohs/hazards', {
          siteId: site(loc),
          activity: 'Matrix activity',
          hazard: `Matrix hazard ${n}`,
          consequence: 'Bruise',
          likelihood: 2,
          severity: 2,
          residualLikelihood: 1,
          residualSeverity: 2,
        }),
        'hazard',
      ).id,
  },
  permit: {
    locations: sites3,
    seed: async ({ res, loc, n }) => {
      const areaId = loc === 'K7' ? AREAS.K7_B1.id : await res.id('area', loc);
      return seeded(
        await res.admin.post('/api/ohs/permits', {
          siteId: site(loc),
          areaId,
          type: 'hot_work',
          companyId: CONTRACTOR_COMPANY.id,
          workerIds: [await res.id('contractorWorker', loc)],
          description: `Matrix permit ${n}`,
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 90_000_000).toISOString(),
        }),
        'permit',
      ).id;
    },
  },
  qualification: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/ohs/qualifications', {
          workerId: await res.id('contractorWorker', loc),
          kind: 'hot_work',
          certificateNo: `MXQ-${n}`,
          validUntil: isoDay(365),
        }),
        'qualification',
      ).id,
  },
  screening: {
    locations: sites3,
    seed: async ({ res, loc }) =>
      seeded(
        await res.doctor.post('/api/ohs/health/screenings', {
          siteId: site(loc),
          personType: 'employee',
          personId: EMPLOYEE_AT[loc as SiteCode],
          kind: 'general',
          screenedOn: isoDay(-10),
          abnormal: true,
          findings: 'Matrix finding',
        }),
        'screening',
      ).id,
  },
  followup: {
    locations: sites3,
    seed: async ({ res, loc }) => {
      const view = seeded(
        await res.doctor.get(`/api/ohs/health/screenings/${await res.id('screening', loc)}`),
        'screening',
      );
      return view.followups[0].id;
    },
  },
  wellbeing: {
    locations: sitesAndGroup,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/ohs/wellbeing/programs', {
          siteId: site(loc),
          kind: 'club',
          name: `Matrix club ${n}`,
          startedOn: isoDay(-100),
        }),
        'wellbeing program',
      ).id,
  },
  goal: {
    locations: sitesAndGroup,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/ohs/goals', {
          siteId: site(loc),
          title: `Matrix goal ${n}`,
          horizon: 'short',
          metric: 'fatalities',
          comparison: 'at_most',
          target: 0,
          fromYear: 2026,
          toYear: 2026,
        }),
        'goal',
      ).id,
  },
} satisfies Partial<Record<Family, FamilySpec>>;
