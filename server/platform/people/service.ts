import type { z } from 'zod';
import { paginate } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import type { Actor } from '../access/actor.ts';
import { access } from '../access/service.ts';
import { recordAudit } from '../audit/service.ts';
import { NotFoundError, ValidationError } from '../http/errors.ts';
import type { OrgService } from '../org/service.ts';
import type * as c from './contract.ts';
import { type ImportRowError, parseEmployeeCsv } from './employee-import.ts';
import * as repo from './repo.ts';

const toEmployeeView = (r: repo.EmployeeRow): c.EmployeeView => ({
  id: r.id,
  siteId: r.site_id,
  siteCode: r.site_code,
  employeeNo: r.employee_no,
  fullName: r.full_name,
  email: r.email,
  department: r.department,
  jobTitle: r.job_title,
  hireDate: r.hire_date,
  leaveDate: r.leave_date,
  version: r.version,
});

type CompanyRow = Awaited<ReturnType<ReturnType<typeof repo.contractorCompanyQuery>['execute']>>[number];
const toCompanyView = (r: CompanyRow) => ({
  id: r.id,
  name: r.name,
  taxId: r.tax_id,
  country: r.country,
  contactName: r.contact_name,
  contactEmail: r.contact_email,
  contactPhone: r.contact_phone,
  workerCount: Number(r.worker_count ?? 0),
  version: r.version,
});

type WorkerRow = Awaited<ReturnType<ReturnType<typeof repo.contractorWorkerQuery>['execute']>>[number];
const toWorkerView = (r: WorkerRow) => ({
  id: r.id,
  companyId: r.company_id,
  companyName: r.company_name,
  siteId: r.site_id,
  siteCode: r.site_code,
  workerNo: r.worker_no,
  fullName: r.full_name,
  trade: r.trade,
  startDate: r.start_date,
  endDate: r.end_date,
  version: r.version,
});

type ExternalRow = Awaited<ReturnType<ReturnType<typeof repo.externalPersonQuery>['execute']>>[number];
const toExternalView = (r: ExternalRow) => ({
  id: r.id,
  siteId: r.site_id,
  siteCode: r.site_code,
  kind: r.kind,
  fullName: r.full_name,
  organisation: r.organisation,
  email: r.email,
  version: r.version,
});

