#!/usr/bin/env node
// Run by `npm start` (prestart): builds the web app when web/dist is missing or older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'web');
const builtIndex = path.join(web, 'dist', 'index.html');

/** The newest modification time among the web app's sources (web/src, index.html, public, the Vite config). */
function newestSource(): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p)) visit(path.join(p, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const p of ['src', 'public', 'index.html', 'vite.config.ts']) visit(path.join(web, p));
  return newest;
}

export function webBuildIsStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  return statSync(builtIndex).mtimeMs < newestSource();
}

export async function ensureWebBuild(): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  const started = Date.now();
  console.log('Building the web app (web/dist is missing or older than web/src)…');
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    throw new Error(
      'Vite is not installed: run `npm install` (with the dev dependencies), or build web/dist elsewhere with `npm run build:web`.',
    );
  }
  const { build } = vite;
  // A production build whoever asks: the test runner's NODE_ENV=test would build React for development
  // (twice the JavaScript, and slower pages).
  const callersEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    if (callersEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = callersEnv;
  }
  console.log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

if (import.meta.main) {
  try {
    await ensureWebBuild();
  } catch (error) {
    console.error(`The web app could not be built: ${(error as Error).message}`);
    process.exit(1);
  }
}
