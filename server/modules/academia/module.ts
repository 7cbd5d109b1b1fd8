import type { Actor } from '../../platform/access/actor.ts';
import { registerImporter } from '../../platform/imports/importer.ts';
import { createAcademiaBoardService } from './board/service.ts';
import { createContributionService } from './contribution.ts';
import { createConversionReportService } from './conversion-report.ts';
import { createCoursesService } from './courses.ts';
import type { AcademiaDeps } from './deps.ts';
import { createHireMatchesService } from './hire-matches.ts';
import { createInternEvaluationsService } from './intern-evaluations.ts';
import { createInternsImporter } from './intern-import.ts';
import { createInternsService } from './interns.ts';
import { createInvestigatorSignInService } from './investigator-sign-in.ts';
import { createMentorshipsService } from './mentorships.ts';
import { registerMilestoneDeliverables } from './milestone-deliverables.ts';
import { createPartnersService } from './partners.ts';
import { createPaymentsImporter } from './payment-import.ts';
import { createPaymentsService } from './payments.ts';
import { createPlacementsImporter } from './placement-import.ts';
import { createPlacementsService } from './placements.ts';
import { createProgramsService } from './programs.ts';
import { createProjectsService } from './projects.ts';
import { outsidersFor } from './record-sign-in.ts';
import { createInternRetention, createRetentionSettingsService } from './retention.ts';
import { createStudentSignInService } from './student-sign-in.ts';
import { createTeachingFiguresService } from './teaching-figures.ts';
import { createActivitiesImporter, createCoursesImporter } from './teaching-import.ts';
import { createYearFiguresService } from './year-figures.ts';

/** The industry–academia program, built on the platform services. */
export function createAcademiaModule(deps: AcademiaDeps) {
  registerImporter(createCoursesImporter(deps.org));
  registerImporter(createActivitiesImporter(deps.org));
  registerImporter(createPlacementsImporter(deps.org));
  registerImporter(createInternsImporter(deps.org));
  registerImporter(createPaymentsImporter(deps.org));
  registerMilestoneDeliverables(deps);
  const contribution = createContributionService(deps);
  const teachingFigures = createTeachingFiguresService(deps);
  const yearFigures = createYearFiguresService(deps);
  const placements = createPlacementsService(deps);
  const interns = createInternsService(deps);
  const internEvaluations = createInternEvaluationsService(deps);
  return {
    partners: createPartnersService(deps),
    projects: createProjectsService(deps),
    payments: createPaymentsService(deps),
    interns,
    internEvaluations,
    studentSignIn: createStudentSignInService(deps, internEvaluations),
    investigatorSignIn: createInvestigatorSignInService(deps),
    /** People outside the company, to be given a student's or an investigator's sign-in. */
    outsiders: (actor: Actor, q: { q?: string; limit: number }) => outsidersFor(deps, actor, q),
    contribution,
    courses: createCoursesService(deps),
    mentorships: createMentorshipsService(deps),
    placements,
    teachingFigures,
    hireMatches: createHireMatchesService(deps),
    conversion: createConversionReportService(deps),
    retention: createInternRetention(deps),
    retentionSettings: createRetentionSettingsService(deps),
    programs: createProgramsService(deps),
    yearFigures,
    board: createAcademiaBoardService({
      contribution,
      yearFigures,
      teaching: teachingFigures,
      placements,
      interns,
      now: deps.now,
    }),
  };
}

export type AcademiaModule = ReturnType<typeof createAcademiaModule>;
