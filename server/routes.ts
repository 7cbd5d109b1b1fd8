import type { Config } from './config.ts';
import { registerActionRoutes } from './platform/actions/routes.ts';
import { registerAuditRoutes } from './platform/audit/routes.ts';
import { registerAuthRoutes } from './platform/auth/routes.ts';
import { registerCertificationRoutes } from './platform/certifications/routes.ts';
import { registerDocumentRoutes } from './platform/documents/routes.ts';
import { registerHomeRoutes } from './platform/home/routes.ts';
import type { TypedApp } from './platform/http/typed.ts';
import { registerImportRoutes } from './platform/imports/routes.ts';
import { registerMeetingRoutes } from './platform/meetings/routes.ts';
import type { AnyProgramModule } from './platform/modules/manifest.ts';
import { registerNotifyRoutes } from './platform/notify/routes.ts';
import { registerObligationRoutes } from './platform/obligations/routes.ts';
import { registerOrgRoutes } from './platform/org/routes.ts';
import { registerPeopleRoutes } from './platform/people/routes.ts';
import { registerReportRoutes } from './platform/reports/routes.ts';
import { registerSourceRoutes } from './platform/sources/routes.ts';
import { registerTrainingRoutes } from './platform/training/routes.ts';
import { registerUsersRoutes } from './platform/users/routes.ts';
import { registerWorkdaysRoutes } from './platform/workdays/routes.ts';
import type { Services } from './services.ts';

/** The platform's routes, then each program module's, from its manifest. */
export async function registerRoutes(
  app: TypedApp,
  services: Services,
  config: Config,
  modules: readonly AnyProgramModule[],
) {
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
  registerSourceRoutes(app, services);
  registerWorkdaysRoutes(app, services);
  for (const module of modules) module.registerRoutes(app, services.modules[module.key], services, config);
}
