// Reads the part of NAB copied into this folder (see README.md): the series, their windows, the profiles and
// NAB's published results. For the bench and the tests; the product never reads it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CostMatrix, PROFILE_NAMES, type ProfileName, type WindowLimits } from './score.ts';

export const NAB_DIR = path.dirname(fileURLToPath(import.meta.url));

export type NabSeries = {
  /** As NAB names it: `realKnownCause/nyc_taxi.csv`. */
  file: string;
  timestamps: Float64Array;
  values: Float64Array;
  windows: WindowLimits[];
};

/** `2014-04-10 07:15:00` and `2014-04-10 07:15:00.000000` (the windows' form) as epoch milliseconds, UTC. */
export function parseNabTime(text: string): number {
  const ms = Date.parse(`${text.slice(0, 10)}T${text.slice(11, 19)}Z`);
  if (Number.isNaN(ms)) throw new Error(`not a NAB timestamp: ${text}`);
  return ms;
}

function readCsv(file: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

function column(csv: { header: string[]; rows: string[][] }, name: string): string[] {
  const at = csv.header.indexOf(name);
  if (at < 0) throw new Error(`no column ${name}`);
  return csv.rows.map((r) => r[at]);
}

/** The 35 series in file-name order, with their labelled windows. */
export function loadNabCorpus(dir = NAB_DIR): NabSeries[] {
  const windows = JSON.parse(readFileSync(path.join(dir, 'labels/combined_windows.json'), 'utf8')) as Record<
    string,
    [string, string][]
  >;
  return Object.keys(windows)
    .sort()
    .map((file) => {
      const csv = readCsv(path.join(dir, 'data', file));
      return {
        file,
        timestamps: Float64Array.from(column(csv, 'timestamp'), parseNabTime),
        values: Float64Array.from(column(csv, 'value'), Number),
        windows: windows[file].map(([a, b]) => [parseNabTime(a), parseNabTime(b)] as const),
      };
    });
}

export function loadNabProfiles(dir = NAB_DIR): Record<ProfileName, CostMatrix> {
  const raw = JSON.parse(readFileSync(path.join(dir, 'profiles.json'), 'utf8')) as Record<
    string,
    { CostMatrix: CostMatrix }
  >;
  return Object.fromEntries(PROFILE_NAMES.map((p) => [p, raw[p].CostMatrix])) as Record<
    ProfileName,
    CostMatrix
  >;
}

export type PublishedFileScore = {
  file: string;
  threshold: number;
  score: number;
  tp: number;
  tn: number;
  fp: number;
  fn: number;
  total: number;
};

/** NAB's published per-file scores of a detector (`null`, `windowedGaussian`, `numenta`, `ARTime`). */
export function loadPublishedScores(detector: string, profile: ProfileName, dir = NAB_DIR) {
  const csv = readCsv(path.join(dir, 'results', `${detector}_${profile}_scores.csv`));
  const num = (name: string) => column(csv, name).map(Number);
  const [threshold, score, tp, tn, fp, fn, total] = [
    'Threshold',
    'Score',
    'TP',
    'TN',
    'FP',
    'FN',
    'Total_Count',
  ].map(num);
  return column(csv, 'File').map(
    (file, i): PublishedFileScore => ({
      file,
      threshold: threshold[i],
      score: score[i],
      tp: tp[i],
      tn: tn[i],
      fp: fp[i],
      fn: fn[i],
      total: total[i],
    }),
  );
}

/** A detector's recorded per-row output in NAB's results folder: its anomaly scores and NAB's row rewards. */
export function loadRecordedOutput(detector: string, file: string, dir = NAB_DIR) {
  const [category, name] = file.split('/');
  const csv = readCsv(path.join(dir, 'results', detector, category, `${detector}_${name}`));
  const rewards = (profile: ProfileName) => Float64Array.from(column(csv, `S(t)_${profile}`), Number);
  return {
    timestamps: Float64Array.from(column(csv, 'timestamp'), parseNabTime),
    anomalyScores: Float64Array.from(column(csv, 'anomaly_score'), Number),
    rewards: Object.fromEntries(PROFILE_NAMES.map((p) => [p, rewards(p)])) as Record<
      ProfileName,
      Float64Array
    >,
  };
}
