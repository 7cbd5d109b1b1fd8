// biome-ignore-all lint/suspicious/noExplicitAny: list rows are whatever the API sent.

import { isoDay } from '../../../test/security/support/family-kit.ts';
import type { Program } from '../../../test/security/support/policy.ts';
import {
  binary,
  figures,
  type ModuleSecurity,
  type RouteSpec,
  site,
  siteRegister,
  sites3,
  stale,
} from '../../../test/security/support/route-kit.ts';
import { hireRouteChecks } from './hire-security.ts';
import { programRouteChecks } from './program-security.ts';
import { academiaExpectedPolicy, academiaFamilies } from './security-fixture.ts';
import { signInRouteChecks } from './sign-in-security.ts';
import { teachingRouteChecks } from './teaching-security.ts';

const ACADEMIA: Program = 'academia';

/**
 * The industry–academia program's rows of the security suite's route table (test/security): how the authorization matrix
 * reaches each of its routes and what it expects. Test code: the manifest loads it only when the suite asks
 * (`securityChecks`, with its expected policy and families of records from `./security-fixture.ts`), so the
 * running system never imports it.
 */
export const academiaRouteChecks: Record<string, RouteSpec> = {
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
  ...siteRegister({
    path: '/api/academia/agreements',
    family: 'academiaAgreement',
    program: ACADEMIA,
    read: 'academia.read',
    manage: 'academia.manage',
    listQuery: { pageSize: '500' },
    create: async ({ res, loc, n }) => ({
      siteId: site(loc),
      partnerId: await res.id('academiaPartner', 'group'),
      kind: 'internship',
      title: `Matrix created agreement ${n}`,
      startsOn: isoDay(-10),
      endsOn: isoDay(400),
    }),
  }),
  ...siteRegister({
    path: '/api/academia/projects',
    family: 'academiaProject',
    program: ACADEMIA,
    read: 'academia.read',
    manage: 'academia.manage',
    listQuery: { pageSize: '500' },
    create: async ({ res, loc, n }) => ({
      siteId: site(loc),
      partnerId: await res.id('academiaPartner', 'group'),
      title: `Matrix created project ${n}`,
      line: 'automation',
      principalInvestigator: 'Prof. Matrix',
      startsOn: isoDay(-10),
      currency: 'TWD',
      budget: [{ year: 2026, budgetMinor: 100_000 }],
    }),
  }),
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
  ...siteRegister({
    program: ACADEMIA,
    read: 'academia.read',
    manage: 'academia.manage',
    removable: true,
    path: '/api/academia/payments',
    family: 'academiaPayment',
    listQuery: { pageSize: '500' },
    create: async ({ res, loc }) => ({
      siteId: site(loc),
      partnerId: await res.id('academiaPartner', 'group'),
      category: 'course',
      paidOn: isoDay(-3),
      amountMinor: 12_345,
      currency: 'USD',
    }),
  }),
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
  'GET /api/academia/board/figures': {
    access: 'academia.read',
    checks: [figures('academia.read', { program: ACADEMIA, query: { year: '2026' } })],
  },
  'GET /api/academia/board/report.pdf': {
    access: 'academia.read',
    checks: [binary('academia.read', { program: ACADEMIA, query: { year: '2026' } })],
  },
  'GET /api/academia/board/report.xlsx': {
    access: 'academia.read',
    checks: [binary('academia.read', { program: ACADEMIA, query: { year: '2026' } })],
  },
  'GET /api/academia/patent-outcomes': {
    access: 'academia.read',
    checks: [figures('academia.read', { program: ACADEMIA, query: { ipReference: 'IDF-MATRIX-1' } })],
  },
  ...siteRegister({
    path: '/api/academia/interns',
    family: 'academiaIntern',
    program: ACADEMIA,
    read: 'academia.read',
    manage: 'academia.manage',
    listQuery: { pageSize: '500' },
    create: async ({ res, loc, n }) => ({
      siteId: site(loc),
      partnerId: await res.id('academiaPartner', 'group'),
      fullName: `Matrix created intern ${n}`,
      program: 'cooperative_education',
      startedOn: isoDay(-5),
    }),
  }),
  'GET /api/academia/interns/:id/evaluations': {
    access: 'academia.read',
    checks: [
      { kind: 'record', family: 'academiaIntern', permission: 'academia.read', program: ACADEMIA, ok: [200] },
    ],
  },
  'POST /api/academia/interns/:id/evaluations': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaIntern',
        permission: 'academia.manage',
        program: ACADEMIA,
        body: ({ n }) => ({ evaluator: 'mentor', rating: (n % 5) + 1, evaluatedOn: isoDay(0) }),
        ok: [201],
      },
    ],
  },
  'GET /api/academia/interns/cohorts': {
    access: 'academia.read',
    checks: [figures('academia.read', { program: ACADEMIA, query: { year: '2026' } })],
  },
  ...siteRegister({
    path: '/api/academia/scholarships',
    family: 'academiaScholarship',
    program: ACADEMIA,
    read: 'academia.read',
    manage: 'academia.manage',
    listQuery: { pageSize: '500' },
    create: async ({ res, loc, n }) => ({
      siteId: site(loc),
      partnerId: await res.id('academiaPartner', 'group'),
      recipientName: `Matrix scholar ${n}`,
      program: 'NSYSU college',
      awardedOn: isoDay(-2),
      amountMinor: 3_300_000,
      currency: 'USD',
    }),
  }),
  ...teachingRouteChecks,
  ...hireRouteChecks,
  ...signInRouteChecks,
  ...programRouteChecks,
};

/** The module's part of the security suite, as its manifest loads it. */
export const academiaSecurity: ModuleSecurity = {
  routes: academiaRouteChecks,
  policy: academiaExpectedPolicy,
  families: academiaFamilies,
};
