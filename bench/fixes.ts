/**
 * Performance defects the benchmarks found and fixed, with the figures before and after (each measured
 * on this machine with the same suite). The report lists them; add one entry per fix.
 */
export type Fix = {
  commit: string;
  what: string;
  figure: string;
  before: string;
  after: string;
};

export const FIXES: Fix[] = [
  {
    commit: '74476e6',
    what: 'Demo generator: unique e-mail addresses in linear time (the search for a free "name<n>@" restarted at 2 for every common name)',
    figure: 'generating the scale-10 dataset (1,000,012 employees)',
    before: '29.5 s',
    after: '15.6 s (same rows, same hash)',
  },
  {
    commit: '74476e6',
    what: "Calendar dates in a site's time zone from one cached Intl.DateTimeFormat per zone instead of a new one per row (115 µs → 2 µs a call)",
    figure: 'certification matrix, scale 10, 32 clients: p50 / requests/s',
    before: '327 ms / 78 per s',
    after: '169 ms / 168 per s',
  },
  {
    commit: '74476e6',
    what: 'Obligations summary counted in SQL instead of loading every open and done-this-year obligation of the scope into the server',
    figure: '/api/obligations/summary, scale 10 (200,000 obligations), 32 clients',
    before: 'server grew to 12 GB and was killed by the kernel; its SQL 31 s p50',
    after: '2.5 s p50, 7 per s, bounded memory',
  },
  {
    commit: '74476e6',
    what: 'Index actions (status, due_date): the open-actions view read every action',
    figure: 'actions: open, by due date, scale 10 (200,000 actions), 32 clients: p50 / requests/s',
    before: '2,610 ms / 3 per s',
    after: '301 ms / 95 per s',
  },
  {
    commit: '74476e6',
    what: 'Index employees (full_name, id), (hire_date, id), (department, id): each page of the group-wide list sorted every employee',
    figure:
      "employees: whole group, by hire date desc, scale 10 (1,000,000 employees): one page's SQL; the endpoint under 32 clients",
    before: '520 ms; no answer within 3 s (SQL 11.3 s p50)',
    after: '0.5 ms; 5.6 s p50 (the exact count is what remains)',
  },
  {
    commit: '9acc3ff',
    what: 'Imports stage checked rows in a temporary table and move them in INSERT … SELECT statements sorted by the unique index; each batch is written while the next is read and checked',
    figure: 'import of 1,000,000 training completions into PostgreSQL (upload + validate + commit)',
    before: '12,755 rows/s (commit 69.7 s)',
    after: '18,124 rows/s (commit 47.8 s)',
  },
  {
    commit: '9acc3ff',
    what: 'The report renderers (ECharts, pdfkit) and exceljs load with the first report, export or spreadsheet import instead of at start',
    figure: 'resident memory of an idle web process on PostgreSQL',
    before: '305 MB',
    after: '191 MB',
  },
  {
    commit: '17d178f',
    what: "An import writes its job's progress row at most once a second: each write left a row version that every imported row's reference to the job had to walk",
    figure: 'commit of 1,000,000 training completions into PostgreSQL',
    before: '42–52 s',
    after: '37 s (23,991 rows/s end to end)',
  },
  {
    commit: '10d0733',
    what: "Training figures of a year read a summary per year, site and domain kept by statement-level triggers on the completions (exact through inserts, updates, deletes, truncation and a course's change of domain), instead of counting the distinct people of a year's completions on each request",
    figure: '/api/training/figures, scale 10 (4,200,000 completions), 32 clients: p50 / requests/s',
    before: 'over 2 s for one request alone (not measurable under load)',
    after: '61 ms / 500 per s (its SQL 36 ms)',
  },
  {
    commit: 'e1b561d',
    what: 'A bulk import counts its rows into the training summary once, at the end, instead of once per 100,000-row chunk',
    figure: 'commit of 1,000,000 training completions into PostgreSQL',
    before: '107 s',
    after: '70–88 s (COPY + INSERT…SELECT of the same file, which pays the same summary once: 47–62 s)',
  },
  {
    commit: '7462f39',
    what: 'Lists count their rows up to the cap in the database (select count(*) from (… limit 10001)) instead of fetching ten thousand rows for the driver to parse',
    figure: 'audit events, newest first, scale 10, 32 clients: p50 / requests/s',
    before: '281 ms / 102 per s',
    after: '114 ms / 250 per s',
  },
  {
    commit: '402e3b4',
    what: 'People search through a GIN index of character pairs of name, number and e-mail (two-character Chinese names have no trigram), confirmed by ILIKE',
    figure:
      "employees: search '志偉' in the whole group, scale 10: SQL of the page and its count, one client",
    before: '497 ms + 702 ms',
    after: '27 ms + 23 ms',
  },
  {
    commit: '402e3b4',
    what: "One site's audit events read from the site's hash chain index, in chain order; the planner had walked the whole log backwards past other sites' events",
    figure: 'audit events of one site, scale 10, 32 clients: p50 / requests/s',
    before: '5,561 ms / 3 per s (the page alone: 349 ms of SQL)',
    after: '120 ms / 249 per s',
  },
  {
    commit: '402e3b4',
    what: "Indexes (site, sort column, id) for the lists of one site, with the tie-breaker sorted in the sort's direction",
    figure: "one site's training completions of the year, scale 10: SQL of one page",
    before: '54 ms (sorting 8,000 rows with parallel workers)',
    after: '0.7 ms',
  },
  {
    commit: '7462f39',
    what: "Home counts each site's active employees from a partial index (index-only) and contractor access ending soon from an index on the end date",
    figure: '/api/home, scale 10, 32 clients: p50 (the head-count query alone)',
    before: '7,320 ms (671 ms)',
    after: '1,312 ms (113 ms)',
  },
  {
    commit: 'b499bf4',
    what: "Index (site, occurred_at, id) for one site's incidents, newest first; PostgreSQL sessions without parallel workers (which only queued behind each other under 32 clients on 2 cores)",
    figure: 'OHS incidents of one site, newest first, scale 10, 32 clients: p50 / requests/s',
    before: '756 ms / 35 per s',
    after: '176 ms / 164 per s',
  },
  {
    commit: 'b499bf4',
    what: 'Benchmark loader: copies without per-row foreign-key checks and triggers, builds secondary indexes and the training summary once the rows are in (as pg_restore does); the demo loader builds its indexes after the rows too',
    figure: 'loading the scale-10 dataset (7,450,841 rows) into PostgreSQL; the scale-1 dataset into PGlite',
    before: '371 s; 108 s',
    after: '209 s; 57 s',
  },
  {
    commit: '20d7213',
    what: "NIST CSF roll-ups: scores kept as exact fractions read from their binary approximation (integers only within a hair of a rounding tie) instead of decimal.js on every mean; each site's scores worked out once per request instead of once per subsidiary and group; the newest catalogue read once per process; the heat map's campaigns in one query; an assessment's people named in one query",
    figure:
      'NIST CSF heat map / trend / one assessment, scale 10, 32 clients: p50 against the same SQL run directly',
    before: '1.8× / 1.9× / 1.7× SQL (116 / 345 / 89 ms in a loaded run)',
    after: '1.24× / 1.13× / 1.29× SQL (79 / 211 / 84 ms)',
  },
  {
    commit: '8fb4e48',
    what: 'OHS injury rates read a summary of settled injuries per site, month, person type and injury type kept by statement-level triggers (migration 0034); only the open cases are classified row by row',
    figure: 'OHS injury rates, 25 sites × 10 years, scale 10 (48,000 injuries), 32 clients: p50 / requests/s',
    before: 'no answer within 5 s (its SQL 5.4 s p50)',
    after: '2,690 ms / 6 per s (its SQL 1,332 ms p50; 56 ms for one request alone)',
  },
  {
    commit: 'c273284',
    what: "Training campaign progress reads counts kept by triggers (migration 0035: each person's latest completion of a course, employees per site and month of hiring, those done per course and site); the cases that depend on today are counted live",
    figure: 'training campaign progress, scale 10 (1,000,000 employees, 4,200,000 completions)',
    before: '8,752 ms for one request alone (not measurable under load)',
    after: '49 ms of SQL for one request alone; 1,288 ms p50 / 18 per s under 32 clients',
  },
  {
    commit: '65a87c1',
    what: "Site headcounts kept by triggers on employees (migration 0036) instead of counting each site's employees per request",
    figure: '/api/home, scale 10, 32 clients: p50 / requests/s',
    before: '956 ms / 27 per s (the head-count query alone 59 ms)',
    after: '143 ms / 213 per s (1 ms)',
  },
  {
    commit: '63d591a',
    what: "Route-level code splitting: every page, the signed-in frame and the home page load on demand, the modules' texts with the frame; the theme names no component",
    figure: 'first page JavaScript, gzipped',
    before: '454 KB',
    after: '241 KB',
  },
  {
    commit: '892053b',
    what: 'The training completions import looks up the people a batch of 5,000 rows names (an index on the number in upper case) instead of loading every employee and contractor worker of the group per run',
    figure:
      'import of 20,000 training completions into PostgreSQL at scale 10 (1,150,000 people): rows/s end to end; server peak resident memory (BENCH_ONLY=import BENCH_SCALE_SMALL=10 BENCH_IMPORT_ROWS=20000, both on one database)',
    before: '2,349 rows/s (validate 3.1 s, commit 5.3 s); 1,186 MB',
    after: '6,065 rows/s (validate 0.6 s, commit 2.6 s); 373 MB',
  },
  {
    commit: 'db94374',
    what: "Lists of a few sites read one ordered scan per site and merge them (indexes on employees (site, department, id) and (site, hire date, id), migration 0071), instead of walking the whole group's index of the sort column past other sites' rows",
    figure:
      'employees of the SPIL officer (8 sites) by department, scale 10, 32 clients: SQL of the first page alone; p50 / requests/s',
    before: '55 ms; 1,262 ms / 18 per s',
    after: '2.5 ms; 45 ms / 659 per s',
  },
  {
    commit: '629ebcd',
    what: "Injury rates in exact integer arithmetic (BigInt) instead of 60-digit decimals, each tally's hours parsed once; the open injuries read with a subquery per injury for the incident's commuting flag instead of a join the planner ran as a scan of all 81,000 incidents",
    figure:
      'OHS injury rates, 25 sites × 10 years, scale 10: one request alone (curl, warm) ; 32 clients: p50 / requests/s',
    before: '100 ms; 3,707 ms / 5 per s',
    after: '41 ms (same bytes); 2,197 ms / 10 per s',
  },
  {
    commit: '5d6a05b',
    what: "Obligations summary: the kept due dates more than 30 days after the latest today anywhere counted as upcoming without converting each row's date to its site's time zone; the nearer ones read by a due-date index (migration 0074)",
    figure: 'obligations summary, scale 10 (22,554 kept due dates): one request alone',
    before: '29 ms (the SQL alone 30–36 ms)',
    after: '9.4 ms (same figures)',
  },
  {
    commit: '1cad498',
    what: "The first page no longer carries the IP panels of the project and incident pages (imported statically from the IP manifest) nor the Traditional Chinese texts, zod's and dayjs's Chinese words (loaded when the language is first chosen); a test holds the 250 KB budget",
    figure: 'first page JavaScript, gzipped',
    before: '311.5 KB',
    after: '246.2 KB',
  },
  {
    commit: '8cae46a',
    what: "The embedded database's buffers at 32 MB instead of PostgreSQL's 128 MB (PGlite's memory never shrinks; its reads that miss them come from the file cache)",
    figure:
      'PGlite server at scale 1: resident memory idle / under load / peak; the 1-client p50 of the 31 read cases',
    before: '597 / 879 / 1,087 MB',
    after:
      '466 / 742 / 959 MB; p50s within the run-to-run spread (e.g. injury rates 55.0 → 49.0 ms, campaign 17.7 → 13.8 ms, CSF trend 25.3 → 26.4 ms)',
  },
  {
    commit: '563134d',
    what: "The injury rates' answer kept serialised in the web process under a key of everything it depends on, including a data version of the hours, injuries and incidents that triggers renew on every committed change (migrations 0075, 0077)",
    figure:
      'OHS injury rates, 25 sites × 10 years, scale 10: p50 one client alone; requests/s under 32 clients',
    before: '69.4 ms; 9.5 per s',
    after: '5.0 ms; 644 per s (the first answer after a change: 71.8 ms)',
  },
  {
    commit: '99e9994',
    what: "A course's campaign progress kept the same way, under the version of completions, courses, employees and sites (migration 0076)",
    figure: 'training campaign progress, scale 10: p50 one client alone',
    before: '48.7 ms',
    after: '2.3 ms (the first answer after a change: 81.0 ms)',
  },
];
