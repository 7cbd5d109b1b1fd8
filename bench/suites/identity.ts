// Identity changes across web processes: two servers on one PostgreSQL database; a role revoked through one,
// the time until the other refuses the revoked user's next request (the change signal's propagation).
import path from 'node:path';
import { signIn, waitReady } from '../lib/http.ts';
import { round, sleep, startServer } from '../lib/proc.ts';

export type IdentityFigures = {
  rounds: number;
  /** From sending the revocation to the other server's first refusal, per round (ms). */
  propagationMs: number[];
  p50Ms: number;
  maxMs: number;
};

const ROUNDS = 10;
const GIVE_UP_MS = 10_000;
const USER_PASSWORD = 'Bench-Identity-Pass-91';

async function call(
  base: string,
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: unknown,
) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export async function runIdentityPropagation(options: {
  databaseUrl: string;
  adminEmail: string;
  password: string;
  tmp: string;
  logs: string;
  log: (line: string) => void;
}): Promise<IdentityFigures> {
  const env = {
    DATABASE_URL: options.databaseUrl,
    STEWARD_ROLE: 'web',
    STEWARD_DEMO: '0',
    STEWARD_FILES_DIR: path.join(options.tmp, 'files'),
  };
  const first = startServer({ logFile: path.join(options.logs, 'server-identity-1.log'), env });
  const second = startServer({ logFile: path.join(options.logs, 'server-identity-2.log'), env });
  try {
    await waitReady(first.base, 120_000, () => first.child.exitCode === null);
    await waitReady(second.base, 120_000, () => second.child.exitCode === null);
    const admin = await signIn(first.base, options.adminEmail, options.password);
    if (!admin) throw new Error('the demo administrator could not sign in');
    const asAdmin = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
    // An auditor of the group reads the user directory; without the role, the directory refuses it (403).
    const created = await call(first.base, 'POST', '/api/users', asAdmin, {
      email: `bench.identity.${Date.now()}@steward.demo`,
      displayName: 'Bench Identity',
      password: USER_PASSWORD,
      assignments: [],
    });
    if (created.status !== 201) throw new Error(`creating the user answered ${created.status}`);
    const userId = created.body.id as string;
    const self = await signIn(first.base, created.body.email, USER_PASSWORD);
    if (!self) throw new Error('the new user could not sign in');
    const issued = await call(
      first.base,
      'POST',
      '/api/auth/tokens',
      { cookie: self.cookie, 'x-csrf-token': self.csrf },
      { name: 'bench' },
    );
    const asToken = { authorization: `Bearer ${issued.body.token}` };
    const probe = () => call(second.base, 'GET', `/api/users/${userId}`, asToken).then((r) => r.status);
    const setRoles = async (assignments: unknown[]) => {
      const current = await call(first.base, 'GET', `/api/users/${userId}`, asAdmin);
      const res = await call(first.base, 'PATCH', `/api/users/${userId}`, asAdmin, {
        assignments,
        version: current.body.version,
      });
      if (res.status !== 200) throw new Error(`changing the roles answered ${res.status}`);
    };
    const until = async (status: number) => {
      const start = performance.now();
      while ((await probe()) !== status) {
        if (performance.now() - start > GIVE_UP_MS)
          throw new Error(`the second server did not answer ${status} within ${GIVE_UP_MS / 1000} s`);
      }
    };

    const propagationMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await setRoles([{ role: 'auditor', scopeKind: 'group' }]);
      await until(200);
      // Warm: the second server now answers this token from memory.
      await probe();
      const start = performance.now();
      await setRoles([]);
      await until(403);
      propagationMs.push(round(performance.now() - start, 1));
      await sleep(50);
    }
    const sorted = [...propagationMs].sort((a, b) => a - b);
    const figures = {
      rounds: ROUNDS,
      propagationMs,
      p50Ms: sorted[Math.floor(sorted.length / 2)],
      maxMs: sorted[sorted.length - 1],
    };
    options.log(
      `  role revoked on one server, refused by the other: p50 ${figures.p50Ms} ms, max ${figures.maxMs} ms over ${ROUNDS} rounds`,
    );
    return figures;
  } finally {
    await Promise.all([first.stop(), second.stop()]);
  }
}
