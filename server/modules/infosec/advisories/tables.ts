import type { ColumnType, Generated } from 'kysely';
import type { AdvisorySeverity, Tlp } from '#shared/modules/infosec/advisories/contract.ts';
import type { Stamps } from '../../../db/schema.ts';

/** The advisories' table types for Kysely. Keep in step with ../migrations/0038_infosec_advisories.ts. */

type CalendarDate = ColumnType<string, string, string>;

export type AdvisoryResponseStatus = 'open' | 'not_affected' | 'patched' | 'mitigated' | 'accepted';

export type AdvisoryTables = {
  infosec_advisories: Stamps & {
    id: Generated<string>;
    reference: string;
    title: string;
    summary: string | null;
    source: 'twcert' | 'first' | 'vendor' | 'other';
    severity: AdvisorySeverity;
    tlp: Tlp;
    bundle_id: string | null;
    published_at: Date | null;
    routed_at: Date;
  };
  infosec_advisory_recipients: { advisory_id: string; user_id: string };
  infosec_advisory_objects: {
    advisory_id: string;
    stix_id: string;
    type: string;
    name: string | null;
    external_id: string | null;
    detail: string | null;
  };
  infosec_advisory_relationships: {
    advisory_id: string;
    source_ref: string;
    relationship_type: string;
    target_ref: string;
  };
  infosec_advisory_observables: {
    id: Generated<string>;
    advisory_id: string;
    stix_id: string;
    name: string | null;
    kind: string;
    value: string;
  };
  infosec_advisory_sites: {
    advisory_id: string;
    site_id: string;
    due_on: CalendarDate;
    status: Generated<AdvisoryResponseStatus>;
    note: string | null;
    responded_at: Date | null;
    responded_by: string | null;
    version: Generated<number>;
    updated_at: Generated<Date>;
  };
  infosec_advisory_matches: {
    advisory_id: string;
    site_id: string;
    system_id: string;
    software_stix_id: string;
  };
};
