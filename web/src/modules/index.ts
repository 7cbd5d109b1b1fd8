import type { WebModule } from '../platform/modules/manifest.ts';
import { academiaWebModule } from './academia/index.ts';
import { infosecWebModule } from './infosec/index.ts';
import { ipWebModule } from './ip/index.ts';
import { ohsWebModule } from './ohs/index.ts';
import { smartWebModule } from './smart/index.ts';

/**
 * The programs of the web app, in the order of the navigation. A built module brings its manifest; a
 * program whose module is still in preparation is listed with its key and icon, and its entry says what it
 * will do. Adding a program is replacing its entry here; no platform file changes.
 */
export const webModules: readonly WebModule[] = [
  ipWebModule,
  infosecWebModule,
  ohsWebModule,
  academiaWebModule,
  smartWebModule,
];
