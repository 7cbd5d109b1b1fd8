import { once } from 'node:events';
import { createReadStream, createWriteStream, openAsBlob, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { addDays } from '../../reference/demo/clock.ts';
import { POSTGRES_SESSION_OPTIONS } from '../../server/db/connect.ts';
import { copyFile } from '../data/copy.ts';
import { apiCaller, type Session } from '../lib/http.ts';
import { memoryOf, round, type Server, sleep } from '../lib/proc.ts';

export type ImportFigures = {
  rows: number;
  fileMb: number;
  steward: {
    uploadSeconds: number;
    validateSeconds: number;
    commitSeconds: number;
    totalSeconds: number;
    rowsPerSecond: number;
    commitRowsPerSecond: number;
    peakRssMb: number;
  };
  copy: {
    copySeconds: number;
    insertSeconds: number;
    totalSeconds: number;
    rowsPerSecond: number;
    copyOnlyRowsPerSecond: number;
  };
  /** Steward's end-to-end rows per second as a share of COPY's (target ≥ 50%). */
  ratio: number;
};

/** A CSV of `rows` training completions of the loaded employees: each (person, course) once, dated in the last 300 days. */
export async function writeCompletionsCsv(
  file: string,
  rows: number,
  employeeNos: string[],
  courseCodes: string[],
  clock: string,
): Promise<void> {
  const out = createWriteStream(file);
  out.write('employee_no,course_code,completed_on,hours,result\n');
  const dates = Array.from({ length: 300 }, (_, i) => addDays(clock, -1 - i));
  const P = employeeNos.length;
  if (P * courseCodes.length < rows)
    throw new Error('not enough people and courses for distinct completions');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const person = employeeNos[i % P];
    const course = courseCodes[Math.floor(i / P) % courseCodes.length];
    chunk += `${person},${course},${dates[i % dates.length]},${i % 4 === 0 ? '' : '1.5'},${i % 50 === 0 ? 'attended' : 'passed'}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/**
 * Steward's own import (upload, validate, commit over HTTP) of the file, then the same file through
 * PostgreSQL's COPY into a staging table and one INSERT … SELECT into the same table (numbers resolved to
 * ids by joins, duplicates skipped): the fastest the database itself loads that file.
 */
export async function runImport(o: {
  server: Server;
  session: Session;
  databaseUrl: string;
  file: string;
  rows: number;
  log: (line: string) => void;
}): Promise<ImportFigures> {
  const { server, session, log } = o;
  const { headers, call: api, settle: follow } = apiCaller(server.base, session);

  const t0 = performance.now();
  const form = new FormData();
  form.append('file', await openAsBlob(o.file), path.basename(o.file));
  const uploaded = await fetch(`${server.base}/api/imports?kind=training_completions`, {
    method: 'POST',
    headers,
    body: form,
  });
  let job = (await uploaded.json()) as Record<string, any>;
  if (uploaded.status !== 201) throw new Error(`upload: ${uploaded.status} ${JSON.stringify(job)}`);
  const t1 = performance.now();
  const peakAfterUpload = memoryOf(server.pid()).hwmMb;
  job = await follow(await api('POST', `/api/imports/${job.id}/validate`, { version: job.version }));
  const peakAfterValidate = memoryOf(server.pid()).hwmMb;
  if (job.status !== 'valid')
    throw new Error(`validation: ${job.status} ${JSON.stringify(job.errors?.slice(0, 3))}`);
  const t2 = performance.now();
  job = await follow(await api('POST', `/api/imports/${job.id}/commit`, { version: job.version }));
  const t3 = performance.now();
  if (job.status !== 'done' || job.rowsInserted !== o.rows)
    throw new Error(`commit: ${job.status}, ${job.rowsInserted} rows inserted: ${job.message}`);
  const peakRssMb = memoryOf(server.pid()).hwmMb;
  const steward = {
    uploadSeconds: round((t1 - t0) / 1000, 2),
    validateSeconds: round((t2 - t1) / 1000, 2),
    commitSeconds: round((t3 - t2) / 1000, 2),
    totalSeconds: round((t3 - t0) / 1000, 2),
    rowsPerSecond: Math.round(o.rows / ((t3 - t0) / 1000)),
    commitRowsPerSecond: Math.round(o.rows / ((t3 - t2) / 1000)),
    peakRssMb,
  };
  log(`  peak RSS after upload ${peakAfterUpload} MB, after validation ${peakAfterValidate} MB`);
  log(
    `  Steward: upload ${steward.uploadSeconds} s, validate ${steward.validateSeconds} s, commit ${steward.commitSeconds} s: ${steward.rowsPerSecond.toLocaleString('en-US')} rows/s; peak RSS ${peakRssMb} MB`,
  );

  // The same file through COPY, into the same (emptied) table with the same indexes and triggers, in a
  // session set as the server's are.
  const client = new pg.Client({ connectionString: o.databaseUrl, options: POSTGRES_SESSION_OPTIONS });
  await client.connect();
  try {
    await client.query('truncate training_completions');
    await client.query('checkpoint');
    const c0 = performance.now();
    await client.query('begin');
    await client.query(
      'create temporary table completions_file (employee_no text, course_code text, completed_on date, hours numeric(6, 2), result text) on commit drop',
    );
    await copyFile(
      client,
      'completions_file',
      ['employee_no', 'course_code', 'completed_on', 'hours', 'result'],
      createReadStream(o.file),
    );
    const c1 = performance.now();
    const inserted = await client.query(`
      insert into training_completions (course_id, person_type, person_id, site_id, completed_on, hours, result)
      select c.id, 'employee', e.id, e.site_id, f.completed_on, coalesce(f.hours, c.hours), f.result
      from completions_file f
      join employees e on e.employee_no = f.employee_no
      join training_courses c on c.code = f.course_code
      on conflict (course_id, person_id, completed_on) do nothing`);
    await client.query('commit');
    const c2 = performance.now();
    if (inserted.rowCount !== o.rows)
      throw new Error(`COPY path inserted ${inserted.rowCount} rows, not ${o.rows}`);
    const copy = {
      copySeconds: round((c1 - c0) / 1000, 2),
      insertSeconds: round((c2 - c1) / 1000, 2),
      totalSeconds: round((c2 - c0) / 1000, 2),
      rowsPerSecond: Math.round(o.rows / ((c2 - c0) / 1000)),
      copyOnlyRowsPerSecond: Math.round(o.rows / ((c1 - c0) / 1000)),
    };
    log(
      `  COPY: file ${copy.copySeconds} s + insert ${copy.insertSeconds} s: ${copy.rowsPerSecond.toLocaleString('en-US')} rows/s`,
    );
    return {
      rows: o.rows,
      fileMb: round(statSync(o.file).size / 1048576),
      steward,
      copy,
      ratio: round(steward.rowsPerSecond / copy.rowsPerSecond, 3),
    };
  } finally {
    await client.end();
  }
}
