import type { Config } from '../../config.ts';
import type { Database } from '../../db/connect.ts';
import { createActionsService } from '../actions/service.ts';
import { createAuditService } from '../audit/query.ts';
import { createIdentityService } from '../auth/identity.ts';
import { createAuthService } from '../auth/service.ts';
import { createCertificationsService } from '../certifications/service.ts';
import { createDocumentsService } from '../documents/service.ts';
import { createFileStore } from '../documents/store.ts';
import { createGrantsService } from '../grants/service.ts';
import { createHomeService } from '../home/service.ts';
import { registerImporter } from '../imports/importer.ts';
import { createImportsService } from '../imports/service.ts';
import { createMeetingsService } from '../meetings/service.ts';
import { createNotices } from '../notify/notices.ts';
import { createInboxService } from '../notify/service.ts';
import { createObligationsService } from '../obligations/service.ts';
import { createOrgService } from '../org/service.ts';
import { employeesImporter } from '../people/importer.ts';
import { createPeopleService } from '../people/service.ts';
import { createRatesService } from '../rates/service.ts';
import { createReportsService } from '../reports/service.ts';
import { createSettingsService } from '../settings/service.ts';
import { createSignalsService } from '../signals/service.ts';
import { registerPlatformSources } from '../sources/platform-sources.ts';
import { createSourcesService } from '../sources/service.ts';
import { trainingCompletionsImporter } from '../training/importer.ts';
import { createTrainingService } from '../training/service.ts';
import { createUsersService } from '../users/service.ts';
import { createDataVersionsService } from '../versions/service.ts';
import { createWorkdaysService } from '../workdays/service.ts';

/** Bulk files are larger than attachments: a million rows of CSV is about 60 MB. */
export const IMPORT_MAX_BYTES = 512 * 1024 * 1024;

/** Every platform service, built once per process with its explicit dependencies. Modules build on these. */
export function createPlatformServices(
  database: Database,
  config: Config,
  now: () => Date = () => new Date(),
) {
  const db = database.db;
  const org = createOrgService(db);
  const obligations = createObligationsService(db, now);
  const actions = createActionsService(db, obligations, now);
  const fileStore = createFileStore(config.filesDir);
  const documents = createDocumentsService(db, fileStore, config.maxUploadBytes);
  documents.registerOwner('action', (actor, id, intent) => actions.siteOf(actor, id, intent));
  registerImporter(trainingCompletionsImporter);
  registerImporter(employeesImporter);
  const certifications = createCertificationsService(db, obligations, now);
  documents.registerOwner('certification', (actor, id, intent) => certifications.siteOf(actor, id, intent));
  const imports = createImportsService({
    db,
    store: fileStore,
    maxBytes: IMPORT_MAX_BYTES,
    progressInDatabase: database.kind === 'postgres',
    now,
  });
  const sources = createSourcesService(db);
  const versions = createDataVersionsService(db);
  registerPlatformSources(sources);
  return {
    obligations,
    actions,
    meetings: createMeetingsService(db, obligations, actions, now),
    documents,
    imports,
    training: createTrainingService(db, versions, now),
    certifications,
    inbox: createInboxService(db, now),
    notices: createNotices(db),
    auth: createAuthService(db, config, now),
    identity: createIdentityService(database, config, now),
    signals: createSignalsService(database),
    org,
    reports: createReportsService(db, org, now),
    people: createPeopleService(db, org),
    users: createUsersService(db, org),
    audit: createAuditService(db),
    home: createHomeService(db, now),
    settings: createSettingsService(db),
    grants: createGrantsService(db),
    sources,
    rates: createRatesService(db),
    workdays: createWorkdaysService(db),
    versions,
  };
}

export type PlatformServices = ReturnType<typeof createPlatformServices>;
