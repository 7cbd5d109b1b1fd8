import { defineFuzzSuite } from '../security/support/fuzz-suite.ts';

// API fuzzing at full size: 100,000 requests on PostgreSQL and 20,000 on PGlite (`npm test` sends 10,500).
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
await defineFuzzSuite('postgres', 100_000);
await defineFuzzSuite('pglite', 20_000);
