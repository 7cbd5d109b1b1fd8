import type { WebModule } from '../platform/modules/manifest.ts';
import { academiaWebModule } from './academia/index.ts';
import { infosecWebModule } from './infosec/index.ts';
import { ipWebModule } from './ip/index.ts';
import { ohsWebModule } from './ohs/index.ts';
import { smartWebModule } from './smart/index.ts';

/**
 * The programs of the web app, in the order of the navigation. A module brings its manifest and its texts,
 * its program's name among them; one without pages yet shows an entry page that says it is in preparation.
 * Adding a program is adding its entry here; no platform file changes.
 */
export const webModules: readonly WebModule[] = [
  ipWebModule,
  infosecWebModule,
  ohsWebModule,
  academiaWebModule,
  smartWebModule,
];
