import { defineFuzzSuite } from './support/fuzz-suite.ts';

// 10,500 requests on PostgreSQL when TEST_DATABASE_URL is set, else on PGlite; 100,000 under `npm run test:stress`.
await defineFuzzSuite(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite', 10_500);
