import type { Db } from '../../db/types.ts';
import type { JobDefinition } from '../../platform/jobs/boss.ts';
import { createObligationsService } from '../../platform/obligations/service.ts';
import { createOrgService } from '../../platform/org/service.ts';
import { createPeopleLookups } from '../../platform/people/lookups.ts';
import { createPermitsService } from './permits/service.ts';
import { createQualificationsService } from './qualifications/service.ts';

/** The OHS program's background jobs. */
export function ohsJobs(db: Db): JobDefinition[] {
  const org = createOrgService(db);
  const people = createPeopleLookups(db);
  const permits = createPermitsService(
    db,
    createQualificationsService(db, createObligationsService(db), org, people),
    org,
    people,
  );
  return [
    {
      name: 'ohs-permits-expire',
      cron: '*/10 * * * *',
      handler: async () => ({ expired: await permits.expireOverdue() }),
    },
  ];
}
