import type { Icon } from '@tabler/icons-react';
import type { AnyRoute } from '@tanstack/react-router';
import type { ParseKeys } from 'i18next';
import { type Program, registerPrograms } from '#shared/platform/access/programs.ts';
import type { NavItem } from '../shell/nav-types.ts';

/** A report a module renders through the report kit, offered on the reports page. */
export type ModuleReport = {
  key: string;
  icon: Icon;
  permission: string;
  byYear: boolean;
  /** i18n keys, with the module's namespace (`<program>:<key>`). */
  titleKey: string;
  descriptionKey: string;
  url: (format: 'pdf' | 'xlsx') => string;
};

/**
 * A button a module puts on the home page, for what people come to do (report an incident, see their own
 * records). Shown to sessions holding `permission`, and, with `person`, only to accounts that belong to that
 * kind of person (a contractor worker's own qualifications).
 */
export type HomeAction = {
  key: string;
  /** i18n keys, with the module's namespace (`<program>:<key>`). */
  label: string;
  description?: string;
  to: string;
  icon: Icon;
  permission?: string;
  person?: 'employee' | 'contractor_worker';
  /** The one thing most people come for: shown as the large button at the top. */
  primary?: boolean;
};

/**
 * A program in the web app: its key and icon, its pages in the navigation and the router, and what it adds
 * to platform pages. Exported from `web/src/modules/<program>/index.ts` and listed in `web/src/modules/index.ts`;
 * the router and the shell loop over the list and never name a program.
 *
 * A program whose module is not built yet is listed with its key and icon only: its entry shows what it will do.
 */
/** An obligation kind of a module, named in each language of the app. */
export type ObligationKindEntry = {
  kind: string;
  name: { en: string; 'zh-TW': string };
  permission?: string;
};

export type WebModule = {
  /** The program key, as the server's manifest declares it. */
  key: Program;
  icon: Icon;
  /** The program's name in the navigation: an i18n key. */
  label?: ParseKeys;
  /**
   * Loads its texts (its i18next namespace). They load before any signed-in page renders (the navigation
   * names its pages), and not for the sign-in page, which needs none of them.
   */
  texts?: () => Promise<unknown>;
  /** The program's pages, under its entry in the navigation. */
  navigation?: NavItem[];
  /** Its routes, under the signed-in frame (`parent`). */
  createRoutes?: (parent: AnyRoute) => AnyRoute[];
  /** Where the records behind obligations, actions and notifications of its source types live. */
  sourcePages?: Record<string, (id: string) => string>;
  /**
   * The obligation kinds it registers, with their names in each language, for the calendar's column and
   * filter; a restricted kind names its permission.
   */
  obligationKinds?: ObligationKindEntry[];
  /** Its record types in the audit log (`entityType`), named in each language for the audit page. */
  auditRecordTypes?: Record<string, { en: string; 'zh-TW': string }>;
  reports?: ModuleReport[];
  /** Its buttons on the home page. */
  homeActions?: HomeAction[];
};

/** A module is built when it brings pages; otherwise its program is still in preparation. */
export const isBuilt = (module: WebModule) => Boolean(module.createRoutes);

let installed: readonly WebModule[] = [];

/**
 * The module list the app runs with: set once, by the router, before anything renders. Its keys are the
 * programs that the shared contracts accept (a role, an action or a committee of a program).
 */
export function installWebModules(modules: readonly WebModule[]) {
  installed = modules;
  registerPrograms(modules.map((m) => m.key));
}

/** Loads the texts of every module (once: a module's import is cached). */
export async function loadModuleTexts(): Promise<void> {
  await Promise.all(installed.map((m) => m.texts?.()));
}

/** The programs, in the order of the navigation: the choices wherever a record names its program. */
export function programChoices(): readonly Program[] {
  return installed.map((m) => m.key);
}

export function webModules(): readonly WebModule[] {
  return installed;
}
