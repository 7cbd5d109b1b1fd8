import type { IpBoardSection } from '../section.ts';
import { certificationSection } from './certification.ts';
import { costsSection } from './costs.ts';
import { filingsSection } from './filings.ts';
import { inventionsSection } from './inventions.ts';
import { keepDropSection } from './keep-drop.ts';
import { portfolioSection } from './portfolio.ts';
import { reviewsSection } from './reviews.ts';
import { riskSection } from './risk.ts';
import { secretsSection } from './secrets.ts';
import { trainingSection } from './training.ts';

/** The IP Board report's sections, in the report's order: a new section is a file here and a line below. */
export const ipBoardSections: readonly IpBoardSection[] = [
  portfolioSection,
  filingsSection,
  costsSection,
  keepDropSection,
  reviewsSection,
  riskSection,
  secretsSection,
  inventionsSection,
  trainingSection,
  certificationSection,
];
