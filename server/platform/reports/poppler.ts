import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Reading PDFs back with poppler-utils (pdftotext, pdffonts, pdfimages, pdftoppm), for the tests of the
 * report kit and of every module's Board report. Debian: `apt-get install -y poppler-utils`.
 */

export const POPPLER_MISSING =
  'poppler-utils is not installed (no pdftotext): the checks that read PDFs back are skipped. ' +
  'Install it with `apt-get install -y poppler-utils`.';

let available: boolean | undefined;

/** Whether this run is continuous integration (`CI` set to anything but empty, `0` or `false`). */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

/**
 * For tests that skip when a tool is missing: answers whether it is there, but under CI (which installs
 * every tool the tests need) a missing tool throws, so that the skipped tests count as a failure.
 */
export function toolPresent(found: boolean, missing: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!found && isCi(env))
    throw new Error(`${missing} Under CI a test skipped for a missing tool is a failure: CI installs it.`);
  return found;
}

export function hasPoppler(): boolean {
  available ??= !spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error;
  return toolPresent(available, POPPLER_MISSING);
}

function withPdf<T>(pdf: Buffer, fn: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'steward-pdf-'));
  try {
    const path = join(dir, 'report.pdf');
    writeFileSync(path, pdf);
    return fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** The text of the PDF (or of pages `first`..`last`, counted from 1), as pdftotext reads it. */
export function pdfText(pdf: Buffer, pages?: { first: number; last?: number }): string {
  return withPdf(pdf, (path) =>
    run('pdftotext', [
      ...(pages ? ['-f', String(pages.first), '-l', String(pages.last ?? pages.first)] : []),
      '-enc',
      'UTF-8',
      path,
      '-',
    ]),
  );
}

/** The text of each page, in order. */
export function pdfPages(pdf: Buffer): string[] {
  // pdftotext ends every page with a form feed.
  const pages = pdfText(pdf).split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

export type PdfFont = { name: string; type: string; embedded: boolean; subset: boolean; unicode: boolean };

/** The fonts of the PDF as pdffonts lists them. */
export function pdfFonts(pdf: Buffer): PdfFont[] {
  const lines = withPdf(pdf, (path) => run('pdffonts', [path]))
    .split('\n')
    .slice(2)
    .filter((l) => l.trim());
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name, type (may hold spaces), encoding, emb, sub, uni, object id, generation
    const [emb, sub, uni] = cols.slice(-5, -2);
    return {
      name: cols[0],
      type: cols.slice(1, -6).join(' '),
      embedded: emb === 'yes',
      subset: sub === 'yes',
      unicode: uni === 'yes',
    };
  });
}

/** How many raster images the PDF holds (charts drawn as vector graphics add none). */
export function pdfImageCount(pdf: Buffer): number {
  const lines = withPdf(pdf, (path) => run('pdfimages', ['-list', path])).split('\n');
  return lines.slice(2).filter((l) => l.trim()).length;
}

/** Renders each page to PNG in `dir` as `<name>-<page>.png` and returns the files, in page order. */
export function pdfToPng(pdf: Buffer, dir: string, name: string, dpi = 60): string[] {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(join(dir, f));
  writeFileSync(join(dir, `${name}.pdf`), pdf);
  run('pdftoppm', ['-png', '-r', String(dpi), join(dir, `${name}.pdf`), join(dir, name)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)?.[1]) - Number(/-(\d+)\.png$/.exec(b)?.[1]))
    .map((f) => join(dir, f));
}
