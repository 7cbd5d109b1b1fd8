import type { BenchResults } from './report.ts';

/**
 * Why a target is missed, where profiling has shown it: the report prints, for each missed target, how far
 * it is from the target (computed in the run) and the reason (written here). Keep them current.
 */
const WHY: Record<string, string> = {
  'nab.detector.standard':
    "The detector is deliberately simple and general: a reading is scored by how far it lies outside the range seen by four views (value, change, difference from the same time the day before, mean of the last 16 readings), more when two views agree, and one alarm is raised per event. It misses changes that stay inside every range seen (the holiday dips of nyc_taxi, 3 of 5 windows) and pays false positives on noisy series that keep reaching new extremes (cpu_utilization_asg_misconfiguration, machine_temperature_system_failure, rogue_agent_key_updown). Tried without gain: an HTM-style anomaly likelihood over rank-based raw scores and over a sequence-novelty score, scaling each view's surprise by its recent peaks, a rising bar after each alarm, extrapolating a range from its tails, a same-time-last-week view, a slope view, a smoothed same-time-yesterday view, longer re-arm periods. The leaders learn sequences (HTM's temporal memory, ARTime's adaptive resonance) or contexts of recent values (CAD OSE).",
  'reads.p99.':
    "With 32 clients in a closed loop on 2 cores, latency is about 32 ÷ throughput: a p99 under 50 ms needs roughly 1,000 requests/s, under 2 ms of CPU per request for Node and PostgreSQL together. Every list request runs four queries (session, role assignments, the page, its count up to 10,001 rows) and validates and serialises 50 row views; the fastest lists reach 250–500 requests/s. What remains slowest: counting up to 10,001 rows of a large scope (5–10 ms of SQL each time, the cost of saying 'more than 10,000'), the search of a common two-character name (7,700 matches at scale 10, all of them counted and sorted by name), and the SPIL officer's scope of six sites, for which no single index gives the order.",
  'reads.rps.':
    'Hello-world answers 3,600–4,500 requests/s on this machine; 30% of it is over 1,000 list requests/s, the same budget as the p99 above.',
  'reads.p50.':
    "Over HTTP each request also pays for Node's side (parsing the rows, zod validation of the response, JSON serialisation, the HTTP stack) in a process that shares the 2 cores with PostgreSQL: where a request's SQL is a few milliseconds, that side is about as large as the SQL and the ratio exceeds 1.5; where the SQL is heavy, the two columns agree. The OHS injury rates apply the rules (disabling, lost days, DART) to every injury of ten years in JavaScript: 48,000 injuries at scale 10. The academia contribution of a year counts its projects, interns started and internships ended in SQL (per partner, site and outcome) and reads only the year's payments row by row (2,010 at scale 10), since each is converted at the rate of its own date and rounded to the cent before it is summed: nine queries in three stages, the partners and the sites' labels read side by side at the end, and each conversion in exact floating-point integers with each rate read once per process (1.26× its SQL in the last run, from 1.65× with BigInt on every payment and a third stage of one query). The ten-year intern-to-hire report is one grouped query whose 1,091 rows (year × site × school × program) carry the school's id, the schools being named once beside them: 1.46× its SQL (from 1.98× when each row carried both names).",
  'import.rate':
    'Steward reads the file twice (a validation pass that shows every error before anything is written, then the commit pass) and checks each row in JavaScript; the commit stages checked rows in a temporary table and moves them in sorted INSERT … SELECT statements, the same database work as the COPY path plus a foreign key to the import job on every row. Both sides pay once for counting the new rows into the training summary.',
  'import.memory':
    "Most of it is V8's heap policy rather than data the import holds: after a full collection the live heap is under 100 MB, but on this 24 GB machine V8 lets the old generation fill with short-lived rows (batches of 5,000 survive two young collections while the previous batch is written) to about twice its live size before collecting. An idle web process is about 190 MB resident, 40 MB of it the API reference page's script. With NODE_OPTIONS=--max-old-space-size=256 the same import peaks at about 380 MB, 20% slower; getting under 300 MB also needs a smaller idle process.",
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
  for (const [name, run] of Object.entries(r.partRuns ?? {})) {
    if (!run.cases || run.loadAverageStart[0] <= r.machine.cpus * 1.5) continue;
    out.push(
      `The read cases of the run "${name}" were measured while the machine was busy with other work (load average ${run.loadAverageStart[0]} at its start on ${r.machine.cpus} cores): their absolute figures are slower than on an idle machine; their ratio to their own SQL, measured in the same run, holds better.`,
    );
  }
  return out;
}
