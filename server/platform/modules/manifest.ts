import type { Migration } from 'kysely/migration';
import type { Program } from '#shared/platform/access/programs.ts';
import type { HomeAttention } from '#shared/platform/home/contract.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import type { Grant, PlatformPermission } from '../access/policy.ts';
import type { HistoricalAuditEntry } from '../audit/history.ts';
import type { CertificateStandard } from '../certifications/rules/status.ts';
import type { TypedApp } from '../http/typed.ts';
import type { MessageCatalogue } from '../i18n/message.ts';
import type { JobDefinition } from '../jobs/boss.ts';
import type { PlatformServices } from './platform-services.ts';

/**
 * The demo group a module's part of the demo builds on: the organisation, its people and its demo users, as
 * reference/demo generates them. Declared there (declaration merging), so that no platform file imports demo
 * code.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by reference/demo through declaration merging.
export interface DemoGroup {}

/** One table's rows, in load order; `batchSize` for the few tables with many narrow rows. */
export type DemoTable = { table: string; rows: readonly Record<string, unknown>[]; batchSize?: number };

/** A module's part of the demo dataset, generated from the group. */
export type ModuleDemoData = {
  /** Its tables, parents before children; loaded after the group's, in the load's one transaction. */
  tables: DemoTable[];
  /** Rows per table for the load's report, added to the group's (employees who left, say). */
  counts: Record<string, number>;
  /** The audit events its records would have left, dated when they happened. */
  history: HistoricalAuditEntry[];
  /** One line for the console once its tables are in. */
  summary?: string;
};

/**
 * A summary table kept exact by triggers on the rows it sums: its name (for the console), the one statement
 * that recomputes it from the rows, run inside the caller's transaction, and the migration that creates it
 * (a database at an older schema point has nothing to rebuild).
 */
export type KeptSummary = {
  name: string;
  rebuild: string;
  since: string;
  /** A restore loads it as it was saved rather than recompute it (the training years: large to recompute). */
  restoredAsSaved?: boolean;
};

/** A module's demo loader: deterministic, the same group gives the same rows. */
export type ModuleDemo = { generate(group: DemoGroup): ModuleDemoData };

/**
 * A program module: everything a program brings, declared in one object exported from
 * `server/modules/<program>/index.ts` and listed in `server/modules/index.ts`. The app, the worker, the access
 * policy, the migration runner and the home page loop over the list; the platform never names a program.
 *
 * `S` is the module's own services, built once per process by `createServices` from the platform services it
 * needs; routes, jobs and attention sources receive them.
 */
export type ProgramModule<S = unknown> = {
  /**
   * The program key: role assignments, certificates, actions and meetings carry it. The manifest's file
   * declares it into `ProgramKeys` (server/platform/access/programs.ts) so that the type knows it too.
   */
  key: Program;
  /** Permissions the module declares, with the roles that receive them (merged into the policy table). */
  permissions: Record<string, Grant[]>;
  /** Platform permissions that the program's roles also receive (e.g. its owner manages contractors). */
  grants?: Partial<Record<PlatformPermission, Grant[]>>;
  /**
   * The texts the module's server code writes on its own (obligation titles, action descriptions, the summaries
   * of its audit events as `<key>.audit.<what>`), as message keys `<key>.<what>` in both languages
   * (server/platform/i18n): records store the key and parameters, and the reader sees them in their language.
   */
  messages?: MessageCatalogue;
  /**
   * The certificate standards the program owns: whose officers are reminded of a certificate's renewal,
   * and the names offered when one is recorded.
   */
  standards?: readonly CertificateStandard[];
  /** Migrations, keyed by the name recorded in `steward_migrations`; all modules' and the platform's run in name order. */
  migrations?: Record<string, Migration>;
  /**
   * Summary tables the module keeps by triggers: the platform recomputes them after a restore, after a bulk
   * load and on `steward summaries rebuild`.
   */
  summaries?: readonly KeptSummary[];
  /**
   * The module's part of the demo dataset (reference/demo), imported only when a demo is loaded: the running
   * system's entry never imports demo code.
   */
  demo?: () => Promise<ModuleDemo>;
  /**
   * The module's part of the security suite (`./security.ts`, with `./security-fixture.ts`), loaded only by the
   * suite, which gives it its shape (test/security/support/route-kit.ts): its rows of the route table (how the
   * authorization matrix reaches each of its routes), its part of the expected policy (written by hand, apart
   * from `permissions` and `grants` above, so that the matrix finds where the two disagree) and its families of
   * records. A lazy import: test code stays out of the running system's import graph.
   */
  securityChecks?: () => Promise<{ routes: Record<string, unknown> }>;
  createServices(platform: PlatformServices, context: { db: Db; config: Config; now: () => Date }): S;
  registerRoutes(app: TypedApp, services: S, platform: PlatformServices, config: Config): void;
  /** Background jobs and schedules (the worker role), built on the root database handle. */
  jobs?(db: Db, config: Config): JobDefinition[];
  /**
   * Long-running services the worker role starts after its jobs and stops before it closes the database
   * (a listener that takes data in, say), built from the module's services. None when it returns none.
   */
  background?(services: S, platform: PlatformServices, context: BackgroundContext): BackgroundService[];
  /** Home-page attention sources: counts of what needs this actor's attention in the program. */
  homeAttention?(actor: Actor, services: S, platform: PlatformServices): Promise<HomeAttention[]>;
};

/** What a background service is built with: the process's configuration and its log. */
export type BackgroundContext = { config: Config; log: BackgroundLog };

/** The process log, as a background service writes to it (pino's shape). */
export type BackgroundLog = {
  info(o: object, msg?: string): void;
  warn(o: object, msg?: string): void;
  error(o: object, msg?: string): void;
};

/** A long-running service of the worker role: `start` resolves once it runs, `stop` once it has let go. */
export type BackgroundService = { name: string; start(): Promise<void>; stop(): Promise<void> };

/** A manifest with its service type erased, as the platform holds it in the module list. */
// biome-ignore lint/suspicious/noExplicitAny: the list holds modules of different service types.
export type AnyProgramModule = ProgramModule<any>;

/** Declares a module with its service type inferred from `createServices`. */
export function defineModule<S>(module: ProgramModule<S>): ProgramModule<S> {
  return module;
}

/**
 * A program whose module is still being built, by its key alone: owners and officers can already be
 * assigned to it, and actions and committees belong to it. Its manifest replaces this entry in the list.
 */
export function plannedProgram(key: Program): AnyProgramModule {
  return { key, permissions: {}, createServices: () => ({}), registerRoutes: () => {} };
}
