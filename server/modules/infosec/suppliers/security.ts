import type { Program } from '../../../../test/security/support/policy.ts';
import {
  binary,
  csvExport,
  figures,
  type RouteSpec,
  STALE,
  site,
  siteRegister,
  sites3,
  stale,
} from '../../../../test/security/support/route-kit.ts';
import { SEMI_E187_TEMPLATE } from './questionnaires.ts';
import { seedSupplier } from './security-fixture.ts';

const INFOSEC: Program = 'infosec';
const NO_SUCH = '00000000-0000-4000-8000-0000000051a9';

/** The supplier assessments' rows of the security suite's route table. Test code, joined into ../security.ts. */
export const supplierRouteChecks: Record<string, RouteSpec> = {
  ...siteRegister({
    path: '/api/infosec/suppliers',
    family: 'infosecSupplier',
    program: INFOSEC,
    read: 'infosec.read',
    manage: 'infosec.manage',
    listQuery: { pageSize: '500' },
    create: ({ loc, n }) => ({
      siteId: site(loc),
      name: `Matrix new supplier ${n}`,
      country: 'KR',
      supplies: 'Spare parts',
      category: 'materials',
      criticality: 'high',
      servedSiteIds: [],
    }),
  }),
  'DELETE /api/infosec/suppliers/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'infosecSupplier',
        permission: 'infosec.manage',
        program: INFOSEC,
        query: () => ({ version: String(STALE) }),
        ok: [409],
      },
    ],
  },
  'POST /api/infosec/suppliers/:id/contacts': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'infosecSupplier',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({ name: 'Matrix contact', email: 'matrix.contact@supplier.example' }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/infosec/supplier-contacts/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'infosecSupplierContact',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({ phone: '+886 3 000 0000', version: STALE }),
        ok: [409],
      },
    ],
  },
  'DELETE /api/infosec/supplier-contacts/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'infosecSupplierContact',
        permission: 'infosec.manage',
        program: INFOSEC,
        fresh: true,
        ok: [204],
      },
    ],
  },
  'GET /api/infosec/supplier-templates': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/supplier-templates/:id': {
    access: 'infosec.read',
    checks: [
      { kind: 'record', family: 'supplierTemplate', permission: 'infosec.read', program: INFOSEC, ok: [200] },
    ],
  },
  'POST /api/infosec/supplier-templates': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({
          code: `matrix_new_${Math.floor(Math.random() * 1e9)}`,
          name: { en: 'Matrix new template', 'zh-TW': '測試新問卷' },
          questions: [SEMI_E187_TEMPLATE.questions[0]],
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/infosec/supplier-templates/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'supplierTemplate',
        permission: 'infosec.manage',
        program: INFOSEC,
        group: 'group-wide',
        body: stale,
        ok: [409],
      },
    ],
  },
  'GET /api/infosec/supplier-assessments': {
    access: 'signed-in',
    checks: [
      {
        kind: 'list',
        permission: 'infosec.read',
        program: INFOSEC,
        query: { pageSize: '500' },
        family: 'supplierAssessment',
      },
      { kind: 'self', ok: [200], query: () => ({ mine: 'true' }) },
    ],
  },
  'GET /api/infosec/supplier-assessments/export.csv': {
    access: 'infosec.read',
    checks: [csvExport('infosec.read', 'Site', { program: INFOSEC, family: 'supplierAssessment' })],
  },
  'GET /api/infosec/supplier-assessments/export.xlsx': {
    access: 'infosec.read',
    checks: [binary('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/supplier-assessments/figures': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC, query: { year: '2026' } })],
  },
  'GET /api/infosec/supplier-assessments/:id': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'supplierAssessment',
        permission: 'infosec.read',
        program: INFOSEC,
        ok: [200],
      },
    ],
  },
  'POST /api/infosec/supplier-assessments': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'infosec.manage',
        program: INFOSEC,
        body: async ({ res, loc, n }) => ({
          supplierId: await seedSupplier(res, loc, `new assessment ${n}`),
          templateId: SEMI_E187_TEMPLATE.id,
          startedOn: '2026-03-01',
        }),
        ok: [201],
      },
    ],
  },
  'PUT /api/infosec/supplier-assessments/:id/answers': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'supplierAssessment',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({ answers: [{ code: 'OS-1', answer: 'yes' }], version: STALE }),
        ok: [409],
      },
    ],
  },
  'POST /api/infosec/supplier-assessments/:id/guidance': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'supplierAssessment',
        permission: 'infosec.manage',
        program: INFOSEC,
        // Nothing answered yet: the current situation stays open (409) before the version is read.
        body: () => ({ on: '2026-03-01', improvements: [], version: STALE }),
        ok: [409],
      },
    ],
  },
  'POST /api/infosec/supplier-assessments/:id/confirmation': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'supplierAssessment',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({ on: '2026-03-01', version: STALE }),
        ok: [409],
      },
    ],
  },
  'POST /api/infosec/supplier-assessments/:id/respondents': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'supplierAssessment',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({ contactId: NO_SUCH }),
        ok: [404],
      },
    ],
  },
  'DELETE /api/infosec/supplier-assessments/:id/respondents/:userId': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'supplierAssessment',
        permission: 'infosec.manage',
        program: INFOSEC,
        path: { userId: NO_SUCH },
        ok: [404],
      },
    ],
  },
  'DELETE /api/infosec/supplier-assessments/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'supplierAssessment',
        permission: 'infosec.manage',
        program: INFOSEC,
        query: () => ({ version: String(STALE) }),
        ok: [409],
      },
    ],
  },
};
