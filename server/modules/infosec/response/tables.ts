import type { Generated } from 'kysely';
import type {
  custodyEvents,
  lessonKinds,
  observableKinds,
  taskPhases,
} from '#shared/modules/infosec/response/contract.ts';
import type { Stamps } from '../../../db/schema.ts';

/** The response work on an incident, for Kysely. Keep in step with ../migrations/0055_infosec_incident_response.ts. */

export type InfosecIncidentTasksTable = Stamps & {
  id: Generated<string>;
  incident_id: string;
  site_id: string;
  phase: (typeof taskPhases)[number];
  title: string;
  owner_id: string | null;
  due_at: Date | null;
  status: Generated<'open' | 'done'>;
  done_at: Date | null;
  done_by: string | null;
};

export type InfosecIncidentObservablesTable = {
  id: Generated<string>;
  incident_id: string;
  site_id: string;
  kind: (typeof observableKinds)[number];
  value: string;
  note: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
};

export type InfosecEvidenceCustodyTable = {
  id: Generated<string>;
  incident_id: string;
  site_id: string;
  document_id: string;
  at: Date;
  event: (typeof custodyEvents)[number];
  holder: string;
  location: string | null;
  note: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
};

export type InfosecIncidentLessonsTable = {
  id: Generated<string>;
  incident_id: string;
  site_id: string;
  kind: (typeof lessonKinds)[number];
  text: string;
  action_id: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
};

export type ResponseTables = {
  infosec_incident_tasks: InfosecIncidentTasksTable;
  infosec_incident_observables: InfosecIncidentObservablesTable;
  infosec_evidence_custody: InfosecEvidenceCustodyTable;
  infosec_incident_lessons: InfosecIncidentLessonsTable;
};
