import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** Process roles: a group runs several stateless `web` processes and one or more `worker`s. */
export const processRoles = ['web', 'worker', 'all'] as const;
export type ProcessRole = (typeof processRoles)[number];

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  STEWARD_DATA_DIR: z.string().default('data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  STEWARD_ROLE: z.enum(processRoles).default('all'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STEWARD_DEMO: booleanFlag.default(true),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .positive()
    .default(12 * 60),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .default(7 * 24),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  SIGNIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  SIGNIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(30),
  COOKIE_SECURE: booleanFlag.optional(),
  TRUST_PROXY: booleanFlag.default(false),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Steward <steward@localhost>'),
  PUBLIC_URL: z.string().url().optional(),
  STEWARD_FILES_DIR: z.string().optional(),
  STEWARD_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(1024).default(25),
  STEWARD_MQTT_PORT: z.coerce.number().int().min(0).max(65535).default(1884),
  STEWARD_MQTT_HOST: z.string().optional(),
  MQTT_URL: z.string().url().optional(),
  STEWARD_MQTT_CLIENT_ID: z.string().min(1).max(100).optional(),
  STEWARD_MQTT_TOPIC_ROOT: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('steward'),
  STEWARD_MQTT_INGEST_SLOTS: z.coerce.number().int().min(1).max(64).default(4),
  STEWARD_DETECTOR_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  STEWARD_DETECTORS_MAX: z.coerce.number().int().min(1).max(1_000_000).default(1000),
});

export type Config = {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  host: string;
  role: ProcessRole;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  loadDemoOnEmpty: boolean;
  session: { idleMinutes: number; maxHours: number };
  signIn: { maxFailures: number; lockMinutes: number; ratePerMinute: number };
  cookieSecure: boolean;
  trustProxy: boolean;
  /** smtp://user:pass@host:port (smtps:// for TLS); without it, email reminders are skipped. */
  smtpUrl?: string;
  mailFrom: string;
  /** Where users reach Steward, for links in email and calendar feeds. */
  publicUrl: string;
  /** Where stored files (documents) live; several processes share it. Default: <data folder>/files. */
  filesDir: string;
  maxUploadBytes: number;
  /** MQTT ingestion, run by the worker role (see ARCHITECTURE.md, "MQTT ingestion"). */
  mqtt: MqttConfig;
  /** The learned detectors an ingesting process keeps in memory, per sensor (smart's anomaly-judges.ts). */
  detectors: DetectorMemoryConfig;
};

export type DetectorMemoryConfig = {
  /** A sensor's detector not used for this long is dropped, and rebuilt from stored readings when needed. */
  idleMinutes: number;
  /**
   * At most this many kept at once; the least recently used go first. Each takes about 0.3 MB for a sensor read
   * every 10 s, more for faster ones (a detector holds a day of readings for its same-time-yesterday view).
   */
  max: number;
};

export type MqttConfig = {
  /** The embedded broker's port; 0 = no embedded broker. Unused when `url` is set. */
  port: number;
  host: string;
  /** An external broker (mqtt://, mqtts://): Steward subscribes there, and no embedded broker starts. */
  url?: string;
  /** The persistent session's client id on the external broker: one per worker process. */
  clientId: string;
  /** The first topic level: `<root>/<site code>/…`. */
  topicRoot: string;
  /** Batches stored at once; a publish beyond them waits, its acknowledgement withheld. */
  ingestSlots: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.STEWARD_DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    role: e.STEWARD_ROLE,
    logLevel: e.LOG_LEVEL,
    loadDemoOnEmpty: e.STEWARD_DEMO,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
    signIn: {
      maxFailures: e.SIGNIN_MAX_FAILURES,
      lockMinutes: e.SIGNIN_LOCK_MINUTES,
      ratePerMinute: e.SIGNIN_RATE_PER_MINUTE,
    },
    cookieSecure: e.COOKIE_SECURE ?? false,
    trustProxy: e.TRUST_PROXY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    filesDir: path.resolve(e.STEWARD_FILES_DIR ?? path.join(e.STEWARD_DATA_DIR, 'files')),
    maxUploadBytes: e.STEWARD_MAX_UPLOAD_MB * 1024 * 1024,
    mqtt: {
      port: e.STEWARD_MQTT_PORT,
      host: e.STEWARD_MQTT_HOST ?? e.HOST,
      url: e.MQTT_URL,
      clientId: e.STEWARD_MQTT_CLIENT_ID ?? `steward-${os.hostname()}`,
      topicRoot: e.STEWARD_MQTT_TOPIC_ROOT,
      ingestSlots: e.STEWARD_MQTT_INGEST_SLOTS,
    },
    detectors: { idleMinutes: e.STEWARD_DETECTOR_IDLE_MINUTES, max: e.STEWARD_DETECTORS_MAX },
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    ...overrides,
  };
}
