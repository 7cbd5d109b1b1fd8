import type { BoardSection } from '../section.ts';
import { certifiedSitesSection } from './certified-sites.ts';
import { committeeMeetingsSection } from './committee-meetings.ts';
import { csfSection } from './csf.ts';
import { drillsSection } from './drills.ts';
import { goalsSection } from './goals.ts';
import { materialIncidentsSection } from './material-incidents.ts';
import { supplierAssessmentsSection } from './supplier-assessments.ts';
import { trainingSection } from './training.ts';

/** The Board report's sections, in the report's order: a new section is a file here and a line below. */
export const boardSections: readonly BoardSection[] = [
  materialIncidentsSection,
  committeeMeetingsSection,
  drillsSection,
  trainingSection,
  certifiedSitesSection,
  csfSection,
  supplierAssessmentsSection,
  goalsSection,
];
