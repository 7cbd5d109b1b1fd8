// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { buildApp, type StewardApp } from '../../server/app.ts';
import { type Config, loadConfig } from '../../server/config.ts';
import { type Database, type DatabaseKind, openDatabase } from '../../server/db/connect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import type { DB } from '../../server/db/schema.ts';
import type { AnyProgramModule } from '../../server/platform/modules/manifest.ts';
import { type DemoTemplateOptions, demoTemplate } from './demo-template.ts';
import { openEventStream } from './event-stream.ts';
import { FIXTURE, type FixtureUser, seedFixture, USERS } from './fixture.ts';
import { pgliteTemplate, pgliteTemplateCopy, postgresFixtureTemplate } from './pglite-dump.ts';
import type { TemplateName } from './pglite-template.ts';

export type { DatabaseKind };

/**
 * The databases the integration tests run on: PGlite always, and a PostgreSQL server as well when
 * TEST_DATABASE_URL is set (CI sets it). Use it as `describe.each(databases())('… (%s)', (kind) => …)`.
 */
export function databases(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export type TestAppOptions = {
  /** 'pglite' (default): a PGlite data folder of its own. 'postgres': a fresh database on TEST_DATABASE_URL's server. */
  kind?: DatabaseKind;
  /** Environment variables for loadConfig, e.g. { SIGNIN_MAX_FAILURES: '3' }. */
  env?: Record<string, string>;
  /** Config fields set after parsing. */
  config?: Partial<Config>;
  /** Seed the fixture (default true). */
  seed?: boolean;
  now?: () => Date;
  /** Serve the built web app (browser tests). */
  serveWeb?: boolean;
  /** The program modules to build the app with (default: every module of server/modules/index.ts). */
  modules?: readonly AnyProgramModule[];
  /**
   * The demo dataset at this scale and clock instead of the fixture: a copy of the run's shared load where the
   * suite's global set-up provides one (test/support/demo-template.ts), otherwise loaded here.
   */
  demo?: DemoTemplateOptions;
};

export type ApiResponse<T = any> = {
  status: number;
  /** Parsed JSON for JSON and problem+json responses, otherwise the text. */
  body: T;
  text: string;
  /** The body's bytes (downloads). */
  raw: Buffer;
  headers: Record<string, string | string[] | number | undefined>;
  cookies: { name: string; value: string; [attribute: string]: unknown }[];
};

export type RequestOptions = {
  headers?: Record<string, string>;
  /** Send the CSRF token with a write (default true when the client has one). */
  csrf?: boolean;
  /** Send the body as is with this content type (e.g. text/csv) instead of JSON. */
  contentType?: string;
  /**
   * The route answers with an event stream (text/event-stream) that lasts: read until its first event, then
   * go away; `text` is that event.
   */
  stream?: boolean;
  query?: Record<string, string | number | boolean | undefined>;
};

export const SESSION_COOKIE = 'steward_session';

/**
 * A small HTTP client over app.inject that carries a session cookie and its CSRF token, or an API token.
 * Cookies set by responses (sign-in, sign-out) update what it sends next.
 */
export class ApiClient {
  readonly app: StewardApp;
  sessionToken: string | undefined;
  csrfToken: string | undefined;
  bearer: string | undefined;
  /** The body of the sign-in response, when this client signed in. */
  session: any;

  /** The app's clock: a cookie has expired when the app says so (tests may run it in the past). */
  readonly now: () => Date;

  constructor(
    app: StewardApp,
    init: { sessionToken?: string; csrfToken?: string; bearer?: string; now?: () => Date } = {},
  ) {
    this.app = app;
    this.now = init.now ?? (() => new Date());
    this.sessionToken = init.sessionToken;
    this.csrfToken = init.csrfToken;
    this.bearer = init.bearer;
  }

  async request<T = any>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.sessionToken) headers.cookie = `${SESSION_COOKIE}=${this.sessionToken}`;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (method !== 'GET' && this.csrfToken && options.csrf !== false)
      headers['x-csrf-token'] = this.csrfToken;
    let payload: string | Buffer | undefined;
    if (body !== undefined) {
      if (options.contentType) {
        headers['content-type'] = options.contentType;
        payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : String(body);
      } else {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(body);
      }
    }
    Object.assign(headers, options.headers);
    const query = options.query
      ? Object.fromEntries(
          Object.entries(options.query)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => [k, String(v)]),
        )
      : undefined;
    if (options.stream && method === 'GET') return this.firstEvent(url, headers, query);
    const response = await this.app.inject({ method, url, headers, payload, query });
    for (const c of response.cookies as ApiResponse['cookies']) {
      if (c.name !== SESSION_COOKIE) continue;
      const expires = c.expires instanceof Date ? c.expires.getTime() : undefined;
      this.sessionToken =
        !c.value || (expires !== undefined && expires <= this.now().getTime()) ? undefined : c.value;
    }
    const type = String(response.headers['content-type'] ?? '');
    const text = response.body;
    let parsed: unknown = text;
    if (/json/.test(type) && text.length > 0) parsed = JSON.parse(text);
    return {
      status: response.statusCode,
      body: parsed as T,
      text,
      raw: response.rawPayload,
      headers: response.headers as ApiResponse['headers'],
      cookies: response.cookies as ApiResponse['cookies'],
    };
  }

  /** Opens an event stream with this client's credentials (see test/support/event-stream.ts). */
  openStream(url: string, query?: Record<string, string>) {
    const headers: Record<string, string> = {};
    if (this.sessionToken) headers.cookie = `${SESSION_COOKIE}=${this.sessionToken}`;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    return openEventStream(this.app, url, headers, query);
  }

  private async firstEvent(url: string, headers: Record<string, string>, query?: Record<string, string>) {
    const stream = await openEventStream(this.app, url, headers, query);
    let text = typeof stream.body === 'string' ? stream.body : JSON.stringify(stream.body ?? '');
    if (stream.status === 200) {
      const first = await stream.next();
      stream.close();
      text = `event: ${first.event}`;
    }
    return {
      status: stream.status,
      body: (stream.body ?? text) as any,
      text,
      raw: Buffer.from(text),
      headers: stream.headers,
      cookies: [],
    };
  }

  get<T = any>(url: string, options?: RequestOptions) {
    return this.request<T>('GET', url, undefined, options);
  }
  post<T = any>(url: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', url, body, options);
  }
  put<T = any>(url: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PUT', url, body, options);
  }
  patch<T = any>(url: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PATCH', url, body, options);
  }
  delete<T = any>(url: string, options?: RequestOptions) {
    return this.request<T>('DELETE', url, undefined, options);
  }
}

