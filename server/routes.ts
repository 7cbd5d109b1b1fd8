import type { Config } from './config.ts';
import { registerOhsRoutes } from './modules/ohs/routes.ts';
import { registerOhsHealthRoutes, registerOhsReportRoutes } from './modules/ohs/routes-health.ts';
import { registerOhsWorkRoutes } from './modules/ohs/routes-work.ts';
import { registerActionRoutes } from './platform/actions/routes.ts';
import { registerAuditRoutes } from './platform/audit/routes.ts';
import { registerAuthRoutes } from './platform/auth/routes.ts';
import { registerCertificationRoutes } from './platform/certifications/routes.ts';
import { registerDocumentRoutes } from './platform/documents/routes.ts';
import { registerHomeRoutes } from './platform/home/routes.ts';
import type { TypedApp } from './platform/http/typed.ts';
import { registerImportRoutes } from './platform/imports/routes.ts';
import { registerMeetingRoutes } from './platform/meetings/routes.ts';
import { registerNotifyRoutes } from './platform/notify/routes.ts';
import { registerObligationRoutes } from './platform/obligations/routes.ts';
import { registerOrgRoutes } from './platform/org/routes.ts';
import { registerPeopleRoutes } from './platform/people/routes.ts';
import { registerReportRoutes } from './platform/reports/routes.ts';
import { registerTrainingRoutes } from './platform/training/routes.ts';
import { registerUsersRoutes } from './platform/users/routes.ts';
import type { Services } from './services.ts';

/** The platform's and every module's routes. A module adds one line here. */
export async function registerRoutes(app: TypedApp, services: Services, config: Config) {
  registerAuthRoutes(app, services, config);
  registerHomeRoutes(app, services);
  registerOrgRoutes(app, services);
  registerPeopleRoutes(app, services);
  registerUsersRoutes(app, services);
  registerAuditRoutes(app, services);
  registerObligationRoutes(app, services, config.publicUrl);
  registerNotifyRoutes(app, services);
  registerCertificationRoutes(app, services);
  registerActionRoutes(app, services);
  registerMeetingRoutes(app, services);
  registerDocumentRoutes(app, services);
  registerReportRoutes(app, services);
  registerImportRoutes(app, services);
  registerTrainingRoutes(app, services);
  registerOhsRoutes(app, services);
  registerOhsWorkRoutes(app, services);
  registerOhsHealthRoutes(app, services);
  registerOhsReportRoutes(app, services);
}
