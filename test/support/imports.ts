import { expect } from 'vitest';
import type { ApiClient } from './app.ts';

/** A file as a multipart body in the field "file", as the browser sends it. */
export async function multipart(filename: string, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  const request = new Request('http://local/', { method: 'POST', body: form });
  return {
    body: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') as string,
  };
}

/** Uploads a file to the import pipeline as an import of `kind`. */
export async function upload(client: ApiClient, filename: string, bytes: Buffer, kind: string) {
  const { body, contentType } = await multipart(filename, bytes);
  return client.post('/api/imports', body, { contentType, query: { kind } });
}

/** Polls an import until it leaves its running state. */
export async function settle(client: ApiClient, id: string) {
  for (let i = 0; i < 2400; i++) {
    const job = (await client.get(`/api/imports/${id}`)).body;
    if (job.status !== 'validating' && job.status !== 'committing') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

/** Checks every row of an uploaded import; returns the job once checked. */
export async function validate(client: ApiClient, id: string) {
  const job = (await client.get(`/api/imports/${id}`)).body;
  const v = await client.post(`/api/imports/${id}/validate`, { version: job.version });
  expect(v.status, v.text).toBe(202);
  return settle(client, id);
}

/** Commits a checked import; returns the job once done or failed. */
export async function commit(client: ApiClient, job: { id: string; version: number }) {
  const c = await client.post(`/api/imports/${job.id}/commit`, { version: job.version });
  expect(c.status, c.text).toBe(202);
  return settle(client, job.id);
}

/** Checks every row, and commits the file if every row is valid. */
export async function validateAndCommit(client: ApiClient, id: string) {
  const job = await validate(client, id);
  return job.status === 'valid' ? commit(client, job) : job;
}
