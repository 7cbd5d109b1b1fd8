import type { Selectable } from 'kysely';
import type { ActionsTable, ObligationsTable } from '../../server/db/schema.ts';
import type { InfosecTables } from '../../server/modules/infosec/index.ts';
import type { ObligationColumns } from './rows.ts';

/**
 * The NIST CSF history as rows of the security module's tables (server/modules/infosec/tables.ts) and the
 * platform's, typed from them; timestamps are Dates (the JSON that loads them writes them as ISO text).
 */

/** A campaign; every one of the demo's has its due date (30 November of its year). */
export type CsfCampaignRow = Omit<Selectable<InfosecTables['csf_campaigns']>, 'due_on'> & { due_on: string };
export type CsfAssessmentRow = Selectable<InfosecTables['csf_assessments']>;
export type CsfAssessmentStatus = CsfAssessmentRow['status'];
export type CsfAnswerRow = Selectable<InfosecTables['csf_answers']>;
/** A benchmark; its score a number (the numeric column reads back as text, to stay exact). */
export type CsfBenchmarkRow = Omit<Selectable<InfosecTables['csf_benchmarks']>, 'score'> & { score: number };
/**
 * A consultant's recommendation as a platform action, its source the assessment, so always at the
 * assessment's site. Its title and description are text, as the consultants wrote them in the site's
 * language (no message key).
 */
export type CsfActionRow = Pick<
  Selectable<ActionsTable>,
  | 'id'
  | 'program'
  | 'kind'
  | 'source_type'
  | 'owner_id'
  | 'due_date'
  | 'status'
  | 'done_at'
  | 'verified_at'
  | 'verified_by'
  | 'effectiveness_note'
  | 'version'
  | 'created_at'
  | 'created_by'
  | 'updated_at'
  | 'updated_by'
> & { site_id: string; source_id: string; title: string; description: string };
/** The due date of an action on the calendar (kind 'action.due'), as the platform's action service keeps it. */
export type CsfObligationRow = Pick<
  Selectable<ObligationsTable>,
  ObligationColumns | 'done_by' | 'created_by' | 'updated_at' | 'updated_by'
>;

export type CsfHistory = {
  campaigns: CsfCampaignRow[];
  assessments: CsfAssessmentRow[];
  answers: CsfAnswerRow[];
  benchmarks: CsfBenchmarkRow[];
  /** The consultants' recommendations of the approved assessments, and their due dates on the calendar. */
  actions: CsfActionRow[];
  obligations: CsfObligationRow[];
};
