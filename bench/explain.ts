#!/usr/bin/env node
// Prints the SQL one GET of an endpoint runs (captured from Steward's own code) with EXPLAIN ANALYZE of
// each query, leaving out the session and role lookups every request makes:
//   node bench/explain.ts postgres://postgres@127.0.0.1:5432/steward_bench_s10 '/api/actions?status=open' [email]
import pg from 'pg';
import { openCapturer } from './lib/direct.ts';

const [url, path, user = 'admin@steward.demo'] = process.argv.slice(2);
const cap = await openCapturer({ databaseUrl: url });
const cookie = await cap.signIn(user, 'Steward-demo-2026');
const plan = await cap.capture(path, cookie);
const c = new pg.Client({ connectionString: url });
await c.connect();
for (const q of plan.flat()) {
  if (/role_assignments|sessions/.test(q.sql)) continue;
  console.log('----', q.sql, JSON.stringify(q.parameters).slice(0, 300));
  const r = await c.query('explain (analyze, buffers off) ' + q.sql, q.parameters as unknown[]);
  console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
}
await c.end();
await cap.close();
