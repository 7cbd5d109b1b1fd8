import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type StewardProcess = {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr (its pino log lines). */
  output: string[];
  /** http://127.0.0.1:PORT for a web process. */
  url: string;
  port: number;
  /** Resolves when the process exits. */
  exited: Promise<number | null>;
  /** kill -9. */
  kill(): Promise<void>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
};

/**
 * Starts `node cli/steward.ts start` in its role (web, worker or all) with the environment given (a
 * DATABASE_URL or STEWARD_DATA_DIR, at least), and waits until a web process answers /api/ready.
 */
export async function startSteward(
  env: Record<string, string>,
  options: { role?: 'web' | 'worker' | 'all'; waitMs?: number; execArgv?: string[] } = {},
): Promise<StewardProcess> {
  const role = options.role ?? 'all';
  const port = await freePort();
  const child = spawn(process.execPath, [...(options.execArgv ?? []), 'cli/steward.ts', 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      STEWARD_ROLE: role,
      PORT: String(port),
      HOST: '127.0.0.1',
      STEWARD_DEMO: '0',
      LOG_LEVEL: 'info',
      SIGNIN_RATE_PER_MINUTE: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const proc: StewardProcess = {
    child,
    output,
    url,
    port,
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  const deadline = Date.now() + (options.waitMs ?? 120_000);
  let done = false;
  void exited.then(() => {
    done = true;
  });
  while (!done && Date.now() < deadline) {
    if (role === 'worker') {
      if (output.join('').includes('job runner started')) return proc;
    } else {
      try {
        const res = await fetch(`${url}/api/ready`);
        if (res.ok) return proc;
      } catch {
        // not listening yet
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await proc.kill();
  throw new Error(`Steward (${role}) did not start:\n${output.join('').slice(-3000)}`);
}

/** A small fetch client for a real server: a session cookie and its CSRF token. */
export class HttpClient {
  readonly base: string;
  cookie: string | undefined;
  csrf: string | undefined;
  bearer: string | undefined;
  constructor(base: string) {
    this.base = base;
  }

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    if (method !== 'GET' && this.csrf) h['x-csrf-token'] = this.csrf;
    if (body !== undefined) h['content-type'] ??= 'application/json';
    const res = await fetch(`${this.base}${url}`, {
      method,
      headers: h,
      body:
        body === undefined
          ? undefined
          : typeof body === 'string'
            ? body
            : Buffer.isBuffer(body)
              ? new Uint8Array(body)
              : JSON.stringify(body),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    // biome-ignore lint/suspicious/noExplicitAny: bodies are whatever the API sent.
    return { status: res.status, headers: res.headers, text, body: json as any };
  }

  async signIn(email: string, password: string) {
    const res = await fetch(`${this.base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('steward_session='));
    this.cookie = cookie?.split(';')[0];
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    return this;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body);
  }
  patch(url: string, body?: unknown) {
    return this.request('PATCH', url, body);
  }
  put(url: string, body?: unknown) {
    return this.request('PUT', url, body);
  }
}
