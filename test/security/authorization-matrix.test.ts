import { defineAuthorizationMatrix } from './support/matrix-suite.ts';

// On PostgreSQL when TEST_DATABASE_URL is set, else on PGlite; both under `npm run test:stress`.
await defineAuthorizationMatrix(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
