import type { DemoDataset } from './generate.ts';
import { generateCertificates } from './ohs-certificates.ts';
import { createOhsContext } from './ohs-context.ts';
import { generateFormerEmployees } from './ohs-former-employees.ts';
import { generateGoals } from './ohs-goals.ts';
import { generateHazards } from './ohs-hazards.ts';
import { generateScreenings } from './ohs-health.ts';
import { generateHours } from './ohs-hours.ts';
import { generateIncidents } from './ohs-incidents.ts';
import { generateInvestigations } from './ohs-investigations.ts';
import { generatePermits } from './ohs-permits.ts';
import type { OhsDataset } from './ohs-rows.ts';
import { generateWellbeing } from './ohs-wellbeing.ts';

/**
 * The demo's occupational health and safety records, generated around the demo clock from the people of the
 * demo dataset: ten years of hours worked and incidents, investigations of the recent serious ones, health
 * screenings, wellbeing programs, the ISO 45001 certificates of the seed with their renewals, hazards,
 * permits to work, goals, and the obligations those records carry. Every figure of the seed is reproduced
 * by Steward's own reports from these rows (nothing is stored as a total), at full scale:
 *
 * - 2022: 127 recordable occupational injury cases (every classification but first aid, of employees and
 *   contractors' workers, commuting and traffic accidents not counted), with first-aid cases and traffic
 *   accidents in the same year so that the exclusions matter;
 * - 2022: 51,895 people screened for NT$8.83 million;
 * - 5 gyms, 24 social clubs and 1,500 group course engagements in 2022, 95 employees trained as counsellors;
 * - the 18 ISO 45001 certificates of the seed, with their real dates.
 *
 * At a smaller scale the figures that count people scale down with the workforce (the certificates, gyms and
 * clubs do not). Pure and deterministic like generate.ts: the same dataset gives the same rows, ids included.
 */
export function generateOhsDataset(data: DemoDataset): OhsDataset {
  const ctx = createOhsContext(data);
  const formerEmployees = generateFormerEmployees(ctx);
  const hours = generateHours(ctx);
  const { incidents, injuries, serious } = generateIncidents(ctx, hours);
  const investigation = generateInvestigations(ctx, serious);
  const health = generateScreenings(ctx);
  const wellbeing = generateWellbeing(ctx);
  const certifications = generateCertificates(ctx);
  const hazards = generateHazards(ctx);
  const work = generatePermits(ctx);
  const goals = generateGoals(ctx);

  return {
    formerEmployees,
    hours,
    incidents,
    injuries,
    ...investigation,
    ...health,
    ...wellbeing,
    certifications,
    goals,
    hazards,
    ...work,
    obligations: ctx.obligations,
  };
}