export type TestApp = {
  app: StewardApp;
  database: Database;
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** The test database's URL on a PostgreSQL server (undefined on PGlite). */
  databaseUrl: string | undefined;
  config: Config;
  fixture: typeof FIXTURE;
  /** A client with no credentials. */
  anonymous(): ApiClient;
  /** Signs in and returns a client carrying the session cookie and CSRF token; throws unless 200. */
  signIn(email: string, password: string): Promise<ApiClient>;
  /** Signs in as one of the fixture's users. */
  signInAs(user: FixtureUser): Promise<ApiClient>;
  /** A client authenticating with an API token (no cookie, no CSRF token). */
  withToken(token: string): ApiClient;
  /** Runs SQL as the database superuser (tests that tamper with the audit log). */
  exec(statement: string): Promise<unknown[]>;
  /** Starts listening on a free local port and returns the base URL (browser tests). */
  listen(): Promise<string>;
  close(): Promise<void>;
};

const testEnv: Record<string, string> = {
  LOG_LEVEL: 'silent',
  STEWARD_DEMO: '0',
  // Many sign-ins from one address in a test file: the per-minute limit is tested on its own.
  SIGNIN_RATE_PER_MINUTE: '100000',
};

/**
 * A PostgreSQL database of its own on TEST_DATABASE_URL's server, dropped at close: empty, or a copy of the
 * `template` database.
 */
