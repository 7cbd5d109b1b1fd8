import type { BenchResults } from './report.ts';

/**
 * Why a target is missed, where profiling has shown it: the report prints, for each missed target, how far
 * it is from the target (computed in the run) and the reason (written here). Keep them current.
 */
const WHY: Record<string, string> = {
  'reads.p99.':
    'Every list returns the exact total of its filtered scope with each page, and at scale 10 that `count(*)` reads hundreds of thousands to millions of rows (1,000,000 employees, 5,100,000 completions, 2,000,000 audit events) while the page itself is an index scan of well under a millisecond: see "Where one request\'s SQL time goes". With 32 clients in a closed loop on 2 cores, latency is about 32 ÷ throughput, so a p99 under 50 ms needs roughly 1,000 requests/s, under 2 ms of CPU per request for Node and PostgreSQL together. No index gets an exact count of a million rows there; the remedy is in the list contract: count at most 10,001 rows and show "10,000+" (or PostgreSQL\'s estimate for an unfiltered scope), and keyset paging for deep pages.',
  'reads.rps.':
    'Same cause as the p99: the exact count of the scope dominates each list request at scale 10.',
  'reads.p50.':
    "Over HTTP each request also pays for the session and role lookups (replayed in the direct SQL too), zod validation of the response, JSON serialisation and the HTTP stack, in a Node process that competes with PostgreSQL for the same 2 cores: where a request's SQL is cheap, the Node side shows (building and validating 50 row views); where it is the count of a large scope, the two columns agree.",
  'import.rate':
    "Steward reads the file twice (a validation pass that shows every error before anything is written, then the commit pass), checks each row in JavaScript (person, course, date, hours, result) and inserts batches of 5,000 rows through `unnest` with `on conflict do nothing` and a count of what was new; COPY parses the file inside PostgreSQL and one INSERT…SELECT resolves numbers to ids by hash joins. The commit pass alone is the fairer comparison with COPY's single pass (see the Import section).",
  'import.memory':
    "Most of it is the server's baseline rather than the import: a Steward web process sits at about 300 MB resident when idle on this 24 GB machine, because V8 sizes its young generation from the machine's memory (with `node --max-semi-space-size=8` the same process idles at 212 MB); the import adds its lookup table of every person number in scope and its batches.",
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
