// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import {
  AREAS,
  CONTRACTOR_COMPANY,
  CONTRACTOR_WORKERS,
  EXTERNAL_PERSONS,
  SITES,
  SUBSIDIARIES,
  USERS,
} from '../../support/fixture.ts';
import {
  EMPLOYEE_AT,
  type FamilySpec,
  isoDay,
  multipart,
  type PlatformFamily,
  PNG,
  seeded,
} from './family-kit.ts';
import type { SiteCode } from './policy.ts';
import { site, sites3, sitesAndGroup } from './route-kit.ts';

/**
 * The platform's families of records, with where each has a record and how one is found or seeded. The
 * shared registries' records (actions, committees, certificates) are filed under the program a module lends
 * them (`res.registries`, see route-kit.ts).
 */
export const PLATFORM_FAMILIES: Record<PlatformFamily, FamilySpec> = {
  subsidiary: { locations: ['group'], seed: async () => SUBSIDIARIES.ASE.id },
  site: { locations: sites3, seed: async ({ loc }) => SITES[loc as SiteCode].id },
  area: {
    locations: sites3,
    seed: async ({ res, loc, n }) => {
      if (loc === 'K7') return AREAS.K7_B1_F3_L2.id;
      if (loc === 'TC') return AREAS.TC_FAB.id;
      return seeded(
        await res.admin.post('/api/org/areas', {
          siteId: site(loc),
          parentId: null,
          kind: 'building',
          code: `M${n}`,
          name: `Matrix building ${n}`,
        }),
        'area',
      ).id;
    },
  },
  calendarDay: {
    locations: sitesAndGroup,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/org/calendar-days', {
          // A day of its own for each record, years ahead (no fixture record falls due then).
          day: isoDay(2000 + n),
          ...(loc === 'group' ? { country: 'TW' } : { siteId: site(loc) }),
          kind: loc === 'group' ? 'public_holiday' : 'closure',
          name: `Matrix day ${n}`,
        }),
        'calendar day',
      ).id,
  },
  employee: { locations: sites3, seed: async ({ loc }) => EMPLOYEE_AT[loc as SiteCode] },
  contractorCompany: { locations: ['group'], seed: async () => CONTRACTOR_COMPANY.id },
  contractorWorker: {
    locations: sites3,
    seed: async ({ res, loc, n }) => {
      if (loc === 'K7') return CONTRACTOR_WORKERS.KS_001.id;
      if (loc === 'TC') return CONTRACTOR_WORKERS.KS_003.id;
      return seeded(
        await res.admin.post('/api/people/contractor-workers', {
          companyId: CONTRACTOR_COMPANY.id,
          siteId: site(loc),
          workerNo: `MX-${n}`,
          fullName: `Matrix Worker ${n}`,
        }),
        'contractor worker',
      ).id;
    },
  },
  external: {
    locations: sitesAndGroup,
    seed: async ({ res, loc, n }) => {
      if (loc === 'K7') return EXTERNAL_PERSONS.STUDENT.id;
      if (loc === 'group') return EXTERNAL_PERSONS.SUPPLIER.id;
      return seeded(
        await res.admin.post('/api/people/externals', {
          siteId: site(loc),
          kind: 'visitor',
          fullName: `Matrix Visitor ${n}`,
          organisation: 'Matrix Ltd',
        }),
        'external person',
      ).id;
    },
  },
  user: { locations: ['group'], seed: async () => USERS.board.id },
  obligation: {
    locations: sitesAndGroup,
    seed: async ({ res, loc }) => {
      const actionId = await res.id('action', loc);
      const list = seeded(
        await res.admin.get('/api/obligations', {
          query: { view: 'scope', kind: 'action.due', pageSize: 500 },
        }),
        'obligations',
      );
      const found = list.items.find((o: any) => o.sourceId === actionId);
      if (!found) throw new Error(`No obligation for the action at ${loc}`);
      return found.id;
    },
  },
  certification: {
    locations: [...sites3, 'ASE'],
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/certifications', {
          standard: res.registries.standard,
          ...(loc === 'ASE' ? { subsidiaryId: SUBSIDIARIES.ASE.id } : { siteId: site(loc) }),
          certificateNo: `MX-${n}`,
          issuer: 'Matrix Cert',
          issuedOn: isoDay(-300),
          validUntil: isoDay(700),
        }),
        'certificate',
      ).id,
  },
  action: {
    locations: sitesAndGroup,
    sourceType: 'action',
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/actions', {
          siteId: site(loc),
          program: res.registries.program,
          kind: 'corrective',
          title: `Matrix action ${n}`,
          ownerId: USERS[res.registries.owner].id,
          dueDate: isoDay(30),
        }),
        'action',
      ).id,
  },
  committee: {
    locations: sitesAndGroup,
    seed: async ({ res, loc, n }) => {
      const program = res.registries.program;
      return seeded(
        await res.admin.post(
          '/api/committees',
          loc === 'group'
            ? { name: `Matrix group committee ${n}`, program, level: 'group' }
            : { name: `Matrix committee ${n}`, program, level: 'site', siteId: site(loc) },
        ),
        'committee',
      ).id;
    },
  },
  committeeMember: {
    locations: sitesAndGroup,
    seed: async ({ res, loc }) => {
      const committeeId = await res.id('committee', loc);
      const userId = res.memberPool.shift();
      if (!userId) throw new Error('The pool of committee members ran out');
      const committee = seeded(
        await res.admin.post(`/api/committees/${committeeId}/members`, { userId, role: 'member' }),
        'committee member',
      );
      return committee.members.find((m: any) => m.userId === userId).id;
    },
  },
  meeting: {
    locations: sitesAndGroup,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/meetings', {
          committeeId: await res.id('committee', loc),
          title: `Matrix meeting ${n}`,
          location: 'Room 2',
          scheduledAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
        }),
        'meeting',
      ).id,
  },
  document: {
    locations: sitesAndGroup,
    seed: async ({ res, loc, n }) => {
      const { body, contentType } = await multipart(`evidence-${n}.png`, PNG);
      return seeded(
        await res.admin.post('/api/documents', body, {
          contentType,
          query: { entityType: 'action', entityId: await res.id('action', loc) },
        }),
        'document',
      ).id;
    },
  },
  course: {
    locations: sitesAndGroup,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/training/courses', {
          code: `MX-${n}`,
          title: `Matrix course ${n}`,
          domain: 'safety',
          audience: 'all_employees',
          hours: '1.5',
          siteId: site(loc),
        }),
        'course',
      ).id,
  },
  token: {
    locations: ['group'],
    seed: async ({ res, n }) => {
      const board = await res.t.signInAs('board');
      return seeded(await board.post('/api/auth/tokens', { name: `matrix ${n}` }), 'token').id;
    },
  },
  notification: {
    locations: ['group'],
    seed: async ({ res }) => {
      const row = await res.t.db
        .insertInto('notifications')
        .values({
          user_id: USERS.board.id,
          kind: 'matrix',
          title: 'For the Board only',
          body: 'Not yours',
          link: null,
          obligation_id: null,
          site_id: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
  },
  import: {
    locations: ['group'],
    seed: async ({ res }) => {
      const { body, contentType } = await multipart(
        'completions.csv',
        'employee_no,course_code,completed_on\nK7-0001,MX-1,2026-01-05\n',
      );
      return seeded(
        await res.admin.post('/api/imports', body, { contentType, query: { kind: 'training_completions' } }),
        'import',
      ).id;
    },
  },
};
