import { plannedProgram } from '../platform/modules/manifest.ts';
import { academiaModule } from './academia/index.ts';
import { infosecModule } from './infosec/index.ts';
import { ipModule } from './ip/index.ts';
import { ohsModule } from './ohs/index.ts';

declare module '../platform/access/programs.ts' {
  interface ProgramKeys {
    /** Shop-floor monitoring, in preparation. */
    smart: true;
  }
}

/**
 * The program modules, in the order their routes, jobs and home-page items are registered. Adding a program
 * is adding its manifest here (in place of its planned entry); no platform file changes.
 */
export const programModules = [
  ipModule,
  infosecModule,
  ohsModule,
  academiaModule,
  plannedProgram('smart'),
] as const;

export type ProgramModules = typeof programModules;
