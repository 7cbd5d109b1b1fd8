import type { Migration } from 'kysely/migration';
import * as m0023 from './0023_academia.ts';
import * as m0045 from './0045_academia_courses.ts';
import * as m0047 from './0047_academia_hire_matches.ts';
import * as m0051 from './0051_academia_retention.ts';
import * as m0052 from './0052_academia_programs.ts';
import * as m0054 from './0054_academia_rates_to_platform.ts';
import * as m0056 from './0056_academia_scholarship_retention.ts';
import * as m0059 from './0059_academia_placements_and_cohorts.ts';
import * as m0060 from './0060_academia_audit_personal_data.ts';
import * as m0066 from './0066_academia_intern_evaluations.ts';
import * as m0067 from './0067_academia_student_evaluation_once.ts';

/** The industry–academia program's migrations, in the one numbered sequence shared with the platform's. */
export const academiaMigrations: Record<string, Migration> = {
  '0023_academia': m0023,
  '0045_academia_courses': m0045,
  '0047_academia_hire_matches': m0047,
  '0054_academia_rates_to_platform': m0054,
  '0051_academia_retention': m0051,
  '0052_academia_programs': m0052,
  '0056_academia_scholarship_retention': m0056,
  '0059_academia_placements_and_cohorts': m0059,
  '0060_academia_audit_personal_data': m0060,
  '0066_academia_intern_evaluations': m0066,
  '0067_academia_student_evaluation_once': m0067,
};