export function createPeopleService(db: Db, org: OrgService, now: () => Date = () => new Date()) {
  const today = () => now().toISOString().slice(0, 10);

  async function employeeOrNotFound(id: string) {
    const row = await repo.employeeById(db, id);
    if (!row) throw new NotFoundError('employee');
    return row;
  }

  return {
    async listEmployees(actor: Actor, query: z.infer<typeof c.employeeListQuery>) {
      const scope = access.listScope(actor, 'people.read');
      const base = repo.employeeQuery(db, scope, query, today());
      const { items, total, totalCapped } = await paginate<repo.EmployeeRow>(db, base, {
        sortColumn: repo.employeeSort[query.sort],
        order: query.order,
        tieBreaker: 'employees.id',
        page: query.page,
        pageSize: query.pageSize,
      });
      return {
        items: items.map(toEmployeeView),
        total,
        totalCapped,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async listDepartments(actor: Actor, query: z.infer<typeof c.departmentListQuery>) {
      const scope = access.listScope(actor, 'people.read');
      return { items: await repo.departmentNames(db, scope, query.siteId) };
    },

    async getEmployee(actor: Actor, id: string) {
      const row = await employeeOrNotFound(id);
      access.assert(actor, 'people.read', row.site_id, 'employee');
      return toEmployeeView(row);
    },

    async createEmployee(actor: Actor, input: z.infer<typeof c.employeeInput>) {
      await org.getSite(actor, input.siteId);
      access.assert(actor, 'people.manage', input.siteId, 'site');
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('employees')
          .values({
            site_id: input.siteId,
            employee_no: input.employeeNo,
            full_name: input.fullName,
            email: input.email ?? null,
            department: input.department,
            job_title: input.jobTitle ?? null,
            hire_date: input.hireDate,
            leave_date: input.leaveDate ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'employee.created',
          entityType: 'employee',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        return toEmployeeView((await repo.employeeById(trx, row.id)) as repo.EmployeeRow);
      });
    },

    async updateEmployee(actor: Actor, id: string, patch: z.infer<typeof c.employeePatch>) {
      const before = await employeeOrNotFound(id);
      access.assert(actor, 'people.manage', before.site_id, 'employee');
      if (patch.siteId && patch.siteId !== before.site_id) {
        await org.getSite(actor, patch.siteId);
        access.assert(actor, 'people.manage', patch.siteId, 'site');
      }
      const hire = patch.hireDate ?? before.hire_date;
      const leave = patch.leaveDate === undefined ? before.leave_date : patch.leaveDate;
      if (leave && leave < hire)
        throw new ValidationError('The leave date cannot be before the hire date.', [
          { path: 'leaveDate', message: 'Before the hire date' },
        ]);
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'employees',
          id,
          patch.version,
          definedOnly({
            site_id: patch.siteId,
            employee_no: patch.employeeNo,
            full_name: patch.fullName,
            email: patch.email,
            department: patch.department,
            job_title: patch.jobTitle,
            hire_date: patch.hireDate,
            leave_date: patch.leaveDate,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'employee.updated',
          entityType: 'employee',
          entityId: id,
          siteId: after.site_id,
          before,
          after,
        });
        return toEmployeeView((await repo.employeeById(trx, id)) as repo.EmployeeRow);
      });
    },

    /**
     * Employees from CSV, all or nothing: every row is validated, every site must be one where the actor
     * manages people (and so must the current site of an employee being updated); any error imports nothing.
     */
    async importEmployees(actor: Actor, csv: string, dryRun: boolean): Promise<c.EmployeeImportResult> {
      access.listScope(actor, 'people.manage');
      const parsed = parseEmployeeCsv(csv);
      const errors: ImportRowError[] = [...parsed.errors];
      const siteIds = await org.siteIdsByCode([...new Set(parsed.rows.map((r) => r.site_code))]);
      const existing = new Map<string, { id: string; site_id: string }>();
      const numbers = parsed.rows.map((r) => r.employee_no);
      for (let i = 0; i < numbers.length; i += 5000) {
        const chunk = numbers.slice(i, i + 5000);
        const found = await db
          .selectFrom('employees')
          .select(['id', 'site_id', 'employee_no'])
          .where('employee_no', 'in', chunk)
          .execute();
        for (const f of found) existing.set(f.employee_no, f);
      }
      parsed.rows.forEach((r, i) => {
        const rowNumber = parsed.rowNumbers[i];
        const siteId = siteIds.get(r.site_code);
        if (!siteId || !access.can(actor, 'org.read', siteId)) {
          errors.push({ row: rowNumber, column: 'site_code', message: `Unknown site ${r.site_code}` });
        } else if (!access.can(actor, 'people.manage', siteId)) {
          errors.push({
            row: rowNumber,
            column: 'site_code',
            message: `You cannot manage people at ${r.site_code}`,
          });
        }
        const current = existing.get(r.employee_no);
        if (current && !access.can(actor, 'people.manage', current.site_id)) {
          errors.push({
            row: rowNumber,
            column: 'employee_no',
            message: `Employee ${r.employee_no} belongs to a site you cannot manage`,
          });
        }
      });
      errors.sort((a, b) => a.row - b.row);
      const updated = parsed.rows.filter((r) => existing.has(r.employee_no)).length;
      const result = {
        dryRun,
        rows: parsed.rows.length,
        created: parsed.rows.length - updated,
        updated,
        errors,
      };
      if (errors.length > 0) {
        if (dryRun) return { ...result, created: 0, updated: 0 };
        throw new ValidationError(
          `The file has ${errors.length} error(s); nothing was imported.`,
          errors
            .slice(0, 500)
            .map((e) => ({ path: `row ${e.row}${e.column ? `.${e.column}` : ''}`, message: e.message })),
        );
      }
      if (dryRun) return result;
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < parsed.rows.length; i += 2000) {
          const chunk = parsed.rows.slice(i, i + 2000).map((r) => ({
            site_id: siteIds.get(r.site_code) as string,
            employee_no: r.employee_no,
            full_name: r.full_name,
            department: r.department,
            hire_date: r.hire_date,
            leave_date: r.leave_date ?? null,
            email: r.email ?? null,
            job_title: r.job_title ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          }));
          await trx
            .insertInto('employees')
            .values(chunk)
            .onConflict((oc) =>
              oc.column('employee_no').doUpdateSet((eb) => ({
                site_id: eb.ref('excluded.site_id'),
                full_name: eb.ref('excluded.full_name'),
                department: eb.ref('excluded.department'),
                hire_date: eb.ref('excluded.hire_date'),
                leave_date: eb.ref('excluded.leave_date'),
                email: eb.ref('excluded.email'),
                job_title: eb.ref('excluded.job_title'),
                updated_by: eb.ref('excluded.updated_by'),
                updated_at: new Date(),
                version: eb('employees.version', '+', 1),
              })),
            )
            .execute();
        }
        await recordAudit(trx, actor, {
          action: 'employees.imported',
          entityType: 'employee_import',
          entityId: parsed.checksum.slice(0, 16),
          siteId: null,
          summary: `Imported ${parsed.rows.length} employees (${result.created} new, ${updated} updated)`,
          after: {
            checksum: parsed.checksum,
            rows: parsed.rows.length,
            created: result.created,
            updated,
            sites: [...new Set(parsed.rows.map((r) => r.site_code))].sort(),
          },
        });
      });
      return result;
    },

    async listContractorCompanies(actor: Actor, query: z.infer<typeof c.contractorCompanyListQuery>) {
      access.listScope(actor, 'contractors.read');
      const sortColumn = { name: 'contractor_companies.name', country: 'contractor_companies.country' }[
        query.sort
      ];
      const { items, total, totalCapped } = await paginate<CompanyRow>(
        db,
        repo.contractorCompanyQuery(db, query.q),
        {
          sortColumn,
          order: query.order,
          tieBreaker: 'contractor_companies.id',
          page: query.page,
          pageSize: query.pageSize,
        },
      );
      return {
        items: items.map(toCompanyView),
        total,
        totalCapped,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async getContractorCompany(actor: Actor, id: string) {
      access.assert(actor, 'contractors.read', null, 'contractor company');
      const row = await repo
        .contractorCompanyQuery(db)
        .where('contractor_companies.id', '=', id)
        .executeTakeFirst();
      if (!row) throw new NotFoundError('contractor company');
      return toCompanyView(row);
    },

    async createContractorCompany(actor: Actor, input: z.infer<typeof c.contractorCompanyInput>) {
      access.assert(actor, 'contractors.companies.manage', null, 'contractor company');
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('contractor_companies')
          .values({
            name: input.name,
            tax_id: input.taxId ?? null,
            country: input.country,
            contact_name: input.contactName ?? null,
            contact_email: input.contactEmail ?? null,
            contact_phone: input.contactPhone ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'contractor_company.created',
          entityType: 'contractor_company',
          entityId: row.id,
          siteId: null,
          after: row,
        });
        return toCompanyView({ ...row, worker_count: 0 });
      });
    },

    async updateContractorCompany(actor: Actor, id: string, patch: z.infer<typeof c.contractorCompanyPatch>) {
      const before = await this.getContractorCompany(actor, id);
      access.assert(actor, 'contractors.companies.manage', null, 'contractor company');
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'contractor_companies',
          id,
          patch.version,
          definedOnly({
            name: patch.name,
            tax_id: patch.taxId,
            country: patch.country,
            contact_name: patch.contactName,
            contact_email: patch.contactEmail,
            contact_phone: patch.contactPhone,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'contractor_company.updated',
          entityType: 'contractor_company',
          entityId: id,
          siteId: null,
          before,
          after,
        });
        return toCompanyView({ ...(after as CompanyRow), worker_count: before.workerCount });
      });
    },

    async listContractorWorkers(actor: Actor, query: z.infer<typeof c.contractorWorkerListQuery>) {
      const scope = access.listScope(actor, 'contractors.read');
      const sortColumn = {
        fullName: 'contractor_workers.full_name',
        workerNo: 'contractor_workers.worker_no',
        company: 'contractor_companies.name',
        site: 'sites.code',
      }[query.sort];
      const { items, total, totalCapped } = await paginate<WorkerRow>(
        db,
        repo.contractorWorkerQuery(db, scope, query),
        {
          sortColumn,
          order: query.order,
          tieBreaker: 'contractor_workers.id',
          page: query.page,
          pageSize: query.pageSize,
        },
      );
      return {
        items: items.map(toWorkerView),
        total,
        totalCapped,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async getContractorWorker(actor: Actor, id: string) {
      const row = await repo
        .contractorWorkerQuery(db, 'all', {})
        .where('contractor_workers.id', '=', id)
        .executeTakeFirst();
      if (!row) throw new NotFoundError('contractor worker');
      access.assert(actor, 'contractors.read', row.site_id, 'contractor worker');
      return toWorkerView(row);
    },

    async createContractorWorker(actor: Actor, input: z.infer<typeof c.contractorWorkerInput>) {
      await org.getSite(actor, input.siteId);
      access.assert(actor, 'contractors.workers.manage', input.siteId, 'site');
      return db.transaction().execute(async (trx) => {
        const company = await trx
          .selectFrom('contractor_companies')
          .select('id')
          .where('id', '=', input.companyId)
          .executeTakeFirst();
        if (!company)
          throw new ValidationError('The contractor company does not exist.', [
            { path: 'companyId', message: 'Unknown company' },
          ]);
        const row = await trx
          .insertInto('contractor_workers')
          .values({
            company_id: input.companyId,
            site_id: input.siteId,
            worker_no: input.workerNo,
            full_name: input.fullName,
            trade: input.trade ?? null,
            start_date: input.startDate ?? null,
            end_date: input.endDate ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'contractor_worker.created',
          entityType: 'contractor_worker',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        return toWorkerView(
          (await repo
            .contractorWorkerQuery(trx, 'all', {})
            .where('contractor_workers.id', '=', row.id)
            .executeTakeFirst()) as WorkerRow,
        );
      });
    },

    async updateContractorWorker(actor: Actor, id: string, patch: z.infer<typeof c.contractorWorkerPatch>) {
      const before = await this.getContractorWorker(actor, id);
      access.assert(actor, 'contractors.workers.manage', before.siteId, 'contractor worker');
      if (patch.siteId && patch.siteId !== before.siteId) {
        await org.getSite(actor, patch.siteId);
        access.assert(actor, 'contractors.workers.manage', patch.siteId, 'site');
      }
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'contractor_workers',
          id,
          patch.version,
          definedOnly({
            company_id: patch.companyId,
            site_id: patch.siteId,
            worker_no: patch.workerNo,
            full_name: patch.fullName,
            trade: patch.trade,
            start_date: patch.startDate,
            end_date: patch.endDate,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'contractor_worker.updated',
          entityType: 'contractor_worker',
          entityId: id,
          siteId: after.site_id,
          before,
          after,
        });
        return toWorkerView(
          (await repo
            .contractorWorkerQuery(trx, 'all', {})
            .where('contractor_workers.id', '=', id)
            .executeTakeFirst()) as WorkerRow,
        );
      });
    },

    async listExternalPersons(actor: Actor, query: z.infer<typeof c.externalPersonListQuery>) {
      const scope = access.listScope(actor, 'people.read');
      const sortColumn = {
        fullName: 'external_persons.full_name',
        organisation: 'external_persons.organisation',
        kind: 'external_persons.kind',
      }[query.sort];
      const { items, total, totalCapped } = await paginate<ExternalRow>(
        db,
        repo.externalPersonQuery(db, scope, query),
        {
          sortColumn,
          order: query.order,
          tieBreaker: 'external_persons.id',
          page: query.page,
          pageSize: query.pageSize,
        },
      );
      return {
        items: items.map(toExternalView),
        total,
        totalCapped,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async getExternalPerson(actor: Actor, id: string) {
      const row = await repo
        .externalPersonQuery(db, 'all', {})
        .where('external_persons.id', '=', id)
        .executeTakeFirst();
      if (!row) throw new NotFoundError('external person');
      access.assert(actor, 'people.read', row.site_id, 'external person');
      return toExternalView(row);
    },

    async createExternalPerson(actor: Actor, input: z.infer<typeof c.externalPersonInput>) {
      if (input.siteId) await org.getSite(actor, input.siteId);
      access.assert(actor, 'people.manage', input.siteId ?? null, 'site');
      // A person of no site is a group record: managed by those who manage people group-wide.
      if (!input.siteId) access.assertGroupWide(actor, 'people.manage');
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('external_persons')
          .values({
            site_id: input.siteId ?? null,
            kind: input.kind,
            full_name: input.fullName,
            organisation: input.organisation,
            email: input.email ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'external_person.created',
          entityType: 'external_person',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        return toExternalView(
          (await repo
            .externalPersonQuery(trx, 'all', {})
            .where('external_persons.id', '=', row.id)
            .executeTakeFirst()) as ExternalRow,
        );
      });
    },

    async updateExternalPerson(actor: Actor, id: string, patch: z.infer<typeof c.externalPersonPatch>) {
      const before = await this.getExternalPerson(actor, id);
      access.assert(actor, 'people.manage', before.siteId, 'external person');
      if (!before.siteId || patch.siteId === null) access.assertGroupWide(actor, 'people.manage');
      if (patch.siteId && patch.siteId !== before.siteId) {
        await org.getSite(actor, patch.siteId);
        access.assert(actor, 'people.manage', patch.siteId, 'site');
      }
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'external_persons',
          id,
          patch.version,
          definedOnly({
            site_id: patch.siteId,
            kind: patch.kind,
            full_name: patch.fullName,
            organisation: patch.organisation,
            email: patch.email,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'external_person.updated',
          entityType: 'external_person',
          entityId: id,
          siteId: after.site_id,
          before,
          after,
        });
        return toExternalView(
          (await repo
            .externalPersonQuery(trx, 'all', {})
            .where('external_persons.id', '=', id)
            .executeTakeFirst()) as ExternalRow,
        );
      });
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
