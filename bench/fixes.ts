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
];
