import type { AcademiaBoardSection } from '../section.ts';
import { contributionSection } from './contribution.ts';
import { cooperationSection } from './cooperation.ts';
import { internsSection } from './interns.ts';
import { researchSection } from './research.ts';
import { scholarshipsSection } from './scholarships.ts';
import { teachingSection } from './teaching.ts';

/** The Board report's sections, in the report's order: a new section is a file here and a line below. */
export const academiaBoardSections: readonly AcademiaBoardSection[] = [
  contributionSection,
  researchSection,
  scholarshipsSection,
  internsSection,
  cooperationSection,
  teachingSection,
];
