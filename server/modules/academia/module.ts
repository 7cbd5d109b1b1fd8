import { registerImporter } from '../../platform/imports/importer.ts';
import { createContributionService } from './contribution.ts';
import { createConversionReportService } from './conversion-report.ts';
import { createCoursesService } from './courses.ts';
import type { AcademiaDeps } from './deps.ts';
import { createHireMatchesService } from './hire-matches.ts';
import { createInternsService } from './interns.ts';
import { createMentorshipsService } from './mentorships.ts';
import { createPartnersService } from './partners.ts';
import { createPaymentsService } from './payments.ts';
import { createProgramsService } from './programs.ts';
import { createProjectsService } from './projects.ts';
import { createInternRetention, createRetentionSettingsService } from './retention.ts';
import { createTeachingFiguresService } from './teaching-figures.ts';
import { createActivitiesImporter, createCoursesImporter } from './teaching-import.ts';

/** The industry–academia program, built on the platform services. */
export function createAcademiaModule(deps: AcademiaDeps) {
  registerImporter(createCoursesImporter(deps.org));
  registerImporter(createActivitiesImporter(deps.org));
  return {
    partners: createPartnersService(deps),
    projects: createProjectsService(deps),
    payments: createPaymentsService(deps),
    interns: createInternsService(deps),
    contribution: createContributionService(deps),
    courses: createCoursesService(deps),
    mentorships: createMentorshipsService(deps),
    teachingFigures: createTeachingFiguresService(deps),
    hireMatches: createHireMatchesService(deps),
    conversion: createConversionReportService(deps),
    retention: createInternRetention(deps),
    retentionSettings: createRetentionSettingsService(deps),
    programs: createProgramsService(deps),
  };
}

export type AcademiaModule = ReturnType<typeof createAcademiaModule>;