async function createPostgresDatabase(template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: the PostgreSQL tests need a server.');
  const name = `steward_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        // Without FORCE: pooled clients that are still closing would otherwise receive a fatal error
        // (57P01) after their pool ended. Wait for them to go instead.
        for (let attempt = 0; ; attempt++) {
          try {
            await c.query(`drop database if exists ${name}`);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

/** What a new database is copied from: a PGlite dump, a template database on the server, or nothing. */
async function templateOf(
  kind: DatabaseKind,
  from: TemplateName | DemoTemplateOptions,
): Promise<Blob | string | undefined> {
  if (typeof from === 'object') {
    const demo = await demoTemplate(kind, from);
    return demo && ('dump' in demo ? demo.dump : demo.database);
  }
  if (from === 'empty') return undefined;
  return kind === 'postgres' ? postgresFixtureTemplate() : pgliteTemplate('fixture');
}

/**
 * A database of its own: a PGlite data folder (a copy of the run's template folder; in memory from a dump for
 * a demo), or a new database on TEST_DATABASE_URL's server. Empty and not migrated; or `from: 'fixture'`
 * (migrated and seeded with the fixture) or a demo's scale and clock (the demo loaded), where the run's global
 * set-up provides a template of it; otherwise empty, and the caller migrates and loads (`fromTemplate` says
 * which). close() closes it and removes the folder or drops the server database.
 */
export async function openTestDatabase(
  kind: DatabaseKind = 'pglite',
  from: TemplateName | DemoTemplateOptions = 'empty',
): Promise<{ database: Database; url: string | undefined; fromTemplate: boolean; close(): Promise<void> }> {
  const dataDir = kind === 'pglite' && typeof from === 'string' ? pgliteTemplateCopy(from) : undefined;
  if (dataDir) {
    const database = await openDatabase({ dataDir });
    return {
      database,
      url: undefined,
      fromTemplate: from === 'fixture',
      async close() {
        try {
          await database.close();
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      },
    };
  }
  const template = await templateOf(kind, from);
  const pgDatabase =
    kind === 'postgres' ? await createPostgresDatabase(template as string | undefined) : undefined;
  try {
    const database = await openDatabase(
      pgDatabase
        ? { databaseUrl: pgDatabase.url, poolSize: 4 }
        : { dataDir: 'memory://', pgliteDataDir: (template as Blob | undefined) ?? pgliteTemplate('empty') },
    );
    return {
      database,
      url: pgDatabase?.url,
      fromTemplate: template !== undefined,
      async close() {
        try {
          await database.close();
        } finally {
          await pgDatabase?.drop();
        }
      },
    };
  } catch (error) {
    await pgDatabase?.drop();
    throw error;
  }
}

/**
 * A fresh database (a PGlite data folder, or a new database on TEST_DATABASE_URL's server), migrated and
 * seeded with the fixture, and the Steward app built on it. Call close() in afterAll.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const kind = options.kind ?? 'pglite';
  // The fixture's template holds the default modules' migrations and the fixture; anything else starts empty.
  const wantsFixture = !options.modules && options.seed !== false && !options.demo;
  const scratch = await openTestDatabase(kind, options.demo ?? (wantsFixture ? 'fixture' : 'empty'));
  const database = scratch.database;
  try {
    await migrateToLatest(database.db, options.modules);
    if (options.demo && !scratch.fromTemplate) {
      const { loadDemoDataset } = await import('../../reference/demo/load.ts');
      await loadDemoDataset(database, options.demo);
    } else if (options.seed !== false && !options.demo && !scratch.fromTemplate)
      await seedFixture(database.db);
    const config = loadConfig({ ...testEnv, ...options.env }, options.config);
    const app = await buildApp({
      database,
      config,
      now: options.now,
      serveWeb: options.serveWeb ?? false,
      logger: false,
      modules: options.modules,
    });
    await app.ready();

    const signIn = async (email: string, password: string) => {
      const client = new ApiClient(app, { now: options.now });
      const res = await client.post('/api/auth/sign-in', { email, password });
      if (res.status !== 200)
        throw new Error(`Sign-in of ${email} failed: ${res.status} ${res.text.slice(0, 300)}`);
      client.csrfToken = res.body.csrfToken;
      client.session = res.body;
      return client;
    };

    return {
      app,
      database,
      db: database.db,
      kind,
      databaseUrl: scratch.url,
      config,
      fixture: FIXTURE,
      anonymous: () => new ApiClient(app, { now: options.now }),
      signIn,
      signInAs: (user) => signIn(USERS[user].email, USERS[user].password),
      withToken: (token) => new ApiClient(app, { bearer: token, now: options.now }),
      async exec(statement) {
        const result = await sql.raw(statement).execute(database.db);
        return result.rows as unknown[];
      },
      async listen() {
        const address = await app.listen({ port: 0, host: '127.0.0.1' });
        return address;
      },
      async close() {
        try {
          await app.close();
        } finally {
          await scratch.close();
        }
      },
    };
  } catch (error) {
    await scratch.close();
    throw error;
  }
}
