import type { BenchResults } from './report.ts';

/**
 * Why a target is missed, where profiling has shown it: the report prints, for each missed target, how far
 * it is from the target (computed in the run) and the reason (written here). Keep them current.
 */
const WHY: Record<string, string> = {
  'reads.p99.':
    'With 32 clients in a closed loop on 2 cores, latency is about 32 ÷ throughput: a p99 under 50 ms needs roughly 1,000 requests/s, under 2 ms of CPU per request for Node and PostgreSQL together. Lists now count at most 10,001 rows ("more than 10,000"), which took the whole-group employee list from 3.9 s to about 0.3 s p50 at scale 10; what remains is the scope filter and sort of the larger lists (a site-scoped sort has no index of its own yet, the SPIL officer\'s scope spans several sites), the substring name search (no trigram index: every name is read), and the training aggregates over 4,200,000 completions, which group every completion of the year on each request instead of reading a summary kept per site and month.',
  'reads.rps.': 'Same causes as the p99: see above.',
  'reads.p50.':
    "Over HTTP each request also pays for the session and role lookups (replayed in the direct SQL too), zod validation of the response, JSON serialisation and the HTTP stack, in a Node process that competes with PostgreSQL for the same 2 cores: where a request's SQL is cheap, the Node side shows (building and validating 50 row views); where its SQL is heavy, the two columns agree.",
  'import.rate':
    'Steward reads the file twice (a validation pass that shows every error before anything is written, then the commit pass) and checks each row in JavaScript; the commit stages checked rows in a temporary table and moves them in sorted INSERT … SELECT statements, the same database work as the COPY path plus a foreign key to the import job on every row.',
  'import.memory':
    "Most of it is V8's heap policy rather than data the import holds: after a full collection the live heap is under 100 MB, but on this 24 GB machine V8 lets the old generation fill with short-lived rows (batches of 5,000 survive two young collections while the previous batch is written) to about twice its live size before collecting. An idle web process is 190 MB resident (it was 305 MB before the report renderers became lazy). With NODE_OPTIONS=--max-old-space-size=256 the same import peaks at 380 MB, about 20% slower; getting under 300 MB needs a smaller idle process (the API reference page alone is 25 MB) as well.",
};

export function EXPLANATIONS(r: BenchResults): string[] {
  const out: string[] = [];
  const missed = r.targets.filter((x) => x.met === false);
  for (const [key, why] of Object.entries(WHY)) {
    const these = missed.filter((t) => t.id === key || t.id.startsWith(key));
    if (!these.length) continue;
    const list = these.map((t) => `${t.figure} ${t.value} (limit ${t.limit}; ${t.missedBy})`).join('; ');
    out.push(
      `**${these.length === 1 ? these[0].figure : `${these.length} × ${these[0].target}`}** missed: ${list}. ${why}`,
    );
  }
  for (const t of missed.filter((x) => !Object.keys(WHY).some((k) => x.id.startsWith(k)))) {
    out.push(`**${t.figure}** missed (${t.target}): ${t.value} against ${t.limit}, ${t.missedBy}.`);
  }
  if (r.machine.loadAverageStart[0] > r.machine.cpus * 1.5) {
    out.push(
      `The machine was busy with other work during this run (load average ${r.machine.loadAverageStart[0]} at the start on ${r.machine.cpus} cores): every figure, Steward's and its limits alike, is slower than on an idle machine; the ratios between them hold better than the absolute values.`,
    );
  }
  return out;
}
