import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEMO_PASSWORD } from '../../reference/demo/users.ts';
import { PATH, ROOT, round } from '../lib/proc.ts';

const DIST = path.join(ROOT, 'web/dist');

export type BundleFigures = {
  /** Seconds `npm run build:web` took in this run, or null when web/dist was current. */
  buildSeconds: number | null;
  files: { file: string; kb: number; gzipKb: number }[];
  jsKb: number;
  jsGzipKb: number;
  cssGzipKb: number;
};

/**
 * Builds the web app for production, every run: a web/dist that looks current may have been built by a test
 * run for development, which the figures must not measure.
 */
export function ensureWebBuilt(log: (line: string) => void): number | null {
  log('  building the web app (npm run build:web)');
  const t = performance.now();
  const r = spawnSync('npm', ['run', 'build:web', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, PATH, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error('npm run build:web failed');
  return round((performance.now() - t) / 1000);
}

/**
 * The JavaScript (and CSS) the first page loads: what web/dist/index.html references (module scripts,
 * module preloads, style sheets), raw and gzipped (level 6, as a proxy would).
 */
export function bundleFigures(buildSeconds: number | null): BundleFigures {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*\brel="(?:modulepreload|stylesheet)"[^>]*\bhref="([^"]+)"/g))
    refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*\bhref="([^"]+)"[^>]*\brel="(?:modulepreload|stylesheet)"/g))
    refs.add(m[1]);
  const files = [...refs]
    .filter((r) => !/^https?:/.test(r))
    .map((r) => {
      const file = path.join(DIST, r.replace(/^\//, ''));
      if (!existsSync(file)) throw new Error(`index.html references ${r}, which is not in web/dist`);
      const bytes = readFileSync(file);
      return {
        file: r,
        kb: round(bytes.length / 1024),
        gzipKb: round(gzipSync(bytes, { level: 6 }).length / 1024),
      };
    });
  const js = files.filter((f) => f.file.endsWith('.js'));
  const css = files.filter((f) => f.file.endsWith('.css'));
  return {
    buildSeconds,
    files,
    jsKb: round(js.reduce((a, f) => a + f.kb, 0)),
    jsGzipKb: round(js.reduce((a, f) => a + f.gzipKb, 0)),
    cssGzipKb: round(css.reduce((a, f) => a + f.gzipKb, 0)),
  };
}

export type RenderFigures = {
  /** Median of the runs, ms from navigation start; each run in a fresh browser context (cold cache). */
  firstContentfulPaintMs: number;
  homeRenderedMs: number;
  runs: { fcp: number; rendered: number }[];
  /** The server it ran against, in words (the demo on PGlite after npm start, or PostgreSQL at a scale). */
  server?: string;
};

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Signs in through the API inside a fresh browser context, opens the home page (the dashboard: sites,
 * headcount chart, attention list) and times its first contentful paint and the moment its data is on
 * screen (the chart drawn, no skeleton left).
 */
export async function firstRender(
  base: string,
  email: string,
  password: string,
  runs = 3,
): Promise<RenderFigures | { skipped: string }> {
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` };
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const out: { fcp: number; rendered: number }[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
      const signedIn = await context.request.post(`${base}/api/auth/sign-in`, { data: { email, password } });
      if (!signedIn.ok()) throw new Error(`browser sign-in: ${signedIn.status()}`);
      const page = await context.newPage();
      await page.goto(`${base}/`, { waitUntil: 'commit' });
      await page.waitForFunction(
        () =>
          !!document.querySelector('main canvas, canvas') &&
          !document.querySelector('.mantine-Skeleton-root'),
        undefined,
        { timeout: 90_000, polling: 'raf' },
      );
      const rendered = await page.evaluate(() => performance.now());
      const fcp = await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      );
      out.push({ fcp: round(fcp, 0), rendered: round(rendered, 0) });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    firstContentfulPaintMs: median(out.map((r) => r.fcp)),
    homeRenderedMs: median(out.map((r) => r.rendered)),
    runs: out,
  };
}

/** The first render of the home page, signed in as the group admin, against `server` (in words); logged. */
export async function homeRender(
  base: string,
  server: string,
  log: (line: string) => void,
): Promise<RenderFigures | { skipped: string }> {
  log(`  first render of the home page in headless Chromium (${server})`);
  const render = await firstRender(base, 'admin@steward.demo', DEMO_PASSWORD).catch((error: Error) => ({
    skipped: `failed: ${error.message.split('\n')[0]}`,
  }));
  if (!('homeRenderedMs' in render)) {
    log(`  skipped: ${render.skipped}`);
    return render;
  }
  log(
    `  first contentful paint ${render.firstContentfulPaintMs} ms, home page with its data ${render.homeRenderedMs} ms`,
  );
  return { ...render, server };
}
