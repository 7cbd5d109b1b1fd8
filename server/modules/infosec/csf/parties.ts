import { type Actor, sitesWith } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import type { AssessmentRow } from './repo.ts';
import { type Party, stepsFor } from './rules/workflow.ts';

const PROGRAM = 'infosec' as const;
/** The record type of an assessment, for audit entries, grants to outside assessors and evidence. */
export const ASSESSMENT_RECORD = 'infosec_csf_assessment';

/**
 * The parties the actor is for an assessment: its assessor, the assessed site's team, the program owner.
 * Without a named assessor (a consultancy's report entered on its behalf) the site's team is the assessor.
 */
export function partiesOf(actor: Actor, row: AssessmentRow): Set<Party> {
  const parties = new Set<Party>();
  const site = access.can(actor, 'infosec.manage', row.site_id, PROGRAM);
  const isAssessor =
    (row.assessor_id !== null && actor.userId === row.assessor_id) ||
    access.granted(actor, ASSESSMENT_RECORD, row.id) ||
    (row.assessor_id === null && site);
  if (isAssessor) parties.add('assessor');
  if (site) parties.add('site');
  if (sitesWith(actor, 'infosec.manage', PROGRAM) === 'all') parties.add('owner');
  return parties;
}

export const stepsOf = (actor: Actor, row: AssessmentRow) =>
  stepsFor(row.status, partiesOf(actor, row), row.assessor_id !== null);

/** Readers: `infosec.read` at the site, or its assessor (404 to everyone else). */
export function assertMayRead(actor: Actor, row: AssessmentRow) {
  if (row.assessor_id !== null && partiesOf(actor, row).has('assessor')) return;
  if (access.granted(actor, ASSESSMENT_RECORD, row.id)) return;
  access.assert(actor, {
    permission: 'infosec.read',
    siteId: row.site_id,
    what: 'assessment',
    program: PROGRAM,
  });
}

export const assessmentParties = { partiesOf, stepsOf, assertMayRead };
