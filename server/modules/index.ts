import { academiaModule } from './academia/index.ts';
import { infosecModule } from './infosec/index.ts';
import { ipModule } from './ip/index.ts';
import { ohsModule } from './ohs/index.ts';
import { smartModule } from './smart/index.ts';

/**
 * The program modules, in the order their routes, jobs and home-page items are registered. Adding a program
 * is adding its manifest here (in place of its planned entry, `plannedProgram(key)`); no platform file changes.
 */
export const programModules = [ipModule, infosecModule, ohsModule, academiaModule, smartModule] as const;

export type ProgramModules = typeof programModules;
