import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../http/list.ts';

const name = z.string().trim().min(1).max(200);
const email = z.string().trim().max(254).email();

export const employeeView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  employeeNo: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  department: z.string(),
  jobTitle: z.string().nullable(),
  hireDate: z.string(),
  leaveDate: z.string().nullable(),
  version: z.number().int(),
});
export type EmployeeView = z.infer<typeof employeeView>;

const employeeFields = z.object({
  siteId: z.string().uuid(),
  employeeNo: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9-]+$/, 'Letters, digits and - only'),
  fullName: name,
  email: email.nullable().optional(),
  department: z.string().trim().min(1).max(100),
  jobTitle: z.string().trim().max(100).nullable().optional(),
  hireDate: isoDate,
  leaveDate: isoDate.nullable().optional(),
});
const leaveAfterHire = (v: { hireDate?: string; leaveDate?: string | null }) =>
  !v.hireDate || !v.leaveDate || v.leaveDate >= v.hireDate;
export const employeeInput = employeeFields
  .strict()
  .refine(leaveAfterHire, { message: 'The leave date cannot be before the hire date', path: ['leaveDate'] });
export const employeePatch = employeeFields
  .partial()
  .extend(versioned.shape)
  .strict()
  .refine(leaveAfterHire, { message: 'The leave date cannot be before the hire date', path: ['leaveDate'] });
export const employeeListQuery = listQuery([
  'fullName',
  'employeeNo',
  'hireDate',
  'department',
  'site',
]).extend({
  siteId: z.string().uuid().optional(),
  status: z.enum(['active', 'left', 'all']).default('active'),
  department: z.string().max(100).optional(),
});
export const employeePage = pageOf(employeeView);

/** The department names in use, for the employee filter (at one site, or at every site in scope). */
export const departmentListQuery = z.object({ siteId: z.string().uuid().optional() });
export const departmentList = z.object({ items: z.array(z.string()) });

export const contractorCompanyView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  taxId: z.string().nullable(),
  country: z.string(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  workerCount: z.number().int(),
  version: z.number().int(),
});
export const contractorCompanyInput = z
  .object({
    name,
    taxId: z.string().trim().max(32).nullable().optional(),
    country: z.string().regex(/^[A-Z]{2}$/, 'Use an ISO 3166 two-letter code'),
    contactName: name.nullable().optional(),
    contactEmail: email.nullable().optional(),
    contactPhone: z.string().trim().max(40).nullable().optional(),
  })
  .strict();
export const contractorCompanyPatch = contractorCompanyInput.partial().extend(versioned.shape).strict();
export const contractorCompanyListQuery = listQuery(['name', 'country']);
export const contractorCompanyPage = pageOf(contractorCompanyView);

export const contractorWorkerView = z.object({
  id: z.string().uuid(),
  companyId: z.string().uuid(),
  companyName: z.string(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  workerNo: z.string(),
  fullName: z.string(),
  trade: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  version: z.number().int(),
});
export const contractorWorkerInput = z
  .object({
    companyId: z.string().uuid(),
    siteId: z.string().uuid(),
    workerNo: z.string().trim().min(1).max(32),
    fullName: name,
    trade: z.string().trim().max(100).nullable().optional(),
    startDate: isoDate.nullable().optional(),
    endDate: isoDate.nullable().optional(),
  })
  .strict();
export const contractorWorkerPatch = contractorWorkerInput.partial().extend(versioned.shape).strict();
export const contractorWorkerListQuery = listQuery(['fullName', 'workerNo', 'company', 'site']).extend({
  siteId: z.string().uuid().optional(),
  companyId: z.string().uuid().optional(),
});
export const contractorWorkerPage = pageOf(contractorWorkerView);

export const externalKinds = ['student', 'supplier_staff', 'visitor', 'researcher', 'other'] as const;
export const externalPersonView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid().nullable(),
  siteCode: z.string().nullable(),
  kind: z.enum(externalKinds),
  fullName: z.string(),
  organisation: z.string(),
  email: z.string().nullable(),
  version: z.number().int(),
});
export const externalPersonInput = z
  .object({
    siteId: z.string().uuid().nullable().optional(),
    kind: z.enum(externalKinds),
    fullName: name,
    organisation: name,
    email: email.nullable().optional(),
  })
  .strict();
export const externalPersonPatch = externalPersonInput.partial().extend(versioned.shape).strict();
export const externalPersonListQuery = listQuery(['fullName', 'organisation', 'kind']).extend({
  siteId: z.string().uuid().optional(),
  kind: z.enum(externalKinds).optional(),
});
export const externalPersonPage = pageOf(externalPersonView);
