import { idParams } from '#shared/platform/http/list.ts';
import * as c from '#shared/platform/people/contract.ts';
import { registerListExport } from '../exports/list-export.ts';
import { actorOf, type TypedApp } from '../http/typed.ts';
import type { PlatformServices as Services } from '../modules/platform-services.ts';

const tags = ['people'];

export function registerPeopleRoutes(app: TypedApp, { people }: Services) {
  app.get(
    '/api/people/employees',
    {
      config: { access: 'people.read' },
      schema: {
        tags,
        summary: 'Employees in your scope',
        querystring: c.employeeListQuery,
        response: { 200: c.employeePage },
      },
    },
    async (request) => people.listEmployees(actorOf(request), request.query),
  );
  app.get(
    '/api/people/departments',
    {
      config: { access: 'people.read' },
      schema: {
        tags,
        summary: 'Department names in use in your scope (or at one site)',
        querystring: c.departmentListQuery,
        response: { 200: c.departmentList },
      },
    },
    async (request) => people.listDepartments(actorOf(request), request.query),
  );
  app.get(
    '/api/people/employees/:id',
    {
      config: { access: 'people.read' },
      schema: { tags, summary: 'One employee', params: idParams, response: { 200: c.employeeView } },
    },
    async (request) => people.getEmployee(actorOf(request), request.params.id),
  );
  app.post(
    '/api/people/employees',
    {
      config: { access: 'people.manage' },
      schema: { tags, summary: 'Add an employee', body: c.employeeInput, response: { 201: c.employeeView } },
    },
    async (request, reply) =>
      reply.status(201).send(await people.createEmployee(actorOf(request), request.body)),
  );
  app.patch(
    '/api/people/employees/:id',
    {
      config: { access: 'people.manage' },
      schema: {
        tags,
        summary: 'Change an employee',
        params: idParams,
        body: c.employeePatch,
        response: { 200: c.employeeView },
      },
    },
    async (request) => people.updateEmployee(actorOf(request), request.params.id, request.body),
  );

  registerListExport(app, {
    url: '/api/people/employees',
    access: 'people.read',
    tags,
    name: 'employees',
    querystring: c.employeeListQuery,
    list: (actor, q) => people.listEmployees(actor, q),
    columns: [
      { header: { en: 'employee_no', 'zh-TW': '工號' }, value: (e) => e.employeeNo },
      { header: { en: 'full_name', 'zh-TW': '姓名' }, value: (e) => e.fullName, width: 24 },
      { header: { en: 'site_code', 'zh-TW': '廠區' }, value: (e) => e.siteCode },
      { header: { en: 'department', 'zh-TW': '部門' }, value: (e) => e.department, width: 20 },
      { header: { en: 'hire_date', 'zh-TW': '到職日' }, value: (e) => e.hireDate },
      { header: { en: 'leave_date', 'zh-TW': '離職日' }, value: (e) => e.leaveDate },
      { header: { en: 'email', 'zh-TW': '電子郵件' }, value: (e) => e.email, width: 28 },
      { header: { en: 'job_title', 'zh-TW': '職稱' }, value: (e) => e.jobTitle, width: 20 },
    ],
  });
  registerListExport(app, {
    url: '/api/people/contractor-workers',
    access: 'contractors.read',
    tags,
    name: 'contractor-workers',
    querystring: c.contractorWorkerListQuery,
    list: (actor, q) => people.listContractorWorkers(actor, q),
    columns: [
      { header: { en: 'worker_no', 'zh-TW': '人員編號' }, value: (w) => w.workerNo },
      { header: { en: 'full_name', 'zh-TW': '姓名' }, value: (w) => w.fullName, width: 24 },
      { header: { en: 'company', 'zh-TW': '承攬商' }, value: (w) => w.companyName, width: 28 },
      { header: { en: 'site_code', 'zh-TW': '廠區' }, value: (w) => w.siteCode },
      { header: { en: 'trade', 'zh-TW': '工種' }, value: (w) => w.trade },
      { header: { en: 'start_date', 'zh-TW': '起始日' }, value: (w) => w.startDate },
      { header: { en: 'end_date', 'zh-TW': '結束日' }, value: (w) => w.endDate },
    ],
  });

  app.get(
    '/api/people/contractor-companies',
    {
      config: { access: 'contractors.read' },
      schema: {
        tags,
        summary: 'Contractor companies (group records)',
        querystring: c.contractorCompanyListQuery,
        response: { 200: c.contractorCompanyPage },
      },
    },
    async (request) => people.listContractorCompanies(actorOf(request), request.query),
  );
  app.get(
    '/api/people/contractor-companies/:id',
    {
      config: { access: 'contractors.read' },
      schema: {
        tags,
        summary: 'One contractor company',
        params: idParams,
        response: { 200: c.contractorCompanyView },
      },
    },
    async (request) => people.getContractorCompany(actorOf(request), request.params.id),
  );
  app.post(
    '/api/people/contractor-companies',
    {
      config: { access: 'contractors.companies.manage' },
      schema: {
        tags,
        summary: 'Add a contractor company',
        body: c.contractorCompanyInput,
        response: { 201: c.contractorCompanyView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await people.createContractorCompany(actorOf(request), request.body)),
  );
  app.patch(
    '/api/people/contractor-companies/:id',
    {
      config: { access: 'contractors.companies.manage' },
      schema: {
        tags,
        summary: 'Change a contractor company',
        params: idParams,
        body: c.contractorCompanyPatch,
        response: { 200: c.contractorCompanyView },
      },
    },
    async (request) => people.updateContractorCompany(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/people/contractor-workers',
    {
      config: { access: 'contractors.read' },
      schema: {
        tags,
        summary: 'Contractor workers at the sites in your scope',
        querystring: c.contractorWorkerListQuery,
        response: { 200: c.contractorWorkerPage },
      },
    },
    async (request) => people.listContractorWorkers(actorOf(request), request.query),
  );
  app.get(
    '/api/people/contractor-workers/:id',
    {
      config: { access: 'contractors.read' },
      schema: {
        tags,
        summary: 'One contractor worker',
        params: idParams,
        response: { 200: c.contractorWorkerView },
      },
    },
    async (request) => people.getContractorWorker(actorOf(request), request.params.id),
  );
  app.post(
    '/api/people/contractor-workers',
    {
      config: { access: 'contractors.workers.manage' },
      schema: {
        tags,
        summary: 'Add a contractor worker',
        body: c.contractorWorkerInput,
        response: { 201: c.contractorWorkerView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await people.createContractorWorker(actorOf(request), request.body)),
  );
  app.patch(
    '/api/people/contractor-workers/:id',
    {
      config: { access: 'contractors.workers.manage' },
      schema: {
        tags,
        summary: 'Change a contractor worker',
        params: idParams,
        body: c.contractorWorkerPatch,
        response: { 200: c.contractorWorkerView },
      },
    },
    async (request) => people.updateContractorWorker(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/people/externals',
    {
      config: { access: 'people.read' },
      schema: {
        tags,
        summary: 'External persons: students, supplier staff, visitors',
        querystring: c.externalPersonListQuery,
        response: { 200: c.externalPersonPage },
      },
    },
    async (request) => people.listExternalPersons(actorOf(request), request.query),
  );
  app.get(
    '/api/people/externals/:id',
    {
      config: { access: 'people.read' },
      schema: {
        tags,
        summary: 'One external person',
        params: idParams,
        response: { 200: c.externalPersonView },
      },
    },
    async (request) => people.getExternalPerson(actorOf(request), request.params.id),
  );
  app.post(
    '/api/people/externals',
    {
      config: { access: 'people.manage' },
      schema: {
        tags,
        summary: 'Add an external person',
        body: c.externalPersonInput,
        response: { 201: c.externalPersonView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await people.createExternalPerson(actorOf(request), request.body)),
  );
  app.patch(
    '/api/people/externals/:id',
    {
      config: { access: 'people.manage' },
      schema: {
        tags,
        summary: 'Change an external person',
        params: idParams,
        body: c.externalPersonPatch,
        response: { 200: c.externalPersonView },
      },
    },
    async (request) => people.updateExternalPerson(actorOf(request), request.params.id, request.body),
  );
}
