import { registerPrograms } from '#shared/platform/access/programs.ts';
import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';
import { programModules } from './modules/index.ts';
import { registerGrants, registerPermissions } from './platform/access/policy.ts';
import { registerStandards } from './platform/certifications/standards.ts';
import { registerMessages } from './platform/i18n/index.ts';
import type { AnyProgramModule } from './platform/modules/manifest.ts';
import { createPlatformServices, type PlatformServices } from './platform/modules/platform-services.ts';

export { IMPORT_MAX_BYTES } from './platform/modules/platform-services.ts';

/**
 * Adds the modules' program keys to the programs the contracts accept, their permissions and grants to the
 * policy table, their certificate standards to the registry and their messages to the catalogue (the web
 * and the worker roles, and the command line, all need them).
 */
export function registerModulePolicies(modules: readonly AnyProgramModule[] = programModules) {
  registerPrograms(modules.map((module) => module.key));
  for (const module of modules) {
    if (module.standards) registerStandards(module.key, module.standards);
    registerPermissions(module.key, module.permissions);
    if (module.grants) registerGrants(module.key, module.grants);
    if (module.messages) registerMessages(module.key, module.messages);
  }
}

/**
 * Every service of the process: the platform's, then each program module's, built by its manifest's factory
 * from the platform services it needs. A module's permissions join the policy table and its attention
 * sources the home page.
 */
export function createServices(
  database: Database,
  config: Config,
  now: () => Date = () => new Date(),
  modules: readonly AnyProgramModule[] = programModules,
): Services {
  registerModulePolicies(modules);
  const platform = createPlatformServices(database, config, now);
  const built: Record<string, unknown> = {};
  for (const module of modules) {
    const services = module.createServices(platform, { db: database.db, config, now });
    built[module.key] = services;
    if (module.homeAttention) {
      const source = module.homeAttention;
      platform.home.registerAttentionSource((actor) => source(actor, services, platform));
    }
  }
  return { ...platform, modules: built };
}

/** The platform's services, and each module's under its program key. */
export type Services = PlatformServices & { modules: Record<string, unknown> };
