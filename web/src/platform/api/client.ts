import type { z } from 'zod';

/** An RFC 9457 problem document as the server sends it (server/platform/http/problem.ts). */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
  [extra: string]: unknown;
};

const PROBLEM_BASE = 'https://steward.example/problems/';

/** A failed API call: the status, the problem document when there was one, and field errors by field name. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: Problem | null, message: string, retryAfterSeconds: number | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The short problem type, e.g. 'conflict', 'validation', 'csrf'. */
  get kind(): string {
    const type = this.problem?.type ?? '';
    return type.startsWith(PROBLEM_BASE) ? type.slice(PROBLEM_BASE.length) : type || `http-${this.status}`;
  }

  /**
   * True for a stale write: the record changed since it was read (409 with a version in the body, or 412 when
   * the `If-Match` of a setting no longer holds).
   */
  get isStale(): boolean {
    return (this.status === 409 || this.status === 412) && typeof this.problem?.currentVersion === 'number';
  }

  /** Field errors keyed by field path, without the 'body.' / 'querystring.' prefix of request validation. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem?.errors ?? []) {
      const path = e.path.replace(/^(body|querystring|params)\.?/, '');
      if (path && !out[path]) out[path] = e.message;
    }
    return out;
  }
}

let csrfToken = '';
let onUnauthorized: (() => void) | null = null;

/** The session's CSRF token, sent on every write (the server refuses cookie-authenticated writes without it). */
export function setCsrfToken(token: string) {
  csrfToken = token;
}

/** Called when a request comes back 401: the session expired or was signed out elsewhere. */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

type RequestOptions = {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Raw text body (CSV upload) with its content type. */
  text?: { body: string; contentType: string };
  signal?: AbortSignal;
};

/**
 * The entity tag last read for a path (the group settings send one): a write to the same path names it in
 * `If-Match`, so that a change someone else saved since is refused rather than overwritten.
 */
const entityTags = new Map<string, string>();

async function request(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const write = method === 'PUT' || method === 'PATCH';
  const tag = entityTags.get(path);
  if (write && tag) headers['if-match'] = tag;
  let body: BodyInit | undefined;
  if (options.text) {
    headers['content-type'] = options.text.contentType;
    body = options.text.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, null, 'The server cannot be reached. Check the connection and try again.', null);
  }
  if (response.ok) {
    const etag = response.headers.get('etag');
    if (etag && (write || (method === 'GET' && !options.query))) entityTags.set(path, etag);
    return response;
  }

  let problem: Problem | null = null;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = null;
    }
  }
  const retryHeader = Number(response.headers.get('retry-after'));
  const retryAfterSeconds =
    typeof problem?.retryAfterSeconds === 'number'
      ? problem.retryAfterSeconds
      : Number.isFinite(retryHeader) && retryHeader > 0
        ? retryHeader
        : null;
  const message = problem?.detail || problem?.title || `${response.status} ${response.statusText}`;
  const error = new ApiError(response.status, problem, message, retryAfterSeconds);
  if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized?.();
  throw error;
}

async function json<S extends z.ZodType>(response: Response, schema?: S): Promise<z.infer<S>> {
  if (response.status === 204) return undefined as z.infer<S>;
  const data: unknown = await response.json();
  return schema ? schema.parse(data) : (data as z.infer<S>);
}

/** The Steward API. Responses are checked against the same zod contracts the server answers with. */
export const api = {
  async get<S extends z.ZodType>(
    path: string,
    schema: S,
    query?: Record<string, QueryValue>,
    signal?: AbortSignal,
  ): Promise<z.infer<S>> {
    return json(await request('GET', path, { query, signal }), schema);
  },
  async post<S extends z.ZodType>(
    path: string,
    body: unknown,
    schema?: S,
    query?: Record<string, QueryValue>,
  ): Promise<z.infer<S>> {
    return json(await request('POST', path, { body, query }), schema);
  },
  async postText<S extends z.ZodType>(
    path: string,
    text: string,
    contentType: string,
    schema: S,
    query?: Record<string, QueryValue>,
  ): Promise<z.infer<S>> {
    return json(await request('POST', path, { text: { body: text, contentType }, query }), schema);
  },
  async patch<S extends z.ZodType>(path: string, body: unknown, schema?: S): Promise<z.infer<S>> {
    return json(await request('PATCH', path, { body }), schema);
  },
  async put<S extends z.ZodType>(path: string, body: unknown, schema?: S): Promise<z.infer<S>> {
    const response = await request('PUT', path, { body });
    // Without a contract the answer is not read (a PUT that answers 200 with a body nobody needs).
    return schema ? json(response, schema) : (undefined as z.infer<S>);
  },
  async delete(path: string, query?: Record<string, QueryValue>): Promise<void> {
    await request('DELETE', path, { query });
  },
};
