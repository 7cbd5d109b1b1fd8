import type { Db } from '../../db/types.ts';
import type { OrgService } from '../org/service.ts';
import { createContractorCompaniesService } from './contractor-companies.ts';
import { createContractorWorkersService } from './contractor-workers.ts';
import { createEmployeesService } from './employees.ts';
import { createExternalPersonsService } from './external-persons.ts';
import { createPeopleLookups } from './lookups.ts';
import { createSelfService } from './self.ts';

/**
 * People: employees, contractor companies and their workers, external persons; one file each. Employees
 * come in bulk through the import pipeline (`employeesImporter`, importer.ts).
 */
export function createPeopleService(db: Db, org: OrgService, now: () => Date = () => new Date()) {
  return {
    ...createEmployeesService(db, org, now),
    ...createContractorCompaniesService(db),
    ...createContractorWorkersService(db, org),
    ...createExternalPersonsService(db, org),
    ...createSelfService(db),
    ...createPeopleLookups(db),
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
