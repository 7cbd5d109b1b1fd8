import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';
import { createOhsModule } from './modules/ohs/module.ts';
import { createActionsService } from './platform/actions/service.ts';
import { createAuditService } from './platform/audit/query.ts';
import { createAuthService } from './platform/auth/service.ts';
import { createCertificationsService } from './platform/certifications/service.ts';
import { createDocumentsService } from './platform/documents/service.ts';
import { createFileStore } from './platform/documents/store.ts';
import { createHomeService } from './platform/home/service.ts';
import { registerImporter } from './platform/imports/importer.ts';
import { createImportsService } from './platform/imports/service.ts';
import { createMeetingsService } from './platform/meetings/service.ts';
import { createInboxService } from './platform/notify/service.ts';
import { createObligationsService } from './platform/obligations/service.ts';
import { createOrgService } from './platform/org/service.ts';
import { createPeopleService } from './platform/people/service.ts';
import { createReportsService } from './platform/reports/service.ts';
import { trainingCompletionsImporter } from './platform/training/importer.ts';
import { createTrainingService } from './platform/training/service.ts';
import { createUsersService } from './platform/users/service.ts';

/** Bulk files are larger than attachments: a million rows of CSV is about 60 MB. */
export const IMPORT_MAX_BYTES = 512 * 1024 * 1024;

/** Every service, built once per process with its explicit dependencies. */
export function createServices(database: Database, config: Config, now: () => Date = () => new Date()) {
  const db = database.db;
  const org = createOrgService(db);
  const obligations = createObligationsService(db, now);
  const actions = createActionsService(db, obligations, now);
  const fileStore = createFileStore(config.filesDir);
  const documents = createDocumentsService(db, fileStore, config.maxUploadBytes);
  documents.registerOwner('action', (actor, id, intent) => actions.siteOf(actor, id, intent));
  registerImporter(trainingCompletionsImporter);
  const certifications = createCertificationsService(db, obligations, now);
  documents.registerOwner('certification', (actor, id, intent) => certifications.siteOf(actor, id, intent));
  const imports = createImportsService({
    db,
    store: fileStore,
    maxBytes: IMPORT_MAX_BYTES,
    progressInDatabase: database.kind === 'postgres',
    now,
  });
  return {
    obligations,
    actions,
    meetings: createMeetingsService(db, obligations, actions, now),
    documents,
    imports,
    training: createTrainingService(db, now),
    ohs: createOhsModule({ db, obligations, actions, documents, certifications, now }),
    certifications,
    inbox: createInboxService(db, now),
    auth: createAuthService(db, config, now),
    org,
    reports: createReportsService(db, org, now),
    people: createPeopleService(db, org),
    users: createUsersService(db, org),
    audit: createAuditService(db),
    home: createHomeService(db, now),
  };
}

export type Services = ReturnType<typeof createServices>;
