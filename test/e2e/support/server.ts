import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { demoClock } from '../../../reference/demo/clock.ts';
import { openDatabase } from '../../../server/db/connect.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { toolPresent } from '../../../server/platform/reports/poppler.ts';
import { demoDumpFile } from '../../support/demo-template.ts';
import { FIXTURE, seedFixture } from '../../support/fixture.ts';
import type { PgliteTemplates } from '../../support/pglite-template.ts';

const root = path.resolve(import.meta.dirname, '../../..');

/** Debian's Chromium: the browser tests drive it with playwright-core, and skip without it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SKIP_MESSAGE = `Browser tests skipped: ${CHROMIUM} is missing. Install Debian's Chromium to run them: sudo apt-get install chromium fonts-noto-cjk`;
/** Under CI (CI=true) a missing Chromium throws here, so that the browser tests fail instead of skipping. */
export const hasChromium = toolPresent(existsSync(CHROMIUM), SKIP_MESSAGE);

export const SCREENSHOTS = path.join(root, 'test-results', 'screenshots');

/**
 * Screenshots are for people to look at: taken on a developer's machine, and under CI (CI=true) only when
 * STEWARD_SCREENSHOTS=1, since encoding them costs the browser tests a tenth of their time and nobody reads
 * them there. STEWARD_SCREENSHOTS=0 turns them off anywhere.
 */
export const TAKE_SCREENSHOTS = process.env.STEWARD_SCREENSHOTS
  ? process.env.STEWARD_SCREENSHOTS !== '0'
  : process.env.CI !== 'true';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type RunningServer = {
  baseUrl: string;
  dataDir: string;
  fixture: typeof FIXTURE;
  stop(): Promise<void>;
};

/**
 * A real Steward server, as `npm start` runs it: the web app built if needed, a fresh PGlite folder seeded
 * with the test fixture (or the demo dataset at a small scale), `steward start` in a child process on a free
 * port.
 */
export async function startServer(
  env: Record<string, string> = {},
  options: { demoScale?: number } = {},
): Promise<RunningServer> {
  const { ensureWebBuild } = await import('../../../scripts/ensure-web-build.ts');
  await ensureWebBuild();

  const dataDir = mkdtempSync(path.join(tmpdir(), 'steward-e2e-'));
  const fixtureFolder = options.demoScale === undefined ? fixtureTemplateFolder() : undefined;
  const dump = fixtureFolder ? undefined : await templateDump(options.demoScale);
  if (fixtureFolder) cpSync(fixtureFolder, dataDir, { recursive: true });
  else if (dump) await copyTemplateFolder(dump, dataDir, options.demoScale);
  else await prepareDatabase(dataDir, options.demoScale, undefined);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'cli', 'steward.ts'), 'start'], {
    cwd: root,
    env: {
      ...process.env,
      STEWARD_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      STEWARD_DEMO: '0',
      LOG_LEVEL: 'warn',
      SIGNIN_RATE_PER_MINUTE: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => output.push(String(d)));
  child.stderr?.on('data', (d) => output.push(String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited during start:\n${output.join('')}`);
    try {
      const res = await fetch(`${baseUrl}/api/ready`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not become ready:\n${output.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    baseUrl,
    dataDir,
    fixture: FIXTURE,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The fixture's data folder, migrated and seeded once per run by the suite's global set-up, when the run has one. */
function fixtureTemplateFolder(): string | undefined {
  const templates = inject('pgliteTemplates') as PgliteTemplates | undefined;
  return templates?.folders.fixture;
}

/**
 * The dump a demo server's database comes from: the demo's at a scale, loaded once per run by whichever test
 * needed it first. None when the run has no dump (a single file run outside the suite's set-up).
 */
async function templateDump(demoScale: number | undefined): Promise<string | undefined> {
  if (demoScale === undefined) return undefined;
  return demoDumpFile({ scale: demoScale, clock: demoClock() });
}

/** A server's database folder, migrated, from the dump or (without one) seeded or loaded here. */
async function prepareDatabase(dataDir: string, demoScale: number | undefined, dump: string | undefined) {
  const database = await openDatabase({
    dataDir,
    pgliteDataDir: dump ? new Blob([readFileSync(dump)]) : undefined,
  });
  try {
    await migrateToLatest(database.db);
    if (dump) return;
    if (demoScale !== undefined) {
      const { loadDemoDataset } = await import('../../../reference/demo/load.ts');
      await loadDemoDataset(database, { scale: demoScale });
    } else await seedFixture(database.db);
  } finally {
    await database.close();
  }
}

/**
 * Copies the database folder opened from `dump` into `dataDir`: the first server of the run from that dump opens
 * it once and keeps the folder beside it (renamed into place whole, so a server started at the same time never
 * sees half of it); every later one copies the folder in a fraction of a second instead of loading the dump again.
 */
async function copyTemplateFolder(dump: string, dataDir: string, demoScale: number | undefined) {
  const folder = `${dump}-folder`;
  if (!existsSync(folder)) {
    const building = mkdtempSync(`${folder}-building-`);
    await prepareDatabase(building, demoScale, dump);
    try {
      renameSync(building, folder);
    } catch {
      // Another worker's folder arrived first: the same content.
      rmSync(building, { recursive: true, force: true });
    }
  }
  cpSync(folder, dataDir, { recursive: true });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}
