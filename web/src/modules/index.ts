import type { WebModule } from '../platform/modules/manifest.ts';
import { ipWebModule } from './ip/index.ts';
import { IconAtom2, IconShieldLock } from '@tabler/icons-react';
import { academiaWebModule } from './academia/index.ts';
import { ohsWebModule } from './ohs/index.ts';

/**
 * The programs of the web app, in the order of the navigation. A built module brings its manifest; a
 * program whose module is still in preparation is listed with its key and icon, and its entry says what it
 * will do. Adding a program is replacing its entry here; no platform file changes.
 */
export const webModules: readonly WebModule[] = [
  ipWebModule,
  { key: 'infosec', icon: IconShieldLock },
  ohsWebModule,
  academiaWebModule,
  { key: 'smart', icon: IconAtom2 },
];
