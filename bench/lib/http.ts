import { sleep } from './proc.ts';

export type Session = { cookie: string; csrf: string };

/** Signs in through the API; the session cookie and CSRF token, or null when refused. */
export async function signIn(base: string, email: string, password: string): Promise<Session | null> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  }).catch(() => null);
  if (!res?.ok) {
    await res?.body?.cancel();
    return null;
  }
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

/** Waits until the server answers /api/ready with 200. */
export async function waitReady(
  base: string,
  timeoutMs: number,
  alive: () => boolean = () => true,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!alive()) throw new Error('the server exited before it was ready');
    const ok = await fetch(`${base}/api/ready`).then(
      async (r) => {
        await r.body?.cancel();
        return r.ok;
      },
      () => false,
    );
    if (ok) return;
    await sleep(50);
  }
  throw new Error(`the server at ${base} was not ready within ${timeoutMs / 1000} s`);
}

/** Polls a sign-in every 50 ms until it succeeds; the time it took from `since` (ms). */
export async function waitSignIn(
  base: string,
  email: string,
  password: string,
  since: number,
  timeoutMs: number,
  alive: () => boolean,
): Promise<{ ms: number; session: Session }> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!alive()) throw new Error('the server exited before the first sign-in');
    const session = await signIn(base, email, password);
    if (session) return { ms: performance.now() - since, session };
    await sleep(50);
  }
  throw new Error(`no successful sign-in at ${base} within ${timeoutMs / 1000} s`);
}

export async function getJson<T>(base: string, url: string, session?: Session): Promise<T> {
  const res = await fetch(`${base}${url}`, { headers: session ? { cookie: session.cookie } : {} });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** JSON calls as a signed-in user (with the CSRF token), and waiting out an import job's validation or commit. */
export function apiCaller(base: string, session: Session) {
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  // biome-ignore lint/suspicious/noExplicitAny: answers are whatever the API sent.
  type Json = Record<string, any>;
  const call = async (method: string, url: string, body?: unknown): Promise<Json> => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json()) as Json;
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json).slice(0, 400)}`);
    return json;
  };
  return {
    headers,
    call,
    /** Polls an import job until it is no longer validating or committing. */
    async settle(job: Json): Promise<Json> {
      for (;;) {
        job = await call('GET', `/api/imports/${job.id}`);
        if (job.status !== 'validating' && job.status !== 'committing') return job;
        await sleep(200);
      }
    },
  };
}
